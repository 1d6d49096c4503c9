// Exposes `window.api` (the contract's ClausewiseBridge): one wrapper per contract method, each
// forwarding a single argument to its own channel, except the methods only this file may call;
// plus `importDropped`, which turns dropped Files into paths here, and `onEvent`. Nothing else of
// ipcRenderer or Node reaches the page.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import {
  API_EVENT_CHANNEL,
  API_METHODS,
  IPC_CHANNEL_PREFIX,
  PRELOAD_WRAPPED_METHODS,
  type ApiEvent,
  type ApiMethod,
  type ApiResult,
  type ClausewiseBridge,
  type DocumentRole,
  type DroppedFile,
  type ImportReport
} from '../api/contract'

const WRAPPED: readonly ApiMethod[] = PRELOAD_WRAPPED_METHODS

function invoke<T>(method: ApiMethod, args?: unknown): Promise<ApiResult<T>> {
  return ipcRenderer.invoke(IPC_CHANNEL_PREFIX + method, args) as Promise<ApiResult<T>>
}

const methods = Object.fromEntries(
  API_METHODS.filter((method) => !WRAPPED.includes(method)).map((method) => [method, (args?: unknown) => invoke(method, args)])
) as unknown as Omit<ClausewiseBridge, 'importDropped' | 'onEvent'>

function refused(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'invalid-argument', message } }
}

/** The name the page gave a file, short enough for a message. */
function nameOf(file: unknown): string {
  const name = (file as Partial<DroppedFile> | null)?.name
  if (typeof name !== 'string' || !name) return 'a dropped item'
  return name.length > 80 ? `${name.slice(0, 79)}…` : name
}

/**
 * The path of each File comes from Electron, never from the page: a File the page built itself
 * (or anything that is no File) has none, and the whole drop is refused before main is asked.
 */
async function importDropped(files: readonly DroppedFile[], as: DocumentRole): Promise<ApiResult<ImportReport>> {
  if (!Array.isArray(files)) return refused('importDropped: files must be a list of dropped files')
  const paths: string[] = []
  for (const file of files as unknown[]) {
    let path = ''
    try {
      path = webUtils.getPathForFile(file as File)
    } catch {
      // Electron throws for anything that is not a File.
    }
    if (!path) return refused(`${nameOf(file)}: is not a file on this computer; drop files from a folder, or use Import`)
    paths.push(path)
  }
  return invoke<ImportReport>('importPaths', { as, paths })
}

/** The listener gets the event's payload only: the IpcRendererEvent (and its `sender`) stays here. */
function onEvent(listener: (event: ApiEvent) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onEvent needs a function')
  const forward = (_event: IpcRendererEvent, payload: ApiEvent): void => listener(payload)
  ipcRenderer.on(API_EVENT_CHANNEL, forward)
  return () => void ipcRenderer.removeListener(API_EVENT_CHANNEL, forward)
}

const bridge: ClausewiseBridge = Object.freeze({ ...methods, importDropped, onEvent })

contextBridge.exposeInMainWorld('api', bridge)
