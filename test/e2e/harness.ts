// The `app` fixture: a page showing Clausewise in the project's mode. In Chromium mode the built
// renderer is served from out/renderer by request interception (no server, no network) and
// window.api is a bridge to the same dispatch that ipc.ts registers in Electron.
import { join } from 'node:path'
import { _electron, chromium, expect, test as base, type Browser, type ElectronApplication, type Page, type TestInfo } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { CHROMIUM_ARGS, HARNESS_ORIGIN, openHarnessPage, type AppOptions } from './harness-page'
import { ROOT, type Mode } from './modes'

export type { AppOptions }

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
      await use({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: testInfo.outputPath('workspace.clausewise.json') })
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
    const page = await openHarnessPage(harnessBrowser, appOptions)
    try {
      const app = wrap(mode, page, testInfo)
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

function wrap(mode: Mode, page: Page, testInfo: TestInfo, electron: ElectronApplication | null = null): ClausewiseApp {
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
    async seriousA11yViolations() {
      const results = await new AxeBuilder({ page }).analyze()
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
    }
  }
}
