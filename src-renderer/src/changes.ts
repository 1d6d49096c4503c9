// The changes a reviewer steps through, one by one: each run of deleted and inserted words inside a
// clause (its heading apart); an added or removed clause, or one where nothing inside changed (a
// move, a renumbering), as a whole. Pure: the store, the change list, the overview and the rows all use these numbers.
import type { ClauseComparison } from '../../src-main/api/contract'
import { isChange } from './format'
import { markHunks, onlyJoins, type MarkedPart } from './redline-pieces'

export type ChangeWhere = 'heading' | 'text' | 'row'

export interface Change {
  /** Index into the rows shown. */
  row: number
  where: ChangeWhere
  /** The change's number inside its heading or text (0 for a whole-row change). */
  hunk: number
  deleted: string
  inserted: string
  /** A few words of unchanged text before the change, for the change list. */
  before: string
}

/** The row's heading and text with their changes numbered (a stacked row's heading is shown plain). */
export interface RowHunks {
  heading: MarkedPart[]
  body: MarkedPart[]
}

export function isStacked(row: ClauseComparison): boolean {
  return row.baseClauses.length > 1 || row.targetClauses.length > 1
}

export function rowHunks(row: ClauseComparison): RowHunks {
  const stacked = isStacked(row)
  return {
    heading: stacked ? row.headingParts.map((p) => ({ ...p })) : markHunks(row.headingParts),
    body: markHunks(row.parts, stacked ? onlyJoins : undefined)
  }
}

const SNIPPET = 80
const BEFORE = 40

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}

/** The last few whole words of `text`. */
function tail(text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  if (flat.length <= BEFORE) return flat.trimStart()
  const cut = flat.slice(-BEFORE)
  const space = cut.indexOf(' ')
  return `…${space >= 0 ? cut.slice(space + 1) : cut}`
}

function hunksIn(parts: readonly MarkedPart[], row: number, where: ChangeWhere): Change[] {
  const out: Change[] = []
  let before = ''
  for (const p of parts) {
    if (p.hunk === undefined) {
      if (p.op !== 'insert') before += p.text
      continue
    }
    let c = out[p.hunk]
    if (!c) {
      c = { row, where, hunk: p.hunk, deleted: '', inserted: '', before: tail(before) }
      out[p.hunk] = c
    }
    if (p.op === 'delete') c.deleted += p.text
    else c.inserted += p.text
    if (p.op === 'delete') before += p.text
  }
  return out.map((c) => ({ ...c, deleted: clip(c.deleted.trim(), SNIPPET), inserted: clip(c.inserted.trim(), SNIPPET) }))
}

/** Every change of the rows, in reading order: a row's heading, then its text. */
export function listChanges(rows: readonly ClauseComparison[]): Change[] {
  const out: Change[] = []
  rows.forEach((row, index) => {
    if (!isChange(row)) return
    const { heading, body } = rowHunks(row)
    // An added or removed clause is one change, its heading and text together.
    const whole = row.status === 'added' || row.status === 'removed'
    const found = whole ? hunksIn(body, index, 'text').slice(0, 1) : [...hunksIn(heading, index, 'heading'), ...hunksIn(body, index, 'text')]
    out.push(...(found.length > 0 ? found : [{ row: index, where: 'row' as const, hunk: 0, deleted: '', inserted: '', before: '' }]))
  })
  return out
}
