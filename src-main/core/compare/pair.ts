// Pairs the clauses of two versions by content when ids cannot (renumbered, moved, split and
// merged clauses in agreements that carry no ids), saying how each pair was found and how sure
// it is. Pure: inputs in, pairings out; the comparison and the view build on it (issue 11).
import { longestIncreasing } from './align'
import { alignGaps, pairPieces } from './gaps'
import { State, TIE, type Candidate, type Group, type Space } from './pair-state'
import { foldFast, Spread, TermSpace, type Counts, type Vector } from './similarity'

export interface PairInput {
  /** Stable identity of the clause (its model id, or the one derived from its text); used in errors. */
  key: string
  /** The number as printed: "3.1", "Section 4(a)", "Article IV". */
  label?: string
  heading: string
  text: string
}

/** A reviewer's link: these base clauses are these target clauses. One side empty = "keep unpaired". */
export interface ManualLink {
  base: number[]
  target: number[]
}

export interface PairOptions {
  /** Pairs with a confidence under this are marked for review. Default {@link DEFAULT_REVIEW_THRESHOLD}. */
  reviewThreshold?: number
  /** Clause ids, parallel to the inputs; a clause without one is `undefined`. */
  ids?: { base: readonly (string | undefined)[]; target: readonly (string | undefined)[] }
  /** Reviewer's links, applied before anything else. */
  manual?: readonly ManualLink[]
}

/** How a pair was found, in the terms of the compare contract. */
export type PairBy = 'id' | 'text' | 'similarity' | 'manual'

/** Which pass found the pair: finer than {@link PairBy}, for the "why was this paired" note. */
/** `position`: weak wording, but it stands between the same neighbours on both sides (gaps.ts). */
export type PairHow = 'manual' | 'id' | 'exact' | 'folded' | 'label' | 'similarity' | 'position' | 'split' | 'merge'

export type PairKind = 'one-to-one' | 'split' | 'merged' | 'added' | 'removed'

export interface Pairing {
  /** Indexes into the base inputs, ascending; [] for an added clause. */
  base: number[]
  /** Indexes into the target inputs, ascending; [] for a removed clause. */
  target: number[]
  kind: PairKind
  /** null for an added or removed clause, unless a reviewer unpaired it ('manual'). */
  by: PairBy | null
  how: PairHow | null
  /** 0..1; 0 for an added or removed clause (1 when a reviewer unpaired it). */
  confidence: number
  /**
   * The bare wording similarity behind the pair (TF-IDF cosine; for a split or merge, of the
   * joined pieces), which the row's reason quotes; 1 for ids, identical text and manual links.
   */
  similarity: number
  /** Confidence under the review threshold: the view marks the row "check pairing". */
  review: boolean
  /** Every clause of the row has a label and the labels differ ("6.3 → 6.4"). */
  renumbered: boolean
  /** Paired, but out of the longest run of pairs that kept their order. */
  moved: boolean
}

export const DEFAULT_REVIEW_THRESHOLD = 0.6

/*
 * Thresholds of the uncertain passes, tuned on the synthetic pairs of the tests (random words
 * from one small legal vocabulary, the hardest case for word similarity: any two clauses share
 * words) and on hand-written clauses.
 */
/** Below this cosine two clauses are not candidates at all. */
const SIMILARITY_FLOOR = 0.2
/** A shared label needs at least this much shared content: numbers are reused for other clauses. */
const LABEL_SIMILARITY = 0.4
/** ...and no rival within this margin above it, or the label would overrule better evidence. */
const LABEL_MARGIN = 0.1
/** A label carried by more free clauses than this on either side is no evidence (list markers). */
const LABEL_SHARED_MAX = 16
/** Reward, in ranking only, for a candidate that sits between its neighbours' partners. */
const ORDER_BONUS = 0.1
/** Candidates kept per clause from the inverted index before exact cosines are computed. */
const CANDIDATES_PER_CLAUSE = 10
/** Terms held by more than this share of the free clauses are not indexed (see nearest)... */
const COMMON_SHARE = 0.05
/** ...nor those held by more than this many: a word in hundreds of clauses names none of them. */
const COMMON_COUNT = 200
/** Postings of the inverted index one clause may scan; see termsToScan. */
const SCAN_BUDGET = 1000
/** A piece of a split (or a part of a merge) must lie this much inside the whole. */
const PIECE_CONTAINMENT = 0.6
/** The joined pieces must be at least this similar to the whole. */
const JOINED_SIMILARITY = 0.5
/**
 * ...and this much more similar than the most similar piece alone: every piece must add to
 * the whole. Copies of one clause ("Reserved." twice, a clause pasted twice) add nothing, and
 * are two clauses, never the pieces of one. Real splits and merges in the synthetic pairs gain
 * 0.1 or more.
 */
const PIECE_GAIN = 0.05

export function pairClauses(base: readonly PairInput[], target: readonly PairInput[], opts: PairOptions = {}): Pairing[] {
  const threshold = opts.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`pairClauses: reviewThreshold must be between 0 and 1, got ${threshold}`)
  const state = new State(base.length, target.length, opts.ids)

  applyManual(state, base, target, opts.manual ?? [])
  if (opts.ids) pairByIds(state, opts.ids, base.length, target.length)

  /*
   * Identical text. The cheapest certain evidence, and the pass that must get boilerplate
   * right: twenty "Intentionally omitted." clauses pair first with first, second with second,
   * never all twenty with one. Headings are not part of the key: they often carry the number
   * ("Section 7"), which renumbering changes, and pairing duplicates by heading would then
   * cross them over.
   */
  pairByKey(state, base, target, (c) => (c.text.trim() === '' ? null : c.text), 'exact', 1)

  /*
   * Identical after folding case, typography (curly quotes, dashes, odd spaces), whitespace and
   * the printed number at the start: a renumbered clause whose text repeats its label
   * ("6.3 The Licensee…" → "6.4 The Licensee…") is still the same clause. Certain enough to
   * lock, a hair under 1 because the text did change.
   */
  pairByKey(state, base, target, foldedKey, 'folded', 0.98)

  if (state.freeBase().length > 0 && state.freeTarget().length > 0) pairByContent(state, base, target)

  orderCopies(state, base, target, 'base')
  orderCopies(state, base, target, 'target')
  return rows(state, base, target, threshold)
}

