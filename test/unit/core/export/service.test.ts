// The one export path: every format goes through it, and a file it cannot write is named with the
// reason, whatever the format (a file open in Word on Windows answers EBUSY, which Linux cannot
// make: the write is stood in for here).
import { describe, expect, it, vi } from 'vitest'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const failWith = vi.hoisted(() => ({ code: null as string | null }))
vi.mock('write-file-atomic', async (original) => {
  const real = (await original()) as { default: (...args: unknown[]) => Promise<void> }
  return {
    default: (...args: unknown[]) => {
      if (failWith.code) return Promise.reject(Object.assign(new Error(`${failWith.code}: resource busy or locked, rename`), { code: failWith.code }))
      return real.default(...args)
    }
  }
})

const { exportComparison, suggestedExportName } = await import('../../../../src-main/core/export/service')
const { createServices } = await import('../../../../src-main/services')

const ROOT = join(__dirname, '../../../..')

async function setUp() {
  const dir = await mkdtemp(join(tmpdir(), 'clausewise-export-'))
  const services = createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: join(dir, 'w.json') })
  return { dir, services }
}

describe('the one export path', () => {
  it('names a file open in another program, and leaves the one there as it was', async () => {
    const { dir, services } = await setUp()
    const out = join(dir, 'Redline.pdf')
    await writeFile(out, 'the export the partner has open')
    failWith.code = 'EBUSY'
    try {
      await expect(exportComparison(services, { baseId: '2025-10', targetId: '2026-04', out })).rejects.toThrow('could not write the PDF: the file is open in another program; close it and export again')
    } finally {
      failWith.code = null
    }
    expect(await readFile(out, 'utf8')).toBe('the export the partner has open')
  })

  it('names a folder it may not write to (EACCES, which root cannot meet here: stood in for)', async () => {
    const { dir, services } = await setUp()
    failWith.code = 'EACCES'
    try {
      await expect(exportComparison(services, { format: 'docx', baseId: '2025-10', targetId: '2026-04', out: join(dir, 'Redline.docx') })).rejects.toThrow('could not write the Word document: permission denied')
    } finally {
      failWith.code = null
    }
    expect((await readdir(dir)).filter((f) => f.startsWith('Redline'))).toEqual([])
  })

  it('refuses the same version on both sides before writing anything', async () => {
    const { dir, services } = await setUp()
    await expect(exportComparison(services, { baseId: '2026-04', targetId: '2026-04', out: join(dir, 'same.pdf') })).rejects.toThrow('base and target are the same version ("2026-04")')
    expect((await readdir(dir)).filter((f) => f.endsWith('.pdf'))).toEqual([])
  })

  it('proposes a name per format, by the versions’ dates', () => {
    const base = { title: 'October 2025 agreement', date: '2025-10-28' }
    const target = { title: 'Revised agreement', date: '2026-04-27' }
    expect(suggestedExportName(base, target, 'pdf')).toBe('Redline 2025-10-28 to 2026-04-27.pdf')
    expect(suggestedExportName(base, target, 'pdf-side-by-side')).toBe('Redline 2025-10-28 to 2026-04-27 side by side.pdf')
    expect(suggestedExportName(base, target, 'docx')).toBe('Redline 2025-10-28 to 2026-04-27.docx')
  })
})
