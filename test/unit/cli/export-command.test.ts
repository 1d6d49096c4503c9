// `clausewise export` through the one export path: the formats, the options, and what it does with
// bad requests (an unknown format, the same version twice, an existing file, an unwritable folder).
import { describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { unzipSync, strFromU8 } from 'fflate'
import { syntheticPair, toModelYaml } from '../../../bench/synthetic'
import { runCli } from '../../support/run-cli'

const run = runCli

describe('clausewise export', () => {
  it('refuses an unknown format as a usage error, writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-export-'))
    const r = await run('export', '--base', '2025-10', '--target', '2026-04', '--out', join(dir, 'x.rtf'), '--format', 'rtf')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--format must be pdf, pdf-side-by-side or docx, not "rtf"')
    expect(await readdir(dir)).toEqual([])
  })

  it('refuses a file name that says another format, writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-export-'))
    const r = await run('export', '--base', '2025-10', '--target', '2026-04', '--out', join(dir, 'redline.pdf'), '--format', 'docx')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('redline.pdf must end in .docx for --format docx')
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

  it('writes each format: the side-by-side PDF in two columns, the Word redline with tracked changes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-export-'))
    const pdf = join(dir, 'sbs.pdf')
    const side = await run('export', '--base', '2025-10', '--target', '2026-04', '--out', pdf, '--format', 'pdf-side-by-side')
    expect(side.stdout).toMatch(/as PDF \(side by side\) to .*sbs\.pdf \(\d+ pages, \d+ KB\)/)
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    // Two columns: the IP licence's base and target words side by side on one line.
    expect(text.split('\n').some((line) => /Microsoft holds exclusive rights.*\S\s{3,}Microsoft holds a licence/.test(line))).toBe(true)
    const docx = join(dir, 'redline.docx')
    const word = await run('export', '--base', '2025-10', '--target', '2026-04', '--out', docx, '--format', 'docx', '--reviewer', 'A. Reviewer')
    expect(word.stdout).toMatch(/as Word redline \(tracked changes\) to .*redline\.docx \(\d+ KB\)\n$/)
    const xml = strFromU8(unzipSync(await readFile(docx))['word/document.xml']!)
    expect(xml).toMatch(/<w:del [^>]*w:author="A. Reviewer"/)
    expect(xml).toMatch(/<w:ins [^>]*w:author="A. Reviewer"/)
  })

  it('exports a comparison without a difference as a clean document in every format, not an error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-export-'))
    const models = join(dir, 'models')
    await mkdir(models)
    const { base } = syntheticPair(12)
    const yaml = toModelYaml(base)
    await writeFile(join(models, 'a.yaml'), yaml)
    await writeFile(join(models, 'b.yaml'), yaml.replace(`id: ${base.id}`, 'id: same-words').replace(/^date: .*$/m, 'date: 2026-06-01'))
    for (const [format, file] of [['pdf', 'a.pdf'], ['pdf-side-by-side', 'b.pdf'], ['docx', 'c.docx']] as const) {
      const r = await run('export', '--models-dir', models, '--base', base.id, '--target', 'same-words', '--out', join(dir, file), '--format', format)
      expect(r.stderr).toBe('')
      expect(r.code, format).toBe(0)
      expect(r.stdout).toContain('exported 0 clauses and 0 citations')
    }
    expect(execFileSync('pdftotext', [join(dir, 'a.pdf'), '-'], { encoding: 'utf8' })).toContain('No clause changed between these versions.')
    expect(execFileSync('pdftotext', [join(dir, 'b.pdf'), '-'], { encoding: 'utf8' })).toContain('No clause changed between these versions.')
    const xml = strFromU8(unzipSync(await readFile(join(dir, 'c.docx')))['word/document.xml']!)
    expect(xml).toContain('No differences')
    expect(xml).not.toMatch(/<w:(ins|del) /)
  })
})
