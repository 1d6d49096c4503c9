// A compared row in words, one wording for the CLI and the PDF (the renderer mirrors it in
// format.ts): "Moved, edited", "Split into 3", "6.3 → 6.4".
import type { ClauseComparison, RowClause } from './types'

/** `versionName` names the version a carried-over term comes from ("28 October 2025"); its id without one. */
export function statusText(row: Pick<ClauseComparison, 'status' | 'edited' | 'moved' | 'targetClauses' | 'baseClauses'>, versionName: (id: string) => string = (id) => id): string {
  switch (row.status) {
    case 'split':
      return `Split into ${row.targetClauses.length}${row.moved ? ', moved' : ''}`
    case 'merged':
      return `Merged from ${row.baseClauses.length}${row.moved ? ', moved' : ''}`
    case 'moved':
      return row.edited ? 'Moved, edited' : 'Moved'
    case 'carried-over': {
      const from = row.targetClauses[0]?.carriedFrom
      return `Carried over from ${from ? versionName(from) : 'an earlier version'} (not restated)`
    }
    default:
      return row.status.charAt(0).toUpperCase() + row.status.slice(1)
  }
}

/** "6.3 → 6.4" for a renumbered row, "3 → 3.1, 3.2, 3.3" for a split; null when the numbers did not change. */
export function numberingText(row: Pick<ClauseComparison, 'renumbered' | 'baseClauses' | 'targetClauses'>): string | null {
  if (!row.renumbered) return null
  const labels = (cs: readonly RowClause[]): string => cs.map((c) => c.label ?? '').join(', ')
  return `${labels(row.baseClauses)} → ${labels(row.targetClauses)}`
}

/** A row a reviewer steps through and the changed-only views keep: neither unchanged nor carried over unchanged. */
export function isChange(row: Pick<ClauseComparison, 'status'>): boolean {
  return row.status !== 'unchanged' && row.status !== 'carried-over'
}
