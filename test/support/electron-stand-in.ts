// A stand-in for the `electron` module, so the built main bundle (out/main/index.js) boots under
// plain Node in a unit test, and the built preload runs against it. It records what the app
// registers (protocol and IPC handlers, window options, loaded URLs, listeners, permission
// handlers, what the preload exposes, what main sends the page) and offers ways to call those; it
// decides nothing itself, so every answer a test sees comes from the app's own code.
import Module, { createRequire } from 'node:module'
import { basename, join } from 'node:path'

type Listener = (...args: unknown[]) => unknown

/** Just enough of Node's EventEmitter for the app's `on`/`once`, with `emit` for the test to play Electron. */
class Emitter {
  private readonly listeners = new Map<string, Listener[]>()

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }

  once(name: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== wrapped))
      return listener(...args)
    }
    return this.on(name, wrapped)
  }

  off(name: string, listener: Listener): this {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== listener))
    return this
  }

  emit(name: string, ...args: unknown[]): boolean {
    const listeners = this.listeners.get(name) ?? []
    for (const listener of listeners) listener(...args)
    return listeners.length > 0
  }

  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0
  }
}

/** A frame (Electron's WebFrameMain): only its URL matters to the app. */
export class StandInFrame {
  constructor(public url: string) {}
}

/** An event as Electron passes it to `will-navigate` and friends: it records whether a listener prevented it. */
export class StandInEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

export class StandInWebContents extends Emitter {
  /** The top-level frame; `loadURL` sets its URL, as a real load would. */
  readonly mainFrame = new StandInFrame('')
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined
  reloads = 0
  /** What main sent the page with `send`, in order. */
  readonly sent: { channel: string; args: unknown[] }[] = []
  /** Where `send` delivers, as Electron delivers to the preload's ipcRenderer; set when a preload runs. */
  deliver: ((channel: string, args: unknown[]) => void) | undefined

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
    this.deliver?.(channel, args)
  }

  isDestroyed(): boolean {
    return false
  }

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler
  }

  reload(): void {
    this.reloads++
  }
}

export interface StandInOptions {
  /** `app.isPackaged`; false unless given. */
  isPackaged?: boolean
  /** `app.getAppPath()`: the folder with package.json. */
  appPath: string
  /** The folder `app.getPath(name)` answers under (`userData` is this folder itself). */
  userData: string
  /** What the save dialog answers when no answer is queued; canceled unless given. */
  saveDialog?: { canceled: boolean; filePath?: string }
}

type SaveAnswer = { canceled: boolean; filePath?: string }
type OpenAnswer = { canceled: boolean; filePaths: string[] }

