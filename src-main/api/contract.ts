// The one contract between renderer and main: promise-returning methods that answer with a
// typed result, never a thrown error. The renderer imports this file for types only.
import type { PairingMode } from '../core/compare/service'
import type { CompareOptions, Comparison } from '../core/compare/types'
import type { Problem } from '../core/errors'
import type { EvidenceReport, ResolvedCitation } from '../core/evidence/service'
import type { Suggestion } from '../core/evidence/suggest'
import type { HistoryState } from '../core/workspace/history'
import type { DocumentRole, MatterDocument, SegmentationChange, Stance, WorkspaceSettings } from '../core/workspace/types'
import type { DocumentReview, ImportProgress, ImportStage } from '../core/matter/service'
import type { EditedClause } from '../core/matter/segmentation'
import type { Disagreement } from '../core/evidence/disagree'
import type { ClauseHistory } from '../core/compare/clause-history'
import type { LibraryIndex } from '../core/library'
import type { Version } from '../core/models/types'
import type { Source } from '../core/sources/types'

export type { Problem, LibraryIndex, Source, Version, Comparison, CompareOptions }
export type { EvidenceReport, ResolvedCitation, Suggestion, Stance, WorkspaceSettings, HistoryState }
export type { ClauseEvidence } from '../core/evidence/service'
export type { ClauseComparison, ClauseStatus, ComparisonSummary, Granularity, PairBy, PairHow, PairMatch, Part, PartOp, RowClause } from '../core/compare/types'
export type { PairingMode } from '../core/compare/service'
export type { DocumentRole, MatterDocument, DocumentReview, EditedClause, ImportProgress, ImportStage }
export type { Disagreement, PassageRef, ValueKind } from '../core/evidence/disagree'
export type { ClauseHistory, ClauseStage, StageState } from '../core/compare/clause-history'
export type { Basis } from '../core/models/types'
export type { ExportFormat } from '../core/export/types'
import type { ExportFormat } from '../core/export/types'
export type { Clause, VersionKind, VersionSummary } from '../core/models/types'
export type { MentionedDate, Paragraph, ParagraphKind, SourceSummary, Span } from '../core/sources/types'

export type ApiErrorCode = 'invalid-argument' | 'not-found' | 'invalid-file' | 'unreadable' | 'forbidden' | 'internal'

