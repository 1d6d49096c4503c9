// The shapes of a comparison between two versions, shared by the core, the CLI and the renderer.
import type { RemovedTerm } from '../models/types'
import type { PairBy, PairHow } from './pair'

export type { PairBy, PairHow }

export type Granularity = 'word' | 'char'

export interface CompareOptions {
  granularity: Granularity
  ignoreCase: boolean
  ignorePunctuation: boolean
  ignoreWhitespace: boolean
}

export const DEFAULT_COMPARE_OPTIONS: Readonly<CompareOptions> = {
  granularity: 'word',
  ignoreCase: false,
  ignorePunctuation: false,
  ignoreWhitespace: false
}

export type PartOp = 'equal' | 'insert' | 'delete'

/**
 * A run of a redline. Joining the `equal` and `delete` parts gives exactly the base text; the
 * `equal` and `insert` parts give exactly the target text. A difference the options say to
 * ignore (case, punctuation, whitespace) is still a delete and an insert, marked `ignored`, so
 * the invariant holds and nothing is silently rewritten.
 */
export interface Part {
  op: PartOp
  text: string
  ignored?: true
}

/**
 * What happened to a row's clause. `split`: one base clause became several target clauses;
 * `merged`: several became one. A split or merged row can also have moved (`moved` flag).
 */
/**
 * `carried-over`: the target does not restate the term; it continues as an earlier version states
 * it (unchanged, but not said again: the row names the version the text comes from).
 */
export type ClauseStatus = 'unchanged' | 'carried-over' | 'modified' | 'added' | 'removed' | 'moved' | 'split' | 'merged'

/** One side of a row as a single text: a split's or merge's clauses joined in order by a blank line. */
export interface ClauseSide {
  heading: string
  text: string
  /** 0-based position of the (first) clause in its version. */
  index: number
}

/** One clause of a row, as its version has it. */
export interface RowClause {
  /** The clause's identity (from the model, or derived from its text). */
  id: string
  /** The number as printed, null when the model gives none. */
  label: string | null
  heading: string
  text: string
  /** 0-based position of the clause in its version. */
  index: number
  /** The version whose text this is, when its version does not restate the term (see models/effective.ts); else null. */
  carriedFrom: string | null
}

export interface PairMatch {
  by: PairBy
  /** Which pass found the pair, finer than `by` (see compare/pair.ts). */
  how: PairHow
  /** 0..1: 1 for ids, identical text and a reviewer's link. */
  confidence: number
  /** The wording similarity the reason quotes (TF-IDF cosine, 0..1); below `confidence` when a label or position lifted it. */
  similarity: number
  /** Under the review threshold: the view marks the row "check pairing". */
  review: boolean
  /** Why the clauses were paired, in a reviewer's words: "similar wording 0.82". */
  reason: string
}

export interface ClauseComparison {
  /** Unique among the rows (a clause a reviewer unpaired from an identical one shares its id): `${evidenceVersionId}:${clauseId}`. */
  key: string
  /** The row's clause: its (first) target clause, or its (first) base clause when removed. */
  clauseId: string
  /** The row's name: the target's heading, else the base's, else the printed number, else "Clause N". */
  heading: string
  /** The version a citation of this clause belongs to (see evidence/rules.ts). */
  evidenceVersionId: string
  status: ClauseStatus
  /** True when the text or heading differs (a moved clause may carry edits too). */
  edited: boolean
  /** Out of the longest run of pairs that kept their order (a split or merge can move too). */
  moved: boolean
  /** The printed numbers differ on the two sides ("6.3 → 6.4"); only when both sides have them. */
  renumbered: boolean
  /** How the row's clauses were paired; null for an added or removed clause no reviewer unpaired. */
  match: PairMatch | null
  baseClauses: RowClause[]
  targetClauses: RowClause[]
  base: ClauseSide | null
  target: ClauseSide | null
  parts: Part[]
  headingParts: Part[]
  wordsInserted: number
  wordsDeleted: number
  /** For a removed row: the version whose sources say the term ended, and the passages; null when none says so. */
  ended: RemovedTerm | null
}

export interface ComparisonSummary {
  unchanged: number
  modified: number
  added: number
  removed: number
  moved: number
  split: number
  merged: number
  /** Terms the target does not restate: they continue as an earlier version states them. */
  carriedOver: number
  /** Rows whose printed numbers changed; they are also counted under their status. */
  renumbered: number
  /** Rows whose pairing is under the review threshold. */
  review: number
  wordsInserted: number
  wordsDeleted: number
}

export interface VersionRef {
  id: string
  title: string
  date: string
}

export interface Comparison {
  base: VersionRef
  target: VersionRef
  options: CompareOptions
  summary: ComparisonSummary
  clauses: ClauseComparison[]
  /** Saved pairing links that could not be applied, one sentence each. */
  notices: string[]
  /** How many of those name a clause the versions no longer have ("Forget these pairings" removes them). */
  stalePairings: number
}

/** Fills in defaults for the options a caller left out (or passed as undefined). */
export function resolveCompareOptions(partial: Partial<CompareOptions> = {}): CompareOptions {
  return {
    granularity: partial.granularity ?? DEFAULT_COMPARE_OPTIONS.granularity,
    ignoreCase: partial.ignoreCase ?? DEFAULT_COMPARE_OPTIONS.ignoreCase,
    ignorePunctuation: partial.ignorePunctuation ?? DEFAULT_COMPARE_OPTIONS.ignorePunctuation,
    ignoreWhitespace: partial.ignoreWhitespace ?? DEFAULT_COMPARE_OPTIONS.ignoreWhitespace
  }
}
