// Says, before any test, which E2E modes run and, loudly, which cannot and why.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, selectedModes } from './modes'

export default function globalSetup(): void {
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` (npm run test:e2e does) before the E2E specs.')
  }
  const { run, skipped } = selectedModes()
  const lines = [
    '',
    '=== Clausewise E2E modes ===',
    ...run.map((s) => `  RUNNING      ${s.mode.padEnd(9)} ${s.detail}`),
    ...skipped.map((s) => `  NOT RUNNING  ${s.mode.padEnd(9)} ${s.detail}`)
  ]
  if (skipped.some((s) => s.mode === 'electron')) {
    lines.push('  !! The real Electron window is NOT exercised in this run; only the built renderer in Chromium is.')
  }
  console.log(lines.join('\n') + '\n')
}