/** Reviewer's links first: they overrule every pass, and a link that cannot apply is an error naming it. */
function applyManual(state: State, base: readonly PairInput[], target: readonly PairInput[], links: readonly ManualLink[]): void {
  links.forEach((link, n) => {
    const where = `manual link ${n + 1}`
    if (link.base.length === 0 && link.target.length === 0) throw new RangeError(`pairClauses: ${where} names no clause`)
    if (link.base.length > 1 && link.target.length > 1) throw new RangeError(`pairClauses: ${where} links several clauses to several; a link is one to one, one to many or many to one`)
    const check = (indexes: number[], side: 'base' | 'target', inputs: readonly PairInput[], owner: Int32Array): void => {
      for (const i of indexes) {
        if (!Number.isInteger(i) || i < 0 || i >= inputs.length) throw new RangeError(`pairClauses: ${where} names ${side} clause ${i}, but the ${side} has ${inputs.length} clauses`)
        if (owner[i] !== -1) throw new RangeError(`pairClauses: ${where} names ${side} clause ${i} ("${inputs[i]!.key}"), already in an earlier manual link`)
      }
      if (new Set(indexes).size !== indexes.length) throw new RangeError(`pairClauses: ${where} names a ${side} clause twice`)
    }
    check(link.base, 'base', base, state.baseGroup)
    check(link.target, 'target', target, state.targetGroup)
    state.add({ base: [...link.base].sort((a, b) => a - b), target: [...link.target].sort((a, b) => a - b), by: 'manual', how: 'manual', confidence: 1, score: 1, locked: true })
  })
}

/** Ids decide where both sides carry the same one, exactly as alignClauses does. */
function pairByIds(state: State, ids: NonNullable<PairOptions['ids']>, nb: number, nt: number): void {
  if (ids.base.length !== nb) throw new RangeError(`pairClauses: ids.base has ${ids.base.length} entries for ${nb} base clauses`)
  if (ids.target.length !== nt) throw new RangeError(`pairClauses: ids.target has ${ids.target.length} entries for ${nt} target clauses`)
  // Filled from the end, so that of two target clauses with one id the first is kept.
  const targetOf = new Map<string, number>()
  for (let t = nt - 1; t >= 0; t--) {
    const id = ids.target[t]
    if (id !== undefined && state.targetGroup[t] === -1) targetOf.set(id, t)
  }
  for (let b = 0; b < nb; b++) {
    const id = ids.base[b]
    if (id === undefined || state.baseGroup[b] !== -1) continue
    const t = targetOf.get(id)
    if (t === undefined || state.targetGroup[t] !== -1) continue // none, or taken by an earlier base clause with this id
    state.add({ base: [b], target: [t], by: 'id', how: 'id', confidence: 1, score: 1, locked: true })
  }
}

/**
 * Pairs free clauses whose keys are equal. A null key never pairs. A key held by one free
 * clause on each side pairs wherever the two stand. Repeated keys (boilerplate) pair in
 * document order within the stretch between two neighbouring pairs that kept their order:
 * with "Intentionally omitted." in sections 3, 4 and 9 of the base and 4 and 9 of the target,
 * the one in section 9 pairs with the one in section 9, not with the target's second copy by
 * count. A copy with no partner in its stretch is left to the content passes: a surplus copy
 * of boilerplate in one place and a missing one far away are a removal and an addition, not a
 * move, while a moved copy of a distinctive clause is found by similarity like any moved clause.
 */
function pairByKey(state: State, base: readonly PairInput[], target: readonly PairInput[], key: (c: PairInput) => string | null, how: PairHow, confidence: number): void {
  const targetsOf = new Map<string, number[]>() // key → free target clauses holding it, ascending
  for (let t = 0; t < target.length; t++) {
    if (state.targetGroup[t] !== -1) continue
    const k = key(target[t]!)
    if (k === null) continue
    const q = targetsOf.get(k)
    if (q) q.push(t)
    else targetsOf.set(k, [t])
  }
  if (targetsOf.size === 0) return
  const basesOf = new Map<string, number[]>()
  const keyOfBase: Array<string | undefined> = new Array<string | undefined>(base.length)
  for (let b = 0; b < base.length; b++) {
    if (state.baseGroup[b] !== -1) continue
    const k = key(base[b]!)
    if (k === null || !targetsOf.has(k)) continue
    keyOfBase[b] = k
    const q = basesOf.get(k)
    if (q) q.push(b)
    else basesOf.set(k, [b])
  }
  const add = (b: number, t: number, copy?: true): void => state.add({ base: [b], target: [t], by: 'text', how, confidence, score: 1, locked: true, ...(copy && { copy }) })
  let repeated = false
  for (const [k, bs] of basesOf) {
    const ts = targetsOf.get(k)!
    if (bs.length === 1 && ts.length === 1) add(bs[0]!, ts[0]!)
    else repeated = true
  }
  if (!repeated) return

  // Between the pairs that kept their order (the longest run of one-to-one pairs in order on both sides).
  const pairs: Array<[number, number]> = []
  for (let b = 0; b < state.nb; b++) {
    const g = state.groupOfBase(b)
    if (g && g.base.length === 1 && g.target.length === 1) pairs.push([b, g.target[0]!])
  }
  const anchors = longestIncreasing(pairs.map(([, t]) => t)).map((k) => pairs[k]!)
  const next = new Map<string, number>() // per key, the first target not yet passed by
  let a = 0
  let lo = -1
  for (let b = 0; b < base.length; b++) {
    while (a < anchors.length && anchors[a]![0] < b) lo = anchors[a++]![1]
    const k = keyOfBase[b]
    if (k === undefined || state.baseGroup[b] !== -1) continue
    const hi = a < anchors.length ? anchors[a]![1] : target.length
    const ts = targetsOf.get(k)!
    let p = next.get(k) ?? 0
    while (p < ts.length && (ts[p]! <= lo || state.targetGroup[ts[p]!] !== -1)) p++
    if (p < ts.length && ts[p]! < hi) add(b, ts[p++]!, true)
    next.set(k, p)
  }
}

