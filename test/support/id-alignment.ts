// The id-only alignment the app used before content pairing (issue 11), kept as the oracle the
// tests hold pairClauses and compareVersions to: on models whose clauses all carry ids, pairing
// must give exactly these rows, in this order, with these moves.
import { longestIncreasing } from '../../src-main/core/compare/align'

export interface Aligned {
  clauseId: string
  baseIndex: number | null
  targetIndex: number | null
  moved: boolean
}

export function alignClauses(baseIds: readonly string[], targetIds: readonly string[]): Aligned[] {
  const baseIndexOf = new Map(baseIds.map((id, i) => [id, i]))
  const targetIndexOf = new Map(targetIds.map((id, i) => [id, i]))
  const shared = targetIds.filter((id) => baseIndexOf.has(id))
  const stable = new Set(longestIncreasing(shared.map((id) => baseIndexOf.get(id)!)).map((k) => shared[k]!))

  // Removed clauses are shown where they stood: after the nearest earlier base clause that
  // stayed in place, or first when there is none.
  const removedAfter = new Map<string | null, string[]>()
  let anchor: string | null = null
  for (const id of baseIds) {
    if (stable.has(id)) anchor = id
    else if (!targetIndexOf.has(id)) removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), id])
  }

  const rows: Aligned[] = []
  const pushRemoved = (after: string | null): void => {
    for (const id of removedAfter.get(after) ?? []) rows.push({ clauseId: id, baseIndex: baseIndexOf.get(id)!, targetIndex: null, moved: false })
  }
  pushRemoved(null)
  targetIds.forEach((id, targetIndex) => {
    const baseIndex = baseIndexOf.get(id)
    rows.push({ clauseId: id, baseIndex: baseIndex ?? null, targetIndex, moved: baseIndex !== undefined && !stable.has(id) })
    if (stable.has(id)) pushRemoved(id)
  })
  return rows
}

