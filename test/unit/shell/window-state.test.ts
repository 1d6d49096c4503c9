import { describe, expect, it } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_WINDOW, readWindowState, writeWindowState } from '../../../src-main/shell/window-state'

const SCREEN = [{ x: 0, y: 0, width: 1920, height: 1080 }]

describe('window state', () => {
  it('round-trips size, position and maximised state', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'clausewise-window-')), 'window.json')
    writeWindowState(file, { x: 100, y: 80, width: 1400, height: 900, maximized: true })
    expect(await readWindowState(file, SCREEN)).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: true })
  })

  it('keeps the size but not a position that is off every screen', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'clausewise-window-')), 'window.json')
    writeWindowState(file, { x: 4000, y: 80, width: 1400, height: 900, maximized: false })
    expect(await readWindowState(file, SCREEN)).toEqual({ width: 1400, height: 900, maximized: false })
  })

  it('falls back to the default for a damaged, implausible or missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-window-'))
    await writeFile(join(dir, 'bad.json'), '{"width": 10, "height": 10, "maximized": false}')
    await writeFile(join(dir, 'junk.json'), 'not json')
    expect(await readWindowState(join(dir, 'bad.json'), SCREEN)).toEqual(DEFAULT_WINDOW)
    expect(await readWindowState(join(dir, 'junk.json'), SCREEN)).toEqual(DEFAULT_WINDOW)
    expect(await readWindowState(join(dir, 'missing.json'), SCREEN)).toEqual(DEFAULT_WINDOW)
  })
})
