// Builds paragraphs from a PDF's lines, which is all a PDF keeps: where one paragraph ends is read
// from the white space around lines, their indentation, a change of font size, and whether the
// line above stopped short of the margin; a word hyphenated at a line end is joined again.
import type { Block } from './types'
import type { PdfColumn, PdfLine } from './pdf-lines'

interface Frame {
  /**
   * The usual left margin: the leftmost line start that at least one line in twenty shares (or
   * two, in a short text). Not simply the most common start: in an agreement whose sections hang
   * ("1.<tab>text", the lines below aligned with the text), most lines start at the hanging
   * indent, and the numbers stand at the margin.
   */
  left: number
  /** The right margin: where nine lines in ten end or end before. */
  right: number
}

function mode(values: Iterable<number>): number | undefined {
  const counts = new Map<number, number>()
  let best: number | undefined
  let most = 0
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1
    counts.set(v, n)
    if (n > most || (n === most && best !== undefined && v < best)) [best, most] = [v, n]
  }
  return best
}

function percentile(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
}

function margin(lines: readonly PdfLine[]): number {
  const counts = new Map<number, number>()
  for (const l of lines) counts.set(Math.round(l.x), (counts.get(Math.round(l.x)) ?? 0) + 1)
  const need = Math.min(Math.max(2, lines.length / 20), Math.max(...counts.values()))
  const bucket = Math.min(...[...counts].filter(([, n]) => n >= need).map(([x]) => x))
  // The lines' own x, not the rounded one, so that a flush line's indent is 0.
  return Math.min(...lines.filter((l) => Math.round(l.x) === bucket).map((l) => l.x))
}

/** A page's left and right edge, in the points of its lines. */
export interface PageBox {
  left: number
  right: number
}

/**
 * Margins of each column kind over the whole document (column 0: the page's one column). A short
 * text says little about where its lines could have ended: there the right margin is taken to be
 * as wide as the left one, if that is further right.
 */
function frames(lines: readonly PdfLine[], boxes: ReadonlyMap<number, PageBox>): Map<PdfColumn, Frame> {
  const out = new Map<PdfColumn, Frame>()
  for (const column of [0, 1, 2] as const) {
    const ls = lines.filter((l) => l.column === column)
    if (ls.length === 0) continue
    const left = margin(ls)
    let right = percentile(ls.map((l) => l.end), 0.9)
    const box = boxes.get(ls[0]!.page)
    if (column === 0 && ls.length < 20 && box) right = Math.max(right, box.right - (left - box.left))
    out.set(column, { left, right })
  }
  return out
}

export const sizeKey = (size: number) => Math.round(size * 2) / 2

/**
 * The usual distance between the baselines of two lines of one paragraph, per font size: the
 * most common distance between successive lines of that size in one column of one page (paragraph
 * gaps are fewer than line gaps in any text with paragraphs longer than a line).
 */
export function spacings(lines: readonly PdfLine[]): Map<number, number> {
  const bySize = new Map<number, number[]>()
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!]
    const d = a.y - b.y
    if (a.page !== b.page || a.column !== b.column || !sameSize(a, b) || d <= 0 || d > 3 * a.size) continue
    const list = bySize.get(sizeKey(a.size)) ?? []
    list.push(Math.round(d * 4) / 4)
    bySize.set(sizeKey(a.size), list)
  }
  // A text with few lines of a size may have no two in one paragraph: its one gap says nothing.
  const out = new Map<number, number>()
  for (const [size, ds] of bySize) out.set(size, ds.length >= 5 ? mode(ds)! : Math.min(mode(ds)!, 1.25 * size))
  return out
}

export const sameSize = (a: PdfLine, b: PdfLine) => Math.abs(a.size - b.size) <= Math.max(0.5, 0.08 * Math.min(a.size, b.size))
/** A sentence or an item ends here: . ! ? : ; with closing quotes or brackets after it. */
const ENDS_SENTENCE = /[.!?:;]["'”’»)\]]*$/
/** A bullet opens a new item whatever the layout says. */
const BULLET = /^[•◦▪▫‣●○■□–—-]\s/
/**
 * Whether a line opens with a printed number or letter that opens a clause: "(a)", "iv)", "1.",
 * "1.1.", "2)" always; "1.1", "A.", "Section 3", "Article IV", "§ 4" when the next word does not
 * start in lower case ("2.1 of this Agreement", "section 4 to keep" are a wrapped reference, and
 * so is a bare "3 of the GNU General Public License"). Used only at a page or column break: such
 * a line does not go on with the paragraph before it.
 */
function opensClause(text: string): boolean {
  if (/^\(?(?:[a-z]{1,2}|[ivxlc]{1,6})\)\s/i.test(text) || /^\d+(?:\.\d+)*[.)]\s/.test(text)) return true
  const m = /^(?:\d+(?:\.\d+)+|[A-Z]\.|(?:section|article|clause|schedule|exhibit|annex|appendix)\s+[\dIVXLC]+(?:\.\d+)*[.:]?|§+\s*\d+(?:\.\d+)*)\s+(\S)/i.exec(text)
  return m !== null && !/\p{Ll}/u.test(m[1]!)
}

