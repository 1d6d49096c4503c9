// Remembers the main window's size, position and maximised state between runs. A damaged or
// implausible file (an unplugged monitor, a hand edit) falls back to the default placement.
import { readFile } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export interface Area {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 860, maximized: false }
const MIN = { width: 900, height: 600 }

const Schema = z.strictObject({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(MIN.width).max(20_000),
  height: z.number().int().min(MIN.height).max(20_000),
  maximized: z.boolean()
})

/** The saved state if it is valid and at least partly on one of `displays`; the default otherwise. */
export async function readWindowState(file: string, displays: readonly Area[]): Promise<WindowState> {
  try {
    const parsed = Schema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    if (!parsed.success) return DEFAULT_WINDOW
    const s = parsed.data
    if (s.x === undefined || s.y === undefined) return { width: s.width, height: s.height, maximized: s.maximized }
    const visible = displays.some((d) => s.x! < d.x + d.width - 100 && s.x! + s.width > d.x + 100 && s.y! < d.y + d.height - 50 && s.y! >= d.y - 20)
    return visible ? s : { width: s.width, height: s.height, maximized: s.maximized }
  } catch {
    return DEFAULT_WINDOW
  }
}

/** Synchronous on purpose: it runs as the window closes, when the app may be about to exit. */
export function writeWindowState(file: string, state: WindowState): void {
  const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n))
  const parsed = Schema.safeParse({ ...state, x: round(state.x), y: round(state.y), width: Math.round(state.width), height: Math.round(state.height) })
  if (!parsed.success) return
  try {
    writeFileAtomic.sync(file, JSON.stringify(parsed.data) + '\n')
  } catch {
    // Losing the window's position is harmless; the next run uses the default.
  }
}
