// Registers every API method on ipcMain. Each call is answered only for our own top-level
// frame, and its payload goes through the contract's schema inside `dispatch`. Events go the
// other way on one channel, typed by the contract.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { API_EVENT_CHANNEL, API_METHODS, IPC_CHANNEL_PREFIX, type ApiEvent, type ApiResult } from '../api/contract'
import type { Dispatch } from '../api/handlers'

export type SenderCheck = (senderUrl: string) => boolean

/** Every method of the contract, `importPaths` too: the preload wraps it, but it is called on its own channel. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, isTrustedUrl: SenderCheck): void {
  for (const method of API_METHODS) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + method, (event, payload: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event, isTrustedUrl)) {
        return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'request from an untrusted frame' } })
      }
      return dispatch(method, payload)
    })
  }
}

/** Pushes one event to the page; a window already closed is skipped. */
export function sendEvent(webContents: Pick<WebContents, 'send' | 'isDestroyed'>, event: ApiEvent): void {
  if (!webContents.isDestroyed()) webContents.send(API_EVENT_CHANNEL, event)
}

/**
 * Only the window's main frame, showing our own app, may call the API: not iframes (even at our URL), not other
 * origins, not a frame already destroyed or navigated away (Electron then gives no senderFrame).
 */
function isTrustedSender(event: IpcMainInvokeEvent, isTrustedUrl: SenderCheck): boolean {
  const frame = event.senderFrame
  if (!frame || frame !== event.sender.mainFrame) return false
  return isTrustedUrl(frame.url)
}
