// The evidence rules every view applies (app, CLI, PDF): kept here once so that a conflict or a
// citation's version can never mean one thing on screen and another in an export.
import type { Stance } from '../workspace/types'

/** Sources disagree about a clause when at least one passage supports it and one contradicts it. */
export function isConflict(stances: Iterable<Stance> | { supports: number; contradicts: number }): boolean {
  if (Symbol.iterator in stances) {
    let supports = false
    let contradicts = false
    for (const s of stances) {
      if (s === 'supports') supports = true
      else if (s === 'contradicts') contradicts = true
    }
    return supports && contradicts
  }
  return stances.supports > 0 && stances.contradicts > 0
}

/**
 * The version a citation of a compared clause belongs to: the target when the clause is in it
 * (the reviewer is checking the newer terms), the base for a clause the target removed.
 */
export function evidenceVersionId(baseId: string, targetId: string, inTarget: boolean): string {
  return inTarget ? targetId : baseId
}

/**
 * The clauses whose citations belong on a compared row: its target clauses (all the pieces of a
 * split) when the target has the row, else its base clauses.
 */
export function rowEvidenceClauseIds(row: { targetClauses: ReadonlyArray<{ id: string }>; baseClauses: ReadonlyArray<{ id: string }> }): string[] {
  return (row.targetClauses.length > 0 ? row.targetClauses : row.baseClauses).map((c) => c.id)
}