const PLAIN_NUMBER = /^\d+(?:\.\d+)*\.?$/

/**
 * A label compared as a number: "Section 6.3." and "6.3" are the same label, and so are the
 * ways one list item is printed: "(a)", "a)" and "a."; "(4)" and "4.". Parentheses inside a
 * label stay: "4(a)" is not "4a".
 */
export function normalizeLabel(label: string | undefined): string {
  if (label === undefined) return ''
  if (PLAIN_NUMBER.test(label)) return label.endsWith('.') ? label.slice(0, -1) : label // all that the rest would do
  const l = foldFast(label)
    .replace(/^\s*(?:section|article|clause|paragraph|§+)\s*/, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.:]+$/, '')
    .trim()
  const wrapped = /^\(([^()]*)\)$/.exec(l) // "(a)"
  if (wrapped) return wrapped[1]!.trim()
  return l.endsWith(')') && !l.includes('(') ? l.slice(0, -1).trim() : l // "a)"; "4(a)" as it is
}

/**
 * Leading numbering as printed at the start of a clause: "6.3", "6.3.", "6.", "4)", "(b)",
 * "IV.", "Section 4(a)", "§ 12". A bare number is not numbering ("10 days' notice…").
 */
const LEADING_NUMBER =
  /^(?:(?:section|article|clause|paragraph|§+)\s*(?:\d+(?:\.\d+)*|[ivxlc]+)\b(?:\([0-9a-z]+\))*|\d+(?:\.\d+)+\.?(?:\([0-9a-z]+\))*|\d+[.)](?:\([0-9a-z]+\))*|\([0-9a-z]+\)|[ivxlc]+[.)])[.:)]?\s+/i

/** The text without its printed number at the start: the label as given, else anything shaped like a number. */
export function stripNumber(text: string, label: string | undefined): string {
  const l = label?.trim() ?? ''
  // The label must end at a word boundary: label "1" does not strip the "1" of "10 days".
  if (l !== '' && text.startsWith(l) && !/^[\p{L}\p{N}]/u.test(text.slice(l.length))) return text.slice(l.length).replace(/^[\s.:)\u2013\u2014-]+/, '')
  return text.replace(LEADING_NUMBER, '')
}

/** Whitespace other than single spaces between words: what collapsing changes. */
const ODD_SPACE = /[^\S ]|\s\s/

/** Folded text with the printed number dropped, spaces collapsed; null when nothing is left. */
function foldedKey(c: PairInput): string | null {
  let f = foldFast(c.text)
  if (ODD_SPACE.test(f)) f = f.replace(/\s+/g, ' ')
  f = stripNumber(f.trim(), c.label === undefined ? undefined : foldFast(c.label))
  return f === '' ? null : f
}

/** Share of the distance from the cosine to 1 that a pair without a close rival gains. */
const DISTINCT_LIFT = 0.4

/*
 * Confidence of a pair found by similarity. A cosine alone under-rates heavy rewrites: a
 * clause with a third of its words changed scores about 0.5 against its true partner, while
 * every other clause scores near 0. What makes a pair trustworthy is the cosine and the gap
 * to the best rival of either clause, so the cosine is lifted toward 1 by up to
 * DISTINCT_LIFT of the remaining distance, in proportion to that gap. A pair with a close
 * rival keeps its bare cosine (and is usually marked for review); a weak pair stays weak.
 */
function confidenceOf(space: Space, b: number, t: number, score: number): number {
  const rivalOf = (top: Float64Array, i: number): number => (Math.abs(top[2 * i]! - score) < 1e-12 ? top[2 * i + 1]! : top[2 * i]!)
  const rival = Math.max(rivalOf(space.topOfBase, b), rivalOf(space.topOfTarget, t))
  const gap = score <= 0 ? 0 : Math.max(0, Math.min(1, (score - rival) / score))
  return score + (1 - score) * DISTINCT_LIFT * gap
}

/** The words a clause is compared on: heading and text, without the printed numbers that renumbering changes. */
function comparable(c: PairInput): string {
  return comparableParts(c).join('\n')
}

/** {@link comparable} as heading and text, for {@link TermSpace.add}. */
function comparableParts(c: PairInput): [string, string] {
  return [c.heading.replace(/\b\d+(?:\.\d+)*\b/g, ' '), stripNumber(c.text.trimStart(), c.label)]
}

function pairByContent(state: State, base: readonly PairInput[], target: readonly PairInput[]): void {
  const space = buildSpace(state, base, target)
  pairByLabel(state, base, target, space)
  pairBySimilarity(state, space)
  pairSplitsAndMerges(state, space)
  // A split or merge may have freed clauses it took from weak pairs: give them one more chance.
  pairBySimilarity(state, space)
  // Last and least certain: what position adds where wording is weak (gaps.ts).
  alignGaps(state, space)
  pairPieces(state, space)
}

