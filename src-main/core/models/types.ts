// The shapes of an agreement version, shared by the core, the CLI and (as types) the renderer.

export type VersionKind = 'agreement' | 'amendment' | 'statement'

export interface Clause {
  /**
   * The clause's identity: citations and pairing overrides name it. From the model when it gives
   * one (stable across versions, so ids pair clauses first); otherwise derived from the text
   * (see identity.ts), so that renumbering or moving the clause does not change it.
   */
  id: string
  /** True when the model gave no id and `id` was derived: such an id never pairs by itself. */
  idDerived?: true
  /** The number as printed ("3.1", "Section 4(a)"), when the model gives one. */
  label?: string
  /** '' when the clause has none. */
  heading: string
  text: string
  /** The passages that state this term (bundled models): what the app shows as "reported by". */
  basis?: Basis[]
  /**
   * Set when this version does not restate the term and it carries over from an earlier one: the
   * id of the version whose text this is. A statement or amendment changes only what it addresses.
   */
  carriedFrom?: string
}

/** A passage of a source that states a term: its quote, and where it stands in the source's text. */
export interface Basis {
  sourceId: string
  quote: string
  /** Offsets of the quote in the source's kept text, found when the library loads (null if it no longer anchors). */
  start: number | null
  end: number | null
}

/** A term a version's sources say was ended: it does not carry over past this version. */
export interface RemovedTerm {
  /** The clause id of the ended term. */
  id: string
  /** The version whose sources say so. */
  versionId: string
  basis: Basis[]
}

export interface VersionSummary {
  id: string
  title: string
  /** ISO date with the precision the sources give: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string
  kind: VersionKind
  summary: string
  file: string
  clauseCount: number
}

export interface Version extends VersionSummary {
  clauses: Clause[]
  /** True when the version restates only some terms: the others carry over from the version before. */
  partial?: true
  /** Terms ended by this version or an earlier one, so not in its clauses (bundled models only). */
  removed?: RemovedTerm[]
}
