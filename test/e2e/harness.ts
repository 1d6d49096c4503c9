// The `app` fixture: a page showing Clausewise in the project's mode. In Chromium mode the built
// renderer is served from out/renderer by request interception (no server, no network) and
// window.api is a bridge to the same dispatch that ipc.ts registers in Electron.
import { basename, join } from 'node:path'
import { _electron, chromium, expect, test as base, type Browser, type ElectronApplication, type Page, type TestInfo } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { API_EVENT_CHANNEL, type ApiEvent, type DocumentRole, type MenuCommand } from '../../src-main/api/contract'
import { CHROMIUM_ARGS, HARNESS_ORIGIN, HarnessShell, openHarnessPage, type AppOptions } from './harness-page'
import { ROOT, type Mode } from './modes'

export type { AppOptions }

/** Files dragged over the window (Chromium mode): move over a drop target, then let go on it. */
export interface FileDrag {
  over(target: DocumentRole): Promise<void>
  drop(target: DocumentRole): Promise<void>
}

export interface ClausewiseApp {
  mode: Mode
  page: Page
  /** The Electron application in Electron mode (to inspect the main process); null in Chromium mode. */
  electron: ElectronApplication | null
  /** Opens a screen by its hash route, e.g. `/versions/2025-10`. */
  goto(route: string): Promise<void>
  /** Saves a full-window screenshot as test-results/screens/<mode>/<name>.png and attaches it. */
  screenshot(name: string): Promise<void>
  /** Serious and critical axe-core violations on the current screen. */
  seriousA11yViolations(): Promise<string[]>
  /** Fails the test when the page logged an uncaught error or a console error. */
  assertNoPageErrors(): void
  /** The next import dialog answers with these files (absolute paths); with none, as if cancelled. */
  chooseImportFiles(...paths: string[]): Promise<void>
  /** The next open-matter folder dialog answers with this folder (null: cancelled). */
  chooseMatterFolder(dir: string | null): Promise<void>
  /** A File-menu command, sent on main's event channel as the menu does. */
  menu(command: MenuCommand): Promise<void>
  /**
   * Starts dragging files named `names` over the window. Chromium mode only: the harness finds a
   * dropped file by name in `AppOptions.dropDir`, where Electron's preload asks for the File's path.
   */
  dragFiles(names: readonly string[]): Promise<FileDrag>
  /** Holds back the answer of imports, their progress shown, until the returned function is called (Chromium mode). */
  holdImports(): () => void
  /**
   * Starts recording the files main shows in the file manager ("Show in folder"), instead of
   * opening one; the returned function answers them, in order. In Electron mode it replaces
   * shell.showItemInFolder in main, so call it before the click.
   */
  watchReveals(): Promise<() => Promise<string[]>>
}

interface Fixtures {
  appOptions: AppOptions
  app: ClausewiseApp
}

interface WorkerFixtures {
  /** One Chromium per worker in Chromium mode (each test gets a fresh context); null in Electron mode. */
  harnessBrowser: Browser | null
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  harnessBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    async ({}, use, workerInfo) => {
      if (workerInfo.project.name !== 'chromium') return use(null)
      const browser = await chromium.launch({ executablePath: String(workerInfo.project.metadata['executable']), args: CHROMIUM_ARGS })
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' }
  ],
  appOptions: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
    async ({}, use, testInfo) => {
      await use({
        sourcesDir: join(ROOT, 'resources/sources'),
        modelsDir: join(ROOT, 'resources/models'),
        workspacePath: testInfo.outputPath('workspace.clausewise.json'),
        mattersDir: testInfo.outputPath('matters')
      })
    },
    { option: true }
  ],
  app: async ({ appOptions, harnessBrowser }, use, testInfo) => {
    const mode = testInfo.project.name as Mode
    if (mode === 'electron') {
      const electronApp = await launchElectron(appOptions)
      try {
        const page = await electronApp.firstWindow()
        const app = wrap(mode, page, testInfo, electronApp)
        await use(app)
        app.assertNoPageErrors()
      } finally {
        await electronApp.close()
      }
      return
    }
    if (!harnessBrowser) throw new Error('Chromium mode without a browser')
    const shell = new HarnessShell(appOptions)
    const page = await openHarnessPage(harnessBrowser, appOptions, undefined, shell)
    try {
      const app = wrap(mode, page, testInfo, null, shell)
      await use(app)
      app.assertNoPageErrors()
    } finally {
      await page.context().close()
    }
  }
})

export { expect }