function buildSpace(state: State, base: readonly PairInput[], target: readonly PairInput[]): Space {
  // Only the clauses still free get terms: the certain passes have usually paired most of them.
  const terms = new TermSpace()
  const bases = state.freeBase()
  const targets = state.freeTarget()
  const baseCounts = new Array<Counts | undefined>(state.nb)
  const targetCounts = new Array<Counts | undefined>(state.nt)
  for (const b of bases) baseCounts[b] = terms.add(...comparableParts(base[b]!))
  for (const t of targets) targetCounts[t] = terms.add(...comparableParts(target[t]!))
  const baseVec = new Array<Vector | undefined>(state.nb)
  const targetVec = new Array<Vector | undefined>(state.nt)
  for (const b of bases) baseVec[b] = terms.vector(baseCounts[b]!)
  for (const t of targets) targetVec[t] = terms.vector(targetCounts[t]!)

  // Exact cosines of the candidates, each pair once: the clause the candidates were found
  // for is spread out once, then each candidate costs its own length.
  const found = nearest(terms, bases, baseVec, targets, targetVec)
  orphans(state, terms, bases, baseVec, targets, targetVec, found)
  const { forBase, forTarget } = found
  // The pairs found for each base clause lie together in forBase: where, so that a pair found
  // again from the target side is scored once (a look at ten entries, not a set of all pairs).
  const firstOf = new Int32Array(state.nb).fill(-1)
  const endOf = new Int32Array(state.nb)
  for (let k = 0; k < forBase.length; k += 2) {
    if (firstOf[forBase[k]!] === -1) firstOf[forBase[k]!] = k
    endOf[forBase[k]!] = k + 2
  }
  const foundForBase = (b: number, t: number): boolean => {
    for (let k = firstOf[b]!; k !== -1 && k < endOf[b]!; k += 2) if (forBase[k + 1] === t) return true
    return false
  }
  const candidates: Candidate[] = []
  const spread = new Spread(terms.size)
  const score = (from: Array<Vector | undefined>, to: Array<Vector | undefined>, pairs: Int32Array, flip: boolean): void => {
    for (let k = 0; k < pairs.length; k += 2) {
      const i = pairs[k]!
      const j = pairs[k + 1]!
      if (flip && foundForBase(j, i)) continue
      const [b, t] = flip ? [j, i] : [i, j]
      if (k === 0 || pairs[k - 2] !== i) spread.load(from[i]!)
      const s = spread.cosine(to[j]!)
      if (s >= SIMILARITY_FLOOR) candidates.push({ b, t, score: s })
    }
    spread.unload()
  }
  score(baseVec, targetVec, forBase, false)
  score(targetVec, baseVec, forTarget, true)

  const topOfBase = new Float64Array(2 * state.nb)
  const topOfTarget = new Float64Array(2 * state.nt)
  const push = (top: Float64Array, i: number, s: number): void => {
    if (s > top[2 * i]!) {
      top[2 * i + 1] = top[2 * i]!
      top[2 * i] = s
    } else if (s > top[2 * i + 1]!) top[2 * i + 1] = s
  }
  for (const c of candidates) {
    push(topOfBase, c.b, c.score)
    push(topOfTarget, c.t, c.score)
  }
  return { terms, baseCounts, targetCounts, baseVec, targetVec, bases, targets, candidates, topOfBase, topOfTarget }
}

/*
 * Candidate generation without comparing all pairs (5,000 × 5,000 clauses would be 25 million
 * cosines): an inverted index from term to the target clauses that hold it, and for each
 * clause the few on the other side with the largest partial dot product become candidates.
 * Terms held by very many clauses ("licence", "party") are left out of the index: they are
 * what makes the index quadratic and they weigh little in the cosine anyway; the exact cosine
 * computed afterwards still counts them. "Very many" is 5% of the clauses (at least 50), and
 * never more than 200, or on tens of thousands of short clauses from a small vocabulary every
 * clause would reach thousands across.
 *
 * One scan serves both sides: a base clause's partial dot product with a target clause is the
 * target clause's with it, so each is offered to the base clause's best few and to the target
 * clause's. The index is flat (one array of postings, each term's a slice of it) and the
 * partial dot products go to one array indexed by clause, cleared as it is read: on a large
 * pair a clause reaches hundreds of the other side's clauses, so the best few are picked out
 * in one pass (ties to the clause reached first) rather than by sorting them all.
 *
 * Returns the pairs found, flat (from, to, from, to…), each clause's candidates best first.
 */
function nearest(terms: TermSpace, bases: readonly number[], baseVec: Array<Vector | undefined>, targets: readonly number[], targetVec: Array<Vector | undefined>): { forBase: Int32Array; forTarget: Int32Array } {
  const K = CANDIDATES_PER_CLAUSE
  const maxDf = Math.min(COMMON_COUNT, Math.max(50, Math.floor(COMMON_SHARE * (bases.length + targets.length))))
  const df = terms.df
  // Target clauses are numbered by their place among the free ones (x), so that nothing here
  // is the size of the whole document when only a few clauses are left to pair.
  const nt = targets.length
  const start = new Int32Array(terms.size + 1)
  for (const t of targets) for (const id of targetVec[t]!.ids) if (df[id]! <= maxDf) start[id + 1]!++
  for (let id = 0; id < terms.size; id++) start[id + 1]! += start[id]!
  const fill = start.slice(0, terms.size)
  const postClause = new Int32Array(start[terms.size]!)
  const postWeight = new Float64Array(start[terms.size]!)
  for (let x = 0; x < nt; x++) {
    const v = targetVec[targets[x]!]!
    for (let a = 0; a < v.ids.length; a++) {
      const id = v.ids[a]!
      if (df[id]! > maxDf) continue
      const k = fill[id]!++
      postClause[k] = x
      postWeight[k] = v.weights[a]!
    }
  }

  /** Offers clause `c` with score `s` to the best-K list at `at` (kept[at] long); equal scores keep the earlier. */
  const offer = (clauses: Int32Array, scores: Float64Array, kept: Uint8Array, at: number, c: number, s: number): void => {
    const base = at * K
    const n = kept[at]!
    if (n === K && s <= scores[base + K - 1]!) return
    let p = n < K ? n : K - 1
    if (n < K) kept[at] = n + 1
    for (; p > 0 && scores[base + p - 1]! < s; p--) {
      scores[base + p] = scores[base + p - 1]!
      clauses[base + p] = clauses[base + p - 1]!
    }
    scores[base + p] = s
    clauses[base + p] = c
  }
  const baseBest = new Int32Array(K)
  const baseScores = new Float64Array(K)
  const baseKept = new Uint8Array(1)
  const targetBest = new Int32Array(nt * K)
  const targetScores = new Float64Array(nt * K)
  const targetKept = new Uint8Array(nt)

  const acc = new Float64Array(nt)
  const touched = new Int32Array(nt)
  const forBase = new Int32Array(2 * K * bases.length)
  let n = 0
  for (const b of bases) {
    const v = baseVec[b]!
    let reached = 0
    const some = termsToScan(v, df, maxDf, start)
    for (let i = 0, end = some === null ? v.ids.length : some.length; i < end; i++) {
      const a = some === null ? i : some[i]!
      const id = v.ids[a]!
      if (df[id]! > maxDf) continue
      const w = v.weights[a]!
      for (let k = start[id]!, end = start[id + 1]!; k < end; k++) {
        const x = postClause[k]!
        if (acc[x] === 0) touched[reached++] = x
        acc[x]! += w * postWeight[k]!
      }
    }
    baseKept[0] = 0
    for (let r = 0; r < reached; r++) {
      const x = touched[r]!
      const s = acc[x]!
      acc[x] = 0
      offer(baseBest, baseScores, baseKept, 0, x, s)
      offer(targetBest, targetScores, targetKept, x, b, s)
    }
    for (let r = 0; r < baseKept[0]!; r++) {
      forBase[n++] = b
      forBase[n++] = targets[baseBest[r]!]!
    }
  }
  const forTarget = new Int32Array(2 * K * nt)
  let m = 0
  for (let x = 0; x < nt; x++) {
    for (let r = 0; r < targetKept[x]!; r++) {
      forTarget[m++] = targets[x]!
      forTarget[m++] = targetBest[x * K + r]!
    }
  }
  return { forBase: forBase.subarray(0, n), forTarget: forTarget.subarray(0, m) }
}

