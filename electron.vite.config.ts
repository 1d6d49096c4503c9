// Build config for the three Electron targets; the renderer is also what the Chromium E2E mode loads.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  main: {
    build: {
      // ESM-only packages are bundled: the main bundle is CommonJS (htmlparser2: import's HTML reader).
      externalizeDeps: { exclude: ['approx-string-match', 'stemmer', 'htmlparser2'] },
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/shell/main.ts') }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() from node_modules: bundle everything into one file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/shell/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [
      vue(),
      {
        // The dev server injects inline styles for hot reload; the strict CSP applies to builds.
        name: 'clausewise-dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      }
    ],
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-renderer/index.html') }
      }
    }
  }
})
