// The reviewer's work product as stored: citations tying clauses to source passages.
import { randomUUID } from 'node:crypto'
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

/**
 * A reviewer's correction of how the clauses of two versions pair ("Pair with…", "Unpair"):
 * applied by the app and by `compare --workspace`, in either direction of the two versions.
 */
export interface PairingOverride {
  id: string
  created: string
  reviewer: string
  baseVersionId: string
  targetVersionId: string
  /** Clause ids. One clause on a side and one or more on the other; one side empty keeps a clause unpaired. */
  base: string[]
  target: string[]
}

export interface WorkspaceSettings {
  reviewerName: string
}

export const WORKSPACE_FORMAT = 'clausewise-workspace'
/**
 * 1: settings and citations (the evidence release).
 * 2: adds the workspace's own `id` and `created` time, which name it in exported annotations.
 * 3: adds `pairings`, the reviewer's pairing overrides.
 */
export const WORKSPACE_SCHEMA_VERSION = 3

export interface WorkspaceData {
  format: typeof WORKSPACE_FORMAT
  schemaVersion: typeof WORKSPACE_SCHEMA_VERSION
  id: string
  created: string
  settings: WorkspaceSettings
  citations: Citation[]
  pairings: PairingOverride[]
}

export function emptyWorkspace(now: Date = new Date()): WorkspaceData {
  return {
    format: WORKSPACE_FORMAT,
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    id: randomUUID(),
    created: now.toISOString(),
    settings: { reviewerName: '' },
    citations: [],
    pairings: []
  }
}