/**
 * Which of a clause's terms to scan (positions in its vector): null for all the indexed ones,
 * but when their postings come to more than SCAN_BUDGET, the rarest first up to the budget
 * (at least one). A long clause of words each held by up to 200 clauses could otherwise reach
 * thousands across; the budget bounds the work per clause and cuts off only its commonest
 * terms, which weigh least. Clauses of the 5,000-clause synthetic pair scan at most 700: none
 * is cut.
 */
function termsToScan(v: Vector, df: readonly number[], maxDf: number, start: Int32Array): number[] | null {
  const postings = (a: number): number => start[v.ids[a]! + 1]! - start[v.ids[a]!]!
  let total = 0
  for (let a = 0; a < v.ids.length; a++) if (df[v.ids[a]!]! <= maxDf) total += postings(a)
  if (total <= SCAN_BUDGET) return null // all of them
  const indexed: number[] = []
  for (let a = 0; a < v.ids.length; a++) if (df[v.ids[a]!]! <= maxDf && postings(a) > 0) indexed.push(a)
  indexed.sort((x, y) => df[v.ids[x]!]! - df[v.ids[y]!]! || v.ids[x]! - v.ids[y]!)
  let spent = 0
  let n = 0
  while (n < indexed.length && (n === 0 || spent + postings(indexed[n]!) <= SCAN_BUDGET)) spent += postings(indexed[n++]!)
  return indexed.slice(0, n)
}

/*
 * A clause whose every term is too common to be indexed ("Intentionally omitted.", "Reserved.",
 * among many copies) finds no candidate above, so boilerplate reworded by a hair would never
 * pair. For such a clause only, the clauses across that hold its rarest term and stand where
 * it would sit if nothing moved (between its paired neighbours' partners) are candidates, the
 * first few found by binary search: bounded work per clause. Position is the only evidence
 * such a clause has, so it is never paired far from where it stands.
 */
function orphans(state: State, terms: TermSpace, bases: readonly number[], baseVec: Array<Vector | undefined>, targets: readonly number[], targetVec: Array<Vector | undefined>, found: { forBase: Int32Array; forTarget: Int32Array }): void {
  const hasCandidate = (list: Int32Array, n: number): Uint8Array => {
    const has = new Uint8Array(n)
    for (let k = 0; k < list.length; k += 2) has[list[k]!] = 1
    return has
  }
  const solve = (from: readonly number[], fromVec: Array<Vector | undefined>, has: Uint8Array, to: readonly number[], toVec: Array<Vector | undefined>, side: 'base' | 'target'): Int32Array => {
    const lonely = from.filter((i) => has[i] === 0)
    if (lonely.length === 0) return new Int32Array(0)
    // Who across holds each term of a lonely clause, in document order.
    const holdersOf = new Map<number, number[]>()
    for (const i of lonely) for (const id of fromVec[i]!.ids) holdersOf.set(id, [])
    for (const j of to) for (const id of toVec[j]!.ids) holdersOf.get(id)?.push(j)
    /** Holders of the clause's rarest term that the other side holds at all (ties: the lower id). */
    const rarestHeld = (v: Vector): number[] => {
      let best = -1
      for (const id of v.ids) {
        if (holdersOf.get(id)!.length === 0) continue
        if (best === -1 || terms.df[id]! < terms.df[best]! || (terms.df[id] === terms.df[best] && id < best)) best = id
      }
      return best === -1 ? [] : holdersOf.get(best)!
    }
    // Copies paired among copies do not mark where a reworded copy belongs: it may be any of them.
    const window = orderWindows(state, side, true)
    const out: number[] = []
    for (const i of lonely) {
      const holders = rarestHeld(fromVec[i]!)
      const [lo, hi] = window(i)
      // The first holder after lo, then on while inside the window.
      let r = 0
      for (let top = holders.length; r < top; ) {
        const mid = (r + top) >> 1
        if (holders[mid]! <= lo) r = mid + 1
        else top = mid
      }
      for (let kept = 0; kept < CANDIDATES_PER_CLAUSE && r < holders.length && holders[r]! < hi; kept++) out.push(i, holders[r++]!)
    }
    return Int32Array.from(out)
  }
  const forBase = solve(bases, baseVec, hasCandidate(found.forBase, state.nb), targets, targetVec, 'base')
  const forTarget = solve(targets, targetVec, hasCandidate(found.forTarget, state.nt), bases, baseVec, 'target')
  const join = (a: Int32Array, b: Int32Array): Int32Array => {
    if (b.length === 0) return a
    const out = new Int32Array(a.length + b.length)
    out.set(a)
    out.set(b, a.length)
    return out
  }
  found.forBase = join(found.forBase, forBase)
  found.forTarget = join(found.forTarget, forTarget)
}

