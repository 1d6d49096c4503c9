// Turns a read document (a PDF report, a saved web page, a memo) into a source like the bundled
// articles: kept text, paragraphs and sentences as offsets, mentioned dates, so that citations
// anchor in a team's own evidence exactly as in the bundled case.
import { basename, extname } from 'node:path'
import { findDates, latestEventDate } from '../sources/dates'
import { countWords, splitSentences } from '../sources/parse'
import type { Paragraph, ParagraphKind, Source, SourceMeta, Span } from '../sources/types'
import type { Block, ReadResult } from './types'

const PARAGRAPH_SEPARATOR = '\n\n'

/** What the document says about itself, as a source's metadata; the reviewer may correct it later. */
export function sourceMetaOf(doc: ReadResult, id: string, file: string): SourceMeta {
  const heading = doc.blocks.find((b) => b.kind === 'heading')?.text.trim()
  const title = doc.meta.title?.trim() || heading || basename(file, extname(file))
  return {
    id,
    file,
    title,
    titleFromLead: false,
    publisher: doc.meta.publisher ?? null,
    author: doc.meta.author ?? null,
    published: doc.meta.date ?? null
  }
}

/**
 * One paragraph per block, in reading order, footnotes last as the reader gives them. A list
 * item keeps its printed number in the text ("3. The parties…"): a citation quotes what the page
 * shows. Nothing is dropped here: the reader already left out headers, footers and page furniture,
 * and said so in its warnings.
 */
export function sourceFromDocument(doc: ReadResult, meta: SourceMeta): Source {
  const lines: Array<{ text: string; kind: ParagraphKind }> = []
  for (const b of doc.blocks) {
    const text = shownText(b)
    if (text !== '') lines.push({ text, kind: b.kind === 'heading' ? 'heading' : b.kind === 'list-item' ? 'list-item' : 'paragraph' })
  }
  const paragraphs: Paragraph[] = []
  const sentences: Span[] = []
  let offset = 0
  for (const line of lines) {
    const start = offset
    paragraphs.push({ start, end: start + line.text.length, kind: line.kind })
    for (const s of splitSentences(line.text)) sentences.push({ start: start + s.start, end: start + s.end })
    offset = start + line.text.length + PARAGRAPH_SEPARATOR.length
  }
  const text = lines.map((l) => l.text).join(PARAGRAPH_SEPARATOR)
  const dates = findDates(text)
  return { ...meta, text, paragraphs, sentences, dates, removed: [], wordCount: countWords(text), latestEventDate: latestEventDate(dates) }
}

function shownText(b: Block): string {
  const text = b.text.replace(/\s+/g, ' ').trim()
  return b.number === undefined ? text : `${b.number} ${text}`.trim()
}
