import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices } from '../../../../src-main/services'
import { renderPdf, renderSideBySidePdf } from '../../../../src-main/core/pdf/export'
import type { ExportInput } from '../../../../src-main/core/export/types'
import type { ClauseComparison, Part } from '../../../../src-main/core/compare/types'

const ROOT = join(__dirname, '../../../..')
const hasTool = (tool: string) => ['/usr/bin', '/usr/local/bin'].some((d) => existsSync(join(d, tool)))

interface Annotation {
  subtype: string
  quadPoints?: ArrayLike<number>
  contentsObj?: { str: string }
  rect: number[]
}
interface TextItem {
  str: string
  x: number
  y: number
}
interface StructNode {
  role?: string
  type?: string
  children?: StructNode[]
}

async function openPdf(data: Buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise
  const pages: Array<{ width: number; items: TextItem[]; text: string; annotations: Annotation[]; tree: StructNode | null }> = []
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    const items = (await page.getTextContent()).items.flatMap((it) => ('str' in it && it.str.trim() ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number }] : []))
    pages.push({
      width: page.view[2]!,
      items,
      text: items.map((it) => it.str).join(' '),
      annotations: (await page.getAnnotations()) as Annotation[],
      tree: (await page.getStructTree()) as StructNode | null
    })
  }
  return { doc, pages, outline: ((await doc.getOutline()) ?? []).map((o) => o.title) }
}

/** Every structure element's role, depth first, in the tree's order. */
function roles(node: StructNode | null): string[] {
  if (!node) return []
  return [...(node.role ? [node.role] : []), ...(node.children ?? []).flatMap(roles)]
}

const words = (text: string, n: number) => text.trim().split(/\s+/).slice(0, n).join(' ')
const flat = (s: string) => s.replace(/\s+/g, ' ')