/*
 * Label plus content. The same printed number is evidence only together with shared wording:
 * drafts reuse numbers for other clauses ("Section 5" may now be a new clause). So a free base
 * and target clause with the same label pair when they are at least moderately similar and
 * neither has a candidate clearly better than the other — the label breaks near-ties in
 * favour of the numbering, never overrules a clearly better match.
 */
function pairByLabel(state: State, base: readonly PairInput[], target: readonly PairInput[], space: Space): void {
  // Copies of one text (boilerplate) are told apart by where they stand, not by a number that
  // renumbering shifts: the label is no evidence for them.
  const repeated = (clauses: readonly number[], inputs: readonly PairInput[]): Set<string> => {
    const seen = new Set<string>()
    const twice = new Set<string>()
    for (const i of clauses) {
      const text = inputs[i]!.text
      if (seen.has(text)) twice.add(text)
      else seen.add(text)
    }
    return twice
  }
  const baseCopies = repeated(space.bases, base)
  const targetCopies = repeated(space.targets, target)
  const targetsByLabel = new Map<string, number[]>()
  for (const t of space.targets) {
    if (targetCopies.has(target[t]!.text)) continue
    const l = normalizeLabel(target[t]!.label)
    if (l === '') continue
    const ts = targetsByLabel.get(l)
    if (ts) ts.push(t)
    else targetsByLabel.set(l, [t])
  }
  if (targetsByLabel.size === 0) return
  const basesByLabel = new Map<string, number[]>()
  for (const b of space.bases) {
    if (baseCopies.has(base[b]!.text)) continue
    const l = normalizeLabel(base[b]!.label)
    if (l === '' || !targetsByLabel.has(l)) continue
    const bs = basesByLabel.get(l)
    if (bs) bs.push(b)
    else basesByLabel.set(l, [b])
  }
  for (const [l, bs] of basesByLabel) {
    const ts = targetsByLabel.get(l)!
    // A number that many clauses carry on each side ("(a)" of every list) names none of
    // them, and trying every base against every target clause that carries it would be quadratic.
    if (bs.length > LABEL_SHARED_MAX || ts.length > LABEL_SHARED_MAX) continue
    for (const b of bs) {
      for (const t of ts) {
        if (state.targetGroup[t] !== -1) continue
        const score = space.terms.cosine(space.baseVec[b]!, space.targetVec[t]!)
        if (score < LABEL_SIMILARITY) continue
        if (space.topOfBase[2 * b]! > score + LABEL_MARGIN || space.topOfTarget[2 * t]! > score + LABEL_MARGIN) continue
        // The shared label is a second, independent piece of evidence: it lifts the confidence a little.
        state.add({ base: [b], target: [t], by: 'similarity', how: 'label', confidence: Math.min(1, confidenceOf(space, b, t, score) + LABEL_MARGIN), score, locked: false })
        break
      }
    }
  }
}

/*
 * Similarity, solved globally. A first-come pass in document order would let an early clause
 * take a partner that a later clause matches far better. An optimal assignment (Hungarian
 * method) is cubic, far too slow at 5,000 clauses. What is done instead:
 *
 * 1. Mutual best: a base and a target clause that are each other's best candidate, with no
 *    tie on either side, pair at once. This is the stable core of any good matching and needs no order at all, so moved
 *    clauses are found here as readily as clauses in place.
 * 2. The rest by a global greedy on all candidates, best score first (the classic
 *    half-approximation of a maximum-weight matching, and exact whenever each clause's true
 *    partner is its best free candidate). Ranking adds a small bonus to a candidate that sits
 *    between the partners of its already-paired neighbours, so between near-equal rivals —
 *    sibling clauses in the same wording, boilerplate with small edits — the one keeping
 *    document order wins, as Hypothesis weighs position last to break ties between quotes.
 *
 * The order bonus only ranks; the confidence comes from the cosine and its rivals.
 */
function pairBySimilarity(state: State, space: Space): void {
  const free = (c: Candidate): boolean => state.baseGroup[c.b] === -1 && state.targetGroup[c.t] === -1
  const open = space.candidates.filter(free)
  if (open.length === 0) return
  const add = (c: Candidate): void => state.add({ base: [c.b], target: [c.t], by: 'similarity', how: 'similarity', confidence: confidenceOf(space, c.b, c.t, c.score), score: c.score, locked: false })

  // Best candidate per clause (its position in `open`), or TIED when two tie: a tie is for the
  // order-aware stage to break. NONE until a clause has a candidate.
  const NONE = -2
  const TIED = -1
  const bestOfBase = new Int32Array(state.nb).fill(NONE)
  const bestOfTarget = new Int32Array(state.nt).fill(NONE)
  const baseScore = new Float64Array(state.nb)
  const targetScore = new Float64Array(state.nt)
  const offer = (best: Int32Array, scores: Float64Array, k: number, at: number, score: number): void => {
    if (best[k] === NONE || score > scores[k]! + TIE) {
      best[k] = at
      scores[k] = score
    } else if (score >= scores[k]! - TIE) best[k] = TIED
  }
  for (let at = 0; at < open.length; at++) {
    const c = open[at]!
    offer(bestOfBase, baseScore, c.b, at, c.score)
    offer(bestOfTarget, targetScore, c.t, at, c.score)
  }
  for (let at = 0; at < open.length; at++) {
    const c = open[at]!
    if (bestOfBase[c.b] === at && bestOfTarget[c.t] === at) add(c)
  }

  const rest = open.filter(free)
  if (rest.length === 0) return
  const window = orderWindows(state)
  const ranked = rest.map((c) => {
    const [lo, hi] = window(c.b)
    return { c, rank: c.score + (c.t > lo && c.t < hi ? ORDER_BONUS : 0) }
  })
  ranked.sort((x, y) => y.rank - x.rank || x.c.b - y.c.b || x.c.t - y.c.t)
  for (const { c } of ranked) if (free(c)) add(c)
}

