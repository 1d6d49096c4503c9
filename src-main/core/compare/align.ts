// Aligns the clauses of two versions by their stable ids and finds the ones that moved: the
// clauses kept in place are the longest run whose base order is preserved in the target
// (a longest increasing subsequence), every other shared clause is reported as moved.

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

/** Positions (into `xs`) of one longest strictly increasing subsequence; O(n log n). */
export function longestIncreasing(xs: readonly number[]): number[] {
  const tails: number[] = [] // tails[k] = position of the smallest tail of an increasing run of length k+1
  const prev = new Array<number>(xs.length).fill(-1)
  for (let i = 0; i < xs.length; i++) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (xs[tails[mid]!]! < xs[i]!) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) prev[i] = tails[lo - 1]!
    tails[lo] = i
  }
  const out: number[] = []
  for (let k = tails[tails.length - 1] ?? -1; k !== -1; k = prev[k]!) out.push(k)
  return out.reverse()
}