export interface ApiError {
  code: ApiErrorCode
  /** One sentence a reviewer can read; never a stack trace. */
  message: string
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export interface IdArgs {
  id: string
}

export interface CompareArgs {
  baseId: string
  targetId: string
  /** Missing fields take the defaults: word granularity, nothing ignored. */
  options?: Partial<CompareOptions>
}

export interface EvidenceArgs {
  /** Only the citations of this version; all when missing. */
  versionId?: string
}

/** A new citation: the passage is a selection in the source's text (offsets into `text`). */
export interface CiteArgs {
  versionId: string
  clauseId: string
  sourceId: string
  stance: Stance
  start: number
  end: number
  note?: string
}

export interface UpdateCitationArgs {
  id: string
  stance?: Stance
  note?: string
  clauseId?: string
}

export interface SuggestArgs {
  versionId: string
  clauseId: string
  limit?: number
}

/**
 * A reviewer's pairing decision on a compared row, by clause id. `pair`: these base clauses are
 * these target clauses (one with one or more). `unpair`: each named clause stands alone.
 * `auto`: forget the decisions naming these clauses. Saved in the workspace, undoable.
 */
export interface SetPairingArgs {
  baseId: string
  targetId: string
  base: string[]
  target: string[]
  mode: PairingMode
}

export interface VersionPairArgs {
  baseId: string
  targetId: string
}

/** What to export: the comparison of two versions, as the annotated PDF (the default), side by side, or a Word redline. */
export interface ExportArgs {
  baseId: string
  targetId: string
  format?: ExportFormat
  includeUnchanged?: boolean
  options?: Partial<CompareOptions>
}

/** The open matter; null while the bundled case is open. */
export interface MatterView {
  title: string
  /** The matter folder's name (not its path). */
  folder: string
  /** In import order. */
  documents: MatterDocument[]
}

export interface NewMatterArgs {
  title: string
}

/** Main opened a folder dialog; false when the reviewer cancelled it. */
export type SwitchOutcome = { opened: true; title: string } | { opened: false }

export interface ImportArgs {
  as: DocumentRole
}

/** Files passed from the preload after a drop: it resolves each dropped File to its path itself. */
export interface ImportPathsArgs {
  as: DocumentRole
  paths: string[]
}

/** One file per entry, in the order given: each imported or refused, independently. */
export interface ImportReport {
  imported: Array<{ document: MatterDocument; parts: number; warnings: string[] }>
  failed: Array<{ file: string; message: string }>
}

export interface UpdateDocumentArgs {
  id: string
  title?: string
  /** YYYY, YYYY-MM, YYYY-MM-DD, or '' for no date. */
  date?: string
  author?: string | null
  publisher?: string | null
}

/** A correction of a draft's clauses: merge with the next, split at an offset in the text, or a new heading. */
export type EditSegmentationArgs = SegmentationChange

/**
 * The outcome of an export: the reviewer may cancel the save dialog. Where the file went is for
 * the message only ("Saved X.pdf in Documents"); "Show in folder" is `revealExport`, which takes
 * no path.
 */
export type ExportOutcome =
  | {
      saved: true
      format: ExportFormat
      fileName: string
      /** The name of the folder the file was saved in, e.g. "Documents". */
      folder: string
      /** The file's full path, to show (a tooltip), never to send back. */
      path: string
      /** A PDF's pages; null for a Word document (Word pages it). */
      pages: number | null
      clauses: number
      citations: number
    }
  | { saved: false }

/** The file `revealExport` showed in the system's file manager. */
export interface RevealExportOutcome {
  fileName: string
  folder: string
}

export interface ClausewiseApi {
  /** Sources and versions as summaries, plus the problems met while loading them. */
  getLibrary(): Promise<ApiResult<LibraryIndex>>
  getSource(args: IdArgs): Promise<ApiResult<Source>>
  getVersion(args: IdArgs): Promise<ApiResult<Version>>
  /** The clause-by-clause redline of two different versions. */
  compare(args: CompareArgs): Promise<ApiResult<Comparison>>
  /** Citations re-anchored in the current sources, with per-clause counts and conflicts. */
  getEvidence(args: EvidenceArgs): Promise<ApiResult<EvidenceReport>>
  cite(args: CiteArgs): Promise<ApiResult<ResolvedCitation>>
  updateCitation(args: UpdateCitationArgs): Promise<ApiResult<ResolvedCitation>>
  deleteCitation(args: IdArgs): Promise<ApiResult<IdArgs>>
  suggest(args: SuggestArgs): Promise<ApiResult<Suggestion[]>>
  /** Saves a pairing override; compare applies it from then on. Answers how many overrides the two versions now have. */
  setPairing(args: SetPairingArgs): Promise<ApiResult<{ overrides: number }>>
  /** Removes the saved pairings of two versions that name a clause they no longer have (undoable). */
  forgetStalePairings(args: VersionPairArgs): Promise<ApiResult<{ removed: number }>>
  getSettings(): Promise<ApiResult<WorkspaceSettings>>
  updateSettings(args: WorkspaceSettings): Promise<ApiResult<WorkspaceSettings>>
  /** Reverts the last change to citations, notes or settings (saved at once). */
  undo(): Promise<ApiResult<HistoryState>>
  redo(): Promise<ApiResult<HistoryState>>
  getHistory(): Promise<ApiResult<HistoryState>>
  /** Asks main for a file name in a save dialog and writes the annotated PDF there. */
  exportComparison(args: ExportArgs): Promise<ApiResult<ExportOutcome>>
  /**
   * "Show in folder": shows the file the last export of this session wrote in the system's file
   * manager. It takes no path, so the page can reveal nothing but what main itself wrote;
   * `not-found` when nothing was exported yet or the file is no longer there.
   */
  revealExport(): Promise<ApiResult<RevealExportOutcome>>
  /** The open workspace: its file name, whether it is read-only, and notices from opening it. */
  getWorkspaceStatus(): Promise<ApiResult<WorkspaceStatus>>
  /** The open matter and its documents; null while the bundled case is open. */
  getMatter(): Promise<ApiResult<MatterView | null>>
  /** Asks main for a new folder (native dialog), makes it a matter titled `title` and opens it. */
  newMatter(args: NewMatterArgs): Promise<ApiResult<SwitchOutcome>>
  /** Asks main for a matter folder (native dialog) and opens it. */
  openMatter(): Promise<ApiResult<SwitchOutcome>>
  /** Goes back to the bundled Microsoft–OpenAI case and its own workspace. */
  openBundledCase(): Promise<ApiResult<SwitchOutcome>>
  /** Asks main for files (native dialog) and imports each into the open matter; progress arrives as events. */
  importDocuments(args: ImportArgs): Promise<ApiResult<ImportReport>>
  /** Imports files the preload resolved from a drop; not on `window.api` (see ClausewiseBridge.importDropped). */
  importPaths(args: ImportPathsArgs): Promise<ApiResult<ImportReport>>
  /** Corrects a document's title, date, author or publisher (undoable). */
  updateDocument(args: UpdateDocumentArgs): Promise<ApiResult<MatterDocument>>
  /** Takes a document out of the matter (undoable: its stored file stays). */
  removeDocument(args: IdArgs): Promise<ApiResult<MatterDocument>>
  /** A draft's clauses as imported, with the reviewer's corrections applied. */
  getDocumentReview(args: IdArgs): Promise<ApiResult<DocumentReview>>
  /** Saves one correction of a draft's clauses (undoable) and answers the clauses after it. */
  editSegmentation(args: EditSegmentationArgs): Promise<ApiResult<DocumentReview>>
  /** Forgets every correction of a draft's clauses (undoable). */
  resetSegmentation(args: IdArgs): Promise<ApiResult<DocumentReview>>
  /** Where the sources disagree about a term, found before any citation; each says whether a reviewer dismissed it. */
  getDisagreements(args: EvidenceArgs): Promise<ApiResult<FlaggedDisagreement[]>>
  /** Sets a disagreement flag aside, or shows it again (saved, undoable). */
  dismissDisagreement(args: DisagreementArgs): Promise<ApiResult<FlaggedDisagreement[]>>
  restoreDisagreement(args: DisagreementArgs): Promise<ApiResult<FlaggedDisagreement[]>>
  /** One term across every version, oldest first: its text or that it carries over, the redline from the stage before, the evidence. */
  getClauseHistory(args: ClauseHistoryArgs): Promise<ApiResult<ClauseHistory>>
}

export interface FlaggedDisagreement extends Disagreement {
  dismissed: boolean
}

export interface DisagreementArgs {
  /** "versionId/clauseId/kind". */
  key: string
}

export interface ClauseHistoryArgs {
  clauseId: string
}

/** File-menu commands the renderer carries out with its own forms and the same API calls as its buttons. */
export type MenuCommand = 'new-matter' | 'open-matter' | 'open-bundled-case' | 'import-version' | 'import-source'

/** What main pushes to the renderer without being asked: one narrow, typed channel. */
export type ApiEvent = { type: 'import-progress'; progress: ImportProgress } | { type: 'menu'; command: MenuCommand }

export const API_EVENT_CHANNEL = 'clausewise-event'

/** A dropped file as the page holds it (a DOM File); the preload asks Electron for its path. */
export interface DroppedFile {
  readonly name: string
}

/** `window.api`: the contract's methods (but `importPaths`) plus what only the preload can do. */
export interface ClausewiseBridge extends Omit<ClausewiseApi, 'importPaths'> {
  /** Imports dropped files: the preload resolves each to its path (a File the page made has none, and is refused). */
  importDropped(files: readonly DroppedFile[], as: DocumentRole): Promise<ApiResult<ImportReport>>
  /** Calls `listener` with every event from main; returns the function that stops it. */
  onEvent(listener: (event: ApiEvent) => void): () => void
}

export interface WorkspaceStatus {
  name: string
  readOnly: boolean
  /** Messages from opening the file: recovery from a backup, migration, read-only mode. */
  notices: string[]
  citations: number
}

export type ApiMethod = keyof ClausewiseApi

/** Every method, in one list: the preload exposes exactly these and main registers exactly these. */
export const API_METHODS = [
  'getLibrary',
  'getSource',
  'getVersion',
  'compare',
  'getEvidence',
  'cite',
  'updateCitation',
  'deleteCitation',
  'suggest',
  'setPairing',
  'forgetStalePairings',
  'getSettings',
  'updateSettings',
  'undo',
  'redo',
  'getHistory',
  'getWorkspaceStatus',
  'exportComparison',
  'revealExport',
  'getMatter',
  'newMatter',
  'openMatter',
  'openBundledCase',
  'importDocuments',
  'importPaths',
  'updateDocument',
  'removeDocument',
  'getDocumentReview',
  'editSegmentation',
  'resetSegmentation',
  'getDisagreements',
  'dismissDisagreement',
  'restoreDisagreement',
  'getClauseHistory'
] as const satisfies readonly ApiMethod[]

/** Registered in main but not exposed as-is: the preload wraps them (paths come only from dropped Files). */
export const PRELOAD_WRAPPED_METHODS = ['importPaths'] as const satisfies readonly ApiMethod[]

export const IPC_CHANNEL_PREFIX = 'clausewise:'

export type ArgsOf<M extends ApiMethod> = Parameters<ClausewiseApi[M]> extends [infer A] ? A : undefined
export type ValueOf<M extends ApiMethod> = Awaited<ReturnType<ClausewiseApi[M]>> extends ApiResult<infer T> ? T : never
