// The shapes of an agreement version, shared by the core, the CLI and (as types) the renderer.

export type VersionKind = 'agreement' | 'amendment' | 'statement'

export interface Clause {
  /** Stable across versions: the redline aligns clauses by this id. */
  id: string
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
