// The annotated PDF a reviewer sends to a partner or client: a cover with the change summary,
// the clause-by-clause redline (deletions struck in red, insertions underlined in blue), each
// clause's citations as numbered notes, and an appendix of the cited sources. Changes and
// citations are real PDF annotations (StrikeOut, Underline with QuadPoints; Text comments with
// Contents and T), so they are listed in Acrobat, Preview, Okular and pdf.js; every clause has
// a bookmark. Each citation's marker [n] sits in the clause text after the words its passage
// speaks to (markers.ts).
import PDFDocument from 'pdfkit'
import { isChange, numberingText, statusText } from '../compare/describe'
import type { ClauseComparison, Comparison, Part, RowClause } from '../compare/types'
import { isConflict, rowEvidenceClauseIds } from '../evidence/rules'
import { summarizeByClause, type ResolvedCitation } from '../evidence/service'
import type { SourceSummary } from '../sources/types'
import { longDate } from '../text/dates'
import { loadFaces, type Face, type FaceName } from './fonts'
import { layoutRuns, MARK_SCALE, type Line, type Piece, type Run, type RunStyle } from './layout'
import { markerOffset, termWeights } from './markers'
import type { ExportInput } from '../export/types'
import { byDate, optionsText, pairName } from '../export/words'

/** The annotated PDF's input is every export's (core/export/types.ts). */
export type PdfInput = ExportInput

/** A layout's page: its size, margins and the text width between them. */
interface Geometry {
  PAGE: { width: number; height: number }
  MARGIN: { top: number; bottom: number; left: number; right: number }
  WIDTH: number
  layout: 'portrait' | 'landscape'
}

function geometry(page: Geometry['PAGE'], margin: Geometry['MARGIN'], layout: Geometry['layout']): Geometry {
  return { PAGE: page, MARGIN: margin, WIDTH: page.width - margin.left - margin.right, layout }
}

/** The inline redline: A4 portrait, one column. */
const PORTRAIT = geometry({ width: 595.28, height: 841.89 }, { top: 78, bottom: 70, left: 68, right: 68 }, 'portrait')
/**
 * Side by side: A4 landscape, so each column holds about 60 characters of 10.5 pt text (portrait
 * columns would hold about 38, a line of two or three words once a clause is struck and restated).
 */
const LANDSCAPE = geometry({ width: 841.89, height: 595.28 }, { top: 82, bottom: 52, left: 56, right: 56 }, 'landscape')
/** The gap between the base and the target column. */
const GUTTER = 28
const INK = '#1c1e22'
const MUTED = '#5f6571'
const RULE = '#e2dfd7'
const DEL: [number, number, number] = [0.64, 0.15, 0.11]
const INS: [number, number, number] = [0.11, 0.31, 0.64]
const STANCE_COLOR: Record<string, [number, number, number]> = { supports: [0.18, 0.49, 0.31], contradicts: DEL, context: [0.42, 0.25, 0.63] }
const TITLE = { face: 'serifBold' as const, size: 24 }
/** How far a citation marker is raised above the baseline, against the text's size. */
const MARK_RISE = 0.36
type Doc = PDFKit.PDFDocument

/** The inline redline, or base and target in two aligned columns per clause. */
export type PdfLayout = 'inline' | 'side-by-side'

/**
 * The annotated PDF. Both layouts share the cover, the citation markers and notes, the bookmarks
 * and the appendix, and both are tagged (language, title, a structure tree in reading order).
 */
export async function renderPdf(input: PdfInput, layout: PdfLayout = 'inline'): Promise<Buffer> {
  const faces = loadFaces()
  const { comparison: c } = input
  const g = layout === 'side-by-side' ? LANDSCAPE : PORTRAIT
  const title = `${layout === 'side-by-side' ? 'Side-by-side redline' : 'Redline'}: ${pairName(c)}`
  const doc = new PDFDocument({
    size: 'A4',
    // The cover (the first page) is portrait in both layouts; the clauses take the layout's pages.
    margins: PORTRAIT.MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'en',
    tagged: true,
    displayTitle: true,
    info: {
      Title: title,
      Author: input.reviewer || 'Clausewise',
      Subject: `${c.base.title} (${c.base.id}) compared with ${c.target.title} (${c.target.id})`,
      Creator: 'Clausewise',
      CreationDate: input.exportedAt
    }
  })
  for (const face of faces.values()) doc.registerFont(face.name, face.path)
  const chunks: Buffer[] = []
  doc.on('data', (b: Buffer) => chunks.push(b))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  // The structure tree in reading order: the cover (drawn last, but first in the tree), the clauses, the appendix.
  const root = doc.struct('Document')
  doc.addStructure(root)
  const coverPart = doc.struct('Sect')
  root.add(coverPart)
  const w = new Writer(doc, faces, input.reviewer, g, root)
  // The cover is the first page but is drawn last: its list of clauses gives the page each starts on.
  const numbered = numberCitations(input)
  const weight = termWeights(c.clauses.flatMap((x) => [x.base?.text ?? '', x.target?.text ?? '']))
  w.newPage()
  const rows = c.clauses.filter((x) => input.includeUnchanged || isChange(x))
  if (rows.length === 0) w.paragraph('No clause changed between these versions.', { face: 'serif', size: 11, color: MUTED, tag: w.element(root, 'P') })
  const sourceLabel = (id: string): string => {
    const src = input.sources.find((x) => x.id === id)
    return src ? `${src.publisher ?? 'Publisher not stated'}, “${src.title}”` : id
  }
  // A carried-over term names the version its text comes from by its date, as the app does.
  const versionName = (id: string): string => {
    const date = input.versions?.find((v) => v.id === id)?.date
    return date ? longDate(date) : id
  }
  const firstClausePage = doc.bufferedPageRange().count - 1
  const contents = rows.map((clause, i) => redlineClause(w, clause, i + 1, numbered, sourceLabel, weight, versionName, layout))
  const lastClausePage = doc.bufferedPageRange().count - 1
  // The appendix is running text: portrait, as the inline redline.
  w.g = PORTRAIT
  appendix(w, input, numbered)
  doc.switchToPage(doc.bufferedPageRange().start)
  w.fixedPage = true
  cover(w, input, contents, doc.bufferedPageRange().count, coverPart, layout)
  coverPart.end()
  root.end()
  pageFurniture(w, title, layout === 'side-by-side' && rows.length > 0 ? { from: firstClausePage, to: lastClausePage, base: sideLabel(c, 'base'), target: sideLabel(c, 'target') } : null)
  doc.end()
  return done
}

