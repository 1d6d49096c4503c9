// What the redline lists, in order: rows, and runs of unchanged (or carried-over) clauses folded
// into one line each when the reviewer asks, so the changes sit close together. Pure.
import type { ClauseComparison } from '../../src-main/api/contract'
import { isChange } from './format'

/** A run shorter than this is shown as it is: folding one clause hides more than it saves. */
export const MIN_RUN = 2

export type ViewItem =
  | { kind: 'row'; row: number }
  /** A run of rows `from`..`to` (inclusive); `open`: its rows follow it, else it stands for them. */
  | { kind: 'fold'; from: number; to: number; key: string; open: boolean }

/** The list of items; `opened` holds the keys of runs the reviewer unfolded. */
export function viewItems(rows: readonly ClauseComparison[], fold: boolean, opened: ReadonlySet<string>): ViewItem[] {
  const out: ViewItem[] = []
  let i = 0
  while (i < rows.length) {
    let j = i
    if (fold) while (j < rows.length && !isChange(rows[j]!)) j++
    if (j - i >= MIN_RUN) {
      const key = `fold:${rows[i]!.key}`
      const open = opened.has(key)
      out.push({ kind: 'fold', from: i, to: j - 1, key, open })
      if (open) for (let k = i; k < j; k++) out.push({ kind: 'row', row: k })
      i = j
      continue
    }
    out.push({ kind: 'row', row: i })
    i++
  }
  return out
}

/** The item that shows a row: the row itself, or the folded run hiding it. */
export function itemOfRow(items: readonly ViewItem[], row: number): number {
  return items.findIndex((it) => (it.kind === 'row' ? it.row === row : !it.open && it.from <= row && row <= it.to))
}

/** For every row, the item showing it (itself, or the folded run hiding it): one pass, for callers that ask for many rows. */
export function itemsOfRows(items: readonly ViewItem[], rows: number): Int32Array {
  const out = new Int32Array(rows).fill(-1)
  items.forEach((it, i) => {
    if (it.kind === 'row') out[it.row] = i
    else if (!it.open) out.fill(i, it.from, it.to + 1)
  })
  return out
}
