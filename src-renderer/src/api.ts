// The only module that touches window.api: unwraps typed results into values or ApiCallErrors,
// so stores and views deal in data and one error type.
import type {
  ApiErrorCode,
  ApiEvent,
  ApiResult,
  CiteArgs,
  ClausewiseBridge,
  CompareArgs,
  DocumentRole,
  DroppedFile,
  EditSegmentationArgs,
  ExportArgs,
  SetPairingArgs,
  SuggestArgs,
  UpdateCitationArgs,
  UpdateDocumentArgs,
  WorkspaceSettings
} from '../../src-main/api/contract'

export class ApiCallError extends Error {
  readonly code: ApiErrorCode | 'unavailable'
  constructor(code: ApiErrorCode | 'unavailable', message: string) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
  }
}

function bridge(): ClausewiseBridge {
  if (!window.api) {
    throw new ApiCallError('unavailable', 'Clausewise’s document service is not available. Open this window from the Clausewise app.')
  }
  return window.api
}

async function unwrap<T>(pending: Promise<ApiResult<T>>): Promise<T> {
  const result = await pending
  if (result.ok) return result.value
  throw new ApiCallError(result.error.code, result.error.message)
}

export const api = {
  getLibrary: () => unwrap(bridge().getLibrary()),
  getSource: (id: string) => unwrap(bridge().getSource({ id })),
  getVersion: (id: string) => unwrap(bridge().getVersion({ id })),
  compare: (args: CompareArgs) => unwrap(bridge().compare(args)),
  getEvidence: (versionId?: string) => unwrap(bridge().getEvidence(versionId ? { versionId } : {})),
  cite: (args: CiteArgs) => unwrap(bridge().cite(args)),
  updateCitation: (args: UpdateCitationArgs) => unwrap(bridge().updateCitation(args)),
  deleteCitation: (id: string) => unwrap(bridge().deleteCitation({ id })),
  suggest: (args: SuggestArgs) => unwrap(bridge().suggest(args)),
  setPairing: (args: SetPairingArgs) => unwrap(bridge().setPairing(args)),
  forgetStalePairings: (baseId: string, targetId: string) => unwrap(bridge().forgetStalePairings({ baseId, targetId })),
  getSettings: () => unwrap(bridge().getSettings()),
  updateSettings: (settings: WorkspaceSettings) => unwrap(bridge().updateSettings(settings)),
  undo: () => unwrap(bridge().undo()),
  redo: () => unwrap(bridge().redo()),
  getHistory: () => unwrap(bridge().getHistory()),
  getWorkspaceStatus: () => unwrap(bridge().getWorkspaceStatus()),
  exportComparison: (args: ExportArgs) => unwrap(bridge().exportComparison(args)),
  revealExport: () => unwrap(bridge().revealExport()),
  getMatter: () => unwrap(bridge().getMatter()),
  newMatter: (title: string) => unwrap(bridge().newMatter({ title })),
  openMatter: () => unwrap(bridge().openMatter()),
  openBundledCase: () => unwrap(bridge().openBundledCase()),
  importDocuments: (as: DocumentRole) => unwrap(bridge().importDocuments({ as })),
  /** Dropped files go to the preload as the page holds them: it finds their paths, the page never names one. */
  importDropped: (files: readonly DroppedFile[], as: DocumentRole) => unwrap(bridge().importDropped(files, as)),
  updateDocument: (args: UpdateDocumentArgs) => unwrap(bridge().updateDocument(args)),
  removeDocument: (id: string) => unwrap(bridge().removeDocument({ id })),
  getDocumentReview: (id: string) => unwrap(bridge().getDocumentReview({ id })),
  editSegmentation: (args: EditSegmentationArgs) => unwrap(bridge().editSegmentation(args)),
  resetSegmentation: (id: string) => unwrap(bridge().resetSegmentation({ id })),
  getDisagreements: (versionId?: string) => unwrap(bridge().getDisagreements(versionId ? { versionId } : {})),
  dismissDisagreement: (key: string) => unwrap(bridge().dismissDisagreement({ key })),
  restoreDisagreement: (key: string) => unwrap(bridge().restoreDisagreement({ key })),
  getClauseHistory: (clauseId: string) => unwrap(bridge().getClauseHistory({ clauseId }))
}

/** Calls `listener` with every event main pushes (import progress, File-menu commands); returns the unsubscribe. */
export function onApiEvent(listener: (event: ApiEvent) => void): () => void {
  return window.api ? window.api.onEvent(listener) : () => undefined
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