/** Base and target in two aligned columns per clause (renderPdf's side-by-side layout). */
export function renderSideBySidePdf(input: PdfInput): Promise<Buffer> {
  return renderPdf(input, 'side-by-side')
}

/** "Base · 28 October 2025": a column's name. */
function sideLabel(c: Comparison, side: 'base' | 'target'): string {
  const v = c[side]
  return `${side === 'base' ? 'Base' : 'Target'} · ${v.date ? longDate(v.date) : v.title}`
}

interface Numbered {
  n: number
  citation: ResolvedCitation
}

/** Numbers citations in the order of the clauses they belong to, as they appear in the redline. */
function numberCitations(input: PdfInput): Map<string, Numbered[]> {
  const byClause = new Map<string, Numbered[]>()
  let n = 0
  for (const clause of input.comparison.clauses) {
    if (!input.includeUnchanged && !isChange(clause)) continue
    const ids = new Set(rowEvidenceClauseIds(clause))
    for (const citation of input.citations.filter((x) => x.versionId === clause.evidenceVersionId && ids.has(x.clauseId))) {
      byClause.set(clause.key, [...(byClause.get(clause.key) ?? []), { n: ++n, citation }])
    }
  }
  return byClause
}

interface TextStyle {
  face: FaceName
  size: number
  color?: string
}

type StructElement = PDFKit.PDFStructureElement

interface RunsOptions {
  face: FaceName
  size: number
  color?: string
  indent?: number
  leading?: number
  annotate?: boolean
  /** The structure element the text belongs to (a P, H2, LI…); its content is marked page by page. */
  tag?: StructElement
}

/** One laid-out line of a column, with its own style (a column stacks notes in muted sans over the clause text). */
interface ColumnLine {
  line: Line
  o: TextStyle & { leading: number; annotate: boolean }
  /** The column's texts of changed runs, for their annotations. */
  texts: Map<number, string>
}

/** Tracks the vertical position, breaks pages and draws laid-out lines with their annotations. */
class Writer {
  y: number
  /** Drawing the cover: nothing may start a page, so lines past the bottom margin are left out (the cover's budget keeps them in). */
  fixedPage = false
  constructor(
    readonly doc: Doc,
    readonly faces: Map<FaceName, Face>,
    readonly reviewer: string,
    public g: Geometry,
    readonly root: StructElement
  ) {
    this.y = g.MARGIN.top
  }

  get bottom(): number {
    return this.g.PAGE.height - this.g.MARGIN.bottom
  }

  /** The structure type of each element made here (pdfkit keeps it in the element's dictionary only). */
  private readonly types = new WeakMap<StructElement, string>()

  /** A structure element of `type` under `parent`, not yet ended. */
  element(parent: StructElement, type: string, options: { title?: string } = {}): StructElement {
    const el = this.doc.struct(type, options)
    this.types.set(el, type)
    parent.add(el)
    return el
  }

  /** Draws with its content marked as `el`'s (no page may start inside `draw`). */
  marked(el: StructElement, draw: () => void): void {
    const content = this.doc.markStructureContent(this.types.get(el) ?? 'Span')
    draw()
    this.doc.endMarkedContent()
    el.add(content)
  }

  /** A leaf element of `type` under `parent` whose content is what `draw` draws. */
  leaf(parent: StructElement, type: string, draw: () => void): void {
    const el = this.element(parent, type)
    this.marked(el, draw)
    el.end()
  }

  /** Decoration a screen reader skips (rules, panels, running headers). */
  artifact(draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
    this.doc.markContent('Artifact', { type })
    draw()
    this.doc.endMarkedContent()
  }

  ensure(height: number): void {
    if (this.y + height > this.bottom && !this.fixedPage) this.newPage()
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', layout: this.g.layout, margins: this.g.MARGIN })
    this.y = this.g.MARGIN.top
  }

  gap(points: number): void {
    this.y += points
  }

  paragraph(text: string, o: RunsOptions): void {
    this.runs([{ text, style: 'plain' }], o)
  }

  /** The texts of changed runs, whole, for their annotations (a marker may split a run in two). */
  static changedTexts(runs: readonly Run[]): Map<number, string> {
    const texts = new Map<number, string>()
    for (const r of runs) if ((r.style === 'del' || r.style === 'ins') && r.id !== undefined) texts.set(r.id, (texts.get(r.id) ?? '') + r.text)
    return texts
  }

  /** Lays out and draws runs across pages; deletions and insertions get their mark-up and annotations. */
  runs(runs: readonly Run[], o: RunsOptions): void {
    const indent = o.indent ?? 0
    const leading = o.leading ?? o.size * 1.5
    const lines = layoutRuns(runs, this.g.WIDTH - indent, o.size, o.face, this.faces)
    const texts = Writer.changedTexts(runs)
    const style = { face: o.face, size: o.size, ...(o.color ? { color: o.color } : {}), leading, annotate: o.annotate ?? false }
    let i = 0
    while (i < lines.length) {
      if (this.y + leading > this.bottom) {
        if (this.fixedPage) break
        this.newPage()
      }
      const fit = Math.max(1, Math.floor((this.bottom - this.y) / leading))
      const chunk = lines.slice(i, i + fit).map((line) => ({ line, o: style, texts }))
      this.column(chunk, this.g.MARGIN.left + indent, this.y, o.tag)
      this.y += chunk.length * leading
      i += chunk.length
    }
    o.tag?.end()
  }

  /**
   * Draws lines from `top` down at x, all on this page, their content marked as `tag`'s; every
   * changed run gets one annotation over its fragments here. Answers the height drawn.
   */
  column(lines: readonly ColumnLine[], x: number, top: number, tag?: StructElement): number {
    let y = top
    const draw = (): void => {
      // Fragments of each changed run on this page, flushed as one annotation per run.
      const fragments = new Map<number, { style: 'del' | 'ins'; list: Array<{ x0: number; x1: number; top: number }>; o: ColumnLine }>()
      for (const entry of lines) {
        const { line, o } = entry
        this.drawLine(line, x, y, o)
        const here: Array<{ style: 'del' | 'ins'; x0: number; x1: number }> = []
        line.forEach((p, k) => {
          if (p.style !== 'del' && p.style !== 'ins') return
          // Spaces inside a changed run are struck or underlined too, so the mark reads as one
          // phrase; a space at its start or end is not marked (it is not part of the change's words).
          if (/^\s+$/u.test(p.text) && (line[k - 1]?.run !== p.run || line[k + 1]?.run !== p.run)) return
          const x0 = x + p.x
          const f = fragments.get(p.run) ?? { style: p.style, list: [], o: entry }
          const last = f.list[f.list.length - 1]
          if (last && last.top === y && Math.abs(last.x1 - x0) < 0.5) last.x1 = x0 + p.width
          else f.list.push({ x0, x1: x0 + p.width, top: y })
          fragments.set(p.run, f)
        })
        for (const { style, list } of fragments.values()) for (const f of list) if (f.top === y) here.push({ style, x0: f.x0, x1: f.x1 })
        for (const f of here) {
          const yLine = f.style === 'del' ? y + o.size * 0.62 : y + o.size * 1.12
          this.doc.save().lineWidth(0.8).strokeColor(rgb(f.style === 'del' ? DEL : INS)).moveTo(f.x0, yLine).lineTo(f.x1, yLine).stroke().restore()
        }
        y += o.leading
      }
      for (const [run, f] of fragments) if (f.o.o.annotate) this.annotateRun(f.style, f.o.texts.get(run) ?? '', f.list, f.o.o.size, tag)
    }
    if (tag) this.marked(tag, draw)
    else draw()
    return y - top
  }

