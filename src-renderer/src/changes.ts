// The changes a reviewer steps through, one by one: each run of deleted and inserted words inside a
// clause (its heading apart); an added or removed clause, or one where nothing inside changed (a
// move, a renumbering), as a whole. Pure: the store, the change list, the overview and the rows all use these numbers.
import { isChange } from './format'
import { hunkRuns, markHunks, onlyJoins, type MarkedPart } from './redline-pieces'
import type { ClauseComparison, Part } from '../../src-main/api/contract'

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

/** The changes of one heading or text, with their snippets; only the text near each change is read. */
function hunksIn(parts: readonly Part[], runs: ReadonlyArray<[number, number]>, row: number, where: ChangeWhere): Change[] {
  return runs.map(([from, to], hunk) => {
    let before = ''
    for (let k = from - 1; k >= 0 && before.length < BEFORE * 2; k--) if (parts[k]!.op !== 'insert') before = parts[k]!.text + before
    let deleted = ''
    let inserted = ''
    for (let k = from; k < to; k++) {
      const p = parts[k]!
      if (p.op === 'delete') deleted += p.text
      else inserted += p.text
    }
    return { row, where, hunk, deleted: clip(deleted.trim(), SNIPPET), inserted: clip(inserted.trim(), SNIPPET), before: tail(before) }
  })
}

/** Every change of the rows, in reading order: a row's heading, then its text. */
export function listChanges(rows: readonly ClauseComparison[]): Change[] {
  const out: Change[] = []
  rows.forEach((row, index) => {
    if (!isChange(row)) return
    const stacked = isStacked(row)
    const body = hunkRuns(row.parts, stacked ? onlyJoins : undefined)
    // An added or removed clause is one change, its heading and text together.
    const whole = row.status === 'added' || row.status === 'removed'
    const heading = whole || stacked ? [] : hunkRuns(row.headingParts)
    const found = [...hunksIn(row.headingParts, heading, index, 'heading'), ...hunksIn(row.parts, whole ? body.slice(0, 1) : body, index, 'text')]
    out.push(...(found.length > 0 ? found : [{ row: index, where: 'row' as const, hunk: 0, deleted: '', inserted: '', before: '' }]))
  })
  return out
}
