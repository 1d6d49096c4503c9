// The reviewer's work product as stored: citations tying clauses to source passages.
import type { TextPositionSelector, TextQuoteSelector } from '../evidence/anchor'

export const STANCES = ['supports', 'contradicts', 'context'] as const
export type Stance = (typeof STANCES)[number]

export interface Citation {
  id: string
  /** ISO timestamps. */
  created: string
  modified: string
  versionId: string
  clauseId: string
  sourceId: string
  stance: Stance
  note: string
  reviewer: string
  /** Where the passage was when it was cited (W3C Web Annotation selectors). */
  quote: TextQuoteSelector
  position: TextPositionSelector
}

export interface WorkspaceSettings {
  reviewerName: string
}

export const WORKSPACE_FORMAT = 'clausewise-workspace'
export const WORKSPACE_SCHEMA_VERSION = 1

export interface WorkspaceData {
  format: typeof WORKSPACE_FORMAT
  schemaVersion: typeof WORKSPACE_SCHEMA_VERSION
  settings: WorkspaceSettings
  citations: Citation[]
}

export function emptyWorkspace(): WorkspaceData {
  return { format: WORKSPACE_FORMAT, schemaVersion: WORKSPACE_SCHEMA_VERSION, settings: { reviewerName: '' }, citations: [] }
}
