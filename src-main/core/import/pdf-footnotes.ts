// Finds the footnotes at the foot of a PDF's pages, so that they come after the body as notes (as
// the DOCX reader gives them) instead of as text inside the clause a page break cuts, and takes
// their reference marks out of the body text.
import type { PdfLine, PdfMark } from './pdf-lines'
import { sameSize, sizeKey, spacings } from './pdf-paragraphs'

export interface PdfFootnote {
  /** The note's mark as printed ("1", "*", "†"); superscript digits read as digits. */
  number: string
  text: string
  page: number
}

export interface PdfFootnotes {
  notes: PdfFootnote[]
  /** The body's lines: without the notes' lines, the marks that cite them taken out of the text. */
  body: PdfLine[]
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const asDigits = (mark: string) => mark.replace(/[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]/gu, (c) => String(SUPERSCRIPT_DIGITS.indexOf(c)))

/** A mark typed at the start of a line in the notes' small type: "1 Text", "1. Text", "* Text", "†Text", "¹ Text". */
const TYPED_MARK = /^(?:(\d{1,3})\.?\s+|([*†‡§¶]{1,3}|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3})\s*)(?=\S)/u

/** A note's line gap above its first line: this many times the usual distance between lines (a rule or space sets notes off). */
const NOTE_GAP = 1.5

interface Opening {
  number: string
  /** Whether the mark is raised (a superscript) rather than typed on the line. */
  raised: boolean
  rest: string
}

/**
 * The mark a line opens with, if it can open a note: a raised mark, or, in type smaller than the
 * body's, a number or note symbol typed before the text.
 */
function opening(line: PdfLine, small: boolean): Opening | undefined {
  const m = line.marks?.[0]
  if (m && m.start === 0) {
    const rest = line.text.slice(m.end).trim()
    return rest !== '' && !m.text.includes(',') ? { number: asDigits(m.text), raised: true, rest } : undefined
  }
  const t = small ? TYPED_MARK.exec(line.text) : null
  return t ? { number: asDigits(t[1] ?? t[2]!), raised: false, rest: line.text.slice(t[0].length) } : undefined
}

/** The size most of the document's characters are set in. */
function bodySize(lines: readonly PdfLine[]): number {
  const chars = new Map<number, number>()
  for (const l of lines) chars.set(sizeKey(l.size), (chars.get(sizeKey(l.size)) ?? 0) + l.text.length)
  let [size, most] = [0, -1]
  for (const [s, n] of chars) if (n > most) [size, most] = [s, n]
  return size
}

/** A note's lines joined as a paragraph's: a hyphen at a line end stays, as Word and LibreOffice break only after real ones. */
function joinLines(head: string, tail: string): string {
  if (head.endsWith('\u00ad')) return head.slice(0, -1) + tail
  return /[\p{L}\d]-$/u.test(head) ? head + tail : `${head} ${tail}`
}

/** Each mark's numbers: "1,2" cites notes 1 and 2. */
const tokens = (mark: PdfMark) => mark.text.split(',').map(asDigits)

