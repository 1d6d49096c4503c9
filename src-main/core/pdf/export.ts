// The annotated PDF a reviewer sends to a partner or client: a cover with the change summary,
// the clause-by-clause redline (deletions struck in red, insertions underlined in blue), each
// clause's citations as numbered notes, and an appendix of the cited sources. Changes and
// citations are real PDF annotations (StrikeOut, Underline with QuadPoints; Text comments with
// Contents and T), so they are listed in Acrobat, Preview, Okular and pdf.js; every clause has
// a bookmark.
import PDFDocument from 'pdfkit'
import { isChange, numberingText, statusText } from '../compare/describe'
import type { ClauseComparison, Comparison, Part } from '../compare/types'
import { isConflict, rowEvidenceClauseIds } from '../evidence/rules'
import { summarizeByClause, type ResolvedCitation } from '../evidence/service'
import type { SourceSummary } from '../sources/types'
import { longDate } from '../text/dates'
import { loadFaces, measure, type Face, type FaceName } from './fonts'
import { layoutRuns, type Piece, type Run } from './layout'

export interface PdfInput {
  comparison: Comparison
  /** Citations of the two compared versions. */
  citations: readonly ResolvedCitation[]
  sources: readonly SourceSummary[]
  reviewer: string
  exportedAt: Date
  includeUnchanged: boolean
}

const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = { top: 78, bottom: 70, left: 68, right: 68 }
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right
const INK = '#1c1e22'
const MUTED = '#5f6571'
const DEL: [number, number, number] = [0.64, 0.15, 0.11]
const INS: [number, number, number] = [0.11, 0.31, 0.64]
const STANCE_COLOR: Record<string, [number, number, number]> = { supports: [0.18, 0.49, 0.31], contradicts: DEL, context: [0.42, 0.25, 0.63] }
type Doc = PDFKit.PDFDocument

/**
 * The two versions as the title names them: by date, as the bundled case's versions are known;
 * by title when a version has no date or both share one (two drafts imported the same day).
 */
function pairName(c: Comparison): string {
  const byDate = c.base.date && c.target.date && c.base.date !== c.target.date
  return byDate ? `${longDate(c.base.date)} → ${longDate(c.target.date)}` : `${c.base.title} → ${c.target.title}`
}

