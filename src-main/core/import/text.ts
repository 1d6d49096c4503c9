// Reads a plain-text document into blocks: paragraphs recovered from blank lines, from the
// one-clause-per-line habit of legal text, and from hard wrapping at a fixed column width.
import type { Block, DocumentMeta, ReadResult } from './types'
import { hasWords, invalidFile } from './text-kit'

/**
 * Where a paragraph ends. Blank lines and form feeds always end one. Inside a run of non-blank
 * lines the reader first decides whether the document is hard-wrapped (see `wrapWidth`):
 *
 * - Not hard-wrapped (the lines are as long as the paragraphs are): every line is a paragraph.
 * - Hard-wrapped at width W: a line continues the paragraph above unless
 *   1. the line above had room for this line's first word (with a tenth of W to spare, for
 *      wrappers that balance lines rather than fill them): it was ended by hand, not by the width;
 *   2. the line above ends a clause (". ; : ! ?", "; and", "; or") and this one starts with an
 *      enumerator ("1.", "2.1", "(a)", "iv)", "Section 3", "Article IV", "§ 4", "Clause 7");
 *   3. a heading in capitals: the line above is in capitals without a closing stop and this one
 *      starts with an enumerator or a word in lower case ("TERMS AND CONDITIONS" / "0. This
 *      License…"), or this line is in capitals and the line above ends a clause ("NO WARRANTY").
 *      A disclaimer in capitals that goes on in lower case after its full stop stays whole;
 *   4. the paragraph already has a second line and this line's indentation differs from it: a
 *      hanging indent ("(a) text" then four spaces on every following line) or a first-line
 *      indent is one paragraph; a third indentation is the next one.
 * The cost of rule 1 is that a paragraph whose last line happens to fill the width runs into
 * the next one when no blank line, enumerator or indentation separates them: the text is kept
 * whole and in order, only the break between the two is lost.
 */
const SLACK = 0.1

/** The widest a hard-wrapped text is set (line printers had 132 columns). */
const MAX_WRAP = 132

/** Below this, short lines are lists or addresses, not a wrapped column of prose. */
const MIN_WRAP = 40

/** Indentation in points, as if the text were printed in 12-point Courier (0.6 em a character). */
const POINTS_PER_COLUMN = 7.2

const TAB = 8

const ENUMERATOR = new RegExp(
  '^(?:' +
    [
      '\\d+(?:\\.\\d+)*[.)]?(?=\\s)', // 1.  1)  2.1  2.1.3  3.2.
      '\\(?(?:[a-z]{1,2}|[ivxlcdm]+|\\d+)\\)', // (a)  a)  (iv)  (12)
      '[A-Z]\\.(?=\\s)', // A.
      '(?:section|article|clause|schedule|annex|exhibit|appendix|part)\\s+[\\dIVXLCDM]+\\b', // Section 3, ARTICLE IV
      '§+\\s*\\d'
    ].join('|') +
    ')',
  'i'
)

