import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices } from '../../../../src-main/services'
import { compareVersions } from '../../../../src-main/core/compare/compare'
import { exportComparison, suggestedExportName } from '../../../../src-main/core/export/service'
import { renderPdf } from '../../../../src-main/core/pdf/export'
import type { ResolvedCitation } from '../../../../src-main/core/evidence/service'
import type { ClauseComparison } from '../../../../src-main/core/compare/types'

const ROOT = join(__dirname, '../../../..')
const hasTool = (tool: string) => ['/usr/bin', '/usr/local/bin'].some((d) => existsSync(join(d, tool)))
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** "25 Nov 2026": a citation's day as the notes give it. */
const day = (iso: string) => `${new Date(iso).getUTCDate()} ${MONTHS[new Date(iso).getUTCMonth()]} ${new Date(iso).getUTCFullYear()}`
const headingOf = (c: ClauseComparison) => (c.target ?? c.base)!.heading

interface PdfAnnotation {
  subtype: string
  quadPoints?: ArrayLike<number> | Array<Array<{ x: number; y: number }>>
  contentsObj?: { str: string }
  titleObj?: { str: string }
  modificationDate?: string | null
  creationDate?: string | null
  dest?: unknown
  rect: number[]
}

/** A run of text as pdf.js reads it: `y` is its baseline (from the page's bottom). */
interface TextItem {
  str: string
  x: number
  y: number
  width: number
  size: number
}

