// Turns one PDF page's text pieces into lines in reading order: pieces on one baseline joined left
// to right, the spaces a PDF leaves out put back from the gaps, two columns read one after the other.

/** One piece of text as pdf.js gives it, in points, turned upright (y grows up the page). */
export interface PdfItem {
  str: string
  /** Left end of the baseline. */
  x: number
  /** Baseline. */
  y: number
  width: number
  /** Font size as drawn (the text matrix's vertical scale). */
  size: number
}

/** Lines of a page: 0 for a page read as one column (or a line across both columns), 1 left column, 2 right. */
export type PdfColumn = 0 | 1 | 2

export interface PdfLine {
  page: number
  column: PdfColumn
  /** Left edge, right edge and baseline, in points. */
  x: number
  end: number
  y: number
  /** Size of the font most of the line is set in. */
  size: number
  text: string
  /** Where text starts again after a jump wider than a space (tab stops of a hanging indent). */
  stops: number[]
  /** Estimated width of the first word: would it have fitted at the end of the line above? */
  firstWord: number
  /**
   * Raised marks: pieces of digits or note symbols set clearly smaller than the line and above its
   * baseline (a footnote reference "¹", "*", "†"; but also an exponent), where they stand in `text`.
   */
  marks?: PdfMark[]
}

/** A raised mark's text and its place in its line's text (`text.slice(start, end)`). */
export interface PdfMark {
  text: string
  start: number
  end: number
}

/**
 * Gap between two pieces, as a fraction of the font size, above which a space was meant. A word
 * space is about a quarter of an em and justification rarely squeezes it below 0.15; kerning and
 * tracking gaps stay well under 0.1 (pdf.js itself joins glyph runs closer than ~0.1 em).
 */
const SPACE_GAP = 0.15
/** Two pieces belong to one line when their baselines differ by less than this many ems (a superscript sits ~0.33 em up). */
const BASELINE_TOLERANCE = 0.45
/** A gap this many ems wide can be a column gutter (justified words never stand that far apart). */
const SEGMENT_GAP = 1.5
/** A piece set at most this fraction of a line's size is small enough to be a superscript or subscript of it. */
const SMALLER = 0.85
/** A superscript's baseline stands at least this many of the line's ems above the line's (Word and LibreOffice raise by about a third). */
const RAISED = 0.15
/** How high above the line's baseline a superscript may stand, in the line's ems. */
const RAISED_MAX = 0.6
/** What a note's reference mark can be: digits, the note symbols, superscript digits; "1,2" for two notes. */
const MARK = /^[\d*†‡§¶\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,4}(?:,[\d*†‡§¶\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,4})*$/u

interface Row {
  y: number
  size: number
  weight: number
  items: PdfItem[]
}

/** Pieces grouped by baseline, top of the page first, each row's pieces left to right. */
function rows(items: readonly PdfItem[]): Row[] {
  const sorted = items.slice().sort((a, b) => b.y - a.y || a.x - b.x)
  const out: Row[] = []
  let row: Row | undefined
  for (const it of sorted) {
    if (row && row.y - it.y <= BASELINE_TOLERANCE * Math.max(row.size, it.size)) {
      row.items.push(it)
      // The row's baseline is that of its longest piece, so a superscript met first does not set it.
      if (it.str.length > row.weight) Object.assign(row, { y: it.y, size: it.size, weight: it.str.length })
    } else {
      row = { y: it.y, size: it.size, weight: it.str.length, items: [it] }
      out.push(row)
    }
  }
  // A small piece joined to the row above the line it belongs to: a reference mark raised on the
  // line under a large title ("Version 2.0¹" under "Apache License" in 28 pt). It goes to the line
  // below when it could be its superscript and fits it better: raised less than it is lowered under
  // the row above, or nearer the usual size of a superscript (six tenths of its line).
  for (let i = 0; i + 1 < out.length; i++) {
    const [r, below] = [out[i]!, out[i + 1]!]
    r.items = r.items.filter((it) => {
      const sub = (r.y - it.y) / r.size
      const sup = (it.y - below.y) / below.size
      const fits = (row: Row) => Math.abs(it.size / row.size - 0.6)
      const small = it.size <= SMALLER * r.size && it.size <= SMALLER * below.size
      const moves = small && sub > 0 && sup > 0 && sup <= RAISED_MAX && (sup < sub || fits(below) < fits(r))
      if (moves) below.items.push(it)
      return !moves
    })
  }
  for (const r of out) r.items.sort((a, b) => a.x - b.x)
  return out
}

