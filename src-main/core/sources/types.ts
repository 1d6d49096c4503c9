// The shapes of a parsed source article, shared by the core, the CLI and (as types) the renderer.

/** Half-open range `[start, end)` of UTF-16 offsets into a source's kept `text`. */
export interface Span {
  start: number
  end: number
}

export type ParagraphKind = 'heading' | 'paragraph' | 'list-item'

export interface Paragraph extends Span {
  kind: ParagraphKind
}

/** A date the article mentions. `iso` has the precision the article gives (YYYY, YYYY-MM or YYYY-MM-DD); null when it names no year. */
export interface MentionedDate extends Span {
  text: string
  iso: string | null
}

/** A line of the original file that the parser dropped as page furniture, and the rule that matched it. */
export interface RemovedLine {
  line: number
  text: string
  rule: string
}

export interface SourceMeta {
  id: string
  file: string
  title: string
  /** True when the article has no headline and `title` is its opening words. */
  titleFromLead: boolean
  publisher: string | null
  author: string | null
  /** Publication date as the article states it (ISO, any precision), or null when it does not. */
  published: string | null
}

export interface SourceSummary extends SourceMeta {
  wordCount: number
  /** The latest month- or day-precision date the article mentions: it was written on or after it. */
  latestEventDate: string | null
}

export interface Source extends SourceSummary {
  text: string
  paragraphs: Paragraph[]
  sentences: Span[]
  dates: MentionedDate[]
  removed: RemovedLine[]
}