export async function renderPdf(input: PdfInput): Promise<Buffer> {
  const faces = loadFaces()
  const { comparison: c } = input
  const title = `Redline: ${pairName(c)}`
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'en',
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

  const w = new Writer(doc, faces, input.reviewer)
  cover(w, input)
  const numbered = numberCitations(input)
  doc.addPage()
  w.y = MARGIN.top
  const rows = c.clauses.filter((x) => input.includeUnchanged || isChange(x))
  if (rows.length === 0) w.paragraph('No clause changed between these versions.', { face: 'serif', size: 11, color: MUTED })
  const sourceLabel = (id: string): string => {
    const src = input.sources.find((x) => x.id === id)
    return src ? `${src.publisher ?? 'Publisher not stated'}, “${src.title}”` : id
  }
  rows.forEach((clause, i) => redlineClause(w, clause, i + 1, numbered, sourceLabel))
  appendix(w, input, numbered)
  pageFurniture(doc, title)
  doc.end()
  return done
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

/** Tracks the vertical position, breaks pages and draws laid-out lines with their annotations. */
class Writer {
  y = MARGIN.top
  constructor(
    readonly doc: Doc,
    readonly faces: Map<FaceName, Face>,
    readonly reviewer: string
  ) {}

  ensure(height: number): void {
    if (this.y + height > PAGE.height - MARGIN.bottom) {
      this.doc.addPage()
      this.y = MARGIN.top
    }
  }

  gap(points: number): void {
    this.y += points
  }

  paragraph(text: string, o: { face: FaceName; size: number; color?: string; indent?: number; leading?: number }): void {
    this.runs([{ text, style: 'plain' }], o)
  }

  /** Lays out and draws runs; deletions and insertions get their mark-up and annotations. */
  runs(runs: readonly Run[], o: { face: FaceName; size: number; color?: string; indent?: number; leading?: number; annotate?: boolean }): void {
    const indent = o.indent ?? 0
    const leading = o.leading ?? o.size * 1.5
    const lines = layoutRuns(runs, WIDTH - indent, o.size, o.face, this.faces)
    // Fragments of each changed run on the current page, flushed as one annotation per run and page.
    let fragments = new Map<number, Array<{ x0: number; x1: number; top: number }>>()
    const flush = (): void => {
      if (o.annotate) for (const [run, frags] of fragments) this.annotateRun(runs[run]!, frags, o.size)
      fragments = new Map()
    }
    for (const line of lines) {
      if (this.y + leading > PAGE.height - MARGIN.bottom) {
        flush()
        this.ensure(leading)
      }
      const top = this.y
      // Neighbouring pieces in one face and style are set in one call: far fewer text objects.
      for (const group of groupPieces(line)) {
        const x = MARGIN.left + indent + group.x
        const color = group.style === 'del' ? rgb(DEL) : group.style === 'ins' ? rgb(INS) : (o.color ?? INK)
        this.doc.font(group.face).fontSize(o.size).fillColor(color).text(group.text, x, top, { lineBreak: false })
      }
      for (const p of line) {
        if (p.style === 'plain') continue
        // Spaces inside a changed run are struck or underlined too, so the mark reads as one phrase.
        const x = MARGIN.left + indent + p.x
        const list = fragments.get(p.run) ?? []
        const last = list[list.length - 1]
        if (last && last.top === top && Math.abs(last.x1 - x) < 0.5) last.x1 = x + p.width
        else list.push({ x0: x, x1: x + p.width, top })
        fragments.set(p.run, list)
      }
      for (const [run, list] of fragments) {
        const style = runs[run]!.style
        const yLine = style === 'del' ? top + o.size * 0.62 : top + o.size * 1.12
        for (const f of list) if (f.top === top) this.doc.save().lineWidth(0.8).strokeColor(rgb(style === 'del' ? DEL : INS)).moveTo(f.x0, yLine).lineTo(f.x1, yLine).stroke().restore()
      }
      this.y += leading
    }
    flush()
  }

  /** A StrikeOut or Underline annotation over every line fragment of one changed run. */
  private annotateRun(run: Run, frags: ReadonlyArray<{ x0: number; x1: number; top: number }>, size: number): void {
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
    const deleted = run.style === 'del'
    annotate(this.doc, x0, top, x1 - x0, bottom - top, {
      Subtype: deleted ? 'StrikeOut' : 'Underline',
      QuadPoints: quad,
      C: deleted ? DEL : INS,
      Contents: pdfString(`${deleted ? 'Deleted' : 'Inserted'}: ${run.text.trim()}`),
      T: pdfString(this.reviewer || 'Clausewise'),
      F: 4
    })
  }

  /** A comment annotation in the margin next to the current line. */
  comment(text: string, color: [number, number, number]): void {
    annotate(this.doc, MARGIN.left - 26, this.y, 16, 16, { Subtype: 'Text', Name: 'Comment', Contents: pdfString(text), T: pdfString(this.reviewer || 'Clausewise'), C: color, Open: false, F: 4 })
  }
}

function cover(w: Writer, input: PdfInput): void {
  const { comparison: c } = input
  const s = c.summary
  w.y = 150
  w.paragraph('CLAUSE COMPARISON', { face: 'sansBold', size: 9, color: MUTED })
  w.gap(4)
  w.paragraph(pairName(c), { face: 'serifBold', size: 26, leading: 34 })
  w.gap(14)
  for (const [label, v] of [['Base', c.base], ['Target', c.target]] as const) {
    w.paragraph(label.toUpperCase(), { face: 'sansBold', size: 8, color: MUTED })
    w.paragraph(`${v.title} (${v.date ? `${longDate(v.date)}, ` : ''}version ${v.id})`, { face: 'serif', size: 12 })
    w.gap(8)
  }
  w.paragraph('REVIEWER', { face: 'sansBold', size: 8, color: MUTED })
  w.paragraph(input.reviewer || 'Not named', { face: 'serif', size: 12 })
  w.gap(8)
  w.paragraph('EXPORTED', { face: 'sansBold', size: 8, color: MUTED })
  w.paragraph(`${longDate(input.exportedAt.toISOString().slice(0, 10))}, ${input.exportedAt.toISOString().slice(11, 16)} UTC`, { face: 'serif', size: 12 })
  w.gap(28)
  w.paragraph('Summary of changes', { face: 'sansBold', size: 12 })
  w.gap(6)
  const conflictCount = summarizeByClause(input.citations).filter((e) => e.conflict).length
  const rows: Array<[string, string]> = [
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
  for (const [label, value] of rows) {
    w.doc.save().strokeColor('#e2dfd7').lineWidth(0.5).moveTo(MARGIN.left, w.y - 3).lineTo(MARGIN.left + 300, w.y - 3).stroke().restore()
    w.doc.font('serif').fontSize(11).fillColor(INK).text(label, MARGIN.left, w.y, { lineBreak: false })
    w.doc.font('sansBold').fontSize(11).text(value, MARGIN.left + 300 - measure(value, w.faces.get('sansBold')!, 11), w.y, { lineBreak: false })
    w.y += 20
  }
}

function redlineClause(w: Writer, clause: ClauseComparison, index: number, numbered: Map<string, Numbered[]>, sourceLabel: (id: string) => string): void {
  const heading = clause.heading
  const numbering = numberingText(clause)
  const status = statusText(clause)
  w.ensure(70)
  w.doc.outline.addItem(`${index}. ${heading} (${status})`)
  w.gap(6)
  // A split or merge is named by its one clause; the joined headings' redline would only be noise.
  // An imported clause may have no heading on either side: it is then named as every view names it (its number).
  const plain = clause.baseClauses.length > 1 || clause.targetClauses.length > 1 || clause.headingParts.every((p) => p.text.trim() === '')
  const headingParts = plain ? [{ op: 'equal' as const, text: heading }] : clause.headingParts
  w.runs(toRuns(headingParts, `${index}. `), { face: 'sansBold', size: 11.5, annotate: false })
  const notes = numbered.get(clause.key) ?? []
  const conflict = isConflict(notes.map((x) => x.citation.stance))
  w.paragraph(`${status}${numbering ? ` · ${numbering}` : ''}${clause.match?.review ? ' · CHECK PAIRING' : ''}${clause.status === 'moved' && !numbering && clause.base && clause.target ? ` · clause ${clause.base.index + 1} → ${clause.target.index + 1}` : ''}${clause.wordsInserted || clause.wordsDeleted ? ` · +${clause.wordsInserted} / −${clause.wordsDeleted} words` : ''}${conflict ? ' · CONFLICT: sources disagree' : ''}`, { face: 'sans', size: 8.5, color: conflict ? rgb(DEL) : MUTED })
  w.gap(3)
  w.runs(toRuns(clause.parts), { face: 'serif', size: 11, annotate: true, leading: 16.5 })
  if (notes.length) {
    w.gap(4)
    for (const { n, citation } of notes) {
      w.ensure(40)
      const stance = citation.stance.charAt(0).toUpperCase() + citation.stance.slice(1)
      const source = sourceLabel(citation.sourceId)
      w.comment(`[${n}] ${stance}${citation.orphan ? ' (passage no longer found)' : ''}\n“${citation.quote.exact}”\nSource: ${source}${citation.note ? `\nNote: ${citation.note}` : ''}`, STANCE_COLOR[citation.stance] ?? INS)
      w.paragraph(`[${n}] ${stance} — ${source}: “${citation.quote.exact}”${citation.note ? ` Note: ${citation.note}` : ''}`, { face: 'serif', size: 9.5, color: '#3a3e45', indent: 12, leading: 13.5 })
    }
  }
  w.gap(10)
  w.doc.save().strokeColor('#e2dfd7').lineWidth(0.5).moveTo(MARGIN.left, w.y).lineTo(PAGE.width - MARGIN.right, w.y).stroke().restore()
  w.gap(8)
}

/** Consecutive pieces of a line that share a face and a style, joined for drawing. */
function groupPieces(line: readonly Piece[]): Array<{ x: number; text: string; face: FaceName; style: Piece['style'] }> {
  const groups: Array<{ x: number; text: string; face: FaceName; style: Piece['style'] }> = []
  for (const p of line) {
    const last = groups[groups.length - 1]
    if (last && last.face === p.face && last.style === p.style) last.text += p.text
    else groups.push({ x: p.x, text: p.text, face: p.face, style: p.style })
  }
  return groups
}

/** Parts as layout runs: equal text plain, deletions and insertions marked; ignored differences show the target's text. */
function toRuns(parts: readonly Part[], prefix = ''): Run[] {
  const runs: Run[] = prefix ? [{ text: prefix, style: 'plain' }] : []
  for (const p of parts) {
    if (p.op === 'equal') runs.push({ text: p.text, style: 'plain' })
    else if (p.ignored) {
      if (p.op === 'insert') runs.push({ text: p.text, style: 'plain' })
    } else runs.push({ text: p.text, style: p.op === 'delete' ? 'del' : 'ins' })
  }
  return runs.map((r, i) => ({ ...r, id: i }))
}

function appendix(w: Writer, input: PdfInput, numbered: Map<string, Numbered[]>): void {
  const all = [...numbered.values()].flat()
  if (all.length === 0) return
  w.doc.addPage()
  w.y = MARGIN.top
  w.doc.outline.addItem('Appendix: cited sources')
  w.paragraph('Appendix: cited sources', { face: 'serifBold', size: 18, leading: 26 })
  w.gap(6)
  for (const source of input.sources) {
    const cited = all.filter((x) => x.citation.sourceId === source.id)
    if (cited.length === 0) continue
    w.ensure(60)
    w.paragraph(source.title, { face: 'serifBold', size: 12 })
    const date = source.published ? `published ${longDate(source.published)}` : 'undated'
    w.paragraph([source.publisher ?? 'Publisher not stated', source.author, date].filter(Boolean).join(' · '), { face: 'sans', size: 8.5, color: MUTED })
    w.gap(4)
    for (const { n, citation } of cited) w.paragraph(`[${n}] “${citation.quote.exact}”`, { face: 'serif', size: 10, indent: 12, leading: 14.5 })
    w.gap(10)
  }
}

/** Running header with the comparison and "Page n of N" on every page but the cover. */
function pageFurniture(doc: Doc, title: string): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    if (i === range.start) continue
    const margins = doc.page.margins
    doc.page.margins = { ...margins, top: 0, bottom: 0 }
    doc.font('sans').fontSize(8).fillColor(MUTED)
    doc.text(`Clausewise · ${title.replace('→', 'to')}`, MARGIN.left, 40, { lineBreak: false })
    const label = `Page ${i - range.start + 1} of ${range.count}`
    doc.text(label, PAGE.width - MARGIN.right - doc.widthOfString(label), PAGE.height - 44, { lineBreak: false })
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