async function launchElectron(options: AppOptions): Promise<ElectronApplication> {
  // Launch the project folder, as `npm start` does, so app.getAppPath() is the project root.
  return _electron.launch({
    args: [ROOT],
    cwd: ROOT,
    env: { ...process.env, CLAUSEWISE_SOURCES_DIR: options.sourcesDir, CLAUSEWISE_MODELS_DIR: options.modelsDir, CLAUSEWISE_WORKSPACE: options.workspacePath }
  })
}

function wrap(mode: Mode, page: Page, testInfo: TestInfo, electron: ElectronApplication | null = null, shell: HarnessShell | null = null): ClausewiseApp {
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  return {
    mode,
    page,
    electron,
    async goto(route) {
      const url = mode === 'electron' ? null : `${HARNESS_ORIGIN}/index.html#${route}`
      if (url) await page.goto(url)
      else await page.evaluate((r) => (window.location.hash = r), route)
      await expect(page.locator('#app')).not.toBeEmpty()
    },
    assertNoPageErrors() {
      expect(errors, 'errors logged by the page').toEqual([])
    },
    async screenshot(name) {
      const path = join(ROOT, 'test-results/screens', mode, `${name}.png`)
      await page.screenshot({ path, fullPage: true })
      await testInfo.attach(name, { path, contentType: 'image/png' })
    },
    async chooseImportFiles(...paths) {
      if (shell) {
        shell.importChoices.push(paths)
        return
      }
      // Electron: the next open dialog answers for the reviewer.
      await electron?.evaluate(({ dialog }, filePaths) => {
        const original = dialog.showOpenDialog
        dialog.showOpenDialog = (() => {
          dialog.showOpenDialog = original
          return Promise.resolve({ canceled: filePaths.length === 0, filePaths })
        }) as typeof dialog.showOpenDialog
      }, paths)
    },
    async chooseMatterFolder(dir) {
      if (shell) {
        shell.openMatterDir = dir
        return
      }
      await electron?.evaluate(({ dialog }, folder) => {
        const original = dialog.showOpenDialog
        dialog.showOpenDialog = (() => {
          dialog.showOpenDialog = original
          return Promise.resolve({ canceled: folder === null, filePaths: folder === null ? [] : [folder] })
        }) as typeof dialog.showOpenDialog
      }, dir)
    },
    async menu(command) {
      const event: ApiEvent = { type: 'menu', command }
      if (shell) return shell.emit(event)
      await electron?.evaluate(({ BrowserWindow }, [channel, payload]) => BrowserWindow.getAllWindows()[0]?.webContents.send(channel, payload), [API_EVENT_CHANNEL, event] as const)
    },
    async dragFiles(names) {
      if (!shell) throw new Error('dragging files in needs the Chromium harness: in Electron a File made by the page has no path')
      // Only the names matter: the harness's importDropped reads the file of that name in dropDir.
      const dataTransfer = await page.evaluateHandle((list) => {
        const dt = new DataTransfer()
        for (const name of list) dt.items.add(new File([''], name))
        return dt
      }, names.map((n) => basename(n)))
      await page.dispatchEvent('main', 'dragenter', { dataTransfer })
      await page.dispatchEvent('main', 'dragover', { dataTransfer })
      const target = (role: DocumentRole) => page.getByTestId(role === 'version' ? 'drop-version' : 'drop-source')
      return {
        async over(role) {
          await target(role).dispatchEvent('dragenter', { dataTransfer })
          await target(role).dispatchEvent('dragover', { dataTransfer })
        },
        async drop(role) {
          await target(role).dispatchEvent('drop', { dataTransfer })
          await dataTransfer.dispose()
        }
      }
    },
    holdImports() {
      if (!shell) throw new Error('holding imports needs the Chromium harness')
      return shell.holdImports()
    },
    async watchReveals() {
      if (shell) {
        const from = shell.revealed.length
        return () => Promise.resolve(shell.revealed.slice(from))
      }
      if (!electron) throw new Error('no app to watch')
      await electron.evaluate(({ shell: electronShell }) => {
        const seen: string[] = []
        ;(globalThis as unknown as { __clausewiseRevealed: string[] }).__clausewiseRevealed = seen
        electronShell.showItemInFolder = (path: string) => void seen.push(path)
      })
      return () => electron.evaluate(() => [...(globalThis as unknown as { __clausewiseRevealed: string[] }).__clausewiseRevealed])
    },
    async seriousA11yViolations() {
      const results = await new AxeBuilder({ page }).analyze()
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
    }
  }
}
