// Electron entry (built as out/main/index.js): app lifecycle, the hardened window, the app:// protocol, the menu. All
// behaviour lives in core/; this file only wires it to Electron.
import { join } from 'node:path'
import { app, BrowserWindow, ipcMain, Menu, protocol, screen, session, type MenuItemConstructorOptions } from 'electron'
import { readWindowState, writeWindowState, type WindowState } from './window-state'
import { createDispatch, type Dispatch } from '../api/handlers'
import { matterDirOfReviewFile } from '../core/matter/layout'
import { isMatterDir } from '../core/matter/service'
import { createServices } from '../services'
import { AppDialogs } from './dialogs'
import { registerIpc } from './ipc'
import { APP_ORIGIN, APP_SCHEME, createAppRequestHandler } from './protocol'
import { readReopen } from './recent'
import { isTrustedRendererUrl } from './trust'
import { recentListFile, WorkspaceActions } from './file-actions'

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

/** Menu labels treat `&` as a mnemonic marker on every platform; `&&` shows one. */
function menuLabel(text: string): string {
  return text.replaceAll('&', '&&')
}

async function buildMenu(actions: WorkspaceActions): Promise<Menu> {
  const isMac = process.platform === 'darwin'
  const recent = await actions.recent()
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((entry) => ({ label: menuLabel(entry.label), sublabel: entry.path, toolTip: entry.path, click: () => void actions.openRecent(entry.path) }))
    : [{ label: 'No recent matters or workspaces', enabled: false }]
  return Menu.buildFromTemplate([
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        // The renderer asks for the title, says why an import needs a matter, and makes the same API calls as its buttons.
        { label: 'New Matter…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.command('new-matter') },
        { label: 'Open Matter…', click: () => actions.command('open-matter') },
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Import Agreement Version…', click: () => actions.command('import-version') },
        { label: 'Import Source…', click: () => actions.command('import-source') },
        { type: 'separator' },
        { label: 'Open Bundled Case', click: () => actions.command('open-bundled-case') },
        { type: 'separator' },
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => void actions.newWorkspace() },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => void actions.open() },
        { label: 'Save Workspace As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => void actions.saveAs() },
        { type: 'separator' },
        {
          label: 'Export',
          submenu: [
            { label: 'PDF (inline)…', accelerator: 'CmdOrCtrl+E', click: () => void actions.exportAs('pdf') },
            { label: 'PDF (side by side)…', click: () => void actions.exportAs('pdf-side-by-side') },
            { label: 'Word Redline (tracked changes)…', accelerator: 'CmdOrCtrl+Shift+E', click: () => void actions.exportAs('docx') }
          ]
        },
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

/**
 * The review to open at start. The app reopens the matter it was last switched to while that matter's folder is
 * still there; otherwise (a fresh install, after the bundled case or a workspace file, a matter moved away) the
 * bundled case. CLAUSEWISE_WORKSPACE, honoured unpackaged only, wins over both.
 */
async function startingReview(bundledWorkspacePath: string, override: string | undefined): Promise<string> {
  if (override) return override
  const reopen = await readReopen(recentListFile())
  const dir = reopen === null ? null : matterDirOfReviewFile(reopen)
  return reopen !== null && dir !== null && (await isMatterDir(dir)) ? reopen : bundledWorkspacePath
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
    const override = devEnv['CLAUSEWISE_WORKSPACE']
    // Open Bundled Case goes back to the userData workspace, or to the override when that is no matter's (the E2E
    // suite's own file, so the suite never touches the real one).
    const userDataWorkspace = join(app.getPath('userData'), 'workspace.clausewise.json')
    const bundledWorkspacePath = override && matterDirOfReviewFile(override) === null ? override : userDataWorkspace
    const mainWindow = () => BrowserWindow.getAllWindows()[0]
    const dialogs = new AppDialogs(mainWindow, (reviewPath) => void actions.opened(reviewPath))
    const services = createServices({
      sourcesDir: devEnv['CLAUSEWISE_SOURCES_DIR'] ?? join(root, 'sources'),
      modelsDir: devEnv['CLAUSEWISE_MODELS_DIR'] ?? join(root, 'models'),
      workspacePath: await startingReview(bundledWorkspacePath, override),
      bundledWorkspacePath,
      dialogs
    })
    const dispatch = createDispatch(services)
    const answer: Dispatch = async (method, payload) => {
      try {
        return await dispatch(method, payload)
      } finally {
        if (method === 'importDocuments' || method === 'importPaths') dialogs.importEnded()
      }
    }
    registerIpc(ipcMain, answer, isOurUrl)

    const actions: WorkspaceActions = new WorkspaceActions(services, mainWindow, () => void buildMenu(actions).then((menu) => Menu.setApplicationMenu(menu)))
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