function count(map: Map<string, number>, key: string) {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/**
 * A page's (or column's) notes are its last lines, from a line that opens with a mark down, none
 * of them in larger type than that line nor in the body's size once the notes' type is smaller.
 * The first note's line must stand apart from the body:
 * - in type smaller than the body's, it is cited by a raised mark on the page, or its own mark is
 *   raised and a gap (a rule) stands above it;
 * - in the body's size (LibreOffice sets Word's notes in the body's size when the document's
 *   styles say so), its mark is raised, a gap stands above it, and the page cites it.
 * Lines below that open with a raised mark, or with a typed one that the page cites or that
 * numbers on from the note before, open the next note; the others go on with the note above.
 */
export function findFootnotes(lines: readonly PdfLine[]): PdfFootnotes {
  const body = bodySize(lines)
  const smaller = (l: PdfLine) => body - l.size > Math.max(0.5, 0.08 * l.size)
  const spacing = spacings(lines)
  const byPage = new Map<number, PdfLine[]>()
  for (const l of lines) {
    const list = byPage.get(l.page)
    if (list) list.push(l)
    else byPage.set(l.page, [l])
  }

  const notes: PdfFootnote[] = []
  const inNotes = new Set<PdfLine>()
  const out: PdfLine[] = []
  for (const [page, pageLines] of byPage) {
    const cited = new Map<string, number>()
    for (const l of pageLines) for (const m of l.marks ?? []) if (m.start > 0) for (const t of tokens(m)) count(cited, t)
    const pageNotes = new Map<string, number>()
    for (const column of [...new Set(pageLines.map((l) => l.column))]) {
      const seq = pageLines.filter((l) => l.column === column)
      let first = -1
      for (let i = seq.length - 1; i >= 0; i--) {
        const f = seq[i]!
        const small = smaller(f)
        const open = opening(f, small)
        if (!open) continue
        const rest = seq.slice(i + 1)
        if (!rest.every((l) => smaller(l) || (!small && sameSize(l, f)))) continue
        const above = i > 0 ? seq[i - 1] : pageLines[pageLines.indexOf(f) - 1]
        const usual = above ? (spacing.get(sizeKey(above.size)) ?? 1.2 * above.size) : 0
        const gap = above !== undefined && above.y - f.y > NOTE_GAP * usual
        const isCited = (cited.get(open.number) ?? 0) > 0
        if (small ? isCited || (open.raised && gap) : open.raised && isCited && gap) first = i
      }
      if (first < 0) continue
      let note: PdfFootnote | undefined
      for (const l of seq.slice(first)) {
        inNotes.add(l)
        const open = opening(l, smaller(l))
        const follows = note !== undefined && /^\d+$/.test(note.number) && open?.number === String(Number(note.number) + 1)
        if (open && (!note || open.raised || (cited.get(open.number) ?? 0) > 0 || follows)) {
          note = { number: open.number, text: open.rest, page }
          notes.push(note)
          count(pageNotes, open.number)
        } else if (note) {
          note.text = joinLines(note.text, l.text)
        }
      }
    }
    for (const l of pageLines) {
      if (inNotes.has(l)) continue
      const kept = withoutCitations(l, (t) => (pageNotes.get(t) ?? 0) > 0 && (cited.get(t) ?? 0) <= pageNotes.get(t)!)
      if (kept) out.push(kept)
    }
  }
  return { notes, body: out }
}

/**
 * The line without the raised marks that cite a note of its page. A mark is taken out only when
 * the page has a note for each of its numbers and no more such raised numbers than notes: a
 * page that also prints "m³" or "10⁶" keeps the exponent unless it has a note of that number too,
 * and then both raised numbers stay (a mark left in reads better than an exponent lost).
 */
function withoutCitations(line: PdfLine, cites: (token: string) => boolean): PdfLine | undefined {
  if (!line.marks) return line
  let text = ''
  let from = 0
  const kept: PdfMark[] = []
  for (const m of line.marks) {
    if (!tokens(m).every(cites)) {
      text += line.text.slice(from, m.end)
      kept.push({ text: m.text, start: text.length - m.text.length, end: text.length })
    } else {
      text += line.text.slice(from, m.start)
      // "Licensor¹ shall" → "Licensor shall"; "see ¹ above" → "see above".
      if (/\s$/.test(text) && /^\s/.test(line.text.slice(m.end))) text = text.trimEnd()
    }
    from = m.end
  }
  text += line.text.slice(from)
  const lead = text.length - text.trimStart().length
  text = text.trim()
  if (text === '') return undefined
  const out: PdfLine = { ...line, text }
  delete out.marks
  if (kept.length > 0) out.marks = kept.map((m) => ({ ...m, start: m.start - lead, end: m.end - lead }))
  return out
}