/**
 * For a base clause, the open interval of target positions between the partners of its
 * nearest paired neighbours before and after it: where it would sit if nothing moved. The
 * same for a target clause, in base positions, when `side` is 'target'. With `skipCopies`,
 * copies of repeated text paired in order do not count as neighbours.
 */
function orderWindows(state: State, side: 'base' | 'target' = 'base', skipCopies = false): (i: number) => [number, number] {
  const [n, across, groupOf] = side === 'base' ? [state.nb, state.nt, (i: number) => state.groupOfBase(i)] : [state.nt, state.nb, (i: number) => state.groupOfTarget(i)]
  const partners = (g: Group): number[] => (skipCopies && g.copy ? [] : side === 'base' ? g.target : g.base)
  const before = new Int32Array(n).fill(-1)
  const after = new Int32Array(n).fill(across)
  let last = -1
  for (let i = 0; i < n; i++) {
    before[i] = last
    const g = groupOf(i)
    if (g && partners(g).length > 0) last = partners(g)[partners(g).length - 1]!
  }
  last = across
  for (let i = n - 1; i >= 0; i--) {
    after[i] = last
    const g = groupOf(i)
    if (g && partners(g).length > 0) last = partners(g)[0]!
  }
  return (i) => [before[i]!, after[i]!]
}

/*
 * One-to-many containment, last because it is the costliest and least certain. A split base
 * clause matches none of its pieces well (each piece is a third of it), so the passes above
 * leave it free or weakly paired with its largest piece. Its pieces, though, each lie almost
 * wholly inside it. So: for each base clause, the target clauses among its candidates that lie
 * mostly inside it, in runs of two or more consecutive target clauses; if the run joined is
 * similar to the clause, more similar than the clause's current pair (and each piece's), and
 * more similar than its best piece alone, the run is a split. The mirror, a target clause
 * containing a run of base clauses, is a merge. Proposals are applied best first; clauses
 * paired with certainty are never taken.
 */
function pairSplitsAndMerges(state: State, space: Space): void {
  interface Proposal {
    one: number
    many: number[]
    split: boolean
    score: number
  }
  const proposals: Proposal[] = []
  // Each clause's candidates on the other side, clauses in the order their first candidate came.
  const byBase = new Array<number[] | undefined>(state.nb)
  const byTarget = new Array<number[] | undefined>(state.nt)
  const baseOrder: number[] = []
  const targetOrder: number[] = []
  for (const c of space.candidates) {
    const ts = byBase[c.b]
    if (ts) ts.push(c.t)
    else {
      byBase[c.b] = [c.t]
      baseOrder.push(c.b)
    }
    const bs = byTarget[c.t]
    if (bs) bs.push(c.b)
    else {
      byTarget[c.t] = [c.b]
      targetOrder.push(c.t)
    }
  }
  const scoreOf = (g: Group | null): number => (g === null ? 0 : g.locked ? Infinity : g.score)

  const propose = (split: boolean): void => {
    const wholes = split ? baseOrder : targetOrder
    const partsOf = split ? byBase : byTarget
    const wholeCounts = split ? space.baseCounts : space.targetCounts
    const partCounts = split ? space.targetCounts : space.baseCounts
    const wholeVec = split ? space.baseVec : space.targetVec
    const groupOfWhole = (i: number): Group | null => (split ? state.groupOfBase(i) : state.groupOfTarget(i))
    const groupOfPart = (j: number): Group | null => (split ? state.groupOfTarget(j) : state.groupOfBase(j))
    const partVec = split ? space.targetVec : space.baseVec
    const bestPiece = (one: number, run: readonly number[]): number => Math.max(...run.map((j) => space.terms.cosine(wholeVec[one]!, partVec[j]!)))
    for (const one of wholes) {
      const current = scoreOf(groupOfWhole(one))
      if (current === Infinity) continue
      const parts = partsOf[one]!
      if (parts.length < 2) continue
      const contained = space.terms.containments(wholeCounts[one]!, parts.map((j) => partCounts[j]!))
      const inside = parts.filter((_, k) => contained[k]! >= PIECE_CONTAINMENT).sort((a, b) => a - b)
      for (let s = 0; s < inside.length; ) {
        let e = s
        while (e + 1 < inside.length && inside[e + 1] === inside[e]! + 1) e++
        if (e > s) {
          const run = inside.slice(s, e + 1)
          const score = space.terms.cosine(wholeVec[one]!, space.terms.vector(space.terms.sum(run.map((j) => partCounts[j]!))))
          const beats = run.every((j) => {
            const g = groupOfPart(j)
            return g === null || g === groupOfWhole(one) || scoreOf(g) < score
          })
          if (score >= JOINED_SIMILARITY && score > current && beats && score >= bestPiece(one, run) + PIECE_GAIN) proposals.push({ one, many: run, split, score })
        }
        s = e + 1
      }
    }
  }
  propose(true)
  propose(false)
  proposals.sort((x, y) => y.score - x.score)

  const takenBase = new Uint8Array(state.nb)
  const takenTarget = new Uint8Array(state.nt)
  for (const p of proposals) {
    const [takenOne, takenMany] = p.split ? [takenBase, takenTarget] : [takenTarget, takenBase]
    if (takenOne[p.one] || p.many.some((j) => takenMany[j])) continue
    const groupIds = new Set<number>()
    const gid = p.split ? state.baseGroup[p.one]! : state.targetGroup[p.one]!
    if (gid !== -1) groupIds.add(gid)
    for (const j of p.many) {
      const g = p.split ? state.targetGroup[j]! : state.baseGroup[j]!
      if (g !== -1) groupIds.add(g)
    }
    if ([...groupIds].some((g) => state.groups[g]!.locked)) continue
    for (const g of groupIds) state.dissolve(g)
    takenOne[p.one] = 1
    for (const j of p.many) takenMany[j] = 1
    state.add(p.split
      ? { base: [p.one], target: p.many, by: 'similarity', how: 'split', confidence: p.score, score: p.score, locked: false }
      : { base: p.many, target: [p.one], by: 'similarity', how: 'merge', confidence: p.score, score: p.score, locked: false })
  }
}

