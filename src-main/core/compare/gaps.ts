// Pairing by position where wording is weak (issue 11): clauses aligned in order between pairs
// that kept their place, as diff tools align a hunk between sync points, and the pieces of a
// split clause that were rewritten heavily or left behind when another piece moved.
import { TIE, type Candidate, type Group, type Space, type State } from './pair-state'
import { Spread } from './similarity'

/*
 * Gap alignment: what diff tools do with sync points. The passes of pair.ts pair clauses whose
 * wording alone is convincing (a cosine of 0.2 or more). A clause rewritten more heavily is left
 * unpaired even where it sits alone between two pairs that kept their place: GPL 2 section 2 b)
 * and GPL 3 section 5 c) have a cosine of 0.07, yet they are the second and third items of the
 * lists that the pairs around them frame. So between two consecutive pairs of the chain that
 * keeps its order on both sides (a gap), the free clauses are aligned in order, the way `diff`
 * aligns the lines of a changed hunk, and position becomes evidence.
 *
 * How much wording a gap pair still needs is set by how alike unrelated clauses are. Across the
 * five real licence pairs (test/fixtures/licences), clauses the hand-written truth calls
 * unrelated have a median cosine of 0.02, a 90th percentile of 0.05-0.08 and a 99th of
 * 0.08-0.26 (median 0.12); the synthetic pairs' one small vocabulary gives 0.04, 0.06, 0.09.
 * - A gap pair continuing a run of pairs (the clauses just before both are paired together, or
 *   those just after) needs GAP_FLOOR, above nine unrelated pairs in ten: the run is the
 *   evidence, the wording must only not contradict it.
 * - A gap pair with no such neighbour needs GAP_LONE_FLOOR, above nearly all unrelated pairs:
 *   that it lies somewhere in a gap of several clauses a side says little.
 * Runs grow outward from the pairs already made, one corroborated pair at a time; a lone pair
 * accepted may corroborate more. Neighbours are clauses that kept their order: a moved clause,
 * paired far away, is stepped over. The start and end of a document bound a gap but corroborate
 * nothing: cover notes, appendices and signature blocks come and go there wholesale. With no pair
 * at all nothing says where anything stands, and nothing is aligned.
 *
 * Clauses that both carry ids the model gave are never paired here: the ids say they are two
 * clauses, and position is weaker evidence than that (wording of 0.2 or more may still pair them
 * in pair.ts).
 *
 * The confidence of a gap pair is its bare cosine, what the wording says, far under the review
 * threshold: the view marks the row "check pairing", the honest mark for a pair found by where
 * it stands.
 */
/** A gap pair continuing a run of pairs needs this cosine: above nine in ten unrelated pairs. */
const GAP_FLOOR = 0.05
/** A gap pair with no paired neighbour needs this: above 99% of unrelated pairs (the median of the real pairs' 99th percentiles). */
const GAP_LONE_FLOOR = 0.12
/**
 * A gap with more free clauses than this on a side is not aligned (nor a window searched for
 * pieces): position tells little across dozens of rewritten clauses, and the alignment is
 * quadratic in the gap. The real pairs' largest gap has 7 and 12.
 */
const GAP_MAX_SIDE = 32

/**
 * Group ids (as a 0/1 flag per id) of the chain of paired groups that keeps its order on both sides
 * and is heaviest in confidence: of two pairs that swapped places, the surer one stays in place
 * and the other moved (a plain longest chain may keep either). With equal confidences it is a
 * longest chain, as the rows' "moved" marks.
 */
function inOrderGroups(state: State): number[] {
  const ids: number[] = []
  for (let b = 0; b < state.nb; b++) {
    const id = state.baseGroup[b]!
    if (id === -1) continue
    const g = state.groups[id]!
    if (g.base[0] === b && g.target.length > 0) ids.push(id)
  }
  const kept = new Array<number>(state.groups.length).fill(0)
  const chain = heaviestIncreasing(
    ids.map((id) => state.groups[id]!.target[0]!),
    ids.map((id) => state.groups[id]!.confidence),
    state.nt
  )
  for (const k of chain) kept[ids[k]!] = 1
  return kept
}