  /**
   * Draws one laid-out line whose top is at `top`. Every piece is set on one baseline, the
   * preferred face's, whatever face it takes its glyphs from (a Noto face for →, CJK, U+2011):
   * placed by its top, each face would sit at its own ascent. A marker is set small and raised.
   */
  drawLine(line: Line, x0: number, top: number, o: TextStyle): void {
    const base = top + this.ascent(o.face, o.size)
    for (const group of groupPieces(line)) {
      const mark = group.style === 'mark'
      const color = group.style === 'del' ? rgb(DEL) : group.style === 'ins' ? rgb(INS) : (group.color ?? o.color ?? INK)
      this.doc
        .font(group.face)
        .fontSize(mark ? o.size * MARK_SCALE : o.size)
        .fillColor(color)
        .text(group.text, x0 + group.x, mark ? base - o.size * MARK_RISE : base, { lineBreak: false, baseline: 'alphabetic' })
    }
  }

  /** The distance from a line's top to its baseline in `face` at `size`. */
  ascent(face: FaceName, size: number): number {
    const font = this.faces.get(face)!.font
    return (font.ascent / font.unitsPerEm) * size
  }

  /** Width of `text` as laid out in `o`, fallback faces included. */
  width(text: string, o: TextStyle): number {
    const line = layoutRuns([{ text, style: 'plain' }], Infinity, o.size, o.face, this.faces)[0] ?? []
    const last = line[line.length - 1]
    return last ? last.x + last.width : 0
  }

  /** One line of `text` at (x, top), cut with an ellipsis to `width`; `right` aligns its end to x + width. */
  place(text: string, x: number, top: number, width: number, o: TextStyle & { align?: 'right' }): number {
    const fitted = fit(text.replace(/\s+/gu, ' ').trim(), width, (t) => this.width(t, o))
    const line = layoutRuns([{ text: fitted, style: 'plain' }], Infinity, o.size, o.face, this.faces)[0] ?? []
    const w = this.width(fitted, o)
    this.drawLine(line, o.align === 'right' ? x + width - w : x, top, o)
    return w
  }

  /** `text` in lines of `width` at (x, top), at most `maxLines` (the last cut with an ellipsis); answers the lines drawn. */
  block(text: string, x: number, top: number, width: number, o: TextStyle & { leading: number; maxLines: number; draw?: boolean }): number {
    const lines = layoutRuns([{ text, style: 'plain' }], width, o.size, o.face, this.faces)
    const kept = lines.slice(0, o.maxLines)
    if (o.draw === false) return kept.length
    kept.forEach((line, i) => {
      const cut = i === kept.length - 1 && lines.length > kept.length
      if (cut) this.place(`${line.map((p) => p.text).join('')}…`, x, top + i * o.leading, width, o)
      else this.drawLine(line, x, top + i * o.leading, o)
    })
    return kept.length
  }

  /** A hairline; outside marked content (the cover's rules sit between its items), so an artifact. */
  rule(x0: number, x1: number, y: number): void {
    this.artifact(() => this.doc.save().strokeColor(RULE).lineWidth(0.5).moveTo(x0, y).lineTo(x1, y).stroke().restore())
  }

  /** An annotation, in the structure tree as an Annot element under `parent` (its page is this one). */
  annotation(parent: StructElement | undefined, x: number, y: number, w: number, h: number, dict: Record<string, unknown>): void {
    const el = parent ? this.element(parent, 'Annot') : undefined
    annotate(this.doc, x, y, w, h, el ? { ...dict, structParent: el } : dict)
    el?.end()
  }

  /** A StrikeOut or Underline annotation over every line fragment of one changed run. */
  private annotateRun(style: 'del' | 'ins', text: string, frags: ReadonlyArray<{ x0: number; x1: number; top: number }>, size: number, parent?: StructElement): void {
    if (frags.length === 0) return
    const { PAGE } = this.g
    const height = size * 1.25
    const quad = frags.flatMap((f) => {
      const yTop = PAGE.height - f.top
      const yBottom = PAGE.height - (f.top + height)
      return [f.x0, yTop, f.x1, yTop, f.x0, yBottom, f.x1, yBottom]
    })
    const x0 = Math.min(...frags.map((f) => f.x0))
    const x1 = Math.max(...frags.map((f) => f.x1))
    const top = Math.min(...frags.map((f) => f.top))
    const bottom = Math.max(...frags.map((f) => f.top)) + height
    const deleted = style === 'del'
    this.annotation(parent, x0, top, x1 - x0, bottom - top, {
      Subtype: deleted ? 'StrikeOut' : 'Underline',
      QuadPoints: quad,
      C: deleted ? DEL : INS,
      Contents: pdfString(`${deleted ? 'Deleted' : 'Inserted'}: ${text.trim()}`),
      T: pdfString(this.reviewer || 'Clausewise'),
      F: 4
    })
  }

  /** A comment annotation in the margin next to the current line, by the reviewer who cited, dated when they did. */
  comment(text: string, color: [number, number, number], citation: ResolvedCitation, parent?: StructElement): void {
    const dates = { ...(validDate(citation.created) ? { CreationDate: new Date(citation.created) } : {}), ...(validDate(citation.modified) ? { M: new Date(citation.modified) } : {}) }
    this.annotation(parent, this.g.MARGIN.left - 26, this.y, 16, 16, { Subtype: 'Text', Name: 'Comment', Contents: pdfString(text), T: pdfString(citation.reviewer || this.reviewer || 'Clausewise'), C: color, Open: false, F: 4, ...dates })
  }
}

