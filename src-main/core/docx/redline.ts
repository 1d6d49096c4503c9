// The Word redline lawyers send on: every deletion and insertion a real tracked change (w:del,
// w:ins) by the reviewer, moved clauses as tracked moves, each citation a comment on its clause,
// a cover with the versions and the summary, and the cited sources at the end.
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type ParagraphChild
} from 'docx'
import { isChange, numberingText, statusText } from '../compare/describe'
import type { ClauseComparison, Comparison, RowClause } from '../compare/types'
import { isConflict, rowEvidenceClauseIds } from '../evidence/rules'
import { summarizeByClause, type ResolvedCitation } from '../evidence/service'
import type { ExportInput, Rendered } from '../export/types'
import { byDate, optionsText, pairName } from '../export/words'
import { longDate } from '../text/dates'
import { moveFromRuns, moveToRuns, withMoves } from './moves'
import { partRuns, revision, textRuns, type Revision } from './runs'

/** The author of the tracked changes when the reviewer is not named: the changes are the tool's reading. */
export const DEFAULT_AUTHOR = 'Clausewise'

const MUTED = '5F6571'

/** The bookmark around a row's clause text at its (new) place; `_from` for a moved row's old place. */
export const rowBookmark = (row: number, from = false): string => `cw_r${row}${from ? '_from' : ''}`

/** A row that is shown as a tracked move: a moved clause, or a split or merge that moved. */
export function isMove(row: ClauseComparison): boolean {
  return (row.status === 'moved' || row.moved) && row.base !== null && row.target !== null
}

/**
 * The Word redline (.docx) of `input`. Rows are in the comparison's order (the target's); a moved
 * row's target text is a move-to at its place there, and its base text a move-from at its old
 * place: right after the nearest exported row before it in the base's order that did not move
 * itself (at the top when none does). Rejecting all changes then reads the base's order, accepting
 * them the target's.
 */
export async function renderDocx(input: ExportInput): Promise<Rendered> {
  const { comparison: c } = input
  const author = input.reviewer.trim() || DEFAULT_AUTHOR
  const rev = revision(author, input.exportedAt)
  const rows = c.clauses.map((row, index) => ({ row, index })).filter(({ row }) => input.includeUnchanged || isChange(row))
  const versionName = (id: string): string => {
    const date = input.versions?.find((v) => v.id === id)?.date
    return date ? longDate(date) : id
  }

  // Citations become comments, numbered in the order of the rows they sit on.
  const comments: ICommentOptions[] = []
  const rowComments = new Map<number, number[]>()
  const cited: ResolvedCitation[] = []
  for (const { row, index } of rows) {
    const ids = new Set(rowEvidenceClauseIds(row))
    for (const citation of input.citations) {
      if (citation.versionId !== row.evidenceVersionId || !ids.has(citation.clauseId)) continue
      const id = comments.length
      comments.push(comment(citation, id, input, author))
      rowComments.set(index, [...(rowComments.get(index) ?? []), id])
      cited.push(citation)
    }
  }

  // Where each moved row's base text goes: after the row its base clause followed (see above).
  const moves = new Map<number, number>()
  const fromAfter = new Map<number, Array<{ row: ClauseComparison; index: number }>>()
  const anchors = rows.filter(({ row }) => row.base !== null && !isMove(row))
  for (const { row, index } of rows.filter(({ row }) => isMove(row))) {
    moves.set(index, moves.size + 1)
    const at = row.base!.index
    let anchor = -1
    let best = -1
    for (const a of anchors) if (a.row.base!.index < at && a.row.base!.index > best) [anchor, best] = [a.index, a.row.base!.index]
    fromAfter.set(anchor, [...(fromAfter.get(anchor) ?? []), { row, index }].sort((x, y) => x.row.base!.index - y.row.base!.index))
  }
  const oldPlaces = (anchor: number): Paragraph[] =>
    (fromAfter.get(anchor) ?? []).flatMap(({ row, index }) => movedFrom(row, index, moves.get(index)!, rev))

  const body: Array<Paragraph | Table> = [...cover(input, author), ...clausesHeading(input, rows.length)]
  body.push(...oldPlaces(-1))
  for (const { row, index } of rows) {
    body.push(...clause(row, index, moves.get(index) ?? null, rowComments.get(index) ?? [], rev, versionName))
    body.push(...oldPlaces(index))
  }
  body.push(...sourcesSection(input, cited))

  const doc = new Document({
    creator: 'Clausewise',
    lastModifiedBy: author,
    title: `Redline: ${pairName(c)}`,
    subject: `${c.base.title} (${c.base.id}) compared with ${c.target.title} (${c.target.id})`,
    description: 'Clausewise redline with tracked changes and comments',
    comments: { children: comments },
    styles: {
      default: { document: { run: { font: 'Liberation Serif', size: 22 } }, heading1: { run: { font: 'Liberation Sans', size: 30, bold: true } }, heading2: { run: { font: 'Liberation Sans', size: 24, bold: true }, paragraph: { spacing: { before: 280, after: 60 }, keepNext: true } }, heading3: { run: { font: 'Liberation Sans', size: 22, bold: true }, paragraph: { spacing: { before: 240, after: 40 }, keepNext: true } }, title: { run: { font: 'Liberation Serif', size: 44, bold: true } } }
    },
    sections: [{ children: body }]
  })
  return { bytes: withMoves(await Packer.toBuffer(doc), rev) }
}