interface Para {
  lines: PdfLine[]
}

/**
 * Whether `line` stopped short of the right margin for a reason (the paragraph ends there): the
 * first word of the next line would have fitted after it, with half an em to spare. A long line
 * ending where the line before or after it ends is taken as full whatever the frame's margin
 * (a block indented on the right too, justified to its own edge).
 */
function stopsShort(line: PdfLine, next: PdfLine, before: PdfLine | undefined, frame: Frame): boolean {
  if (/\p{L}[-\u00ad]$/u.test(line.text)) return false
  const aligned = (other: PdfLine | undefined) => other !== undefined && Math.abs(line.end - other.end) < 1.5
  if (line.end - line.x > 0.6 * (frame.right - frame.left) && (aligned(next) || aligned(before))) return false
  return line.end + 0.25 * next.size + next.firstWord + 0.5 * line.size < frame.right
}

/** Whether `next` opens a new paragraph after `line`, both in one column of one page. */
function breaksWithin(para: Para, line: PdfLine, next: PdfLine, frame: Frame, spacing: Map<number, number>): boolean {
  const gap = line.y - next.y
  const usual = spacing.get(sizeKey(line.size)) ?? 1.2 * line.size
  if (gap <= 0.3 * line.size || gap > usual * 1.2 + 0.5) return true
  if (!sameSize(line, next)) return true
  if (BULLET.test(next.text)) return true
  const tol = Math.max(2, 0.3 * line.size)
  const before = para.lines.at(-2)
  const short = stopsShort(line, next, before, frame)
  if (short) return true
  const runsOn = !ENDS_SENTENCE.test(line.text)
  if (next.x > line.x + tol) {
    // Indented under a full line that goes on mid-sentence, or under a tab stop of the line
    // above (a hanging indent: "1.1<tab>text" with the text below aligned to it): the same
    // paragraph. Otherwise a first line indented.
    const hanging = line.stops.some((s) => Math.abs(s - next.x) <= tol && s - line.x < 0.3 * (frame.right - frame.left))
    return !(hanging || runsOn)
  }
  // Back to the left after two or more lines that stood further right: the indented block ended.
  // After a single indented line that ran to the margin: a paragraph whose first line is indented.
  if (next.x < line.x - tol) return para.lines.length >= 2
  return false
}

/** Whether the paragraph goes on after a page or column break (the rule; see the module note). */
function continuesAcross(para: Para, line: PdfLine, next: PdfLine, frames: Map<PdfColumn, Frame>): boolean {
  const frame = frames.get(line.column)!
  const nextFrame = frames.get(next.column)!
  if (!sameSize(line, next) || BULLET.test(next.text) || opensClause(next.text)) return false
  if (ENDS_SENTENCE.test(line.text) || stopsShort(line, next, para.lines.at(-2), frame)) return false
  const tol = Math.max(2, 0.3 * line.size)
  // Not indented: at the margin, or where the paragraph's lines stood (a hanging indent).
  const at = (x: number) => Math.abs(next.x - nextFrame.left - (x - frame.left)) <= tol
  return at(frame.left) || (para.lines.length >= 2 && at(line.x)) || line.stops.some(at)
}

/** A lowercase word broken at a line end by a hyphen: "agree-" + "ment", "non-" + "exclusive". */
interface Break {
  before: string
  after: string
}

function breakAt(head: string, tail: string): Break | undefined {
  const b = /(\p{L}*\p{Ll})-$/u.exec(head)
  const a = /^\p{Ll}\p{L}*/u.exec(tail)
  return b && a ? { before: b[1]!.toLowerCase(), after: a[0].toLowerCase() } : undefined
}