/**
 * Positions (into `keys`, each an integer in [0, size)) of a strictly increasing subsequence of
 * greatest total weight (weights positive); O(n log size) with a Fenwick tree of prefix maxima.
 * Of equal totals, the one ending first.
 */
export function heaviestIncreasing(keys: readonly number[], weights: readonly number[], size: number): number[] {
  const treeWeight = new Float64Array(size + 1).fill(-Infinity)
  const treeAt = new Int32Array(size + 1).fill(-1)
  const total = new Float64Array(keys.length)
  const prev = new Int32Array(keys.length).fill(-1)
  let end = -1
  for (let i = 0; i < keys.length; i++) {
    // The heaviest chain ending at a key below keys[i].
    let bestWeight = 0
    let bestAt = -1
    for (let x = keys[i]!; x > 0; x -= x & -x) {
      if (treeWeight[x]! > bestWeight) {
        bestWeight = treeWeight[x]!
        bestAt = treeAt[x]!
      }
    }
    total[i] = bestWeight + weights[i]!
    prev[i] = bestAt
    for (let x = keys[i]! + 1; x <= size; x += x & -x) {
      if (total[i]! > treeWeight[x]!) {
        treeWeight[x] = total[i]!
        treeAt[x] = i
      }
    }
    if (end === -1 || total[i]! > total[end]!) end = i
  }
  const out: number[] = []
  for (let k = end; k !== -1; k = prev[k]!) out.push(k)
  return out.reverse()
}

/**
 * The neighbours of a clause that count for position: the nearest clause before or after it on
 * its side that is free or paired in order (clauses of moved groups are skipped); -1 or the
 * side's length when there is none.
 */
function neighbours(state: State, kept: readonly number[]): { prev: (side: 'base' | 'target', i: number) => number; next: (side: 'base' | 'target', i: number) => number } {
  const moved = (side: 'base' | 'target', i: number): boolean => {
    const id = side === 'base' ? state.baseGroup[i]! : state.targetGroup[i]!
    return id !== -1 && kept[id] !== 1 && state.groups[id]!.base.length > 0 && state.groups[id]!.target.length > 0
  }
  return {
    prev: (side, i) => {
      let j = i - 1
      while (j >= 0 && moved(side, j)) j--
      return j
    },
    next: (side, i) => {
      const n = side === 'base' ? state.nb : state.nt
      let j = i + 1
      while (j < n && moved(side, j)) j++
      return j
    }
  }
}

/** Aligns every gap between consecutive in-order pairs, then accepts the corroborated and the strong lone pairs. */
export function alignGaps(state: State, space: Space): void {
  const kept = inOrderGroups(state)
  const chain: Group[] = []
  for (let b = 0; b < state.nb; b++) {
    const id = state.baseGroup[b]!
    if (id !== -1 && kept[id] && state.groups[id]!.base[0] === b) chain.push(state.groups[id]!)
  }
  if (chain.length === 0) return

  const pending: Candidate[] = []
  let bLo = -1
  let tLo = -1
  for (let a = 0; a <= chain.length; a++) {
    const bHi = a < chain.length ? chain[a]!.base[0]! : state.nb
    const tHi = a < chain.length ? chain[a]!.target[0]! : state.nt
    const bs: number[] = []
    const ts: number[] = []
    for (let b = bLo + 1; b < bHi && bs.length <= GAP_MAX_SIDE; b++) if (state.baseGroup[b] === -1) bs.push(b)
    for (let t = tLo + 1; t < tHi && ts.length <= GAP_MAX_SIDE; t++) if (state.targetGroup[t] === -1) ts.push(t)
    if (bs.length > 0 && ts.length > 0 && bs.length <= GAP_MAX_SIDE && ts.length <= GAP_MAX_SIDE) pending.push(...alignGap(state, space, bs, ts))
    if (a < chain.length) {
      bLo = Math.max(bLo, chain[a]!.base[chain[a]!.base.length - 1]!)
      tLo = Math.max(tLo, chain[a]!.target[chain[a]!.target.length - 1]!)
    }
  }
  if (pending.length === 0) return

  // Gap pairs never cross each other or a pair in order, so any of them may be accepted.
  const { prev, next } = neighbours(state, kept)
  const together = (b: number, t: number): boolean => b >= 0 && t >= 0 && b < state.nb && t < state.nt && state.baseGroup[b] !== -1 && state.baseGroup[b] === state.targetGroup[t]
  const corroborated = (c: Candidate): boolean => together(prev('base', c.b), prev('target', c.t)) || together(next('base', c.b), next('target', c.t))
  const accept = (c: Candidate): void => state.add({ base: [c.b], target: [c.t], by: 'similarity', how: 'position', confidence: c.score, score: c.score, locked: false })
  let open = pending
  while (open.length > 0) {
    let taken = open.filter(corroborated)
    if (taken.length === 0) taken = open.filter((c) => c.score >= GAP_LONE_FLOOR)
    if (taken.length === 0) return
    for (const c of taken) accept(c)
    const done = new Set(taken)
    open = open.filter((c) => !done.has(c))
  }
}

