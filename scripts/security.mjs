// `npm run security`: runs @doyensec/electronegativity over the main process, the preload and
// the renderer, reads its SARIF (the tool exits 0 even when it finds things) and fails on
// any finding. One check is left out: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads
// Electron's release list, and this app is checked offline (Electron's version is pinned in
// package.json and updated deliberately); offline-got.cjs stops the tool's other download.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electron = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const bin = join(root, 'node_modules/@doyensec/electronegativity', JSON.parse(readFileSync(join(root, 'node_modules/@doyensec/electronegativity/package.json'), 'utf8')).bin.electronegativity)
// The global checks (CSP, navigation limits, permission handler) need main and renderer in
// one input, so both source folders are copied side by side and scanned together.
const scratch = mkdtempSync(join(tmpdir(), 'clausewise-eneg-'))
for (const dir of ['src-main', 'src-renderer']) cpSync(join(root, dir), join(scratch, 'app', dir), { recursive: true })
const sarif = join(scratch, 'report.sarif')
execFileSync(process.execPath, ['--require', join(root, 'scripts/offline-got.cjs'), bin, '-i', join(scratch, 'app'), '-r', '-e', electron, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', sarif], { stdio: ['ignore', 'ignore', 'inherit'] })
const results = JSON.parse(readFileSync(sarif, 'utf8')).runs.flatMap((run) => run.results ?? [])
for (const r of results) {
  const where = (r.locations ?? []).map((l) => `${l.physicalLocation.artifactLocation.uri.replace(/^file:\/\/\//, '')}:${l.physicalLocation.region?.startLine ?? '?'}`).join(', ')
  console.log(`electronegativity: ${r.ruleId}: ${r.message.text.split('\n')[0]} (${where})`)
}
const findings = results.length
console.log(`electronegativity (Electron ${electron}, src-main + src-renderer): ${findings} finding${findings === 1 ? '' : 's'}`)
if (findings > 0) {
  console.error(`electronegativity: ${findings} finding${findings === 1 ? '' : 's'}; fix them or, for a reviewed line, add an eng-disable comment with the reason`)
  process.exit(1)
}
