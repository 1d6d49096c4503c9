// The shapes of a comparison between two versions, shared by the core, the CLI and the renderer.

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

export type ClauseStatus = 'unchanged' | 'modified' | 'added' | 'removed' | 'moved'

export interface ClauseSide {
  heading: string
  text: string
  /** 0-based position of the clause in its version. */
  index: number
}

export interface ClauseComparison {
  clauseId: string
  /** The heading to show for the row: the target's, else the base's, else the clause id. */
  heading: string
  /** The version a citation of this clause belongs to (see evidence/rules.ts). */
  evidenceVersionId: string
  status: ClauseStatus
  /** True when the text or heading differs (a moved clause may carry edits too). */
  edited: boolean
  base: ClauseSide | null
  target: ClauseSide | null
  parts: Part[]
  headingParts: Part[]
  wordsInserted: number
  wordsDeleted: number
}

export interface ComparisonSummary {
  unchanged: number
  modified: number
  added: number
  removed: number
  moved: number
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
