// Tracked moves (w:moveFrom / w:moveTo), which the docx library has no API for: the redline writes
// a move's text as a deletion or insertion under a placeholder author, and this rewrites those
// into a named move pair in the finished document.xml.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { ParagraphChild } from 'docx'
import { textRuns, type Revision } from './runs'

/** The placeholder author of move `k`'s runs; no reviewer name has this shape (U+2063 is invisible). */
const PLACEHOLDER = (k: number): string => `\u2063cw-move-${k}\u2063`
const PLACEHOLDER_RE = /<w:(ins|del) w:id="(\d+)" w:author="\u2063cw-move-(\d+)\u2063" w:date="([^"]*)">([\s\S]*?)<\/w:\1>/g

/** The name shared by a move's two ranges. */
export const moveName = (k: number): string => `cw_move_${k}`

/** Text moved away: the runs at its old place (a move from). */
export function moveFromRuns(text: string, k: number, rev: Revision): ParagraphChild[] {
  return textRuns(text, 'delete', rev, PLACEHOLDER(k))
}

/** Text moved here: the runs at its new place (a move to). */
export function moveToRuns(text: string, k: number, rev: Revision): ParagraphChild[] {
  return textRuns(text, 'insert', rev, PLACEHOLDER(k))
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Rewrites the placeholders of document.xml into moves: each move's first run opens its named
 * range (w:moveFromRangeStart / w:moveToRangeStart), its last closes it, and its runs become
 * w:moveFrom (text in w:t, as Word writes it) or w:moveTo, by the real author.
 */
export function writeMoves(xml: string, rev: Revision): string {
  const matches = [...xml.matchAll(PLACEHOLDER_RE)]
  if (matches.length === 0) return xml
  const last = new Map<string, number>()
  matches.forEach((m, i) => last.set(`${m[1]}:${m[3]}`, i))
  const rangeIds = new Map<string, number>()
  const author = escapeAttr(rev.author)
  let out = ''
  let at = 0
  matches.forEach((m, i) => {
    const [whole, op, id, k, date, inner] = m as unknown as [string, string, string, string, string, string]
    const side = op === 'del' ? 'moveFrom' : 'moveTo'
    const key = `${op}:${k}`
    out += xml.slice(at, m.index)
    let rangeId = rangeIds.get(key)
    if (rangeId === undefined) {
      rangeId = rev.nextId()
      rangeIds.set(key, rangeId)
      out += `<w:${side}RangeStart w:id="${rangeId}" w:name="${moveName(Number(k))}" w:author="${author}" w:date="${date}"/>`
    }
    const body = side === 'moveFrom' ? inner.replace(/<w:delText\b/g, '<w:t').replace(/<\/w:delText>/g, '</w:t>') : inner
    out += `<w:${side} w:id="${id}" w:author="${author}" w:date="${date}">${body}</w:${side}>`
    if (last.get(key) === i) out += `<w:${side}RangeEnd w:id="${rangeId}"/>`
    at = m.index + whole.length
  })
  return out + xml.slice(at)
}

const REVISION_ID = /<w:(ins|del|moveFrom|moveTo) w:id="(\d+)"/g
const RANGE_ID = /<w:(moveFromRangeStart|moveToRangeStart|moveFromRangeEnd|moveToRangeEnd) w:id="(\d+)"/g
const ANY_ID = /<w:([A-Za-z]+) w:id="(\d+)"/g

/**
 * Numbers the tracked changes and move ranges after every other annotation id of the document
 * (bookmarks, comments). The docx library counts bookmarks for the whole process, never from 1
 * again, so after enough exports in one session its ids would reach any fixed start we chose, and
 * two annotations sharing an id is what makes Word call a file unreadable.
 */
export function renumberRevisions(xml: string): string {
  let max = 0
  for (const m of xml.matchAll(ANY_ID)) {
    if (!/^(ins|del|moveFrom|moveTo|moveFromRangeStart|moveToRangeStart|moveFromRangeEnd|moveToRangeEnd)$/.test(m[1]!)) max = Math.max(max, Number(m[2]))
  }
  let next = max + 1
  const ranges = new Map<string, number>()
  return xml
    .replace(REVISION_ID, (_, tag: string) => `<w:${tag} w:id="${next++}"`)
    .replace(RANGE_ID, (_, tag: string, id: string) => {
      // A range's start and end share one id: the start takes a new one, the end finds it.
      let renumbered = ranges.get(id)
      if (renumbered === undefined) {
        renumbered = next++
        ranges.set(id, renumbered)
      }
      return `<w:${tag} w:id="${renumbered}"`
    })
}

/** The .docx with its document.xml's moves written (see writeMoves) and its change ids clear of every other id. */
export function withMoves(docx: Uint8Array, rev: Revision): Buffer {
  const files = unzipSync(docx)
  const doc = files['word/document.xml']
  if (!doc) throw new Error('The Word document has no word/document.xml.')
  files['word/document.xml'] = strToU8(renumberRevisions(writeMoves(strFromU8(doc), rev)))
  return Buffer.from(zipSync(files, { level: 6 }))
}