/**
 * Whether a word broken at a line end by a hyphen is one word ("agree-ment" → "agreement") or a
 * compound ("royalty-free", "non-exclusive"). Only a lowercase letter, hyphen, and a next line
 * starting in lowercase is in question:
 * - the document decides when it prints either form elsewhere on one line, and a few prefixes
 *   are always hyphenated in legal English ("non-", "self-", "quasi-");
 * - otherwise it depends on whether the document's producer hyphenates words at all. Word and
 *   LibreOffice do not by default: they break lines only after a hyphen that is there, which then
 *   stays. A typesetter that does leaves rests that are no words ("ment", "ting"): at least three
 *   breaks that are joined words or such syllables, and more of them than the other breaks, mean
 *   one that does, and its undecided breaks are joined.
 * Any other hyphen between letters or digits at a line end stays, with no space after it
 * ("Microsoft-\nOpenAI" → "Microsoft-OpenAI", "2-\n3" → "2-3").
 */
class Hyphens {
  private readonly words = new Set<string>()
  private readonly hyphenates: boolean

  constructor(paras: readonly Para[]) {
    const breaks: Break[] = []
    for (const p of paras) {
      p.lines.forEach((l, i) => {
        // The pieces of broken words are not words of the document.
        const next = p.lines[i + 1]
        const cut = next ? breakAt(l.text, next.text) : undefined
        if (cut) breaks.push(cut)
        const prev = p.lines[i - 1]
        let text = prev && breakAt(prev.text, l.text) ? l.text.replace(/^\S+/, '') : l.text
        if (cut) text = text.replace(/\S+$/, '')
        for (const m of text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) this.words.add(m[0].toLowerCase())
      })
    }
    let joined = 0
    for (const b of breaks) if (this.evidence(b) === 'join' || (this.evidence(b) === undefined && !this.words.has(b.after))) joined++
    this.hyphenates = joined >= 3 && joined > breaks.length - joined
  }

  private evidence({ before, after }: Break): 'keep' | 'join' | undefined {
    if (this.words.has(`${before}-${after}`)) return 'keep'
    if (this.words.has(before + after)) return 'join'
    if (/^(?:non|self|quasi)$/.test(before) && after.length >= 4) return 'keep'
    return undefined
  }

  join(head: string, tail: string): string {
    if (head.endsWith('\u00ad')) return head.slice(0, -1) + tail
    if (!/[\p{L}\d]-$/u.test(head) || !/^[\p{L}\d]/u.test(tail)) return `${head} ${tail}`
    const cut = breakAt(head, tail)
    if (!cut) return head + tail
    const keep = (this.evidence(cut) ?? (this.hyphenates ? 'join' : 'keep')) === 'keep'
    return keep ? head + tail : head.slice(0, -1) + tail
  }
}

/**
 * At a page break, when the page ended in smaller type (footnotes), the paragraph of `next`'s
 * size that stood just above it: a paragraph interrupted by the page's footnotes goes on after
 * them. The footnotes stay where they are, after the paragraph they interrupted.
 */
function beforeFootnotes(paras: readonly Para[], next: PdfLine): Para | undefined {
  const last = paras.at(-1)!.lines.at(-1)!
  for (let i = paras.length - 1; i >= 0; i--) {
    const end = paras[i]!.lines.at(-1)!
    if (end.page !== last.page || end.column !== last.column) return undefined
    if (sameSize(end, next)) return paras[i]
    if (end.size >= next.size) return undefined
  }
  return undefined
}

/** Paragraph blocks from the document's body lines in reading order (running heads already gone). */
export function buildParagraphs(lines: readonly PdfLine[], boxes: ReadonlyMap<number, PageBox> = new Map()): Block[] {
  const frameOf = frames(lines, boxes)
  const spacing = spacings(lines)
  const paras: Para[] = []
  let para: Para | undefined
  for (const next of lines) {
    const line = para?.lines.at(-1)
    let fresh = true
    if (para && line) {
      const sameFrame = line.page === next.page && line.column === next.column
      if (sameFrame) {
        fresh = breaksWithin(para, line, next, frameOf.get(line.column)!, spacing)
      } else {
        const body = sameSize(line, next) ? para : beforeFootnotes(paras, next)
        if (body && continuesAcross(body, body.lines.at(-1)!, next, frameOf)) [para, fresh] = [body, false]
      }
    }
    if (fresh || !para) {
      para = { lines: [next] }
      paras.push(para)
    } else {
      para.lines.push(next)
    }
  }
  const hyphens = new Hyphens(paras)
  return paras.map((p, i) => {
    const first = p.lines[0]!
    let text = first.text
    for (const l of p.lines.slice(1)) text = hyphens.join(text, l.text)
    const left = frameOf.get(first.column)!.left
    return { kind: 'paragraph', text, page: first.page, indent: Math.round((first.x - left) * 10) / 10, paragraph: i + 1 }
  })
}