/**
 * Copies of one clause (same text, same words compared) are interchangeable: which copy pairs
 * with which partner changes no row's content, only whether rows cross. The passes decide
 * which copies pair; here the paired copies take their partners in order, which leaves the
 * fewest rows crossing any other pair (so fewest marked moved). Without it, a reworded copy
 * found by similarity after the identical ones were paired ("Intentionally Omitted" among
 * "Intentionally omitted.") would pair across them. Only one-to-one rows found by text or
 * similarity take part: a label, id or reviewer's link names its clause.
 */
function orderCopies(state: State, base: readonly PairInput[], target: readonly PairInput[], side: 'base' | 'target'): void {
  const [inputs, owner] = side === 'base' ? [base, state.baseGroup] : [target, state.targetGroup]
  const movable = (i: number): Group | null => {
    const g = state.groups[owner[i]!] ?? null
    return g !== null && g.base.length === 1 && g.target.length === 1 && (g.how === 'exact' || g.how === 'folded' || g.how === 'similarity') ? g : null
  }
  const byText = new Map<string, number[]>()
  for (let i = 0; i < inputs.length; i++) {
    if (owner[i] === -1 || movable(i) === null) continue
    const list = byText.get(inputs[i]!.text)
    if (list) list.push(i)
    else byText.set(inputs[i]!.text, [i])
  }
  for (const sameText of byText.values()) {
    if (sameText.length < 2) continue
    const copies = new Map<string, number[]>()
    for (const i of sameText) {
      const k = comparable(inputs[i]!)
      const list = copies.get(k)
      if (list) list.push(i)
      else copies.set(k, [i])
    }
    for (const members of copies.values()) {
      if (members.length < 2) continue
      // Each group stays with its partner (its how and confidence are about the partner's text); the copies are dealt out in order.
      const partnerOf = (id: number): number => (side === 'base' ? state.groups[id]!.target[0]! : state.groups[id]!.base[0]!)
      const ids = members.map((i) => owner[i]!).sort((x, y) => partnerOf(x) - partnerOf(y))
      members.forEach((i, k) => {
        const g = state.groups[ids[k]!]!
        if (side === 'base') g.base = [i]
        else g.target = [i]
        owner[i] = ids[k]!
      })
    }
  }
}

/** The final rows, in reading order: target order, removed clauses where they stood in the base. */
function rows(state: State, base: readonly PairInput[], target: readonly PairInput[], threshold: number): Pairing[] {
  for (let b = 0; b < state.nb; b++) if (state.baseGroup[b] === -1) state.add({ base: [b], target: [], by: null, how: null, confidence: 0, score: 0, locked: true })
  for (let t = 0; t < state.nt; t++) if (state.targetGroup[t] === -1) state.add({ base: [], target: [t], by: null, how: null, confidence: 0, score: 0, locked: true })

  // Kept in place: the longest run of paired rows whose base order is their target order
  // (as alignClauses does for ids); every other paired row moved.
  const paired: number[] = [] // group ids in the order of their first target clause
  for (let t = 0; t < state.nt; t++) {
    const id = state.targetGroup[t]!
    const g = state.groups[id]!
    if (g.target[0] === t && g.base.length > 0) paired.push(id)
  }
  const stable = new Uint8Array(state.groups.length)
  for (const k of longestIncreasing(paired.map((id) => state.groups[id]!.base[0]!))) stable[paired[k]!] = 1

  // A removed clause follows the nearest earlier base clause that stayed in place.
  const removedAfter = new Map<number, number[]>() // group id (or -1 for "first") → removed group ids
  let anchor = -1
  for (let b = 0; b < state.nb; b++) {
    const id = state.baseGroup[b]!
    const g = state.groups[id]!
    if (stable[id]) anchor = id
    else if (g.target.length === 0) {
      const list = removedAfter.get(anchor)
      if (list) list.push(id)
      else removedAfter.set(anchor, [id])
    }
  }

  // Labels are normalised at most once per clause, and not at all where both sides print the same.
  const baseLabels = new Array<string | undefined>(state.nb)
  const targetLabels = new Array<string | undefined>(state.nt)
  const labelOf = (cache: Array<string | undefined>, inputs: readonly PairInput[], i: number): string => (cache[i] ??= normalizeLabel(inputs[i]!.label))
  const renumbered = (g: Group): boolean => {
    if (g.base.length === 0 || g.target.length === 0) return false
    if (g.base.length === 1 && g.target.length === 1 && base[g.base[0]!]!.label === target[g.target[0]!]!.label) return false
    const bl = g.base.map((b) => labelOf(baseLabels, base, b))
    const tl = g.target.map((t) => labelOf(targetLabels, target, t))
    return [...bl, ...tl].every((l) => l !== '') && bl.join('\n') !== tl.join('\n')
  }

  const out: Pairing[] = []
  const emit = (id: number): void => {
    const g = state.groups[id]!
    out.push(toPairing(g, threshold, renumbered(g), g.base.length > 0 && g.target.length > 0 && !stable[id]))
  }
  const emitRemoved = (after: number): void => {
    for (const id of removedAfter.get(after) ?? []) emit(id)
  }
  emitRemoved(-1)
  for (let t = 0; t < state.nt; t++) {
    const id = state.targetGroup[t]!
    if (state.groups[id]!.target[0] !== t) continue // a split row is emitted at its first piece
    emit(id)
    if (stable[id]) emitRemoved(id)
  }
  return out
}

function toPairing(g: Group, threshold: number, renumbered: boolean, moved: boolean): Pairing {
  const kind: PairKind = g.target.length === 0 ? 'removed' : g.base.length === 0 ? 'added' : g.target.length > 1 ? 'split' : g.base.length > 1 ? 'merged' : 'one-to-one'
  const confidence = Math.round(g.confidence * 1000) / 1000
  const paired = kind !== 'added' && kind !== 'removed'
  const similarity = Math.round(g.score * 1000) / 1000
  return { base: g.base, target: g.target, kind, by: g.by, how: g.how, confidence, similarity, review: paired && confidence < threshold, renumbered, moved }
}


