// The one document structure every reader returns (DOCX, PDF, text, Markdown, HTML), so that
// clause segmentation and source building are written once, whatever the file was.

export type DocumentFormat = 'docx' | 'pdf' | 'text' | 'markdown' | 'html'

/**
 * - heading: a title or section heading the format marks as such (Word heading style or outline
 *   level, HTML h1–h6, Markdown #); PDF and plain text have none (the segmenter judges by text).
 * - list-item: an item of a list the format marks (Word automatic numbering, HTML li, Markdown
 *   list).
 * - table-row: one row of a table, its cells joined by a tab.
 * - footnote: a footnote or endnote's text, after the body, its number in `number`.
 */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'footnote'

export interface Block {
  kind: BlockKind
  /**
   * One paragraph's text: lines of a paragraph joined by one space (a hyphen at a PDF line end
   * joined away), runs of spaces kept as printed, no leading or trailing whitespace. Without
   * `number` when the format gives the number apart; a number typed into the text stays here.
   */
  text: string
  /**
   * The printed number the format keeps apart from the text, exactly as a reader sees it: Word
   * automatic numbering resolved through numbering.xml ("1.1", "(a)", "Article IV", "Section 3."),
   * an HTML or Markdown ordered list item's number ("3."). Absent otherwise.
   */
  number?: string
  /**
   * Depth the format declares, 1 = top: Word heading level (outline level + 1) or list level
   * (ilvl + 1), HTML h1–h6 or list nesting, Markdown # count or list nesting. Absent when the
   * format says nothing (PDF, plain text).
   */
  level?: number
  /** PDF: left edge of the paragraph's first line, in points right of the document's usual left margin (0 = flush). */
  indent?: number
  /** Word paragraph style name ("Heading 1", "Title", "List Paragraph"), when there is one. */
  style?: string
  /** 1-based page the block starts on: PDF only (Word pages are laid out by Word, not stored). */
  page?: number
  /** 1-based position of the block in the document's reading order (the N-th block). */
  paragraph: number
}

/** What the document says about itself (core properties, PDF info, HTML meta); every field optional. */
export interface DocumentMeta {
  title?: string
  author?: string
  /** ISO date, with the precision known: YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string
  /** Site or publisher (HTML og:site_name, PDF producer is NOT a publisher). */
  publisher?: string
}

export interface ReadResult {
  format: DocumentFormat
  meta: DocumentMeta
  blocks: Block[]
  /**
   * Things the reader met and did not carry into blocks, in words for the user: "headers and
   * footers are not compared (3 found)", "tracked changes were read as accepted (12 insertions,
   * 4 deletions)", "comments are not imported (2)", "macros were not run or imported".
   */
  warnings: string[]
}
