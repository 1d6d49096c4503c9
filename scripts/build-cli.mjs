// Builds the `clausewise` bin: the CLI bundled into out/cli/cli.cjs so a run starts in plain
// Node without a TypeScript loader, behind a two-line launcher (out/cli/clausewise.cjs). The PDF export (pdfkit, fontkit, brotli: most of the
// weight) is a second file, required only by `clausewise export`, so every other command starts fast.
import { chmodSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outdir = join(root, 'out/cli')
// ES module builds first, so that esbuild can drop what is not used (stopword's other languages).
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, legalComments: 'none', logLevel: 'warning', mainFields: ['module', 'main'] }

/** main.ts's `import('./export-command')` becomes a require of the separately built file. */
const exportCommandExternal = {
  name: 'export-command-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/export-command$/ }, () => ({ path: './export-command.cjs', external: true }))
  }
}

await Promise.all([
  // pdf.js (PDF import) is an ES module that imports its worker file from beside itself: it loads from node_modules.
  build({ ...common, entryPoints: [join(root, 'src-main/cli/main.ts')], outfile: join(outdir, 'cli.cjs'), plugins: [exportCommandExternal], external: ['pdfjs-dist'] }),
  // pdfkit reads its own files through import.meta.url, which a CommonJS bundle lacks: it loads from node_modules.
  build({ ...common, entryPoints: [join(root, 'src-main/cli/export-command.ts')], outfile: join(outdir, 'export-command.cjs'), external: ['pdfkit'] })
])
// The launcher turns on Node's compile cache (Node >= 22.1; a no-op before) before the bundle
// loads, so repeat runs skip compiling it: about half of a short command's time.
const launcher = `#!/usr/bin/env node
'use strict'
try { require('node:module').enableCompileCache?.() } catch {}
require('./cli.cjs').run()
`
writeFileSync(join(outdir, 'clausewise.cjs'), launcher)
chmodSync(join(outdir, 'clausewise.cjs'), 0o755)
