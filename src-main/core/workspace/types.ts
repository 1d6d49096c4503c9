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

/** What an imported document is to the matter: a draft to compare, or evidence to cite. */
export type DocumentRole = 'version' | 'source'

/**
 * A file imported into a matter. The file itself and what the reader made of it are stored once
 * under `documents/<sha256>/` and never rewritten; this entry holds what the reviewer may change
 * (title, date, author, publisher), so correcting them never touches the stored document.
 */
export interface MatterDocument {
  /** The version's or source's id in the matter ("draft-2", "board-memo"). */
  id: string
  role: DocumentRole
  /** Hex SHA-256 of the original file: its folder in the document store. */
  sha256: string
  /** The original file's name, without its folder. */
  file: string
  format: 'docx' | 'pdf' | 'text' | 'markdown' | 'html'
  /** ISO time of the import. */
  imported: string
  title: string
  /** ISO date with the precision known (YYYY, YYYY-MM or YYYY-MM-DD), or '' when unknown. */
  date: string
  author: string | null
  publisher: string | null
}

/**
 * A reviewer's correction of how an imported draft was split into clauses, applied in order on
 * top of the stored segmentation: merge a clause with the next, split one at an offset in its
 * text, or give one another heading. Undoable like every change.
 */
export type SegmentationChange = { documentId: string; clauseId: string } & ({ op: 'merge' } | { op: 'split'; at: number } | { op: 'heading'; heading: string })

/** A saved {@link SegmentationChange}: its id lets undo find it. */
export type SegmentationEdit = { id: string } & SegmentationChange

/** A reviewer's "these sources do not really disagree" on a flagged clause (evidence/disagree.ts), by the flag's key. */
export interface DismissedFlag {
  id: string
  /** "versionId/clauseId/kind". */
  key: string
  created: string
  reviewer: string
}

/** Present when the review file is a matter's: its own documents instead of the bundled case. */
export interface MatterInfo {
  title: string
}

export const WORKSPACE_FORMAT = 'clausewise-workspace'
/**
 * 1: settings and citations (the evidence release).
 * 2: adds the workspace's own `id` and `created` time, which name it in exported annotations.
 * 3: adds `pairings`, the reviewer's pairing overrides.
 * 4: adds `matter`, `documents` and `segmentation`: a matter's imported files and the reviewer's
 *    corrections of their clauses (a file with `matter: null` reviews the bundled case), and
 *    `dismissed`, the disagreement flags a reviewer set aside.
 */
export const WORKSPACE_SCHEMA_VERSION = 4

export interface WorkspaceData {
  format: typeof WORKSPACE_FORMAT
  schemaVersion: typeof WORKSPACE_SCHEMA_VERSION
  id: string
  created: string
  settings: WorkspaceSettings
  citations: Citation[]
  pairings: PairingOverride[]
  matter: MatterInfo | null
  documents: MatterDocument[]
  segmentation: SegmentationEdit[]
  dismissed: DismissedFlag[]
}

export function emptyWorkspace(now: Date = new Date()): WorkspaceData {
  return {
    format: WORKSPACE_FORMAT,
    schemaVersion: WORKSPACE_SCHEMA_VERSION,
    id: randomUUID(),
    created: now.toISOString(),
    settings: { reviewerName: '' },
    citations: [],
    pairings: [],
    matter: null,
    documents: [],
    segmentation: [],
    dismissed: []
  }
}
