// The longest run of pairs that kept their order: pairClauses keeps those in place and reports
// every other pair as moved (a longest increasing subsequence of their base positions).

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