/**
 * The in-order alignment of one gap (free base clauses `bs`, free target clauses `ts`, each in
 * document order) that maximises the summed excess of cosine over GAP_FLOOR: the classic
 * dynamic programme of sequence alignment, with skips free, as `diff` aligns a hunk.
 */
function alignGap(state: State, space: Space, bs: readonly number[], ts: readonly number[]): Candidate[] {
  const m = bs.length
  const n = ts.length
  const sim = new Float64Array(m * n) // 0 where the ids say two clauses: never paired
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if (!state.distinctIds(bs[i]!, ts[j]!)) sim[i * n + j] = space.terms.cosine(space.baseVec[bs[i]!]!, space.targetVec[ts[j]!]!)
  // best[(i, j)]: the best sum over bs[0, i) and ts[0, j); step: 0 skip a base, 1 skip a target, 2 pair.
  const w = n + 1
  const best = new Float64Array((m + 1) * w)
  const step = new Uint8Array((m + 1) * w)
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      if (i === 0 && j === 0) continue
      let v = -Infinity
      let s = 0
      if (i > 0) v = best[(i - 1) * w + j]!
      if (j > 0 && best[i * w + j - 1]! > v) {
        v = best[i * w + j - 1]!
        s = 1
      }
      if (i > 0 && j > 0) {
        const c = sim[(i - 1) * n + j - 1]!
        if (c >= GAP_FLOOR && best[(i - 1) * w + j - 1]! + c - GAP_FLOOR > v) {
          v = best[(i - 1) * w + j - 1]! + c - GAP_FLOOR
          s = 2
        }
      }
      best[i * w + j] = v
      step[i * w + j] = s
    }
  }
  const out: Candidate[] = []
  for (let i = m, j = n; i > 0 || j > 0; ) {
    const s = step[i * w + j]!
    if (s === 0) i--
    else if (s === 1) j--
    else {
      out.push({ b: bs[i - 1]!, t: ts[j - 1]!, score: sim[(i - 1) * n + j - 1]! })
      i--
      j--
    }
  }
  return out.reverse()
}

/*
 * Pieces left behind. A clause split in two whose pieces were rewritten heavily, or one piece
 * of which moved away, is paired above with one piece at most: the split pass wants pieces that
 * lie mostly inside the whole and a joined text at least 0.5 similar. GPL 2 section 3's closing
 * paragraph became GPL 3 section 1 (moved, and found) and 6 d) (left in place, and not); GPL 2
 * section 0 became sections 0 and 2, with the moved section 1 between them; the Apache 1.1
 * disclaimer became 2.0 sections 7 and 8, and its words are so rewritten that 7 lies only 0.16
 * inside it (the split pass wants 0.6). So, after the gaps are aligned, a free clause
 * joins a paired clause's row as a piece when all of these hold:
 * - it stands where that clause stands, between the partners of the clause's nearest
 *   neighbours that kept their order (position, as in a gap); or, wherever it stands, its
 *   wording alone made it a candidate of the similarity pass (a cosine of 0.2 or more): the
 *   piece that moved away, when the one left in place took the pair;
 * - that clause is its most similar clause across, strictly: the piece belongs to this row
 *   more than to any other (a long clause that shares a little with everything does not);
 * - it covers at least PIECE_COVERAGE_GAIN more of the clause's weighted terms than the
 *   partners already do: copies of a clause cover nothing new and never join;
 * - the row joined is no less similar to the clause than before: a piece that dilutes the
 *   row is another clause that borrowed some words, not a part of this one.
 * The row's confidence falls to the piece's cosine, the weaker evidence: a split found this way
 * is marked for review. Rows found with certainty (identical text, ids, a reviewer) take no
 * pieces, and the window is the one a gap pair would come from, at most GAP_MAX_SIDE free clauses.
 */