async function openPdf(data: Buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise
  const annotations: PdfAnnotation[] = []
  const pages: Array<{ text: string; items: TextItem[]; annotations: PdfAnnotation[] }> = []
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    const pageAnnotations = (await page.getAnnotations()) as PdfAnnotation[]
    annotations.push(...pageAnnotations)
    const content = await page.getTextContent()
    const items = content.items.flatMap((it) => ('str' in it ? [it] : []))
    pages.push({
      text: items.map((it) => it.str + (it.hasEOL ? '\n' : '')).join(''),
      items: items.map((it) => ({ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width, size: Math.hypot(it.transform[2] as number, it.transform[3] as number) })),
      annotations: pageAnnotations
    })
  }
  const text = pages.map((p) => p.text).join('\n')
  return { doc, annotations, pages, text, outline: (await doc.getOutline()) ?? [], metadata: await doc.getMetadata() }
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
  const result = await exportComparison(services, { baseId: '2025-10', targetId: '2026-04', out, reviewer: 'A. Reviewer', now: new Date('2026-11-24T12:00:00Z') })
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

  it('names the version a carried-over term comes from by its date when unchanged terms are included', async () => {
    const all = join(await mkdtemp(join(tmpdir(), 'clausewise-pdf-all-')), 'with-unchanged.pdf')
    await exportComparison(services, { baseId: '2025-10', targetId: '2026-04', out: all, includeUnchanged: true, now: new Date('2026-11-24T12:00:00Z') })
    const titles = (await openPdf(await readFile(all))).outline.map((o) => o.title)
    expect(titles).toContainEqual(expect.stringContaining('Frontier models (Carried over from 28 October 2025 (not restated))'))
    expect(titles.join('\n')).not.toMatch(/Carried over from 20\d\d-\d\d/)
  })

  it('puts each citation\'s marker [n] in the clause text right after the words its passage speaks to, raised, with the rest of the text after it', () => {
    const page = pdf.pages.slice(1).find((p) => p.text.includes('IP licence'))!
    const marker = (n: number) => {
      const at = page.items.findIndex((it) => it.str === `[${n}]` && it.size < 10)
      expect(at, `[${n}] in the clause text`).toBeGreaterThan(0)
      return { before: page.items[at - 1]!, mark: page.items[at]!, rest: page.items.slice(at + 1).map((it) => it.str).join('') }
    }
    // [2] quotes exclusive access "through 2030": it sits on the term the clause gives, "until 2032", mid-sentence.
    const two = marker(2)
    expect(two.before.str).toMatch(/until 2032$/)
    expect(two.rest).toMatch(/^ \(“non‑exclusive”; /)
    // [1] quotes "this license is no longer exclusive": after those words, before the full stop.
    const one = marker(1)
    expect(one.before.str).toMatch(/no longer exclusive$/)
    expect(one.rest).toMatch(/^\.\[1\] Supports/)
    for (const { before, mark } of [one, two]) {
      expect(mark.x).toBeCloseTo(before.x + before.width, 0)
      expect(mark.y).toBeGreaterThan(before.y + 2)
    }
  })

  it.runIf(hasTool('pdftotext'))('reads the markers in place in the extracted text', () => {
    const extracted = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-']).toString()
    const clause = extracted.slice(extracted.indexOf('IP licence'), extracted.indexOf('[1] Supports'))
    expect(clause).toMatch(/products until 2032\[2\] \(“non‑exclusive”;/)
    expect(clause).toMatch(/the licence is no longer exclusive\[1\]\.\n/)
  })

  it('signs each note and comment with the reviewer who cited and the day they did', async () => {
    const { citations } = await services.evidence.report()
    expect(citations).toHaveLength(2)
    const text = pdf.text.replace(/\s+/g, ' ')
    const comments = pdf.annotations.filter((a) => a.subtype === 'Text')
    for (const c of citations) {
      const n = c.sourceId === 'hamidun-news' ? 1 : 2
      expect(text).toMatch(new RegExp(`\\[${n}\\] ${c.stance === 'supports' ? 'Supports' : 'Contradicts'} — [^[]* — A\\. Reviewer, ${day(c.created)}`))
      expect(comments[n - 1]!.contentsObj?.str).toContain(`Cited by A. Reviewer, ${day(c.created).replace(/ /g, '\u00a0')}`)
      expect(comments[n - 1]!.modificationDate).toMatch(new RegExp(`^D:${c.modified.slice(0, 10).replace(/-/g, '')}`))
    }
  })

  it('sets every piece of a line on one baseline, whatever face it borrows a glyph from: the title\'s arrow, Korean, Japanese', () => {
    const cover = pdf.pages[0]!.items
    const arrow = cover.find((it) => it.str.includes('→'))!
    const from = cover.find((it) => it.str.startsWith('28 October 2025'))!
    expect(arrow.size).toBe(from.size)
    expect(arrow.y).toBeCloseTo(from.y, 2)
    const page = pdf.pages.slice(1).find((p) => p.text.includes('IP licence'))!.items
    const korean = page.find((it) => it.str.includes('비독점'))!
    const japanese = page.find((it) => it.str.includes('非独占'))!
    for (const foreign of [korean, japanese]) {
      const latin = page.filter((it) => /[a-z]/.test(it.str) && it.size === foreign.size && Math.abs(it.y - foreign.y) < 4)
      expect(latin.length, foreign.str).toBeGreaterThan(0)
      for (const it of latin) expect(it.y, `${it.str} / ${foreign.str}`).toBeCloseTo(foreign.y, 2)
    }
  })

  it('uses the cover: the versions with their dates and summaries, reviewer, the summary, each changed clause with its page (linked), the sources, the key', async () => {
    const cover = pdf.pages[0]!
    const flat = cover.text.replace(/\s+/g, ' ')
    for (const s of ['28 October 2025 → 27 April 2026', 'BASE · 28 OCTOBER 2025', 'October 2025 agreement', 'TARGET · 27 APRIL 2026', 'Revised agreement of 27 April 2026', 'A simpler structure: Microsoft remains', 'A. Reviewer', '24 November 2026, 12:00 UTC', 'Word by word', 'Summary of changes', 'Clauses removed 0', 'Changed clauses', 'Sources cited', 'Windows Central, “The OpenAI Microsoft partnership just entered a new phase”', 'Key']) expect(flat).toContain(s)
    const changed = comparison.clauses.filter((c) => c.status !== 'unchanged' && c.status !== 'carried-over')
    const links = cover.annotations.filter((a) => a.subtype === 'Link')
    expect(links.map((a) => a.dest)).toEqual(changed.map((_, i) => `clause-${i + 1}`))
    for (const [i, link] of links.entries()) {
      const dest = (await pdf.doc.getDestination(link.dest as string))!
      const pageIndex = await pdf.doc.getPageIndex(dest[0] as { num: number; gen: number })
      expect(pdf.pages[pageIndex]!.text, `clause ${i + 1} on page ${pageIndex + 1}`).toContain(`${i + 1}. ${headingOf(changed[i]!)}`)
      // The row the link covers: number, heading, status, and the page the link goes to.
      const [x0, y0, x1, y1] = link.rect as [number, number, number, number]
      const row = cover.items.filter((it) => it.str.trim() && it.x >= x0 - 1 && it.x <= x1 && it.y >= y0 && it.y <= y1)
      expect(row.map((it) => it.str)).toEqual([String(i + 1), headingOf(changed[i]!), expect.stringMatching(/^(Modified|Added)$/), String(pageIndex + 1)])
    }
    // The page is used down to the key at its foot, and nothing runs into the key.
    const key = cover.items.find((it) => it.str === 'Key')!
    expect(key.y).toBeLessThan(80)
    expect(cover.items.filter((it) => it.y < key.y + 12 && Math.abs(it.y - key.y) > 3)).toEqual([])
  })

  it('keeps the cover on its page for the longest bundled comparisons, and says how many clauses a longer one leaves to the bookmarks', async () => {
    const index = await services.library.index()
    // A citation from every source, so the cover lists them all.
    const sources = await Promise.all(index.sources.map((s) => services.library.source(s.id)))
    const citations: ResolvedCitation[] = sources.map((source, i) => {
      const span = source.sentences[0]!
      const exact = source.text.slice(span.start, span.end)
      return {
        id: `c${i}`, created: '2026-03-01T09:00:00.000Z', modified: '2026-03-01T09:00:00.000Z', versionId: '2026-04', clauseId: 'ip-licence', sourceId: source.id,
        stance: 'context', note: '', reviewer: 'B. Partner', quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: span.start, end: span.end }, start: span.start, end: span.end, orphan: false, fuzzy: false
      }
    })
    const cover = async (baseId: string, targetId: string, repeat = 1, cited = citations) => {
      const c = await services.compare.compare(baseId, targetId)
      const clauses = Array.from({ length: repeat }, (_, k) => c.clauses.map((x) => ({ ...x, key: `${x.key}#${k}` }))).flat()
      const rendered = await openPdf(await renderPdf({ comparison: { ...c, clauses }, citations: cited, sources: index.sources, versions: index.versions, reviewer: 'B. Partner', exportedAt: new Date('2026-11-24T12:00:00Z'), includeUnchanged: true }))
      return { rows: clauses.length, page: rendered.pages[0]!, second: rendered.pages[1]! }
    }
    for (const [baseId, targetId] of [['2019', '2026-04'], ['2026-04', '2019']] as const) {
      const { rows, page, second } = await cover(baseId, targetId)
      expect(rows).toBe(20)
      expect(page.annotations.filter((a) => a.subtype === 'Link')).toHaveLength(rows)
      const flat = page.text.replace(/\s+/g, ' ')
      expect(flat).not.toContain('more (every clause has a bookmark)')
      for (const s of index.sources) expect(flat).toContain(s.title.slice(0, 30))
      const key = page.items.find((it) => it.str === 'Key')!
      expect(page.items.filter((it) => it.y < key.y + 12 && Math.abs(it.y - key.y) > 3)).toEqual([])
      expect(second.text).toMatch(/^Clausewise · Redline|^1\. /)
    }
    for (const cited of [citations, []]) {
      const long = await cover('2019', '2026-04', 3, cited)
      const listed = long.page.annotations.filter((a) => a.subtype === 'Link').length
      expect(listed).toBeGreaterThan(10)
      const flat = long.page.text.replace(/\s+/g, ' ')
      expect(flat).toContain(`… and ${long.rows - listed} more (every clause has a bookmark)`)
      expect(flat).toContain(cited.length ? 'Sources cited' : 'Sources cited No citations in this export.')
      const key = long.page.items.find((it) => it.str === 'Key')!
      expect(long.page.items.filter((it) => it.y < key.y + 12 && Math.abs(it.y - key.y) > 3)).toEqual([])
    }
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
    await expect(exportComparison(services, { baseId: '2025-10', targetId: '2026-04', out: join(dir, 'missing', 'x.pdf') })).rejects.toThrow(/could not write the PDF: the folder .* does not exist/)
    await expect(exportComparison(services, { baseId: '2025-10', targetId: 'nope', out: join(dir, 'y.pdf') })).rejects.toThrow('no version with id "nope"')
    expect((await readdir(dir)).filter((f) => f.endsWith('.pdf') || f.includes('.pdf.'))).toEqual(['redline.pdf'])
  })
})