/** `text`, or as much of it as fits `width` followed by an ellipsis. */
function fit(text: string, width: number, measureText: (t: string) => number): string {
  if (measureText(text) <= width) return text
  const chars = [...text]
  let lo = 0
  let hi = chars.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (measureText(`${chars.slice(0, mid).join('').trimEnd()}…`) <= width) lo = mid
    else hi = mid - 1
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`
}

function validDate(iso: string): boolean {
  return !Number.isNaN(Date.parse(iso))
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "25 Nov 2026", never broken across lines: the day a citation was made (UTC, as the workspace stores it). */
function shortDate(iso: string): string {
  const d = new Date(iso)
  return `${d.getUTCDate()}\u00a0${SHORT_MONTHS[d.getUTCMonth()]}\u00a0${d.getUTCFullYear()}`
}

/** Who cited and when: "A. Reviewer, 25 Nov 2026". */
function citedBy(citation: ResolvedCitation): string {
  return [citation.reviewer || 'Unnamed reviewer', validDate(citation.created) ? shortDate(citation.created) : ''].filter(Boolean).join(', ')
}

/** A clause of the redline as the cover lists it. */
interface ContentsEntry {
  index: number
  heading: string
  status: string
  /** 0-based page the clause starts on. */
  page: number
  conflict: boolean
}

/**
 * The cover, on one page whatever the comparison: the two versions with their dates and
 * summaries, who reviewed and when, the summary of changes, the clauses with the page each
 * starts on (linked), the sources cited, and how to read the marks. The lists take the room
 * that is left and say how many they leave out.
 */
function cover(w: Writer, input: PdfInput, contents: readonly ContentsEntry[], pageCount: number, part: StructElement, layout: PdfLayout): void {
  const { comparison: c } = input
  const doc = w.doc
  // The cover is portrait in both layouts: its one-page budget is laid out for it.
  const { PAGE, MARGIN, WIDTH } = PORTRAIT
  const leaf = (type: string, draw: () => void, parent = part): void => w.leaf(parent, type, draw)
  const L = MARGIN.left
  const R = PAGE.width - MARGIN.right
  const BOTTOM = PAGE.height - 52
  const label = (text: string, x: number, top: number, width = WIDTH): number => w.place(text.toUpperCase(), x, top, width, { face: 'sansBold', size: 7, color: MUTED })
  let y = 46
  leaf('P', () => {
    label(`Clausewise · ${layout === 'side-by-side' ? 'side-by-side' : 'annotated'} redline`, L, y)
    w.place(`${pageCount} page${pageCount === 1 ? '' : 's'}`, L, y, WIDTH, { face: 'sans', size: 7.5, color: MUTED, align: 'right' })
  })
  y += 14
  w.rule(L, R, y)
  y += 20

  // Versions named by title (undated drafts) keep both names in sight: each is cut, not the second dropped.
  const named = byDate(c) ? pairName(c) : `${fit(c.base.title, WIDTH * 1.4, (t) => w.width(t, TITLE))} → ${fit(c.target.title, WIDTH * 1.4, (t) => w.width(t, TITLE))}`
  leaf('H1', () => (y += w.block(named, L, y, WIDTH, { ...TITLE, leading: 30, maxLines: 3 }) * 30))
  if (byDate(c)) leaf('P', () => (y += 2 + w.block(`${c.base.title} compared with ${c.target.title}`, L, y + 2, WIDTH, { face: 'serif', size: 11, leading: 15, color: MUTED, maxLines: 2 }) * 15))
  y += 16

  const exported = `${longDate(input.exportedAt.toISOString().slice(0, 10))}, ${input.exportedAt.toISOString().slice(11, 16)} UTC`
  const meta: Array<[string, string]> = [
    ['Reviewer', input.reviewer || 'Not named'],
    ['Exported', exported],
    ['Compared', optionsText(c)]
  ]
  const share = [0.3, 0.4, 0.3]
  meta.forEach(([name, value], i) => {
    const x = L + share.slice(0, i).reduce((a, b) => a + b, 0) * WIDTH
    leaf('P', () => {
      label(name, x, y, share[i]! * WIDTH - 10)
      w.place(value, x, y + 10, share[i]! * WIDTH - 10, { face: 'serif', size: 10.5 })
    })
  })
  y += 35

  // The two versions side by side, each on a light panel as tall as the taller.
  const gutter = 14
  const colW = (WIDTH - gutter) / 2
  const pad = 10
  const inner = colW - 2 * pad
  const sides = (['base', 'target'] as const).map((side) => {
    const v = c[side]
    const info = input.versions?.find((x) => x.id === v.id)
    const clauses = c.clauses.flatMap((r) => (side === 'base' ? r.baseClauses : r.targetClauses))
    const carried = clauses.filter((x) => x.carriedFrom !== null).length
    const facts = [info ? info.kind.charAt(0).toUpperCase() + info.kind.slice(1) : '', `${clauses.length} term${clauses.length === 1 ? '' : 's'}`, carried ? `${carried} carried over` : '', `version ${v.id}`].filter(Boolean).join(' · ')
    const summary = info?.summary.trim() ?? ''
    const titleLines = w.block(v.title, 0, 0, inner, { face: 'serifBold', size: 11, leading: 14, maxLines: 2, draw: false })
    const summaryLines = summary ? w.block(summary, 0, 0, inner, { face: 'serif', size: 8.5, leading: 11.5, maxLines: 9, draw: false }) : 0
    return { side, v, facts, summary, height: pad + 12 + titleLines * 14 + 13 + (summaryLines ? 4 + summaryLines * 11.5 : 0) + pad }
  })
  const panel = Math.max(...sides.map((s) => s.height))
  sides.forEach(({ side, v, facts, summary }, i) => {
    const x = L + i * (colW + gutter)
    w.artifact(() => doc.save().roundedRect(x, y, colW, panel, 3).fill('#f4f2ed').restore())
    leaf('P', () => {
      let top = y + pad
      label(`${side === 'base' ? 'Base' : 'Target'}${v.date ? ` · ${longDate(v.date)}` : ' · undated'}`, x + pad, top, inner)
      top += 12
      top += w.block(v.title, x + pad, top, inner, { face: 'serifBold', size: 11, leading: 14, maxLines: 2 }) * 14
      w.place(facts, x + pad, top + 1, inner, { face: 'sans', size: 7.5, color: MUTED })
      top += 13
      if (summary) w.block(summary, x + pad, top + 4, inner, { face: 'serif', size: 8.5, leading: 11.5, maxLines: 9, color: '#3a3e45' })
    })
  })
  y += panel + 18

  // The summary: one figure a line, nothing beside it (pdftotext -layout keeps each on its own line).
  leaf('H2', () => w.place('Summary of changes', L, y, WIDTH, { face: 'sansBold', size: 11 }))
  y += 19
  const s = c.summary
  const conflictCount = summarizeByClause(input.citations).filter((e) => e.conflict).length
  const figures: Array<[string, string]> = [
    ['Clauses modified', String(s.modified)],
    ['Clauses added', String(s.added)],
    ['Clauses removed', String(s.removed)],
    ['Clauses moved', String(s.moved)],
    ...(s.split ? [['Clauses split', String(s.split)] as [string, string]] : []),
    ...(s.merged ? [['Clauses merged', String(s.merged)] as [string, string]] : []),
    ...(s.renumbered ? [['Clauses renumbered', String(s.renumbered)] as [string, string]] : []),
    ['Clauses unchanged', String(s.unchanged)],
    ...(s.carriedOver ? [['Carried over (not restated)', String(s.carriedOver)] as [string, string]] : []),
    ['Words inserted / deleted', `${s.wordsInserted} / ${s.wordsDeleted}`],
    ['Citations', String(input.citations.length)],
    ['Clauses with conflicting sources', String(conflictCount)]
  ]
  w.rule(L, R, y - 2.5)
  const figureList = w.element(part, 'L')
  for (const [name, value] of figures) {
    listItem(w, figureList, () => {
      w.place(name, L, y, WIDTH - 60, { face: 'serif', size: 10 })
      w.place(value, L, y, WIDTH, { face: 'sansBold', size: 10, align: 'right' })
    })
    w.rule(L, R, y + 12.75)
    y += 15
  }
  figureList.end()
  y += 16

  // Room for the sources and the key below the clauses.
  const cited = citedSources(input)
  const ROW = 12.75
  const SOURCE_ROW = 12.5
  const keyTop = BOTTOM - 10
  const sourceRows = Math.max(1, Math.min(cited.length, 5))
  // Below the clauses: a gap, the sources' heading and rows, and clear space above the key's rule.
  const sourcesHeight = 14 + 19 + sourceRows * SOURCE_ROW + (cited.length > sourceRows ? SOURCE_ROW : 0) + 12
  const perColumn = Math.max(1, Math.floor((keyTop - sourcesHeight - (y + 19)) / ROW))
  leaf('H2', () => {
    w.place(input.includeUnchanged ? 'Clauses' : 'Changed clauses', L, y, WIDTH, { face: 'sansBold', size: 11 })
    w.place('page', L, y + 2, WIDTH, { face: 'sans', size: 7.5, color: MUTED, align: 'right' })
  })
  y += 19
  if (contents.length === 0) {
    leaf('P', () => w.place('None: no clause changed between these versions.', L, y, WIDTH, { face: 'serif', size: 9.5, color: MUTED }))
    y += ROW
  }
  const clauseList = contents.length ? w.element(part, 'L') : undefined
  const room = perColumn * 2
  const shown = contents.length > room ? contents.slice(0, room - 1) : contents
  const rowsUsed = Math.ceil((shown.length + (contents.length > shown.length ? 1 : 0)) / 2)
  const entryW = (WIDTH - 24) / 2
  const at = (k: number): [number, number] => [L + Math.floor(k / rowsUsed) * (entryW + 24), y + (k % rowsUsed) * ROW]
  shown.forEach((entry, k) => {
    const [x, top] = at(k)
    listItem(w, clauseList!, () => {
      w.place(String(entry.index), x, top, 14, { face: 'sans', size: 8.5, color: MUTED, align: 'right' })
      const statusW = w.width(entry.status, { face: 'sans', size: 7.5 })
      const statusX = x + entryW - 22 - Math.min(statusW, 90)
      w.place(entry.heading, x + 20, top, statusX - x - 26, { face: 'sans', size: 9 })
      w.place(entry.status, statusX, top + 1, 90, { face: 'sans', size: 7.5, color: entry.conflict ? rgb(DEL) : MUTED })
      w.place(String(entry.page + 1), x, top, entryW, { face: 'sans', size: 8.5, align: 'right' })
    }, (link) => doc.goTo(x, top - 1, entryW, ROW - 1, destination(entry.index), { structParent: link } as PDFKit.Mixins.AnnotationOption))
  })
  if (contents.length > shown.length) {
    const [x, top] = at(shown.length)
    listItem(w, clauseList!, () => w.place(`… and ${contents.length - shown.length} more (every clause has a bookmark)`, x + 20, top, entryW - 20, { face: 'sans', size: 8.5, color: MUTED }))
  }
  clauseList?.end()
  y += rowsUsed * ROW + 14

  leaf('H2', () => w.place('Sources cited', L, y, WIDTH, { face: 'sansBold', size: 11 }))
  y += 19
  if (cited.length === 0) leaf('P', () => w.place('No citations in this export.', L, y, WIDTH, { face: 'serif', size: 9.5, color: MUTED }))
  const sourceList = cited.length ? w.element(part, 'L') : undefined
  for (const { source, count } of cited.slice(0, sourceRows)) {
    const date = source.published ? ` (${longDate(source.published)})` : ''
    listItem(w, sourceList!, () => {
      w.place(`${source.publisher ?? 'Publisher not stated'}, “${source.title}”${date}`, L, y, WIDTH - 80, { face: 'serif', size: 9.5 })
      w.place(`${count} citation${count === 1 ? '' : 's'}`, L, y + 1, WIDTH, { face: 'sans', size: 8, color: MUTED, align: 'right' })
    })
    y += SOURCE_ROW
  }
  if (cited.length > sourceRows) listItem(w, sourceList!, () => w.place(`… and ${cited.length - sourceRows} more, in the appendix`, L, y, WIDTH, { face: 'serif', size: 9.5, color: MUTED }))
  sourceList?.end()

  leaf('P', () => key(w, keyTop))
}

/** An LI of `list` whose body is what `draw` draws; with `link`, the body is a Link element given to `link` for its annotation. */
function listItem(w: Writer, list: StructElement, draw: () => void, link?: (el: StructElement) => void): void {
  const item = w.element(list, 'LI')
  const body = w.element(item, 'LBody')
  const inner = link ? w.element(body, 'Link') : body
  w.marked(inner, draw)
  link?.(inner)
  item.end()
}

/** How to read the marks, with the marks themselves, on one line at `top`. */
function key(w: Writer, top: number): void {
  const { PAGE, MARGIN, WIDTH } = PORTRAIT
  const size = 8
  const o = { face: 'sans' as const, size, color: MUTED }
  w.doc.save().strokeColor(RULE).lineWidth(0.5).moveTo(MARGIN.left, top - 7).lineTo(PAGE.width - MARGIN.right, top - 7).stroke().restore()
  let x = MARGIN.left
  /** Says `text` at x and moves past it and `after` points of space. */
  const say = (text: string, color: string, after: number): [number, number] => {
    const at = x
    const width = w.place(text, x, top, WIDTH, { ...o, color })
    x += width + after
    return [at, width]
  }
  const underline = ([at, width]: [number, number], color: string, y: number): void => {
    w.doc.save().lineWidth(0.7).strokeColor(color).moveTo(at, y).lineTo(at + width, y).stroke().restore()
  }
  say('Key', INK, 10)
  underline(say('deleted', rgb(DEL), 10), rgb(DEL), top + size * 0.62)
  underline(say('inserted', rgb(INS), 10), rgb(INS), top + size * 1.12)
  const line = layoutRuns([{ text: 'term', style: 'plain' }, { text: '[n]', style: 'mark', color: rgb(STANCE_COLOR['supports']!) }], Infinity, size, 'sans', w.faces)[0] ?? []
  w.drawLine(line, x, top, o)
  x += (line.at(-1)?.x ?? 0) + (line.at(-1)?.width ?? 0) + 4
  say('a citation, noted under its clause: green supports, red contradicts, purple context', MUTED, 0)
}

/** The sources the export cites, in the library's order, with how many citations each. */
function citedSources(input: PdfInput): Array<{ source: SourceSummary; count: number }> {
  return input.sources.map((source) => ({ source, count: input.citations.filter((x) => x.sourceId === source.id).length })).filter((x) => x.count > 0)
}

/** The named destination of the nth clause of the redline, which the cover links to. */
function destination(index: number): string {
  return `clause-${index}`
}

function redlineClause(
  w: Writer,
  clause: ClauseComparison,
  index: number,
  numbered: Map<string, Numbered[]>,
  sourceLabel: (id: string) => string,
  weight: (term: string) => number,
  versionName: (id: string) => string,
  layout: PdfLayout
): ContentsEntry {
  const { MARGIN, PAGE } = w.g
  const heading = clause.heading
  const numbering = numberingText(clause)
  const status = statusText(clause, versionName)
  const notes = numbered.get(clause.key) ?? []
  const marks = notes.map((x) => markFor(clause, x, weight))
  const columns = layout === 'side-by-side' ? sideBySide(w, clause, marks, versionName) : undefined
  // The heading stays with its text: with a side-by-side row's whole height when it fits a page;
  // a row taller than any page starts wherever a few of its lines fit, and continues.
  const whole = columns ? columns.height + 52 : 70
  w.ensure(whole > w.bottom - MARGIN.top ? 140 : whole)
  const range = w.doc.bufferedPageRange()
  const page = range.start + range.count - 1
  w.doc.outline.addItem(`${index}. ${heading} (${status})`)
  w.doc.addNamedDestination(destination(index), 'XYZ', MARGIN.left, w.y, 0)
  const sect = w.element(w.root, 'Sect')
  w.gap(6)
  // A split or merge is named by its one clause; the joined headings' redline would only be noise.
  // An imported clause may have no heading on either side: it is then named as every view names it (its number).
  const plain = clause.baseClauses.length > 1 || clause.targetClauses.length > 1 || clause.headingParts.every((p) => p.text.trim() === '')
  const headingParts = plain ? [{ op: 'equal' as const, text: heading }] : clause.headingParts
  w.runs(toRuns(headingParts, `${index}. `), { face: 'sansBold', size: 11.5, annotate: false, tag: w.element(sect, 'H2') })
  const conflict = isConflict(notes.map((x) => x.citation.stance))
  w.paragraph(`${status}${numbering ? ` · ${numbering}` : ''}${clause.match?.review ? ' · CHECK PAIRING' : ''}${clause.status === 'moved' && !numbering && clause.base && clause.target ? ` · clause ${clause.base.index + 1} → ${clause.target.index + 1}` : ''}${clause.wordsInserted || clause.wordsDeleted ? ` · +${clause.wordsInserted} / −${clause.wordsDeleted} words` : ''}${conflict ? ' · CONFLICT: sources disagree' : ''}`, { face: 'sans', size: 8.5, color: conflict ? rgb(DEL) : MUTED, tag: w.element(sect, 'P') })
  w.gap(3)
  if (columns) columns.draw(sect)
  else w.runs(toRuns(clause.parts, '', marks), { face: 'serif', size: 11, annotate: true, leading: 16.5, tag: w.element(sect, 'P') })
  if (notes.length) {
    w.gap(4)
    const list = w.element(sect, 'L')
    for (const { n, citation } of notes) {
      w.ensure(40)
      const stance = citation.stance.charAt(0).toUpperCase() + citation.stance.slice(1)
      const source = sourceLabel(citation.sourceId)
      const by = citedBy(citation)
      const item = w.element(list, 'LI')
      w.comment(`[${n}] ${stance}${citation.orphan ? ' (passage no longer found)' : ''}\n“${citation.quote.exact}”\nSource: ${source}${citation.note ? `\nNote: ${citation.note}` : ''}\nCited by ${by}`, STANCE_COLOR[citation.stance] ?? INS, citation, item)
      w.runs(
        [
          { text: `[${n}]`, style: 'plain', color: rgb(STANCE_COLOR[citation.stance] ?? INS) },
          { text: ` ${stance} — ${source}: “${citation.quote.exact}”${citation.note ? ` Note: ${citation.note}` : ''}`, style: 'plain' },
          { text: ` — ${by}`, style: 'plain', color: MUTED }
        ],
        { face: 'serif', size: 9.5, color: '#3a3e45', indent: 12, leading: 13.5, tag: w.element(item, 'LBody') }
      )
      item.end()
    }
    list.end()
  }
  sect.end()
  w.gap(10)
  w.rule(MARGIN.left, PAGE.width - MARGIN.right, w.y)
  w.gap(8)
  return { index, heading, status: clause.status === 'carried-over' ? 'Carried over' : status, page, conflict }
}

const COLUMN_TEXT = { face: 'serif' as const, size: 10.5, leading: 15.5, annotate: true }
const COLUMN_NOTE = { face: 'sans' as const, size: 8, leading: 12, annotate: false, color: MUTED }

/**
 * The clause's two sides in aligned columns: the base with its deletions struck on the left, the
 * target with its insertions underlined on the right, equal text on both; a split's or merge's
 * several clauses stacked on their side, a blank line apart. A row that fits on a page is not cut;
 * a longer one continues on the next page in both columns from the top. Each page's part of a
 * column is drawn whole, the base's before the target's, so text extraction and the structure
 * tree read the base, then the target, of each clause.
 */
function sideBySide(w: Writer, clause: ClauseComparison, marks: readonly Mark[], versionName: (id: string) => string): { height: number; draw: (sect: StructElement) => void } {
  const { WIDTH } = w.g
  const colW = (WIDTH - GUTTER) / 2
  const notesOf = (side: 'base' | 'target'): ColumnLine[] => {
    const clauses = side === 'base' ? clause.baseClauses : clause.targetClauses
    const notes: string[] = []
    if (!clause[side]) notes.push(side === 'base' ? 'Not in the base: added' : 'Not in the target: removed')
    if (clauses.length > 1) notes.push(`${clauses.length} clauses: ${clauses.map((x) => [x.label, x.heading].filter(Boolean).join(' ')).join('; ')}`)
    const carried = side === 'target' ? clauses.find((x) => x.carriedFrom !== null) : undefined
    if (carried?.carriedFrom) notes.push(`Carried over from ${versionName(carried.carriedFrom)}: not restated in the target`)
    return notes.flatMap((note) => layoutRuns([{ text: note, style: 'plain' }], colW, COLUMN_NOTE.size, COLUMN_NOTE.face, w.faces).map((line) => ({ line, o: COLUMN_NOTE, texts: new Map<number, string>() })))
  }
  // The two texts start level: the side with fewer note lines is padded with blank ones.
  const notes = [notesOf('base'), notesOf('target')]
  const noteLines = Math.max(notes[0]!.length, notes[1]!.length)
  const column = (side: 'base' | 'target'): ColumnLine[] => {
    const lines = notes[side === 'base' ? 0 : 1]!
    while (lines.length < noteLines) lines.push({ line: [], o: COLUMN_NOTE, texts: new Map() })
    if (!clause[side]) return lines
    const runs = toRuns(clause.parts, '', marks, side)
    const texts = Writer.changedTexts(runs)
    for (const line of layoutRuns(runs, colW, COLUMN_TEXT.size, COLUMN_TEXT.face, w.faces)) lines.push({ line, o: COLUMN_TEXT, texts })
    return lines
  }
  const cols = [column('base'), column('target')] as const
  const height = (lines: readonly ColumnLine[]): number => lines.reduce((sum, l) => sum + l.o.leading, 0)
  const rowHeight = Math.max(height(cols[0]), height(cols[1]))
  return { height: rowHeight, draw: (sect) => drawColumns(w, cols, rowHeight, sect) }
}

/** Draws a side-by-side row's two columns, page by page, each page's part of the base before the target's. */
function drawColumns(w: Writer, cols: readonly [ColumnLine[], ColumnLine[]], rowHeight: number, sect: StructElement): void {
  const { MARGIN, WIDTH } = w.g
  const colW = (WIDTH - GUTTER) / 2
  const tags = [w.element(sect, 'P', { title: 'Base' }), w.element(sect, 'P', { title: 'Target' })] as const
  const pageRoom = w.bottom - MARGIN.top
  // Keep a row whole when it fits a page; a longer one starts here if a few lines fit.
  w.ensure(rowHeight <= pageRoom ? rowHeight : COLUMN_TEXT.leading * 4)
  const at = [0, 0]
  let continued = false
  while (at[0]! < cols[0].length || at[1]! < cols[1].length) {
    // A column continued on a new page starts with text, not with the blank line between two stacked clauses.
    if (continued) cols.forEach((lines, k) => {
      while (lines[at[k]!]?.line.length === 0) at[k]!++
    })
    const room = w.bottom - w.y
    const chunks = cols.map((lines, k) => {
      let used = 0
      let end = at[k]!
      while (end < lines.length && used + lines[end]!.o.leading <= room) used += lines[end++]!.o.leading
      return lines.slice(at[k], end)
    })
    if (chunks.every((c) => c.length === 0)) {
      w.newPage()
      continue
    }
    let drawn = 0
    chunks.forEach((chunk, k) => {
      if (chunk.length) drawn = Math.max(drawn, w.column(chunk, MARGIN.left + k * (colW + GUTTER), w.y, tags[k]))
      at[k]! += chunk.length
    })
    // A hairline between the columns, over the row's part on this page.
    const mid = MARGIN.left + colW + GUTTER / 2
    const top = w.y
    w.artifact(() => w.doc.save().strokeColor(RULE).lineWidth(0.5).moveTo(mid, top).lineTo(mid, top + drawn - 4).stroke().restore())
    w.y += drawn
    if (at[0]! < cols[0].length || at[1]! < cols[1].length) {
      w.newPage()
      continued = true
    }
  }
  tags.forEach((t) => t.end())
}

/** Where a citation's marker goes: in the text of the side its version is, inside the cited clause (a split row joins several). */
function markFor(clause: ClauseComparison, { n, citation }: Numbered, weight: (term: string) => number): Mark {
  const side = clause.targetClauses.length > 0 ? 'target' : 'base'
  const text = clause[side]?.text ?? ''
  const [from, to] = clauseRange(text, side === 'target' ? clause.targetClauses : clause.baseClauses, citation.clauseId)
  return { side, offset: from + markerOffset(text.slice(from, to), citation.quote.exact, weight), text: `[${n}]`, color: rgb(STANCE_COLOR[citation.stance] ?? INS) }
}

/** [start, end) of one clause's text in its side's joined text; the whole text when it cannot be found. */
function clauseRange(text: string, clauses: readonly RowClause[], clauseId: string): [number, number] {
  let from = 0
  for (const rc of clauses) {
    const at = text.indexOf(rc.text, from)
    if (at < 0) break
    if (rc.id === clauseId) return [at, at + rc.text.length]
    from = at + rc.text.length
  }
  return [0, text.length]
}

/** Consecutive pieces of a line that share a face, a style and an ink, joined for drawing. */
function groupPieces(line: readonly Piece[]): Array<{ x: number; text: string; face: FaceName; style: Piece['style']; color?: string }> {
  const groups: Array<{ x: number; text: string; face: FaceName; style: Piece['style']; color?: string }> = []
  for (const p of line) {
    const last = groups[groups.length - 1]
    if (last && last.face === p.face && last.style === p.style && last.color === p.color) last.text += p.text
    else groups.push({ x: p.x, text: p.text, face: p.face, style: p.style, ...(p.color ? { color: p.color } : {}) })
  }
  return groups
}

/** A citation marker: after `offset` characters of the base's or the target's text. */
interface Mark {
  side: 'base' | 'target'
  offset: number
  text: string
  color: string
}

/**
 * Parts as layout runs: equal text plain, deletions and insertions marked; ignored differences
 * show the target's text. Each marker goes into the part holding the character before it (the
 * equal and deleted parts make the base's text, the equal and inserted ones the target's); the
 * pieces of a part cut by a marker keep one id, so a change stays one annotation. `view` 'base'
 * or 'target' gives one side only (a side-by-side column): its own text, its own changes, and an
 * ignored difference as that side's text.
 */
function toRuns(parts: readonly Part[], prefix = '', marks: readonly Mark[] = [], view: 'inline' | 'base' | 'target' = 'inline'): Run[] {
  const runs: Run[] = prefix ? [{ text: prefix, style: 'plain', id: 0 }] : []
  const left = marks.filter((m) => view === 'inline' || m.side === view)
  const at = { base: 0, target: 0 }
  parts.forEach((p, i) => {
    const id = i + 1
    if ((view === 'base' && p.op === 'insert') || (view === 'target' && p.op === 'delete')) return
    const style: RunStyle | null =
      p.op === 'equal' ? 'plain' : p.ignored ? (p.op === 'insert' || view !== 'inline' ? 'plain' : null) : p.op === 'delete' ? 'del' : 'ins'
    const sides: Array<'base' | 'target'> = p.op === 'equal' ? ['base', 'target'] : p.op === 'delete' ? ['base'] : ['target']
    const inside = left
      .filter((m) => sides.includes(m.side) && m.offset > at[m.side] && m.offset <= at[m.side] + p.text.length)
      .map((m) => ({ m, local: m.offset - at[m.side] }))
      .sort((a, b) => a.local - b.local)
    let cut = 0
    for (const { m, local } of inside) {
      if (style && local > cut) runs.push({ text: p.text.slice(cut, local), style, id })
      cut = Math.max(cut, local)
      runs.push({ text: m.text, style: 'mark', color: m.color, id: -1 })
      left.splice(left.indexOf(m), 1)
    }
    if (style && cut < p.text.length) runs.push({ text: p.text.slice(cut), style, id })
    for (const side of sides) at[side] += p.text.length
  })
  // A marker no part holds (an empty text): after everything.
  for (const m of left) runs.push({ text: m.text, style: 'mark', color: m.color, id: -1 })
  return runs
}

function appendix(w: Writer, input: PdfInput, numbered: Map<string, Numbered[]>): void {
  const all = [...numbered.values()].flat()
  if (all.length === 0) return
  w.newPage()
  w.doc.outline.addItem('Appendix: cited sources')
  const sect = w.element(w.root, 'Sect')
  w.paragraph('Appendix: cited sources', { face: 'serifBold', size: 18, leading: 26, tag: w.element(sect, 'H1') })
  w.gap(6)
  for (const source of input.sources) {
    const cited = all.filter((x) => x.citation.sourceId === source.id)
    if (cited.length === 0) continue
    w.ensure(60)
    w.paragraph(source.title, { face: 'serifBold', size: 12, tag: w.element(sect, 'H2') })
    const date = source.published ? `published ${longDate(source.published)}` : 'undated'
    w.paragraph([source.publisher ?? 'Publisher not stated', source.author, date].filter(Boolean).join(' · '), { face: 'sans', size: 8.5, color: MUTED, tag: w.element(sect, 'P') })
    w.gap(4)
    const list = w.element(sect, 'L')
    for (const { n, citation } of cited) {
      const item = w.element(list, 'LI')
      w.paragraph(`[${n}] “${citation.quote.exact}”`, { face: 'serif', size: 10, indent: 12, leading: 14.5, tag: w.element(item, 'LBody') })
      item.end()
    }
    list.end()
    w.gap(10)
  }
  sect.end()
}

/** The side-by-side pages' column heads: from and to (0-based pages), and each column's name. */
interface ColumnHeads {
  from: number
  to: number
  base: string
  target: string
}

/**
 * Running header with the comparison and "Page n of N" on every page but the cover, and on the
 * side-by-side clause pages each column's name above it; artifacts, as a screen reader skips them.
 */
function pageFurniture(w: Writer, title: string, heads: ColumnHeads | null): void {
  const doc = w.doc
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    if (i === range.start) continue
    const g = doc.page.width > doc.page.height ? LANDSCAPE : PORTRAIT
    const { PAGE, MARGIN, WIDTH } = g
    const margins = doc.page.margins
    doc.page.margins = { ...margins, top: 0, bottom: 0 }
    w.artifact(() => {
      doc.font('sans').fontSize(8).fillColor(MUTED)
      doc.text(`Clausewise · ${title.replace('→', 'to')}`, MARGIN.left, g === LANDSCAPE ? 32 : 40, { lineBreak: false })
      const label = `Page ${i - range.start + 1} of ${range.count}`
      doc.text(label, PAGE.width - MARGIN.right - doc.widthOfString(label), PAGE.height - Math.min(44, MARGIN.bottom - 14), { lineBreak: false })
    }, 'Pagination')
    if (heads && i - range.start >= heads.from && i - range.start <= heads.to) {
      const colW = (WIDTH - GUTTER) / 2
      w.artifact(() => {
        ;[heads.base, heads.target].forEach((name, k) => w.place(name.toUpperCase(), MARGIN.left + k * (colW + GUTTER), MARGIN.top - 30, colW, { face: 'sansBold', size: 7.5, color: MUTED }))
        doc.save().strokeColor(INK).lineWidth(0.6).moveTo(MARGIN.left, MARGIN.top - 16).lineTo(PAGE.width - MARGIN.right, MARGIN.top - 16).stroke().restore()
      }, 'Pagination')
    }
    doc.page.margins = margins
  }
}

/**
 * pdfkit's own annotate, with the PDF dictionary keys as the PDF spec spells them: its typings
 * name the subtype "SubType", but the PDF key (and what pdfkit writes through) is "Subtype".
 */
function annotate(doc: Doc, x: number, y: number, w: number, h: number, dict: Record<string, unknown>): void {
  doc.annotate(x, y, w, h, dict as PDFKit.Mixins.AnnotationOption)
}

/** pdfkit writes a String object as a PDF text string (UTF-16 when needed), keeping Contents and T. */
function pdfString(s: string): string {
   
  return new String(s) as unknown as string
}

function rgb([r, g, b]: [number, number, number]): string {
  const h = (v: number) => Math.round(v * 255).toString(16).padStart(2, '0')
  return `#${h(r)}${h(g)}${h(b)}`
}