/**
 * A piece must cover this much more of the whole (IDF-weighted terms) than its partners already
 * do: a twentieth, as the split pass's PIECE_GAIN asks of the joined cosine. The real pieces add
 * 0.09-0.10 (and 0.56 to a merge the split pass finds); copies add nothing.
 */
const PIECE_COVERAGE_GAIN = 0.05
/** A piece among more clauses than this that kept no order (a window four gaps wide) is not judged. */
const RIVALS_MAX = 4 * GAP_MAX_SIDE

/** Lets each paired clause (that is the one clause of its row on its side) take one free piece, splits first, then merges. */
export function pairPieces(state: State, space: Space): void {
  const spread = new Spread(space.terms.size)
  // The chain is taken once: a row that takes a piece keeps its place in it.
  const kept = inOrderGroups(state)
  for (const split of [true, false]) {
    const [n, across] = split ? [state.nb, state.nt] : [state.nt, state.nb]
    const groupOf = (i: number): number => (split ? state.baseGroup[i]! : state.targetGroup[i]!)
    const freeAcross = (j: number): boolean => (split ? state.targetGroup[j] === -1 : state.baseGroup[j] === -1)
    const wholeSide = (g: Group): number[] => (split ? g.base : g.target)
    const partSide = (g: Group): number[] => (split ? g.target : g.base)
    // Where each clause would sit across: between the partners of its nearest in-order neighbours.
    const [lo, hi] = windows(n, across, groupOf, partSide, state, kept)
    const wholeCounts = split ? space.baseCounts : space.targetCounts
    const partCounts = split ? space.targetCounts : space.baseCounts
    const wholeVec = split ? space.baseVec : space.targetVec
    const partVec = split ? space.targetVec : space.baseVec
    // The free clauses across, ascending, so that a window is read without stepping over paired
    // clauses, and how many come before each position, so that most windows are seen empty at once.
    const freeList: number[] = []
    const freeBefore = new Int32Array(across + 1)
    for (let j = 0; j < across; j++) {
      freeBefore[j + 1] = freeBefore[j]!
      if (freeAcross(j)) {
        freeList.push(j)
        freeBefore[j + 1]!++
      }
    }
    if (freeList.length === 0) continue
    // The similarity pass's candidates between a clause and a free clause across (wording alone
    // convincing, wherever they stand), both ways round.
    const similar = new Map<number, number[]>() // clause → free candidates across
    const similarTo = new Map<number, number[]>() // free clause across → its candidates on this side
    for (const c of space.candidates) {
      const [i, j] = split ? [c.b, c.t] : [c.t, c.b]
      if (!freeAcross(j)) continue
      const list = similar.get(i)
      if (list) list.push(j)
      else similar.set(i, [j])
      const back = similarTo.get(j)
      if (back) back.push(i)
      else similarTo.set(j, [i])
    }
    const joinedScore = (i: number, parts: readonly number[]): number => space.terms.cosine(wholeVec[i]!, space.terms.vector(space.terms.sum(parts.map((k) => partCounts[k]!))))
    /**
     * Whether piece `j` resembles clause `i` more than any rival: the clauses on `i`'s side that
     * stand where the piece stands (from the partner of its nearest in-order neighbour before it
     * to that of the one after it, both included) and its candidates from the similarity pass.
     * A piece standing in a longer unaligned stretch than RIVALS_MAX is not judged: nothing
     * says where it belongs.
     */
    const groupAcross = (j: number): number => (split ? state.targetGroup[j]! : state.baseGroup[j]!)
    /** The (first) clause on this side paired with the nearest in-order neighbour of `j` in direction `step`, or the side's end. */
    const rivalEnd = (j: number, step: -1 | 1): number => {
      for (let k = j + step; k >= 0 && k < across; k += step) {
        const id = groupAcross(k)
        if (id !== -1 && kept[id]) return wholeSide(state.groups[id]!)[0]!
      }
      return step === -1 ? 0 : n - 1
    }
    const belongsTo = (j: number, i: number): boolean => {
      const from = rivalEnd(j, -1)
      const to = rivalEnd(j, 1)
      if (to - from + 1 > RIVALS_MAX) return false
      spread.load(partVec[j]!)
      const own = spread.cosine(wholeVec[i]!)
      const beats = (k: number): boolean => k !== i && wholeVec[k] !== undefined && spread.cosine(wholeVec[k]!) >= own - TIE
      let rival = (similarTo.get(j) ?? []).some(beats)
      for (let k = from; k <= to && !rival; k++) rival = beats(k)
      spread.unload()
      return !rival
    }
    for (let i = 0; i < n; i++) {
      const id = groupOf(i)
      if (id === -1) continue
      const g = state.groups[id]!
      if (g.locked || wholeSide(g).length !== 1 || partSide(g).length === 0) continue
      if (freeBefore[hi[i]!]! - freeBefore[lo[i]! + 1]! === 0 && !similar.has(i)) continue // nothing free near it, nor similar to it
      const distinct = (j: number): boolean => (split ? state.distinctIds(i, j) : state.distinctIds(j, i))
      let near: number[] = []
      for (let k = firstAfter(freeList, lo[i]!); k < freeList.length && freeList[k]! < hi[i]! && near.length <= GAP_MAX_SIDE; k++) {
        const j = freeList[k]!
        if (freeAcross(j) && !distinct(j)) near.push(j)
      }
      if (near.length > GAP_MAX_SIDE) near = []
      const far = (similar.get(i) ?? []).filter((j) => freeAcross(j) && !distinct(j) && (j <= lo[i]! || j >= hi[i]!))
      if (near.length === 0 && far.length === 0) continue
      const alike = [...near, ...far].filter((j) => space.terms.cosine(wholeVec[i]!, partVec[j]!) >= GAP_FLOOR)
      if (alike.length === 0) continue
      const whole = wholeCounts[i]!
      const partners = partSide(g)
      const covered = space.terms.containment(whole, space.terms.sum(partners.map((j) => partCounts[j]!)))
      const before = joinedScore(i, partners)
      // The candidates that add most first; the first that passes every test joins.
      const tried = alike
        .map((j) => ({ j, score: space.terms.cosine(wholeVec[i]!, partVec[j]!), gain: space.terms.containment(whole, space.terms.sum([...partners, j].map((k) => partCounts[k]!))) - covered }))
        .filter((c) => c.gain >= PIECE_COVERAGE_GAIN)
        .sort((x, y) => y.gain - x.gain || x.j - y.j)
      for (const c of tried) {
        const parts = [...partners, c.j].sort((a, b) => a - b)
        const joined = joinedScore(i, parts)
        if (joined < before || !belongsTo(c.j, i)) continue
        const confidence = Math.min(g.confidence, c.score)
        state.dissolve(id)
        state.add(split ? { base: [i], target: parts, by: 'similarity', how: 'split', confidence, score: joined, locked: false } : { base: parts, target: [i], by: 'similarity', how: 'merge', confidence, score: joined, locked: false })
        kept[state.groups.length - 1] = kept[id]!
        break
      }
    }
  }
}

/**
 * For each clause of one side (n of them), the open interval of positions across between the
 * (first) partners of its nearest neighbours that kept their order; -1 and `across` where there
 * is none. The first partner, not the last: a row that took a piece from far away must not
 * shift the windows of the clauses after it.
 */
function windows(n: number, across: number, groupOf: (i: number) => number, partners: (g: Group) => number[], state: State, kept: readonly number[]): [Int32Array, Int32Array] {
  const lo = new Int32Array(n)
  const hi = new Int32Array(n)
  let last = -1
  for (let i = 0; i < n; i++) {
    lo[i] = last
    const id = groupOf(i)
    if (id !== -1 && kept[id]) last = partners(state.groups[id]!)[0]!
  }
  last = across
  for (let i = n - 1; i >= 0; i--) {
    hi[i] = last
    const id = groupOf(i)
    if (id !== -1 && kept[id]) last = partners(state.groups[id]!)[0]!
  }
  return [lo, hi]
}

/** Position of the first element of ascending `xs` greater than `x`. */
function firstAfter(xs: readonly number[], x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid]! <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}