/** The Word file says when the options' ignored differences are still tracked (the invariant is the exact text). */
function trackedOptionsText(c: Comparison): string {
  const o = c.options
  return o.ignoreCase || o.ignorePunctuation || o.ignoreWhitespace ? `${optionsText(c)} (still tracked)` : optionsText(c)
}

const muted = (text: string, extra: { italics?: boolean; bold?: boolean } = {}): TextRun => new TextRun({ text, color: MUTED, ...extra })

function cell(text: string, opts: { bold?: boolean; shade?: boolean; width?: number; right?: boolean } = {}): TableCell {
  return new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: line, bold: opts.bold })] })),
    ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
    ...(opts.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F4F2ED' } } : {}),
    margins: { top: 60, bottom: 60, left: 100, right: 100 }
  })
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'E2DFD7' }
function table(rows: TableCell[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: rows.map((children) => new TableRow({ children }))
  })
}

/** The cover: the two versions, who exported and how, and the summary of changes. */
function cover(input: ExportInput, author: string): Array<Paragraph | Table> {
  const { comparison: c } = input
  const s = c.summary
  const changes = c.clauses.filter(isChange).length
  const exported = `${longDate(input.exportedAt.toISOString().slice(0, 10))}, ${input.exportedAt.toISOString().slice(11, 16)} UTC`
  const side = (which: 'base' | 'target'): string => {
    const v = c[which]
    const info = input.versions?.find((x) => x.id === v.id)
    const clauses = c.clauses.flatMap((r) => (which === 'base' ? r.baseClauses : r.targetClauses))
    const carried = clauses.filter((x) => x.carriedFrom !== null).length
    const facts = [info ? info.kind.charAt(0).toUpperCase() + info.kind.slice(1) : '', `${clauses.length} term${clauses.length === 1 ? '' : 's'}`, carried ? `${carried} carried over` : '', `version ${v.id}`].filter(Boolean).join(' · ')
    return [v.date ? longDate(v.date) : 'Undated', v.title, facts, info?.summary.trim() ?? ''].filter(Boolean).join('\n')
  }
  const conflicts = summarizeByClause(input.citations).filter((e) => e.conflict).length
  const figures: Array<[string, string]> = [
    ['Clauses modified', String(s.modified)],
    ['Clauses added', String(s.added)],
    ['Clauses removed', String(s.removed)],
    ['Clauses moved', String(s.moved)],
    ['Clauses split', String(s.split)],
    ['Clauses merged', String(s.merged)],
    ['Clauses renumbered', String(s.renumbered)],
    ['Clauses unchanged', String(s.unchanged)],
    ['Carried over (not restated)', String(s.carriedOver)],
    ['Words inserted / deleted', `${s.wordsInserted} / ${s.wordsDeleted}`],
    ['Citations', String(input.citations.length)],
    ['Clauses with conflicting sources', String(conflicts)]
  ]
  return [
    new Paragraph({ children: [muted('CLAUSEWISE · WORD REDLINE', { bold: true })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(pairName(c))] }),
    ...(byDate(c) ? [new Paragraph({ children: [muted(`${c.base.title} compared with ${c.target.title}`)] })] : []),
    new Paragraph(''),
    table([
      [cell('Reviewer', { bold: true, width: 25, shade: true }), cell(input.reviewer.trim() || 'Not named')],
      [cell('Exported', { bold: true, shade: true }), cell(exported)],
      [cell('Compared', { bold: true, shade: true }), cell(trackedOptionsText(c))],
      [cell('Tracked changes', { bold: true, shade: true }), cell(`By ${author}, dated ${exported}. Accept all to read the target, reject all to read the base.`)]
    ]),
    new Paragraph(''),
    table([
      [cell('Base', { bold: true, shade: true, width: 50 }), cell('Target', { bold: true, shade: true, width: 50 })],
      [cell(side('base')), cell(side('target'))]
    ]),
    new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 360 }, children: [new TextRun('Summary of changes')] }),
    ...(changes === 0 ? [new Paragraph({ children: [new TextRun({ text: 'No differences: every clause reads the same in both versions.', bold: true })] })] : []),
    table(figures.map(([name, value]) => [cell(name, { width: 75 }), cell(value, { bold: true, right: true })]))
  ]
}

