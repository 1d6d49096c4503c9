// Pairs the clauses of two versions by content when ids cannot (renumbered, moved, split and
// merged clauses in agreements that carry no ids), saying how each pair was found and how sure
// it is. Pure: inputs in, pairings out; the comparison and the view build on it (issue 11).
import { longestIncreasing } from './align'
import { cosine, sumCounts, TermSpace, type Counts, type Vector } from './similarity'
import { fold } from '../text/fold'

export interface PairInput {
  /** Stable identity of the clause (its id, or one derived from its position); used in errors. */
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
export type PairHow = 'manual' | 'id' | 'exact' | 'folded' | 'label' | 'similarity' | 'split' | 'merge'

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
/** Reward, in ranking only, for a candidate that sits between its neighbours' partners. */
const ORDER_BONUS = 0.1
/** Scores closer than this are a tie. */
const TIE = 1e-9
/** Candidates kept per clause from the inverted index before exact cosines are computed. */
const CANDIDATES_PER_CLAUSE = 10
/** A piece of a split (or a part of a merge) must lie this much inside the whole. */
const PIECE_CONTAINMENT = 0.6
/** The joined pieces must be at least this similar to the whole. */
const JOINED_SIMILARITY = 0.5

interface Group {
  base: number[]
  target: number[]
  by: PairBy | null
  how: PairHow | null
  confidence: number
  /** The bare similarity behind the confidence, what a split or merge must beat; 1 when certain. */
  score: number
  /** Found with certainty (manual, id, identical text): later passes never undo it. */
  locked: boolean
}

interface Candidate {
  b: number
  t: number
  score: number
}

export function pairClauses(base: readonly PairInput[], target: readonly PairInput[], opts: PairOptions = {}): Pairing[] {
  const threshold = opts.reviewThreshold ?? DEFAULT_REVIEW_THRESHOLD
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`pairClauses: reviewThreshold must be between 0 and 1, got ${threshold}`)
  const state = new State(base.length, target.length)

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

  return rows(state, base, target, threshold)
}

/** The pairing under construction: which group each clause belongs to. */
class State {
  readonly groups: Array<Group | null> = []
  readonly baseGroup: Int32Array
  readonly targetGroup: Int32Array

  constructor(
    readonly nb: number,
    readonly nt: number
  ) {
    this.baseGroup = new Int32Array(nb).fill(-1)
    this.targetGroup = new Int32Array(nt).fill(-1)
  }

  add(g: Group): void {
    const id = this.groups.length
    this.groups.push(g)
    for (const b of g.base) this.baseGroup[b] = id
    for (const t of g.target) this.targetGroup[t] = id
  }

  dissolve(id: number): void {
    const g = this.groups[id]
    if (!g) return
    for (const b of g.base) this.baseGroup[b] = -1
    for (const t of g.target) this.targetGroup[t] = -1
    this.groups[id] = null
  }

  groupOfBase(b: number): Group | null {
    const id = this.baseGroup[b]!
    return id === -1 ? null : this.groups[id]!
  }

  groupOfTarget(t: number): Group | null {
    const id = this.targetGroup[t]!
    return id === -1 ? null : this.groups[id]!
  }

  freeBase(): number[] {
    const out: number[] = []
    for (let b = 0; b < this.nb; b++) if (this.baseGroup[b] === -1) out.push(b)
    return out
  }

  freeTarget(): number[] {
    const out: number[] = []
    for (let t = 0; t < this.nt; t++) if (this.targetGroup[t] === -1) out.push(t)
    return out
  }
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
  const targetOf = new Map<string, number>()
  ids.target.forEach((id, t) => {
    if (id !== undefined && state.targetGroup[t] === -1 && !targetOf.has(id)) targetOf.set(id, t)
  })
  ids.base.forEach((id, b) => {
    if (id === undefined || state.baseGroup[b] !== -1) return
    const t = targetOf.get(id)
    if (t === undefined) return
    targetOf.delete(id)
    state.add({ base: [b], target: [t], by: 'id', how: 'id', confidence: 1, score: 1, locked: true })
  })
}

