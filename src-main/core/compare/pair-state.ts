// The pairing under construction (which clauses each row holds) and the similarity space the
// uncertain passes share, apart from pair.ts so that passes in modules of their own (gaps.ts)
// build on the same state.
import type { PairBy, PairHow, PairOptions } from './pair'
import type { Counts, TermSpace, Vector } from './similarity'

/** Scores closer than this are a tie. */
export const TIE = 1e-9

export interface Group {
  base: number[]
  target: number[]
  by: PairBy | null
  how: PairHow | null
  confidence: number
  /** The bare similarity behind the confidence, what a split or merge must beat; 1 when certain. */
  score: number
  /** Found with certainty (manual, id, identical text): later passes never undo it. */
  locked: boolean
  /** One of several copies of a text paired in order: it says little about where other clauses belong. */
  copy?: true
}

export interface Candidate {
  b: number
  t: number
  score: number
}

/** The pairing under construction: which group each clause belongs to. */
export class State {
  readonly groups: Array<Group | null> = []
  readonly baseGroup: Int32Array
  readonly targetGroup: Int32Array

  constructor(
    readonly nb: number,
    readonly nt: number,
    private readonly ids?: PairOptions['ids']
  ) {
    this.baseGroup = new Int32Array(nb).fill(-1)
    this.targetGroup = new Int32Array(nt).fill(-1)
  }

  /**
   * Both clauses carry an id the model gave them, and so (having not been paired by it) different
   * ones: the model's author says they are two clauses. Wording may still overrule that; position
   * alone never does.
   */
  distinctIds(b: number, t: number): boolean {
    return this.ids !== undefined && this.ids.base[b] !== undefined && this.ids.target[t] !== undefined
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

/**
 * What the uncertain passes share: term counts and vectors of the clauses that were free when
 * it was built (indexed by clause, undefined for the others), candidates between them.
 */
export interface Space {
  terms: TermSpace
  baseCounts: Array<Counts | undefined>
  targetCounts: Array<Counts | undefined>
  baseVec: Array<Vector | undefined>
  targetVec: Array<Vector | undefined>
  /** The clauses that have vectors, ascending. */
  bases: number[]
  targets: number[]
  /** Candidate pairs, each once, score = cosine ≥ the similarity floor. */
  candidates: Candidate[]
  /** Best two candidate scores per base and per target clause (at 2i and 2i+1), for confidenceOf in pair.ts. */
  topOfBase: Float64Array
  topOfTarget: Float64Array
}
