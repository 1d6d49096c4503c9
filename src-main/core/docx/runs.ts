// A redline's parts as Word runs: equal text plain, deletions as w:del, insertions as w:ins, line
// breaks as w:br and tabs as w:tab, so Accept All / Reject All give back the exact text.
import { DeletedTextRun, InsertedTextRun, Tab, TextRun, type ParagraphChild } from 'docx'
import type { Part } from '../compare/types'

/** Who and when every tracked change of one export is: its w:author and w:date. */
export interface Revision {
  author: string
  /** ISO 8601 without milliseconds, as Word writes w:date. */
  date: string
  /** The next w:id of a change or move range; moves.ts renumbers them all clear of the document's other ids. */
  nextId: () => number
}

export function revision(author: string, at: Date): Revision {
  let id = 100_000
  return { author, date: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), nextId: () => id++ }
}

/** A stretch of one line's text and how many line breaks come before it. */
interface Piece {
  text: string
  breaks: number
}

/** Splits text at its line breaks: "a\n\nb" is "a", then "b" after two breaks. */
function pieces(text: string): Piece[] {
  const lines = text.split('\n')
  const out: Piece[] = []
  let pending = 0
  lines.forEach((line, i) => {
    if (i > 0) pending++
    const last = i === lines.length - 1
    if (line === '' && !last) return
    if (line === '' && i === 0) return
    out.push({ text: line, breaks: pending })
    pending = 0
  })
  return out
}

/** A line's text with its tabs as w:tab (a tab in w:t would read back as a space in Word). */
function withTabs(text: string): Array<string | Tab> {
  const out: Array<string | Tab> = []
  text.split('\t').forEach((s, i) => {
    if (i > 0) out.push(new Tab())
    if (s) out.push(s)
  })
  return out
}

export type RunKind = 'equal' | 'insert' | 'delete'

/** The runs of one text: plain, inserted or deleted by `rev`, under `author` (a move's placeholder, see moves.ts). */
export function textRuns(text: string, kind: RunKind, rev: Revision, author = rev.author, style: { italics?: boolean; bold?: boolean } = {}): ParagraphChild[] {
  return pieces(text).map(({ text: t, breaks }) => {
    const children = withTabs(t)
    const run = { children, ...(breaks ? { break: breaks } : {}), ...style }
    if (kind === 'equal') return new TextRun(run)
    const change = { id: rev.nextId(), author, date: rev.date }
    return kind === 'insert' ? new InsertedTextRun({ ...run, ...change }) : new DeletedTextRun({ ...run, ...change })
  })
}

/** A redline's parts as runs; an ignored difference (case, punctuation, spacing) is tracked all the same. */
export function partRuns(parts: readonly Part[], rev: Revision, style: { italics?: boolean; bold?: boolean } = {}): ParagraphChild[] {
  return parts.flatMap((p) => (p.text ? textRuns(p.text, p.op, rev, rev.author, style) : []))
}