/** Pairs free clauses whose keys are equal, duplicates in document order. A null key never pairs. */
function pairByKey(state: State, base: readonly PairInput[], target: readonly PairInput[], key: (c: PairInput) => string | null, how: PairHow, confidence: number): void {
  const queues = new Map<string, number[]>()
  for (let t = 0; t < target.length; t++) {
    if (state.targetGroup[t] !== -1) continue
    const k = key(target[t]!)
    if (k === null) continue
    const q = queues.get(k)
    if (q) q.push(t)
    else queues.set(k, [t])
  }
  if (queues.size === 0) return
  const next = new Map<string, number>() // position of the next unused entry in each queue
  for (let b = 0; b < base.length; b++) {
    if (state.baseGroup[b] !== -1) continue
    const k = key(base[b]!)
    if (k === null) continue
    const q = queues.get(k)
    const at = next.get(k) ?? 0
    if (!q || at >= q.length) continue
    next.set(k, at + 1)
    state.add({ base: [b], target: [q[at]!], by: 'text', how, confidence, score: 1, locked: true })
  }
}

/** A label compared as a number: "Section 6.3." and "6.3" are the same label. */
export function normalizeLabel(label: string | undefined): string {
  if (label === undefined) return ''
  return fold(label)
    .replace(/^\s*(?:section|article|clause|paragraph|§+)\s*/, '')
    .replace(/[\s.:)]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Leading numbering as printed at the start of a clause: "6.3", "6.3.", "6.", "4)", "(b)",
 * "IV.", "Section 4(a)", "§ 12". A bare number is not numbering ("10 days' notice…").
 */
const LEADING_NUMBER =
  /^(?:(?:section|article|clause|paragraph|§+)\s*(?:\d+(?:\.\d+)*|[ivxlc]+)\b(?:\([0-9a-z]+\))*|\d+(?:\.\d+)+\.?(?:\([0-9a-z]+\))*|\d+[.)](?:\([0-9a-z]+\))*|\([0-9a-z]+\)|[ivxlc]+[.)])[.:)]?\s+/i

/** The text without its printed number at the start: the label as given, else anything shaped like a number. */
function stripNumber(text: string, label: string | undefined): string {
  const l = label?.trim() ?? ''
  // The label must end at a word boundary: label "1" does not strip the "1" of "10 days".
  if (l !== '' && text.startsWith(l) && !/^[\p{L}\p{N}]/u.test(text.slice(l.length))) return text.slice(l.length).replace(/^[\s.:)\u2013\u2014-]+/, '')
  return text.replace(LEADING_NUMBER, '')
}

/** Folded text with the printed number dropped, spaces collapsed; null when nothing is left. */
function foldedKey(c: PairInput): string | null {
  const f = stripNumber(fold(c.text).replace(/\s+/g, ' ').trim(), c.label === undefined ? undefined : fold(c.label))
  return f === '' ? null : f
}

/** What the uncertain passes share: term counts and vectors of the free clauses, candidates between them. */
interface Space {
  terms: TermSpace
  baseCounts: Map<number, Counts>
  targetCounts: Map<number, Counts>
  baseVec: Map<number, Vector>
  targetVec: Map<number, Vector>
  /** Candidate pairs, each once, score = cosine ≥ SIMILARITY_FLOOR. */
  candidates: Candidate[]
  /** Best two candidate scores per base and per target clause, for {@link confidenceOf}. */
  topOfBase: Map<number, [number, number]>
  topOfTarget: Map<number, [number, number]>
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
  const rivalOf = (top: [number, number] | undefined): number => (top === undefined ? 0 : Math.abs(top[0] - score) < 1e-12 ? top[1] : top[0])
  const rival = Math.max(rivalOf(space.topOfBase.get(b)), rivalOf(space.topOfTarget.get(t)))
  const gap = score <= 0 ? 0 : Math.max(0, Math.min(1, (score - rival) / score))
  return score + (1 - score) * DISTINCT_LIFT * gap
}

/** The words a clause is compared on: heading and text, without the printed numbers that renumbering changes. */
function comparable(c: PairInput): string {
  const heading = c.heading.replace(/\b\d+(?:\.\d+)*\b/g, ' ')
  return `${heading}\n${stripNumber(c.text.trimStart(), c.label)}`
}

function pairByContent(state: State, base: readonly PairInput[], target: readonly PairInput[]): void {
  const space = buildSpace(state, base, target)
  pairByLabel(state, base, target, space)
  pairBySimilarity(state, space)
  pairSplitsAndMerges(state, space)
  // A split or merge may have freed clauses it took from weak pairs: give them one more chance.
  pairBySimilarity(state, space)
}