const CLAUSE_END = /(?:[.;:!?]["'”’)\]]*|;\s+(?:and|or),?)$/i

/** A line of one repeated mark ("=====", "-----", "* * *"): decoration under a title or between parts. */
const RULE = /^([-=_*~#.])(?:\s*\1){2,}$/

/**
 * A line inside a drawn box ("*  6. Disclaimer of Warranty   *", as MPL-2.0 prints its
 * disclaimers): the frame is dropped and the inside read as the line, its indentation counted
 * from the frame.
 */
const FRAME = /^([*|])(\s.*\s|\s*)\1$/

interface Line {
  text: string // without its indentation and trailing spaces
  indent: number // columns, tabs to the next multiple of 8
  end: number // column after the last character
  page: number
}

/**
 * Blocks are paragraphs (plain text marks no headings or lists: the segmenter reads the
 * numbers in the text). `indent` is the first line's indentation right of the text's leftmost
 * line, in points as if printed in 12-point Courier (7.2 pt a column, tabs to every 8th), so
 * that it reads like a PDF's. `page` is set only when the text has form feeds (page breaks).
 */
export function readText(text: string, file: string): ReadResult {
  if (!hasWords(text)) throw invalidFile(file, 'has no text')
  // A form feed before any text ejects a blank sheet, not a page of the document.
  const pages = text.replace(/\r\n?/g, '\n').replace(/^\s*\f/, '').split('\f')
  // null marks a paragraph break: a blank line, a rule line or a page break.
  const lines: Array<Line | null> = []
  pages.forEach((page, i) => {
    for (const raw of page.split('\n')) lines.push(toLine(raw, i + 1))
    lines.push(null)
  })
  const width = wrapWidth(lines)
  let margin = Infinity
  for (const l of lines) if (l) margin = Math.min(margin, l.indent)

  const blocks: Block[] = []
  let para: Line[] = []
  const flush = () => {
    if (para.length === 0) return
    const first = para[0]!
    const block: Block = { kind: 'paragraph', text: joinLines(para), paragraph: blocks.length + 1 }
    block.indent = (first.indent - margin) * POINTS_PER_COLUMN
    if (pages.length > 1) block.page = first.page
    blocks.push(block)
    para = []
  }
  for (const line of lines) {
    if (line === null) flush()
    else {
      if (para.length > 0 && startsParagraph(line, para, width)) flush()
      para.push(line)
    }
  }
  flush()

  return { format: 'text', meta: meta(blocks, lines), blocks, warnings: [] }
}

function toLine(raw: string, page: number): Line | null {
  let body = raw.trimEnd()
  let text = body.trimStart()
  const framed = RULE.test(text) ? null : FRAME.exec(text)
  if (framed) {
    body = framed[2]!.trimEnd()
    text = body.trimStart()
  }
  if (text === '' || RULE.test(text)) return null
  let indent = 0
  for (const ch of body.slice(0, body.length - text.length)) indent = ch === '\t' ? (Math.floor(indent / TAB) + 1) * TAB : indent + 1
  return { text, indent, end: indent + columns(text), page }
}

/** Columns a string takes, tabs expanded (only their count matters here, not their stops). */
function columns(s: string): number {
  let n = s.length
  for (let i = s.indexOf('\t'); i >= 0; i = s.indexOf('\t', i + 1)) n += TAB - 1
  return n
}

/**
 * The column width a text was hard-wrapped at, or null when it was not. In a wrapped text nearly
 * every line ends at or before the width and the full lines end close to it, so the width is the
 * 90th percentile of where lines end; a text whose lines run past any printable width (the
 * paragraph-per-line habit), or that is all short lines, is not wrapped. Of the lines followed
 * by another (only those can have been wrapped), at least half must reach three quarters of the
 * width: a greedy wrap leaves less than a long word's room at the end of a line.
 */
function wrapWidth(lines: ReadonlyArray<Line | null>): number | null {
  const ends: number[] = []
  const wrappable: number[] = []
  lines.forEach((line, i) => {
    if (!line) return
    ends.push(line.end)
    if (lines[i + 1]) wrappable.push(line.end)
  })
  if (wrappable.length === 0) return null
  ends.sort((a, b) => a - b)
  const width = ends[Math.ceil(ends.length * 0.9) - 1]!
  if (width > MAX_WRAP || width < MIN_WRAP) return null
  const near = wrappable.filter((e) => e >= width * 0.75).length
  return near * 2 >= wrappable.length ? width : null
}

function startsParagraph(line: Line, para: readonly Line[], width: number | null): boolean {
  if (width === null) return true
  const prev = para[para.length - 1]!
  const firstWord = /^\S+/.exec(line.text)?.[0] ?? ''
  if (prev.end + 1 + columns(firstWord) <= width * (1 - SLACK)) return true
  const ended = CLAUSE_END.test(prev.text)
  const numbered = ENUMERATOR.test(line.text)
  if (ended && numbered) return true
  if (capitals(prev.text) && !ended && (numbered || /\p{Ll}/u.test(firstWord))) return true
  if (capitals(line.text) && ended && !capitals(prev.text)) return true
  return para.length >= 2 && line.indent !== para[1]!.indent
}

/** A line in capitals (at least two letters, none in lower case): a heading or a disclaimer. */
function capitals(text: string): boolean {
  return !/\p{Ll}/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text)
}

/**
 * Lines joined by one space. A line ending in a hyphen right after a letter was broken at the
 * hyphen of a compound ("non-" / "exclusive"): it joins without a space and keeps the hyphen.
 */
function joinLines(lines: readonly Line[]): string {
  let out = lines[0]!.text
  for (let i = 1; i < lines.length; i++) {
    const next = lines[i]!.text
    out += /\p{L}-$/u.test(out) && /^\p{L}/u.test(next) ? next : ' ' + next
  }
  return out
}

/**
 * A title is the first line when it stands alone and reads like one: short (at most 12 words and
 * 100 characters), starting with a letter, digit or quote, not ending like a sentence or a clause, not numbered, and not a copyright line.
 */
function meta(blocks: readonly Block[], lines: ReadonlyArray<Line | null>): DocumentMeta {
  const first = blocks[0]
  const firstLine = lines.find((l) => l !== null)
  if (!first || !firstLine || first.text !== firstLine.text) return {}
  const t = first.text
  const looksLikeTitle =
    t.length <= 100 &&
    t.split(/\s+/).length <= 12 &&
    /^[\p{L}\p{N}"“'‘]/u.test(t) &&
    !/[.,;:]$/.test(t) &&
    !ENUMERATOR.test(t) &&
    !/^(?:copyright\b|\(c\)|©)/i.test(t)
  return looksLikeTitle ? { title: t } : {}
}
