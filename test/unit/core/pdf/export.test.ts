import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices } from '../../../../src-main/services'
import { compareVersions } from '../../../../src-main/core/compare/compare'
import { exportPdf, suggestedPdfName } from '../../../../src-main/core/pdf/service'

const ROOT = join(__dirname, '../../../..')
const hasTool = (tool: string) => ['/usr/bin', '/usr/local/bin'].some((d) => existsSync(join(d, tool)))

interface PdfAnnotation {
  subtype: string
  quadPoints?: ArrayLike<number> | Array<Array<{ x: number; y: number }>>
  contentsObj?: { str: string }
  titleObj?: { str: string }
}

async function openPdf(data: Buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise
  const annotations: PdfAnnotation[] = []
  let text = ''
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    annotations.push(...((await page.getAnnotations()) as PdfAnnotation[]))
    const content = await page.getTextContent()
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('') + '\n'
  }
  return { doc, annotations, text, outline: (await doc.getOutline()) ?? [], metadata: await doc.getMetadata() }
}

describe('annotated PDF export', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'clausewise-pdf-'))
  // A model whose April 2026 IP clause carries Korean, Japanese, curly quotes and U+2011.
  const models = join(dir, 'models')
  await cp(join(ROOT, 'resources/models'), models, { recursive: true })
  const april = await readFile(join(models, '2026-04.yaml'), 'utf8')
  const marked = april.replace('until 2032; the licence', 'until 2032 (“non‑exclusive”; 비독점 라이선스; 非独占ライセンス); the licence')
  // The test's own text must reach the model, or the scripts below are never put to the PDF.
  expect(marked).not.toBe(april)
  await writeFile(join(models, '2026-04.yaml'), marked)
  const services = createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: models, workspacePath: join(dir, 'w.json') })
  await services.evidence.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', quote: 'this license is no longer exclusive', stance: 'supports', note: 'April article', reviewer: 'A. Reviewer' })
  await services.evidence.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'windows-central', quote: "Microsoft retains exclusive access to OpenAI's intellectual property and models through 2030.", stance: 'contradicts', reviewer: 'A. Reviewer' })
  const out = join(dir, 'redline.pdf')
  const result = await exportPdf(services, { baseId: '2025-10', targetId: '2026-04', out, reviewer: 'A. Reviewer', now: new Date('2026-11-24T12:00:00Z') })
  const bytes = await readFile(out)
  const pdf = await openPdf(bytes)
  const comparison = compareVersions(await services.library.version('2025-10'), await services.library.version('2026-04'))

  it('puts a StrikeOut over every deleted run and an Underline under every inserted run, with QuadPoints', () => {
    const deletions = comparison.clauses.flatMap((c) => [...c.parts, ...c.headingParts]).filter((p) => p.op === 'delete' && !p.ignored).length
    const insertions = comparison.clauses.flatMap((c) => [...c.parts, ...c.headingParts]).filter((p) => p.op === 'insert' && !p.ignored).length
    const strikes = pdf.annotations.filter((a) => a.subtype === 'StrikeOut')
    const underlines = pdf.annotations.filter((a) => a.subtype === 'Underline')
    // Body runs are annotated (one per run and page); heading changes are struck or underlined in the drawing only.
    expect(strikes.length).toBeGreaterThanOrEqual(deletions - comparison.clauses.filter((c) => c.headingParts.some((p) => p.op === 'delete')).length)
    expect(underlines.length).toBeGreaterThanOrEqual(insertions - comparison.clauses.filter((c) => c.headingParts.some((p) => p.op === 'insert')).length)
    for (const a of [...strikes, ...underlines]) {
      expect(a.quadPoints && (a.quadPoints as ArrayLike<unknown>).length).toBeGreaterThan(0)
      expect(a.contentsObj?.str).toMatch(/^(Deleted|Inserted): /)
    }
    expect(strikes.some((a) => a.contentsObj?.str?.startsWith("Deleted: exclusive rights to OpenAI's intellectual property"))).toBe(true)
    expect(underlines.some((a) => a.contentsObj?.str?.startsWith("Inserted: a licence to OpenAI's models") && a.contentsObj.str.endsWith('the licence is no longer exclusive'))).toBe(true)
  })

  it('adds a comment per citation carrying stance, quote and note, by the reviewer', () => {
    const comments = pdf.annotations.filter((a) => a.subtype === 'Text')
    expect(comments).toHaveLength(2)
    expect(comments[0]!.contentsObj?.str).toContain('Supports')
    expect(comments[0]!.contentsObj?.str).toContain('“this license is no longer exclusive”')
    expect(comments[0]!.contentsObj?.str).toContain('Note: April article')
    expect(comments[1]!.contentsObj?.str).toContain('Microsoft retains exclusive access to OpenAI’s intellectual property')
    expect(comments.every((a) => a.titleObj?.str === 'A. Reviewer')).toBe(true)
  })

  it('has a bookmark per changed clause (a term carried over unchanged is no change), the metadata, and a summary of the export', () => {
    const changed = comparison.clauses.filter((c) => c.status !== 'unchanged' && c.status !== 'carried-over')
    expect(comparison.summary.carriedOver).toBeGreaterThan(0)
    expect(comparison.summary.removed).toBe(0)
    expect(pdf.outline.map((o) => o.title)).toEqual([...changed.map((c, i) => expect.stringContaining(`${i + 1}. ${(c.target ?? c.base)!.heading}`)), 'Appendix: cited sources'])
    const info = pdf.metadata.info as Record<string, unknown>
    expect(info['Title']).toBe('Redline: 28 October 2025 → 27 April 2026')
    expect(info['Author']).toBe('A. Reviewer')
    expect(String(info['CreationDate'])).toMatch(/^D:20261124/)
    expect(result).toMatchObject({ clauses: changed.length, citations: 2 })
  })

  it('keeps Korean, Japanese, curly quotes and the non-breaking hyphen extractable', () => {
    const text = pdf.text.replace(/\s+/g, ' ')
    for (const s of ['비독점 라이선스', '非独占ライセンス', '“non‑exclusive”', 'Microsoft retains exclusive access to OpenAI’s']) expect(text).toContain(s)
    if (hasTool('pdftotext')) {
      const extracted = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-']).toString().replace(/\s+/g, ' ')
      for (const s of ['비독점 라이선스', '非独占ライセンス', '“non‑exclusive”']) expect(extracted).toContain(s)
    }
  })

  it.runIf(hasTool('qpdf'))('passes qpdf --check', () => {
    expect(execFileSync('qpdf', ['--check', out]).toString()).toContain('No syntax or stream encoding errors')
  })

  it.runIf(hasTool('pdftoppm'))('renders every page to PNG', async () => {
    const pngDir = join(ROOT, 'test-results/pdf')
    await (await import('node:fs/promises')).mkdir(pngDir, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '70', out, join(pngDir, 'redline')])
    const pngs = (await readdir(pngDir)).filter((f) => f.startsWith('redline') && f.endsWith('.png'))
    expect(pngs.length).toBe(pdf.doc.numPages)
  })

  it('refuses an unwritable path and unknown ids, leaving no file', async () => {
    await expect(exportPdf(services, { baseId: '2025-10', targetId: '2026-04', out: join(dir, 'missing', 'x.pdf') })).rejects.toThrow(/could not write the PDF: the folder .* does not exist/)
    await expect(exportPdf(services, { baseId: '2025-10', targetId: 'nope', out: join(dir, 'y.pdf') })).rejects.toThrow('no version with id "nope"')
    expect((await readdir(dir)).filter((f) => f.endsWith('.pdf') || f.includes('.pdf.'))).toEqual(['redline.pdf'])
  })
})

describe('the name the save dialog proposes', () => {
  it('names dated versions by their dates, as the PDF\'s title does, and undated drafts by their titles, safe as a file name', () => {
    expect(suggestedPdfName({ date: '2025-10-28', title: 'October 2025 agreement' }, { date: '2026-04-27', title: 'April' })).toBe('Redline 2025-10-28 to 2026-04-27.pdf')
    expect(suggestedPdfName({ date: '2019', title: 'Original partnership' }, { date: '2025-01', title: 'January 2025 changes' })).toBe('Redline 2019 to 2025-01.pdf')
    // One undated, or both of one day: the dates would not tell them apart.
    expect(suggestedPdfName({ date: '', title: 'MSA: draft 1/2' }, { date: '2026-02-01', title: 'MSA "final"\u0007 ' })).toBe('Redline MSA - draft 1 - 2 to MSA - final.pdf')
    expect(suggestedPdfName({ date: '2026-02-01', title: 'Draft A' }, { date: '2026-02-01', title: 'Draft B' })).toBe('Redline Draft A to Draft B.pdf')
    expect(suggestedPdfName({ date: '', title: 'x'.repeat(80) }, { date: '', title: '...' })).toBe(`Redline ${'x'.repeat(60)}… to version.pdf`)
  })
})