function buildSpace(state: State, base: readonly PairInput[], target: readonly PairInput[]): Space {
  const terms = new TermSpace()
  const baseCounts = new Map<number, Counts>()
  const targetCounts = new Map<number, Counts>()
  for (const b of state.freeBase()) baseCounts.set(b, terms.add(comparable(base[b]!)))
  for (const t of state.freeTarget()) targetCounts.set(t, terms.add(comparable(target[t]!)))
  const baseVec = new Map([...baseCounts].map(([b, c]) => [b, terms.vector(c)]))
  const targetVec = new Map([...targetCounts].map(([t, c]) => [t, terms.vector(c)]))
  const seen = new Set<number>()
  const candidates: Candidate[] = []
  const keep = (b: number, t: number): void => {
    const k = b * (state.nt + 1) + t
    if (seen.has(k)) return
    seen.add(k)
    const score = cosine(baseVec.get(b)!, targetVec.get(t)!)
    if (score >= SIMILARITY_FLOOR) candidates.push({ b, t, score })
  }
  for (const [b, t] of nearest(terms, baseVec, targetVec, state.nt)) keep(b, t)
  for (const [t, b] of nearest(terms, targetVec, baseVec, state.nb)) keep(b, t)
  const topOfBase = new Map<number, [number, number]>()
  const topOfTarget = new Map<number, [number, number]>()
  const push = (m: Map<number, [number, number]>, k: number, score: number): void => {
    const top = m.get(k) ?? [0, 0]
    m.set(k, score > top[0] ? [score, top[0]] : [top[0], Math.max(top[1], score)])
  }
  for (const c of candidates) {
    push(topOfBase, c.b, c.score)
    push(topOfTarget, c.t, c.score)
  }
  return { terms, baseCounts, targetCounts, baseVec, targetVec, candidates, topOfBase, topOfTarget }
}

/*
 * Candidate generation without comparing all pairs (5,000 × 5,000 clauses would be 25 million
 * cosines): an inverted index from term to the clauses of the other side that hold it, and
 * for each clause the few with the largest partial dot product become candidates. Terms held
 * by very many clauses ("licence", "party") are left out of the index: they are what makes
 * the index quadratic and they weigh little in the cosine anyway; the exact cosine computed
 * afterwards still counts them.
 */
function nearest(terms: TermSpace, from: Map<number, Vector>, to: Map<number, Vector>, size: number): Array<[number, number]> {
  const maxDf = Math.max(50, Math.floor(0.05 * (from.size + to.size)))
  const postings = new Map<number, Array<[number, number]>>()
  for (const [j, v] of to) {
    for (const [id, w] of v) {
      if ((terms.df[id] ?? 0) > maxDf) continue
      const p = postings.get(id)
      if (p) p.push([j, w])
      else postings.set(id, [[j, w]])
    }
  }
  const acc = new Float64Array(size)
  const out: Array<[number, number]> = []
  for (const [i, v] of from) {
    const touched: number[] = []
    for (const [id, w] of v) {
      for (const [j, w2] of postings.get(id) ?? []) {
        if (acc[j] === 0) touched.push(j)
        acc[j] = acc[j]! + w * w2
      }
    }
    touched.sort((a, b) => acc[b]! - acc[a]!)
    for (const j of touched.slice(0, CANDIDATES_PER_CLAUSE)) out.push([i, j])
    for (const j of touched) acc[j] = 0
  }
  return out
}

/*
 * Label plus content. The same printed number is evidence only together with shared wording:
 * drafts reuse numbers for other clauses ("Section 5" may now be a new clause). So a free base
 * and target clause with the same label pair when they are at least moderately similar and
 * neither has a candidate clearly better than the other — the label breaks near-ties in
 * favour of the numbering, never overrules a clearly better match.
 */