describe('the name the save dialog proposes', () => {
  it('names dated versions by their dates, as the PDF\'s title does, and undated drafts by their titles, safe as a file name', () => {
    expect(suggestedExportName({ date: '2025-10-28', title: 'October 2025 agreement' }, { date: '2026-04-27', title: 'April' }, 'pdf')).toBe('Redline 2025-10-28 to 2026-04-27.pdf')
    expect(suggestedExportName({ date: '2019', title: 'Original partnership' }, { date: '2025-01', title: 'January 2025 changes' }, 'pdf')).toBe('Redline 2019 to 2025-01.pdf')
    // One undated, or both of one day: the dates would not tell them apart.
    expect(suggestedExportName({ date: '', title: 'MSA: draft 1/2' }, { date: '2026-02-01', title: 'MSA "final"\u0007 ' }, 'pdf')).toBe('Redline MSA - draft 1 - 2 to MSA - final.pdf')
    expect(suggestedExportName({ date: '2026-02-01', title: 'Draft A' }, { date: '2026-02-01', title: 'Draft B' }, 'pdf')).toBe('Redline Draft A to Draft B.pdf')
    expect(suggestedExportName({ date: '', title: 'x'.repeat(80) }, { date: '', title: '...' }, 'pdf')).toBe(`Redline ${'x'.repeat(60)}… to version.pdf`)
  })
})
