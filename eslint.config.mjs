// Lint rules that keep the architecture honest: core never touches Electron or Vue, the
// renderer never reaches into main-process code except the contract's types.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } }
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off'
    }
  },
  {
    // CommonJS by necessity (a --require preload): require() is the module system here.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'core/ is pure TypeScript: Electron belongs in shell/.' },
          { name: 'vue', message: 'core/ never depends on the renderer.' },
          { name: 'pinia', message: 'core/ never depends on the renderer.' }
        ],
        patterns: [
          { group: ['electron/*'], message: 'core/ is pure TypeScript: no Electron.' },
          { group: ['**/shell', '**/shell/*', '**/services', '**/cli', '**/cli/*', '**/api/*'], message: 'core/ depends on nothing outside core/ (dependencies point one way).' }
        ]
      }]
    }
  },
  {
    files: ['src-main/services.ts', 'src-main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only src-main/shell/ may import Electron: the CLI and the composition root run under plain Node.' }],
        patterns: [{ group: ['**/shell', '**/shell/*'], message: 'shell/ is Electron-only; nothing outside it depends on it.' }]
      }]
    }
  },
  {
    files: ['src-main/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The contract is shared with the renderer and the CLI: no Electron here.' }] }]
    }
  },
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/src-main/api/*'], allowTypeImports: true, message: 'The renderer imports the contract for types only.' },
          { group: ['**/src-main/**', '!**/src-main/api/*'], message: 'The renderer never imports main-process code.' },
          { group: ['node:*', 'electron', 'fs', 'path', 'child_process'], message: 'No Node or Electron in the renderer.' }
        ]
      }]
    }
  }
)