function pairByLabel(state: State, base: readonly PairInput[], target: readonly PairInput[], space: Space): void {
  const targetsByLabel = new Map<string, number[]>()
  for (const t of space.targetVec.keys()) {
    const l = normalizeLabel(target[t]!.label)
    if (l === '') continue
    targetsByLabel.set(l, [...(targetsByLabel.get(l) ?? []), t])
  }
  for (const b of space.baseVec.keys()) {
    const l = normalizeLabel(base[b]!.label)
    if (l === '' || state.baseGroup[b] !== -1) continue
    for (const t of targetsByLabel.get(l) ?? []) {
      if (state.targetGroup[t] !== -1) continue
      const score = cosine(space.baseVec.get(b)!, space.targetVec.get(t)!)
      if (score < LABEL_SIMILARITY) continue
      if ((space.topOfBase.get(b)?.[0] ?? 0) > score + LABEL_MARGIN || (space.topOfTarget.get(t)?.[0] ?? 0) > score + LABEL_MARGIN) continue
      // The shared label is a second, independent piece of evidence: it lifts the confidence a little.
      state.add({ base: [b], target: [t], by: 'similarity', how: 'label', confidence: Math.min(1, confidenceOf(space, b, t, score) + LABEL_MARGIN), score, locked: false })
      break
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

  // Best candidate per clause, or null when two tie: a tie is for the order-aware stage to break.
  const bestOfBase = new Map<number, { c: Candidate | null; score: number }>()
  const bestOfTarget = new Map<number, { c: Candidate | null; score: number }>()
  const offer = (m: Map<number, { c: Candidate | null; score: number }>, k: number, c: Candidate): void => {
    const best = m.get(k)
    if (best === undefined || c.score > best.score + TIE) m.set(k, { c, score: c.score })
    else if (c.score >= best.score - TIE) best.c = null
  }
  for (const c of open) {
    offer(bestOfBase, c.b, c)
    offer(bestOfTarget, c.t, c)
  }
  for (const { c } of bestOfBase.values()) if (c !== null && bestOfTarget.get(c.t)?.c === c) add(c)

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
 * nearest paired neighbours before and after it: where it would sit if nothing moved.
 */
function orderWindows(state: State): (b: number) => [number, number] {
  const before = new Int32Array(state.nb).fill(-1)
  const after = new Int32Array(state.nb).fill(state.nt)
  let last = -1
  for (let b = 0; b < state.nb; b++) {
    before[b] = last
    const g = state.groupOfBase(b)
    if (g && g.target.length > 0) last = g.target[g.target.length - 1]!
  }
  last = state.nt
  for (let b = state.nb - 1; b >= 0; b--) {
    after[b] = last
    const g = state.groupOfBase(b)
    if (g && g.target.length > 0) last = g.target[0]!
  }
  return (b) => [before[b]!, after[b]!]
}

/*
 * One-to-many containment, last because it is the costliest and least certain. A split base
 * clause matches none of its pieces well (each piece is a third of it), so the passes above
 * leave it free or weakly paired with its largest piece. Its pieces, though, each lie almost
 * wholly inside it. So: for each base clause, the target clauses among its candidates that lie
 * mostly inside it, in runs of two or more consecutive target clauses; if the run joined is
 * similar to the clause, and more similar than the clause's current pair (and each piece's),
 * the run is a split. The mirror, a target clause containing a run of base clauses, is a merge.
 * Proposals are applied best first; clauses paired with certainty are never taken.
 */
function pairSplitsAndMerges(state: State, space: Space): void {
  interface Proposal {
    one: number
    many: number[]
    split: boolean
    score: number
  }
  const proposals: Proposal[] = []
  const byBase = new Map<number, number[]>()
  const byTarget = new Map<number, number[]>()
  for (const c of space.candidates) {
    byBase.set(c.b, [...(byBase.get(c.b) ?? []), c.t])
    byTarget.set(c.t, [...(byTarget.get(c.t) ?? []), c.b])
  }
  const scoreOf = (g: Group | null): number => (g === null ? 0 : g.locked ? Infinity : g.score)

  const propose = (split: boolean): void => {
    const wholes = split ? byBase : byTarget
    const wholeCounts = split ? space.baseCounts : space.targetCounts
    const partCounts = split ? space.targetCounts : space.baseCounts
    const wholeVec = split ? space.baseVec : space.targetVec
    const groupOfWhole = (i: number): Group | null => (split ? state.groupOfBase(i) : state.groupOfTarget(i))
    const groupOfPart = (j: number): Group | null => (split ? state.groupOfTarget(j) : state.groupOfBase(j))
    for (const [one, parts] of wholes) {
      const current = scoreOf(groupOfWhole(one))
      if (current === Infinity) continue
      const inside = parts.filter((j) => space.terms.containment(partCounts.get(j)!, wholeCounts.get(one)!) >= PIECE_CONTAINMENT).sort((a, b) => a - b)
      for (let s = 0; s < inside.length; ) {
        let e = s
        while (e + 1 < inside.length && inside[e + 1] === inside[e]! + 1) e++
        if (e > s) {
          const run = inside.slice(s, e + 1)
          const score = cosine(wholeVec.get(one)!, space.terms.vector(sumCounts(run.map((j) => partCounts.get(j)!))))
          const beats = run.every((j) => {
            const g = groupOfPart(j)
            return g === null || g === groupOfWhole(one) || scoreOf(g) < score
          })
          if (score >= JOINED_SIMILARITY && score > current && beats) proposals.push({ one, many: run, split, score })
        }
        s = e + 1
      }
    }
  }
  propose(true)
  propose(false)
  proposals.sort((x, y) => y.score - x.score)

  const taken = new Set<string>()
  for (const p of proposals) {
    const ones = `${p.split ? 'b' : 't'}${p.one}`
    const manys = p.many.map((j) => `${p.split ? 't' : 'b'}${j}`)
    if (taken.has(ones) || manys.some((k) => taken.has(k))) continue
    const groupIds = new Set<number>()
    const gid = p.split ? state.baseGroup[p.one]! : state.targetGroup[p.one]!
    if (gid !== -1) groupIds.add(gid)
    for (const j of p.many) {
      const g = p.split ? state.targetGroup[j]! : state.baseGroup[j]!
      if (g !== -1) groupIds.add(g)
    }
    if ([...groupIds].some((g) => state.groups[g]!.locked)) continue
    for (const g of groupIds) state.dissolve(g)
    taken.add(ones)
    for (const k of manys) taken.add(k)
    state.add(p.split
      ? { base: [p.one], target: p.many, by: 'similarity', how: 'split', confidence: p.score, score: p.score, locked: false }
      : { base: p.many, target: [p.one], by: 'similarity', how: 'merge', confidence: p.score, score: p.score, locked: false })
  }
}

/** The final rows, in reading order: target order, removed clauses where they stood in the base. */
function rows(state: State, base: readonly PairInput[], target: readonly PairInput[], threshold: number): Pairing[] {
  for (let b = 0; b < state.nb; b++) if (state.baseGroup[b] === -1) state.add({ base: [b], target: [], by: null, how: null, confidence: 0, score: 0, locked: true })
  for (let t = 0; t < state.nt; t++) if (state.targetGroup[t] === -1) state.add({ base: [], target: [t], by: null, how: null, confidence: 0, score: 0, locked: true })

  // Kept in place: the longest run of paired rows whose base order is their target order
  // (as alignClauses does for ids); every other paired row moved.
  const paired = state.groups
    .map((g, id) => ({ g, id }))
    .filter((x): x is { g: Group; id: number } => x.g !== null && x.g.base.length > 0 && x.g.target.length > 0)
    .sort((x, y) => x.g.target[0]! - y.g.target[0]!)
  const stable = new Set(longestIncreasing(paired.map((x) => x.g.base[0]!)).map((k) => paired[k]!.id))

  // A removed clause follows the nearest earlier base clause that stayed in place.
  const removedAfter = new Map<number, number[]>() // group id (or -1 for "first") → removed group ids
  let anchor = -1
  for (let b = 0; b < state.nb; b++) {
    const id = state.baseGroup[b]!
    const g = state.groups[id]!
    if (stable.has(id)) anchor = id
    else if (g.target.length === 0) {
      const list = removedAfter.get(anchor)
      if (list) list.push(id)
      else removedAfter.set(anchor, [id])
    }
  }

  const out: Pairing[] = []
  const emit = (id: number): void => {
    const g = state.groups[id]!
    out.push(toPairing(g, base, target, threshold, g.base.length > 0 && g.target.length > 0 && !stable.has(id)))
  }
  const emitRemoved = (after: number): void => {
    for (const id of removedAfter.get(after) ?? []) emit(id)
  }
  emitRemoved(-1)
  for (let t = 0; t < state.nt; t++) {
    const id = state.targetGroup[t]!
    if (state.groups[id]!.target[0] !== t) continue // a split row is emitted at its first piece
    emit(id)
    if (stable.has(id)) emitRemoved(id)
  }
  return out
}

function toPairing(g: Group, base: readonly PairInput[], target: readonly PairInput[], threshold: number, moved: boolean): Pairing {
  const kind: PairKind = g.target.length === 0 ? 'removed' : g.base.length === 0 ? 'added' : g.target.length > 1 ? 'split' : g.base.length > 1 ? 'merged' : 'one-to-one'
  const bl = g.base.map((b) => normalizeLabel(base[b]!.label))
  const tl = g.target.map((t) => normalizeLabel(target[t]!.label))
  const renumbered = bl.length > 0 && tl.length > 0 && [...bl, ...tl].every((l) => l !== '') && bl.join('\n') !== tl.join('\n')
  const confidence = Math.round(g.confidence * 1000) / 1000
  const paired = kind !== 'added' && kind !== 'removed'
  return { base: g.base, target: g.target, kind, by: g.by, how: g.how, confidence, review: paired && confidence < threshold, renumbered, moved }
}
