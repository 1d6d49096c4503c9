// Exposes `window.api`: one wrapper per contract method, each forwarding a single argument to
// its own channel. Nothing else of ipcRenderer or Node reaches the page.
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS, IPC_CHANNEL_PREFIX, type ClausewiseApi } from '../api/contract'

const api = Object.freeze(
  Object.fromEntries(
    API_METHODS.map((method) => [method, (args?: unknown) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + method, args)])
  )
) as unknown as ClausewiseApi

contextBridge.exposeInMainWorld('api', api)
