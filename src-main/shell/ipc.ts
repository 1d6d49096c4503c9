// Registers every API method on ipcMain. Each call is answered only for our own top-level
// frame, and its payload goes through the contract's schema inside `dispatch`.
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { API_METHODS, IPC_CHANNEL_PREFIX, type ApiResult } from '../api/contract'
import type { Dispatch } from '../api/handlers'

export type SenderCheck = (senderUrl: string) => boolean

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

/**
 * Only the window's main frame, showing our own app, may call the API: not iframes (even at our URL), not other
 * origins, not a frame already destroyed or navigated away (Electron then gives no senderFrame).
 */
function isTrustedSender(event: IpcMainInvokeEvent, isTrustedUrl: SenderCheck): boolean {
  const frame = event.senderFrame
  if (!frame || frame !== event.sender.mainFrame) return false
  return isTrustedUrl(frame.url)
}
