// Which E2E modes can run on this machine: the real Electron app where its binary is
// installed, and the built renderer in a system Chromium with window.api served by the core.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')
export type Mode = 'electron' | 'chromium'

export interface ModeStatus {
  mode: Mode
  available: boolean
  /** The executable used, or why the mode cannot run. */
  detail: string
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

export function electronStatus(): ModeStatus {
  // node_modules/electron/path.txt is written by electron's install script once the binary is downloaded.
  const pathFile = join(ROOT, 'node_modules/electron/path.txt')
  if (!existsSync(pathFile)) {
    return { mode: 'electron', available: false, detail: 'Electron binary not installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or its download failed)' }
  }
  const binary = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary)
    ? { mode: 'electron', available: true, detail: binary }
    : { mode: 'electron', available: false, detail: `Electron binary missing at ${binary}` }
}

export function chromiumStatus(): ModeStatus {
  const configured = process.env['CLAUSEWISE_CHROMIUM']
  const candidates = configured ? [configured] : CHROMIUM_CANDIDATES
  const found = candidates.find((p) => existsSync(p))
  return found
    ? { mode: 'chromium', available: true, detail: found }
    : { mode: 'chromium', available: false, detail: `no Chromium at ${candidates.join(', ')} (apt-get install chromium)` }
}

/** Modes to run: all available ones, or those named in CLAUSEWISE_E2E_MODES (comma-separated). */
export function selectedModes(): { run: ModeStatus[]; skipped: ModeStatus[] } {
  const wanted = (process.env['CLAUSEWISE_E2E_MODES'] ?? 'electron,chromium').split(',').map((s) => s.trim())
  const all = [electronStatus(), chromiumStatus()]
  const run = all.filter((s) => s.available && wanted.includes(s.mode))
  return { run, skipped: all.filter((s) => !run.includes(s)) }
}