const isBlank = (s: string) => s.trim() === ''

/** One line from pieces on one baseline, sorted left to right. */
export function buildLine(items: readonly PdfItem[], page: number, column: PdfColumn): PdfLine | undefined {
  const inked = items.filter((it) => !isBlank(it.str))
  if (inked.length === 0) return undefined
  // The line's size is that of most of its characters, its baseline that of its first piece in that size.
  const chars = new Map<number, number>()
  for (const it of inked) chars.set(it.size, (chars.get(it.size) ?? 0) + it.str.length)
  let size = inked[0]!.size
  let most = 0
  for (const [s, n] of chars) if (n > most) [size, most] = [s, n]
  const baseline = inked.find((it) => it.size === size)!.y
  let text = ''
  let pendingSpace = false
  let prev: PdfItem | undefined
  let x = Infinity
  let end = -Infinity
  const stops: number[] = []
  const marks: PdfMark[] = []
  let first: PdfItem | undefined
  for (const it of items) {
    if (isBlank(it.str)) {
      pendingSpace = text !== ''
      continue
    }
    if (prev) {
      // Fake bold: the same text drawn twice a hair apart.
      if (it.str === prev.str && Math.abs(it.x - prev.x) < 0.2 * it.size) continue
      const gap = it.x - (prev.x + prev.width)
      const em = Math.min(prev.size, it.size)
      if (gap > SPACE_GAP * em) {
        pendingSpace = true
        if (gap > em * 0.5) stops.push(it.x)
      }
      if (pendingSpace && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' '
    }
    const str = text === '' ? it.str.trimStart() : it.str
    const mark = str.trim()
    const rise = it.y - baseline
    if (it.size <= SMALLER * size && rise > RAISED * size && rise <= RAISED_MAX * size && MARK.test(mark)) {
      const start = text.length + str.indexOf(mark)
      const last = marks.at(-1)
      // Pieces of one mark drawn one by one ("1", ",", "2") make one mark.
      if (last && last.end === start && MARK.test(last.text + mark)) Object.assign(last, { text: last.text + mark, end: start + mark.length })
      else marks.push({ text: mark, start, end: start + mark.length })
    }
    text += str
    pendingSpace = false
    first ??= it
    prev = it
    x = Math.min(x, it.x)
    end = Math.max(end, it.x + it.width)
  }
  text = text.trimEnd()
  if (!first || text === '') return undefined
  const lead = first.str.trimStart()
  const word = /^\S+/.exec(lead)?.[0] ?? lead
  const firstWord = lead.length > 0 ? (first.width * word.length) / lead.length : 0
  const line: PdfLine = { page, column, x, end, y: baseline, size, text, stops, firstWord }
  if (marks.length > 0) line.marks = marks
  return line
}

/** Rows cut where pieces stand a gutter apart: the unit column detection works on. */
function segments(row: { items: readonly PdfItem[]; size: number }): PdfItem[][] {
  const out: PdfItem[][] = []
  let cur: PdfItem[] = []
  let reach = -Infinity
  for (const it of row.items) {
    if (isBlank(it.str)) continue
    if (cur.length > 0 && it.x - reach > SEGMENT_GAP * Math.max(row.size, it.size)) {
      out.push(cur)
      cur = []
    }
    cur.push(it)
    reach = Math.max(reach, it.x + it.width)
  }
  if (cur.length > 0) out.push(cur)
  return out
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

/**
 * The x of a gutter between two columns, or undefined for a page read as one column. Best effort
 * for two columns only: in the middle half of the text's width there must be a strip at least 8
 * points wide that almost no text crosses (a title or a figure across both columns may), with at
 * least five pieces of text on each side that mostly fill their column (so a table of short
 * labels, or a signature block beside a short line, is not taken for columns).
 */
export function findGutter(rowsOfPage: ReadonlyArray<{ items: readonly PdfItem[]; size: number }>): number | undefined {
  const segs = rowsOfPage.flatMap((r) => segments(r)).map((s) => ({ x: s[0]!.x, end: Math.max(...s.map((i) => i.x + i.width)) }))
  if (segs.length < 10) return undefined
  const left = Math.min(...segs.map((s) => s.x))
  const right = Math.max(...segs.map((s) => s.end))
  const width = Math.ceil(right - left)
  if (width < 200 || width > 5000) return undefined
  const cover = new Int32Array(width + 2)
  for (const s of segs) {
    cover[Math.max(0, Math.floor(s.x - left))]! += 1
    cover[Math.min(width + 1, Math.ceil(s.end - left))]! -= 1
  }
  for (let i = 1; i < cover.length; i++) cover[i]! += cover[i - 1]!
  const allowed = Math.max(1, Math.floor(segs.length * 0.05))
  let best: [number, number] | undefined
  let start = -1
  for (let i = Math.floor(width * 0.25); i <= Math.ceil(width * 0.75) + 1; i++) {
    const open = i <= width * 0.75 && cover[i]! <= allowed
    if (open && start < 0) start = i
    if (!open && start >= 0) {
      if (!best || i - start > best[1] - best[0]) best = [start, i]
      start = -1
    }
  }
  if (!best || best[1] - best[0] < 8) return undefined
  const gutter = left + (best[0] + best[1]) / 2
  // Each row's text on either side of the gutter, from its first piece to its last.
  const sides = (keep: (it: PdfItem) => boolean) =>
    rowsOfPage.flatMap((r) => {
      const its = r.items.filter((it) => !isBlank(it.str) && keep(it))
      return its.length === 0 ? [] : [Math.max(...its.map((i) => i.x + i.width)) - Math.min(...its.map((i) => i.x))]
    })
  const l = sides((it) => it.x + it.width <= gutter)
  const r = sides((it) => it.x >= gutter)
  if (l.length < 5 || r.length < 5) return undefined
  if (median(l) < 0.5 * (gutter - left) || median(r) < 0.5 * (right - gutter)) return undefined
  return gutter
}

/**
 * A page's lines in reading order. One column: top to bottom. Two columns: the left column's
 * lines, then the right's, band by band between lines that run across the gutter.
 */
export function pageLines(items: readonly PdfItem[], page: number): PdfLine[] {
  const all = rows(items)
  const gutter = findGutter(all)
  const out: PdfLine[] = []
  const push = (line: PdfLine | undefined) => line && out.push(line)
  if (gutter === undefined) {
    for (const r of all) push(buildLine(r.items, page, 0))
    return out
  }
  let leftBand: PdfLine[] = []
  let rightBand: PdfLine[] = []
  const flush = () => {
    out.push(...leftBand, ...rightBand)
    leftBand = []
    rightBand = []
  }
  for (const r of all) {
    if (r.items.some((it) => it.x < gutter && it.x + it.width > gutter && !isBlank(it.str))) {
      flush()
      push(buildLine(r.items, page, 0))
      continue
    }
    const l = buildLine(r.items.filter((it) => it.x < gutter), page, 1)
    const rt = buildLine(r.items.filter((it) => it.x >= gutter), page, 2)
    if (l) leftBand.push(l)
    if (rt) rightBand.push(rt)
  }
  flush()
  return out
}