function clausesHeading(input: ExportInput, count: number): Paragraph[] {
  const changes = input.comparison.clauses.filter(isChange).length
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(input.includeUnchanged ? 'Clauses' : 'Changed clauses')] }),
    ...(changes === 0 ? [new Paragraph({ children: [new TextRun({ text: 'No differences between these versions.', bold: true })] })] : []),
    ...(count === 0 ? [new Paragraph({ children: [muted('No clause to show: unchanged clauses were left out.', { italics: true })] })] : [])
  ]
}

const labels = (cs: readonly RowClause[]): string => cs.map((x) => x.label ?? '').filter(Boolean).join(', ')

/** One row: its heading (number and name, changes tracked), its status, and its text. */
function clause(row: ClauseComparison, index: number, move: number | null, commentIds: readonly number[], rev: Revision, versionName: (id: string) => string): Paragraph[] {
  const from = labels(row.baseClauses)
  const to = labels(row.targetClauses)
  const label: ParagraphChild[] = row.renumbered && from !== to ? [...textRuns(from, 'delete', rev), new TextRun(' '), ...textRuns(to, 'insert', rev)] : textRuns(row.targetClauses.length ? to : from, 'equal', rev)
  // A clause without a heading is named by its number alone ("3.1", not "3.1 Clause 3.1").
  const name: ParagraphChild[] = row.headingParts.some((p) => p.text) ? partRuns(row.headingParts, rev) : label.length ? [] : textRuns(row.heading, 'equal', rev)
  const heading = new Paragraph({
    heading: HeadingLevel.HEADING_2,
    children: [...commentIds.map((id) => new CommentRangeStart(id)), ...label, ...(label.length && name.length ? [new TextRun(' ')] : []), ...name]
  })
  const numbering = numberingText(row)
  const note = [statusText(row, versionName), numbering, move !== null ? `from ${from || `place ${row.base!.index + 1} of the base`}` : null, row.match?.review ? `check pairing: ${row.match.reason}` : null].filter(Boolean).join(' · ')
  const status = new Paragraph({ keepNext: true, children: [muted(note, { italics: true })] })
  const runs = move !== null ? moveToRuns(row.target!.text, move, rev) : partRuns(row.parts, rev)
  const text = new Paragraph({
    spacing: { after: 160 },
    children: [new Bookmark({ id: rowBookmark(index), children: runs }), ...commentIds.map((id) => new CommentRangeEnd(id)), ...commentIds.map((id) => new TextRun({ children: [new CommentReference(id)] }))]
  })
  return [heading, status, text]
}