/** The event a preload's `ipcRenderer.on` listener gets first: it names the sender, which the page must never see. */
export interface StandInRendererEvent {
  sender: unknown
  senderId: number
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>

export function createElectronStandIn(options: StandInOptions) {
  const windows: StandInBrowserWindow[] = []
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>()
  const recorded = {
    privilegedSchemes: [] as unknown[],
    applicationMenu: undefined as unknown,
    permissionRequestHandler: undefined as ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined,
    permissionCheckHandler: undefined as ((wc: unknown, permission: string) => boolean) | undefined,
    dialogs: [] as { kind: string; options: unknown }[],
    revealed: [] as string[],
    quits: 0,
    /** What the preload passed to `contextBridge.exposeInMainWorld`, by name. */
    exposed: new Map<string, unknown>(),
    /** Every `ipcRenderer.invoke` the preload made, in order. */
    rendererInvokes: [] as { channel: string; args: unknown[] }[]
  }
  const queued = { save: [] as SaveAnswer[], open: [] as OpenAnswer[] }
  const filePaths = new WeakMap<object, string>()
  const rendererEmitter = new Emitter()
  let announceWindow: (win: StandInBrowserWindow) => void = () => undefined
  const firstWindow = new Promise<StandInBrowserWindow>((resolve) => (announceWindow = resolve))

  const app = Object.assign(new Emitter(), {
    isPackaged: options.isPackaged ?? false,
    getAppPath: () => options.appPath,
    getPath: (name: string) => (name === 'userData' ? options.userData : join(options.userData, name)),
    getVersion: () => '0.0.0-stand-in',
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit: () => void recorded.quits++,
    setAboutPanelOptions: (_options: unknown) => undefined,
    showAboutPanel: () => undefined
  })

  class StandInBrowserWindow extends Emitter {
    static getAllWindows(): StandInBrowserWindow[] {
      return [...windows]
    }

    readonly webContents = new StandInWebContents()
    readonly loadedUrls: string[] = []
    private maximized = false

    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super()
      windows.push(this)
      // Electron announces every new webContents on the app before anything loads in it.
      app.emit('web-contents-created', new StandInEvent(), this.webContents)
    }

    loadURL(url: string): Promise<void> {
      this.loadedUrls.push(url)
      this.webContents.mainFrame.url = url
      announceWindow(this)
      return Promise.resolve()
    }

    show(): void {}
    focus(): void {}
    restore(): void {}
    maximize(): void {
      this.maximized = true
    }
    isMaximized(): boolean {
      return this.maximized
    }
    isMinimized(): boolean {
      return false
    }
    /** Every value given to `setProgressBar`, in order. */
    readonly progress: number[] = []
    setProgressBar(progress: number): void {
      this.progress.push(progress)
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1200, height: 800 }
    }
  }

  const electron = {
    app,
    BrowserWindow: StandInBrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
        if (protocolHandlers.has(scheme)) throw new Error(`a handler for ${scheme}: is already registered`)
        protocolHandlers.set(scheme, handler)
      }
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof recorded.permissionRequestHandler) => void (recorded.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: typeof recorded.permissionCheckHandler) => void (recorded.permissionCheckHandler = handler)
      }
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
        // Electron throws on a second handler for one channel; so does the stand-in.
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
        ipcHandlers.set(channel, handler)
      }
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: unknown) => void (recorded.applicationMenu = menu)
    },
    dialog: {
      showSaveDialog: (...args: unknown[]) => {
        recorded.dialogs.push({ kind: 'save', options: args.at(-1) })
        return Promise.resolve(queued.save.shift() ?? options.saveDialog ?? { canceled: true })
      },
      showOpenDialog: (...args: unknown[]) => {
        recorded.dialogs.push({ kind: 'open', options: args.at(-1) })
        return Promise.resolve(queued.open.shift() ?? { canceled: true, filePaths: [] })
      },
      showMessageBox: (...args: unknown[]) => {
        recorded.dialogs.push({ kind: 'message', options: args.at(-1) })
        return Promise.resolve({ response: 0, checkboxChecked: false })
      }
    },
    shell: {
      showItemInFolder: (path: string) => void recorded.revealed.push(path)
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]
    },
    // The preload's side. Context isolation is not played: the test gets the exposed object itself.
    contextBridge: {
      exposeInMainWorld: (name: string, api: unknown) => {
        if (recorded.exposed.has(name)) throw new Error(`${name} is already exposed`)
        recorded.exposed.set(name, api)
      }
    },
    ipcRenderer: {
      /** Reaches main's handler as a call from the first window's main frame would, if main has one. */
      invoke: async (channel: string, ...args: unknown[]): Promise<unknown> => {
        recorded.rendererInvokes.push({ channel, args })
        const handler = ipcHandlers.get(channel)
        const sender = windows[0]?.webContents
        if (!handler || !sender) throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`)
        return handler({ sender, senderFrame: sender.mainFrame }, ...args)
      },
      on: (channel: string, listener: Listener) => void rendererEmitter.on(channel, listener),
      removeListener: (channel: string, listener: Listener) => void rendererEmitter.off(channel, listener)
    },
    webUtils: {
      /** As Electron: a path for a File from disk, '' for a File built in JS, a TypeError for anything else. */
      getPathForFile: (file: unknown): string => {
        if (!(file instanceof File)) throw new TypeError('Error processing argument at index 0, conversion failure from')
        return filePaths.get(file) ?? ''
      }
    }
  }

  /** Sends from main reach the preload's listeners with an event naming the sender first, as in Electron. */
  const connectRenderer = (webContents: StandInWebContents) => {
    webContents.deliver = (channel, args) => void rendererEmitter.emit(channel, { sender: electron.ipcRenderer, senderId: 0 } satisfies StandInRendererEvent, ...args)
  }

  return {
    /** What `require('electron')` gives the bundle. */
    electron,
    recorded,
    windows,
    /** Resolves with the first window once the app has called its `loadURL`. */
    firstWindow,
    ipcChannels: () => [...ipcHandlers.keys()],
    /** Queues the answer of the next save or open dialog (before falling back to canceled). */
    answerDialog: (kind: 'save' | 'open', answer: SaveAnswer | OpenAnswer) => void (kind === 'save' ? queued.save.push(answer as SaveAnswer) : queued.open.push(answer as OpenAnswer)),
    /** A File as a drop gives it: `webUtils.getPathForFile` answers `path` for it. */
    droppedFile: (path: string): File => {
      const file = new File(['dropped'], basename(path))
      filePaths.set(file, path)
      return file
    },
    /** Makes `send` on the window's webContents reach the preload's `ipcRenderer.on` listeners. */
    connectRenderer,
    /** How many listeners the preload has on a channel. */
    rendererListeners: (channel: string) => rendererEmitter.listenerCount(channel),
    /** Calls a handler the app registered with `ipcMain.handle`, as `ipcRenderer.invoke` would reach it. */
    invoke: async (channel: string, event: unknown, payload?: unknown): Promise<unknown> => {
      const handler = ipcHandlers.get(channel)
      if (!handler) throw new Error(`no ipcMain handler for ${channel}`)
      return handler(event, payload)
    },
    /** Requests a URL through the handler the app registered with `protocol.handle` for its scheme. */
    fetch: async (url: string): Promise<Response> => {
      const scheme = new URL(url).protocol.slice(0, -1)
      const handler = protocolHandlers.get(scheme)
      if (!handler) throw new Error(`no protocol handler for ${scheme}:`)
      return handler(new Request(url))
    }
  }
}

/** The IPC event of a frame: `sender` is the webContents it belongs to, `senderFrame` the frame that called. */
export function ipcEvent(sender: StandInWebContents, senderFrame: StandInFrame | null): { sender: StandInWebContents; senderFrame: StandInFrame | null } {
  return { sender, senderFrame }
}

/** Loads a CommonJS file afresh (outside the require cache) with `require('electron')` answered by the stand-in. */
export function requireWithElectron(path: string, standIn: ElectronStandIn): unknown {
  const require = createRequire(import.meta.url)
  const resolved = require.resolve(path)
  delete require.cache[resolved]
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown }
  const original = loader._load
  loader._load = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
    return request === 'electron' ? standIn.electron : original.call(this, request, parent, isMain)
  }
  try {
    return require(resolved)
  } finally {
    loader._load = original
  }
}
