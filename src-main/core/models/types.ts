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
}