/** A moved row's base text at its old place. */
function movedFrom(row: ClauseComparison, index: number, move: number, rev: Revision): Paragraph[] {
  const to = labels(row.targetClauses)
  const note = `Moved from here: ${[labels(row.baseClauses), row.base!.heading].filter(Boolean).join(' ')}${to ? ` (now ${to})` : ''}`
  return [
    new Paragraph({ keepNext: true, spacing: { before: 200 }, children: [muted(note, { italics: true })] }),
    new Paragraph({ spacing: { after: 160 }, children: [new Bookmark({ id: rowBookmark(index, true), children: moveFromRuns(row.base!.text, move, rev) })] })
  ]
}

const STANCE: Record<string, string> = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' }

/** A citation as a Word comment: stance and quote, the source, the note, who cited it. */
function comment(citation: ResolvedCitation, id: number, input: ExportInput, author: string): ICommentOptions {
  const source = input.sources.find((s) => s.id === citation.sourceId)
  const sourceLine = source ? [source.title, source.publisher ?? 'Publisher not stated', source.published ? longDate(source.published) : 'undated'].join(', ') : citation.sourceId
  const cited = new Date(citation.modified || citation.created)
  // Whole seconds, as the tracked changes' w:date: Word writes no milliseconds.
  const date = new Date(Math.floor((Number.isNaN(cited.getTime()) ? input.exportedAt : cited).getTime() / 1000) * 1000)
  const by = citation.reviewer || author
  const state = citation.orphan ? ' The passage is no longer in the source’s text.' : citation.fuzzy ? ' The source’s text changed around the passage.' : ''
  return {
    id,
    author: by,
    initials: by.split(/\s+/).map((w) => w.charAt(0)).join('').slice(0, 4),
    date,
    children: [
      new Paragraph({ children: [new TextRun({ text: `${STANCE[citation.stance] ?? citation.stance}: `, bold: true }), new TextRun(`“${citation.quote.exact}”`)] }),
      new Paragraph({ children: [new TextRun({ text: 'Source: ', bold: true }), new TextRun(sourceLine)] }),
      ...(citation.note ? [new Paragraph({ children: [new TextRun({ text: 'Note: ', bold: true }), new TextRun(citation.note)] })] : []),
      new Paragraph({ children: [new TextRun({ text: `Cited by ${by}${Number.isNaN(cited.getTime()) ? '' : ` on ${longDate(cited.toISOString().slice(0, 10))}`}.${state}`, italics: true })] })
    ]
  }
}

/** The final section: each cited source with its publisher and date, and the passages cited from it. */
function sourcesSection(input: ExportInput, cited: readonly ResolvedCitation[]): Paragraph[] {
  if (cited.length === 0) return []
  const out: Paragraph[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun('Cited sources')] })]
  const ids = [...new Set(cited.map((x) => x.sourceId))]
  for (const id of ids) {
    const source = input.sources.find((s) => s.id === id)
    const quotes = cited.filter((x) => x.sourceId === id)
    const stances = quotes.map((x) => x.stance)
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(source?.title ?? id)] }))
    const meta = source ? [source.publisher ?? 'Publisher not stated', source.author, source.published ? `published ${longDate(source.published)}` : 'undated'].filter(Boolean).join(' · ') : 'Not in the library'
    out.push(new Paragraph({ children: [muted(`${meta}${isConflict(stances) ? ' · cited both for and against' : ''}`)] }))
    for (const q of quotes) out.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${STANCE[q.stance] ?? q.stance}: `, bold: true }), new TextRun(`“${q.quote.exact}”`)] }))
  }
  return out
}