describe('side-by-side and tagged PDF', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'clausewise-sbs-'))
  const services = createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: join(dir, 'w.json') })
  await services.evidence.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', quote: 'this license is no longer exclusive', stance: 'supports', note: 'April article', reviewer: 'A. Reviewer' })
  const index = await services.library.index()
  const comparison = await services.compare.compare('2025-10', '2026-04')
  const { citations } = await services.evidence.report()
  const input: ExportInput = { comparison, citations, sources: index.sources, versions: index.versions, reviewer: 'A. Reviewer', exportedAt: new Date('2026-11-24T12:00:00Z'), includeUnchanged: false }
  const sbsBytes = await renderSideBySidePdf(input)
  const inlineBytes = await renderPdf(input)
  const sbsPath = join(dir, 'side-by-side.pdf')
  const inlinePath = join(dir, 'inline.pdf')
  await writeFile(sbsPath, sbsBytes)
  await writeFile(inlinePath, inlineBytes)
  const sbs = await openPdf(sbsBytes)
  const inline = await openPdf(inlineBytes)
  const changed = comparison.clauses.filter((c) => c.status !== 'unchanged' && c.status !== 'carried-over')
  const onlyIn = (c: ClauseComparison, op: Part['op']) => c.parts.find((p) => p.op === op && !p.ignored && p.text.trim().split(/\s+/).length >= 3)?.text

  it('sets each clause in two columns: deletions struck on the left, insertions underlined on the right, with QuadPoints and the reviewer', () => {
    const clausePages = sbs.pages.slice(1, -1)
    // Clause pages are landscape; the cover is portrait.
    expect(sbs.pages[0]!.width).toBeLessThan(600)
    for (const p of clausePages) expect(p.width).toBeGreaterThan(800)
    const mid = clausePages[0]!.width / 2
    const strikes = clausePages.flatMap((p) => p.annotations.filter((a) => a.subtype === 'StrikeOut'))
    const underlines = clausePages.flatMap((p) => p.annotations.filter((a) => a.subtype === 'Underline'))
    expect(strikes.length).toBeGreaterThan(5)
    expect(underlines.length).toBeGreaterThan(5)
    for (const a of strikes) expect(a.rect[2]).toBeLessThan(mid)
    for (const a of underlines) expect(a.rect[0]).toBeGreaterThan(mid)
    for (const a of [...strikes, ...underlines]) expect((a.quadPoints as ArrayLike<number>).length % 8).toBe(0)
    expect(strikes.some((a) => a.contentsObj?.str.startsWith("Deleted: exclusive rights to OpenAI's intellectual property"))).toBe(true)
    expect(underlines.some((a) => a.contentsObj?.str.startsWith("Inserted: a licence to OpenAI's"))).toBe(true)
    // Equal text is on both sides: the IP clause's shared opening words appear in each column.
    const ip = clausePages.find((p) => p.text.includes('IP licence'))!
    const opening = ip.items.filter((it) => it.str.startsWith('Microsoft holds'))
    expect(opening.some((it) => it.x < mid) && opening.some((it) => it.x > mid)).toBe(true)
  })

  it('has the inline PDF\'s comments, bookmarks and appendix', () => {
    const comments = (p: typeof sbs) => p.pages.flatMap((x) => x.annotations.filter((a) => a.subtype === 'Text').map((a) => a.contentsObj?.str))
    expect(comments(sbs)).toEqual(comments(inline))
    expect(comments(sbs)).toHaveLength(1)
    expect(sbs.outline).toEqual(inline.outline)
    expect(sbs.outline).toHaveLength(changed.length + 1)
    expect(sbs.pages.at(-1)!.text).toContain('Appendix: cited sources')
  })

  it('reads each clause in order in pdftotext, its base column before its target column', () => {
    const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', sbsPath, '-']).toString())
    let from = 0
    let checked = 0
    changed.forEach((c, i) => {
      const at = text.indexOf(`${i + 1}. ${c.heading}`, from)
      expect(at, `clause ${i + 1} after clause ${i}`).toBeGreaterThanOrEqual(from)
      const next = i + 1 < changed.length ? text.indexOf(`${i + 2}. ${changed[i + 1]!.heading}`, at) : text.length
      const [del, ins] = [onlyIn(c, 'delete'), onlyIn(c, 'insert')]
      if (del && ins) {
        const d = text.indexOf(flat(words(del, 3)), at)
        const n = text.indexOf(flat(words(ins, 3)), at)
        expect(d, `clause ${i + 1}: its base`).toBeGreaterThan(at)
        expect(n, `clause ${i + 1}: its target after its base`).toBeGreaterThan(d)
        expect(n).toBeLessThan(next)
        checked++
      }
      from = at
    })
    expect(checked).toBeGreaterThan(3)
  })

  it('reads the inline redline\'s clauses in order in pdftotext, each with its text under its heading', () => {
    const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', inlinePath, '-']).toString())
    let from = 0
    changed.forEach((c, i) => {
      const at = text.indexOf(`${i + 1}. ${c.heading}`, from)
      expect(at, `clause ${i + 1} after clause ${i}`).toBeGreaterThanOrEqual(from)
      const next = i + 1 < changed.length ? text.indexOf(`${i + 2}. ${changed[i + 1]!.heading}`, at) : text.length
      const first = c.parts.find((p) => p.text.trim())!
      expect(text.indexOf(flat(words(first.text, 2)), at)).toBeLessThan(next)
      from = at
    })
  })

  for (const [name, path, get] of [['side-by-side', sbsPath, () => sbs], ['inline', inlinePath, () => inline]] as const) {
    it.runIf(hasTool('qpdf'))(`is a tagged PDF (${name}): marked, language and title shown, a structure tree of headings, paragraphs and lists, and qpdf --check passes`, () => {
      expect(execFileSync('qpdf', ['--check', path]).toString()).toContain('No syntax or stream encoding errors')
      const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', path]).toString()) as { qpdf: [unknown, Record<string, unknown>] }
      const objects = Object.values(json.qpdf[1]).map((o) => JSON.stringify(o))
      const catalog = objects.find((o) => o.includes('"/Type":"/Catalog"'))!
      expect(catalog).toMatch(/"\/Lang":"(u:)?en"/)
      expect(catalog).toContain('"/StructTreeRoot"')
      expect(catalog).toContain('"/MarkInfo"')
      expect(objects.some((o) => o.includes('"/Marked":true'))).toBe(true)
      expect(objects.some((o) => o.includes('"/DisplayDocTitle":true'))).toBe(true)
      const all = get().pages.flatMap((p) => roles(p.tree))
      for (const role of ['Document', 'Sect', 'H1', 'H2', 'P', 'L', 'LI', 'LBody', 'Link', 'Annot']) expect(all, role).toContain(role)
      // The cover's tree starts with its title, then its lists.
      const cover = roles(get().pages[0]!.tree)
      expect(cover.indexOf('H1')).toBeGreaterThan(-1)
      expect(cover.indexOf('H1')).toBeLessThan(cover.indexOf('L'))
      // Each clause is a section: its heading, its status, then its text (base and target paragraphs side by side).
      const sect = (function find(n: StructNode | null): StructNode | undefined {
        if (!n) return undefined
        if (n.role === 'Sect' && n.children?.[0]?.role === 'H2') return n
        for (const c of n.children ?? []) {
          const f = find(c)
          if (f) return f
        }
        return undefined
      })(get().pages[1]!.tree)!
      expect(sect.children!.slice(0, name === 'inline' ? 3 : 4).map((c) => c.role)).toEqual(name === 'inline' ? ['H2', 'P', 'P'] : ['H2', 'P', 'P', 'P'])
    })
  }

  it('keeps a row that fits on one page whole, and continues a row taller than a page on the next page in both columns, level', async () => {
    // Every changed clause's base and target text is on the page its heading is on.
    changed.forEach((c, i) => {
      const page = sbs.pages.slice(1).find((p) => p.text.replace(/\s+/g, '').includes(words((c.base ?? c.target)!.text, 3).replace(/\s+/g, '')))!
      expect(page, `clause ${i + 1}`).toBeDefined()
      const last = (c.target?.text ?? c.base!.text).trim().split(/\s+/).at(-1)!.replace(/[.;,]$/, '')
      expect(page.text.replace(/\s+/g, ''), `clause ${i + 1} ends on its page`).toContain(last)
    })
    // One modified clause made four pages long on each side.
    const ip = comparison.clauses.find((c) => c.clauseId === 'ip-licence')!
    const long = { ...ip, parts: Array.from({ length: 40 }, (_, k) => [...ip.parts, { op: 'equal' as const, text: k === 39 ? ' THE END.' : '\n\n' }]).flat() }
    const tallBytes = await renderSideBySidePdf({ ...input, comparison: { ...comparison, clauses: [long] } })
    await writeFile(join(dir, 'tall.pdf'), tallBytes)
    const tall = await openPdf(tallBytes)
    const body = tall.pages.slice(1).filter((p) => p.text.includes('Microsoft holds'))
    expect(body.length).toBeGreaterThanOrEqual(3)
    const mid = body[0]!.width / 2
    // Every page of the row but its last holds both columns (the longer side may end alone).
    for (const p of body.slice(0, -1)) {
      const text = p.items.filter((it) => it.y < 520 && it.y > 40)
      const left = text.filter((it) => it.x < mid)
      const right = text.filter((it) => it.x > mid)
      expect(left.length && right.length, 'both columns on every page of the row').toBeTruthy()
      expect(p.annotations.some((a) => a.subtype === 'StrikeOut') && p.annotations.some((a) => a.subtype === 'Underline')).toBe(true)
    }
    // On a continuation page both columns start at the same height, at the top.
    const next = body[1]!
    const top = (xs: TextItem[]) => Math.max(...xs.filter((it) => it.y < 520).map((it) => it.y))
    const l = top(next.items.filter((it) => it.x < mid))
    const r = top(next.items.filter((it) => it.x > mid))
    expect(Math.abs(l - r)).toBeLessThan(1)
    expect(l).toBeGreaterThan(480)
    expect(tall.pages.at(-2)!.text + tall.pages.at(-1)!.text).toContain('THE END.')

    // After a short row, the tall one starts on the same page rather than leaving it nearly blank.
    const short = changed.find((c) => c.clauseId !== 'ip-licence' && (c.base?.text.length ?? 0) < 200)!
    const after = await openPdf(await renderSideBySidePdf({ ...input, comparison: { ...comparison, clauses: [short, long] } }))
    const first = after.pages.slice(1).find((p) => p.text.includes(short.heading))!
    expect(first.text).toContain('IP licence')
    expect(first.text).toContain('Microsoft holds')
  })

  it('names carried-over rows as such and says which side a clause is missing from', async () => {
    const all = await openPdf(await renderSideBySidePdf({ ...input, includeUnchanged: true }))
    const text = flat(all.pages.map((p) => p.text).join(' '))
    expect(text).toMatch(/Carried over from \d{1,2} \w+ \d{4}: not restated in the target/)
    expect(text).toContain('Not in the base: added')
  })

  it.runIf(hasTool('pdftoppm'))('renders its pages to PNG', async () => {
    const pngDir = join(ROOT, 'test-results/pdf')
    await mkdir(pngDir, { recursive: true })
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '3', sbsPath, join(pngDir, 'side-by-side')])
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '2', '-l', '3', join(dir, 'tall.pdf'), join(pngDir, 'side-by-side-tall')])
  })
})
