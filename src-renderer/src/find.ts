// Find across the whole comparison, rows not rendered included: it searches the words each row
// shows (computed the way RedlineRow renders them, scope by scope in page order), so a match's
// number says where it is on the page once the row is drawn.
import type { ClauseComparison } from '../../src-main/api/contract'
import { isStacked } from './changes'
import { splitSide } from './redline-split'
import { sideText, type Side } from './redline-pieces'
import type { Layout } from './stores/compare'

export interface Match {
  /** Index into the rows shown. */
  row: number
  /** Which of the row's searchable texts ([data-find] in page order). */
  scope: number
  start: number
  end: number
}

/** Past this many matches Find stops counting: a one-letter query over 5,000 clauses is not a search. */
export const MATCH_LIMIT = 5000

function headingSide(row: ClauseComparison, layout: Layout): Side {
  return layout === 'inline' ? 'inline' : row.target ? 'target' : 'base'
}

function stackedTexts(row: ClauseComparison, side: 'base' | 'target', inline: boolean): string[] | null {
  const clauses = side === 'base' ? row.baseClauses : row.targetClauses
  if (clauses.length < 2) return null
  return splitSide(row.parts, side, clauses.map((c) => c.text.length), inline).map((parts) => sideText(parts, inline ? 'inline' : side))
}

/** The texts a row shows, in the order RedlineRow renders its [data-find] elements. */
export function findScopes(row: ClauseComparison, layout: Layout): string[] {
  const heading = isStacked(row) || row.headingParts.length === 0 ? row.heading : sideText(row.headingParts, headingSide(row, layout))
  if (layout === 'inline') {
    const stack = stackedTexts(row, 'target', true) ?? stackedTexts(row, 'base', true)
    return [heading, ...(stack ?? [sideText(row.parts, 'inline')])]
  }
  const base = stackedTexts(row, 'base', false) ?? (row.base ? [sideText(row.parts, 'base')] : [])
  const target = stackedTexts(row, 'target', false) ?? (row.target ? [sideText(row.parts, 'target')] : [])
  return [heading, ...base, ...target]
}

/** Lower case that keeps every offset (a "İ" lowered becomes two characters: it stays as it is). */
function fold(text: string): string {
  return text.replace(/[\s\S]/gu, (ch) => {
    const lower = ch.toLowerCase()
    return lower.length === ch.length ? lower : ch
  })
}

/** Every row's texts, lower-cased once: built when Find opens, searched on every keystroke. */
export function searchIndex(rows: readonly ClauseComparison[], layout: Layout): string[][] {
  return rows.map((row) => findScopes(row, layout).map(fold))
}

/** Case-insensitive, every occurrence, in reading order; at most `limit`. */
export function findAll(index: readonly (readonly string[])[], query: string, limit = MATCH_LIMIT): Match[] {
  const needle = fold(query)
  if (needle.trim() === '') return []
  const out: Match[] = []
  for (let row = 0; row < index.length && out.length < limit; row++) {
    index[row]!.forEach((hay, scope) => {
      for (let at = hay.indexOf(needle); at >= 0 && out.length < limit; at = hay.indexOf(needle, at + needle.length)) {
        out.push({ row, scope, start: at, end: at + needle.length })
      }
    })
  }
  return out
}
