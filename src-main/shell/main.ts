// Electron entry (built as out/main/index.js): app lifecycle, the hardened window, the app:// protocol, the menu. All
// behaviour lives in core/; this file only wires it to Electron.
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron'
import { readWindowState, writeWindowState, type WindowState } from './window-state'
import { createDispatch } from '../api/handlers'
import { createServices } from '../services'
import { registerIpc } from './ipc'
import { APP_ORIGIN, APP_SCHEME, createAppRequestHandler } from './protocol'
import { isTrustedRendererUrl } from './trust'
import { WorkspaceActions } from './file-actions'

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
])

// The environment is read only by an unpackaged app: electron-vite sets ELECTRON_RENDERER_URL in `dev`, and the
// CLAUSEWISE_* overrides point the E2E suite at fixtures. A packaged app ignores both, so no variable can make it
// load (and trust) another origin or read another library.
const devEnv: NodeJS.ProcessEnv = app.isPackaged ? {} : process.env
const devServerUrl = devEnv['ELECTRON_RENDERER_URL']

function resourcesRoot(): string {
  return app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources')
}

function isOurUrl(url: string): boolean {
  return isTrustedRendererUrl(url, devServerUrl)
}

function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json')
}

function createWindow(state: WindowState): BrowserWindow {
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    title: 'Clausewise',
    show: false,
    backgroundColor: '#f7f6f3',
    webPreferences: {
      // Reviewed: the preload exposes only the contract's wrappers (see preload.ts).
      preload: join(__dirname, '../preload/preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click would open links as new windows; nothing in the app needs it.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize()
    win.show()
  })
  // Size and position are remembered from the normal (not maximised) bounds.
  win.on('close', () => {
    const b = win.getNormalBounds()
    writeWindowState(windowStateFile(), { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() })
  })
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOurUrl(url)) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
  return win
}

async function buildMenu(actions: WorkspaceActions): Promise<Menu> {
  const isMac = process.platform === 'darwin'
  const recent = await actions.recent()
  return Menu.buildFromTemplate([
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => void actions.newWorkspace() },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => void actions.open() },
        {
          label: 'Open Recent',
          submenu: recent.length ? recent.map((path) => ({ label: path, click: () => void actions.open(path) })) : [{ label: 'No recent workspaces', enabled: false }]
        },
        { label: 'Save Workspace As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => void actions.saveAs() },
        { type: 'separator' },
        { label: 'Export PDF…', accelerator: 'CmdOrCtrl+E', click: () => void actions.exportPdf() },
        { label: 'Export Annotations (JSON-LD)…', click: () => void actions.exportAnnotations() },
        { label: 'Import Annotations…', click: () => void actions.importAnnotations() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `About Clausewise ${app.getVersion()}`, click: () => app.showAboutPanel() }]
    }
  ])
}

let workspaceActions: WorkspaceActions | undefined

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows()
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })

  void app.whenReady().then(async () => {
    const rendererRoot = join(__dirname, '../renderer')
    protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot))
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)

    const root = resourcesRoot()
    const services = createServices({
      sourcesDir: devEnv['CLAUSEWISE_SOURCES_DIR'] ?? join(root, 'sources'),
      modelsDir: devEnv['CLAUSEWISE_MODELS_DIR'] ?? join(root, 'models'),
      workspacePath: devEnv['CLAUSEWISE_WORKSPACE'] ?? join(app.getPath('userData'), 'workspace.clausewise.json'),
      dialogs: {
        choosePdfPath: async (suggestedName) => {
          const win = BrowserWindow.getAllWindows()[0]
          const options = { title: 'Export PDF', defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }] }
          const { canceled, filePath } = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
          return canceled || !filePath ? null : filePath
        },
        reveal: (path) => shell.showItemInFolder(path)
      }
    })
    registerIpc(ipcMain, createDispatch(services), isOurUrl)

    // After a workspace switch or an import: rebuild Open Recent and reload the page's state.
    const refresh = () => {
      void buildMenu(actions).then((menu) => Menu.setApplicationMenu(menu))
      BrowserWindow.getAllWindows()[0]?.webContents.reload()
    }
    const actions = new WorkspaceActions(services, () => BrowserWindow.getAllWindows()[0], refresh)
    workspaceActions = actions

    app.setAboutPanelOptions({ applicationName: 'Clausewise', applicationVersion: app.getVersion() })
    Menu.setApplicationMenu(await buildMenu(actions))
    const displays = screen.getAllDisplays().map((d) => d.workArea)
    const win = createWindow(await readWindowState(windowStateFile(), displays))
    win.webContents.on('render-process-gone', () => void actions.flush())
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) void readWindowState(windowStateFile(), displays).then(createWindow)
    })
  })

  // Every change is saved before the renderer hears back; this waits for a save in flight.
  let flushed = false
  app.on('before-quit', (event) => {
    if (flushed || !workspaceActions) return
    event.preventDefault()
    void workspaceActions.flush().finally(() => {
      flushed = true
      app.quit()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
