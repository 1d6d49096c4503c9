// Turns a saved web article into clean, addressable text: furniture removed, paragraphs and
// sentences as offsets into the kept text, the original characters untouched.
import { fold } from '../text/fold'
import { findDates, latestEventDate } from './dates'
import { matchFurniture } from './furniture'
import type { Paragraph, ParagraphKind, RemovedLine, Source, SourceMeta, Span } from './types'

export interface ParseOptions {
  /** Site-specific furniture lines (exact text after trimming), from the manifest. */
  furniture?: readonly string[]
}

const LIST_ITEM = /^(?:[-*•‣◦]|\d{1,2}[.)])\s+/
const MAX_HEADING_CHARS = 90
const PARAGRAPH_SEPARATOR = '\n\n'

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' })
/**
 * V8's Intl.Segmenter (Node 20 and the Electron of its day; crbug.com/326176949) spends time in
 * proportion to the whole string on every step of its iterator, so segmenting one long string
 * is quadratic: counting the words of a 500 KB article took 112 s. It is only ever given pieces
 * of about this many characters, which keeps the work linear (500 KB: well under a second).
 */
const SEGMENTER_PIECE = 4096

export function parseSource(raw: string, meta: SourceMeta, options: ParseOptions = {}): Source {
  const siteFurniture = new Set((options.furniture ?? []).map((line) => fold(line.trim())))
  const byline = new Set(
    [meta.title, meta.author, meta.author ? `By ${meta.author}` : null]
      .filter((s): s is string => Boolean(s))
      .map((s) => fold(s.trim()))
  )

  const kept: string[] = []
  const removed: RemovedLine[] = []
  const seen = new Set<string>()
  raw.split(/\r\n|\r|\n/).forEach((rawLine, index) => {
    const line = rawLine.trim()
    if (line === '') return
    const folded = fold(line)
    const rule =
      matchFurniture(line) ??
      (byline.has(folded) ? 'headline or byline' : null) ??
      (siteFurniture.has(folded) ? 'site furniture (manifest)' : null) ??
      // A short line seen before is a repeated caption or standfirst, not new content.
      (seen.has(folded) && line.length < 200 ? 'repeated caption' : null)
    if (rule) {
      removed.push({ line: index + 1, text: line, rule })
      return
    }
    seen.add(folded)
    kept.push(line)
  })

  const text = kept.join(PARAGRAPH_SEPARATOR)
  const paragraphs: Paragraph[] = []
  const sentences: Span[] = []
  let offset = 0
  kept.forEach((line, i) => {
    const start = offset
    const end = start + line.length
    paragraphs.push({ start, end, kind: paragraphKind(line, kept[i + 1]) })
    for (const span of splitSentences(line)) sentences.push({ start: start + span.start, end: start + span.end })
    offset = end + PARAGRAPH_SEPARATOR.length
  })

  const dates = findDates(text)
  return {
    ...meta,
    text,
    paragraphs,
    sentences,
    dates,
    removed,
    wordCount: countWords(text),
    latestEventDate: latestEventDate(dates)
  }
}

/**
 * Web pages flatten headings into plain lines. A line is taken for a heading when it is short,
 * is not a list item, does not end like a sentence (a question may: FAQ headings do) and is
 * followed by a longer line, which rules out one-line paragraphs at the end of an article.
 */
function paragraphKind(line: string, next: string | undefined): ParagraphKind {
  if (LIST_ITEM.test(line)) return 'list-item'
  const endsLikeSentence = /[.!:;,…"”’)\]]$/.test(line)
  if (line.length <= MAX_HEADING_CHARS && !endsLikeSentence && next !== undefined && next.length > line.length) {
    return 'heading'
  }
  return 'paragraph'
}

/**
 * Sentence spans within one paragraph, trimmed of the whitespace the segmenter keeps. A long
 * paragraph is read in windows: the last sentence a window finds may run on past it, so it is
 * read again at the start of the next window. A window that holds a single "sentence" is cut
 * where it ends: text that long without a sentence break is no sentence, and cutting it is what
 * keeps the work linear. Paragraphs shorter than a window (all real ones) are read in one go.
 */
export function splitSentences(paragraph: string): Span[] {
  const spans: Span[] = []
  let base = 0
  while (base < paragraph.length) {
    const end = safeCut(paragraph, Math.min(paragraph.length, base + SEGMENTER_PIECE))
    const segments = [...sentenceSegmenter.segment(paragraph.slice(base, end))]
    const rereadFrom = end < paragraph.length && segments.length > 1 ? segments.pop()!.index : undefined
    for (const { segment, index } of segments) {
      const lead = segment.length - segment.trimStart().length
      const trimmed = segment.trim()
      if (trimmed === '') continue
      spans.push({ start: base + index + lead, end: base + index + lead + trimmed.length })
    }
    base = rereadFrom === undefined ? end : base + rereadFrom
  }
  return spans
}

export function countWords(text: string): number {
  let n = 0
  for (const piece of piecesAtWordBreaks(text)) for (const s of wordSegmenter.segment(piece)) if (s.isWordLike) n++
  return n
}

const SPACE = /\s/

/**
 * Cuts `text` into pieces of at most SEGMENTER_PIECE characters, each cut made just before a
 * whitespace character that follows a non-whitespace one: Unicode word segmentation (UAX #29)
 * always breaks there, so counting the words of the pieces counts the words of the whole. Only
 * a run of that many characters without a space is cut inside, which may count one more word.
 */
function* piecesAtWordBreaks(text: string): Generator<string> {
  let start = 0
  while (text.length - start > SEGMENTER_PIECE) {
    let cut = start + SEGMENTER_PIECE
    while (cut > start && !(SPACE.test(text[cut]!) && !SPACE.test(text[cut - 1]!))) cut--
    if (cut === start) cut = safeCut(text, start + SEGMENTER_PIECE)
    yield text.slice(start, cut)
    start = cut
  }
  yield text.slice(start)
}

/** `at`, or one less when `at` would split a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1)
  return at < text.length && code >= 0xd800 && code <= 0xdbff ? at - 1 : at
}
