// `clausewise export` through the one export path: the formats, the options, and what it does with
// bad requests (an unknown format, the same version twice, an existing file, an unwritable folder).
import { describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../../src-main/cli/main'
import type { Out } from '../../../src-main/cli/output'

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const out: Out = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false }
  return { code: await main(argv, out), stdout, stderr }
}

describe('clausewise export', () => {
  it('refuses an unknown format as a usage error, writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-export-'))
    const r = await run('export', '--base', '2025-10', '--target', '2026-04', '--out', join(dir, 'x.rtf'), '--format', 'rtf')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--format must be pdf, pdf-side-by-side or docx, not "rtf"')
    expect(await readdir(dir)).toEqual([])
  })

  it('replaces an existing file whole, and names the format, pages and size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-export-'))
    const out = join(dir, 'redline.pdf')
    await writeFile(out, 'an older export')
    const r = await run('export', '--base', '2025-10', '--target', '2026-04', '--out', out, '--format', 'pdf', '--ignore-case')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^exported 13 clauses and 0 citations as PDF \(inline\) to .*redline\.pdf \(\d+ pages, \d+ KB\)\n$/)
    expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-')
    expect(await readdir(dir)).toEqual(['redline.pdf'])
  })

  it('refuses the same version on both sides, writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-export-'))
    const r = await run('export', '--base', '2026-04', '--target', '2026-04', '--out', join(dir, 'same.pdf'))
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('base and target are the same version ("2026-04")')
    expect(await readdir(dir)).toEqual([])
  })

  it('names a missing folder, and a folder given as the file, writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-export-'))
    const missing = await run('export', '--base', '2025-10', '--target', '2026-04', '--out', join(dir, 'no such folder', 'redline.pdf'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(`could not write the PDF: the folder ${join(dir, 'no such folder')} does not exist`)
    await mkdir(join(dir, 'a folder.pdf'))
    const folder = await run('export', '--base', '2025-10', '--target', '2026-04', '--out', join(dir, 'a folder.pdf'))
    expect(folder.code).toBe(1)
    expect(folder.stderr).toContain('could not write the PDF: that path is a folder')
    expect(await readdir(dir)).toEqual(['a folder.pdf'])
    expect(await readdir(join(dir, 'a folder.pdf'))).toEqual([])
  })
})
