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

/** Sentence spans within one paragraph, trimmed of the whitespace the segmenter keeps. */
function splitSentences(paragraph: string): Span[] {
  const spans: Span[] = []
  for (const { segment, index } of sentenceSegmenter.segment(paragraph)) {
    const lead = segment.length - segment.trimStart().length
    const trimmed = segment.trim()
    if (trimmed === '') continue
    spans.push({ start: index + lead, end: index + lead + trimmed.length })
  }
  return spans
}

export function countWords(text: string): number {
  let n = 0
  for (const s of wordSegmenter.segment(text)) if (s.isWordLike) n++
  return n
}
