// The only module that touches window.api: unwraps typed results into values or ApiCallErrors,
// so stores and views deal in data and one error type.
import type { ApiErrorCode, ApiResult, CiteArgs, ClausewiseApi, CompareArgs, ExportPdfArgs, SetPairingArgs, SuggestArgs, UpdateCitationArgs, WorkspaceSettings } from '../../src-main/api/contract'

export class ApiCallError extends Error {
  readonly code: ApiErrorCode | 'unavailable'
  constructor(code: ApiErrorCode | 'unavailable', message: string) {
    super(message)
    this.name = 'ApiCallError'
    this.code = code
  }
}

function bridge(): ClausewiseApi {
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
  exportPdf: (args: ExportPdfArgs) => unwrap(bridge().exportPdf(args))
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
