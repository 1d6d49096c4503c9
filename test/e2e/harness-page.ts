// Chromium mode without the test runner (the E2E fixture and the benchmark both use it): the
// built renderer served from out/renderer by request interception (no server, no network),
// with window.api bridged to the same dispatch that ipc.ts registers in Electron.
import { readFile } from 'node:fs/promises'
import { basename, dirname, extname, join, normalize, sep } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { API_METHODS, PRELOAD_WRAPPED_METHODS, type ApiEvent, type ApiResult, type DocumentRole, type ImportProgress } from '../../src-main/api/contract'
import { createDispatch } from '../../src-main/api/handlers'
import { createServices, type Services, type ShellDialogs } from '../../src-main/services'
import { CONTENT_SECURITY_POLICY } from '../../src-main/shell/protocol'
import { ROOT } from './modes'

export const HARNESS_ORIGIN = 'http://clausewise.test'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const RENDERER_DIR = join(ROOT, 'out/renderer')
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png' }

export interface AppOptions {
  sourcesDir: string
  modelsDir: string
  /** The workspace file; each test gets its own scratch file. */
  workspacePath: string
  /** Where the new-matter folder dialog's stand-in makes a folder named after the title; beside the workspace when missing. */
  mattersDir?: string
  /** Dropped files are found by name in this folder (see the init script); test/fixtures/documents when missing. */
  dropDir?: string
}

/**
 * `services` lets a caller reuse loaded services across pages (the benchmark does); `shell` is
 * what answers for the native dialogs and carries main's events to the page.
 */
export async function openHarnessPage(browser: Browser, options: AppOptions, services?: Services, shell: HarnessShell = new HarnessShell(options)): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  // Serve out/renderer at HARNESS_ORIGIN; every other request is refused, as in the app.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== HARNESS_ORIGIN) return route.abort('blockedbyclient')
    const path = normalize(join(RENDERER_DIR, decodeURIComponent(url.pathname)))
    if (!path.startsWith(RENDERER_DIR + sep)) return route.fulfill({ status: 404 })
    try {
      const body = await readFile(path)
      return route.fulfill({ status: 200, body, headers: { 'Content-Type': MIME[extname(path)] ?? 'application/octet-stream', 'Content-Security-Policy': CONTENT_SECURITY_POLICY } })
    } catch {
      return route.fulfill({ status: 404 })
    }
  })
  const served = createDispatch(services ?? createServices({ ...options, dialogs: shell }))
  // An import's answer may be held back by the test (HarnessShell.holdImports), its progress already shown.
  const dispatch = async (method: string, payload: unknown): Promise<ApiResult<unknown>> => {
    const answer = await served(method, payload)
    if (method === 'importDocuments' || method === 'importPaths') await shell.released()
    return answer
  }
  await context.exposeFunction('__clausewiseDispatch', dispatch)
  // Stands in for the preload's importDropped, which asks Electron for each dropped File's path
  // (webUtils.getPathForFile): here a dropped file is the file of that name in the test's folder.
  const dropDir = options.dropDir ?? DEFAULT_DROP_DIR
  await context.exposeFunction('__clausewiseDropped', (names: string[], as: DocumentRole): Promise<ApiResult<unknown>> => dispatch('importPaths', { as, paths: names.map((n) => join(dropDir, basename(n))) }))
  // The same surface the preload exposes: one frozen wrapper per contract method (but those the
  // preload wraps), importDropped, and onEvent fed by the shell's events (HarnessShell.emit).
  // Plain JavaScript in a string: tsx (the benchmark) would add helpers to a function that the page does not have.
  const exposed = API_METHODS.filter((m) => !(PRELOAD_WRAPPED_METHODS as readonly string[]).includes(m))
  await context.addInitScript({
    content: `(() => {
      const call = window.__clausewiseDispatch
      const dropped = window.__clausewiseDropped
      const listeners = new Set()
      Object.defineProperty(window, '__clausewiseEmit', { value: (event) => listeners.forEach((l) => l(event)) })
      const methods = Object.fromEntries(${JSON.stringify(exposed)}.map((m) => [m, (args) => call(m, args)]))
      window.api = Object.freeze({
        ...methods,
        importDropped: (files, as) => dropped(Array.from(files, (f) => f.name), as),
        onEvent: (listener) => {
          listeners.add(listener)
          return () => void listeners.delete(listener)
        }
      })
    })()`
  })
  const page = await context.newPage()
  shell.attach(page)
  return page
}

const DEFAULT_DROP_DIR = join(ROOT, 'test/fixtures/documents')

/**
 * Stand-ins for the native dialogs and the event channel from main. The test answers the
 * dialogs in advance (a queue of file choices, the folder to open); a new matter's folder is
 * named after its title under `mattersDir`; import progress is pushed into the page as the
 * preload's onEvent would.
 */
export class HarnessShell implements ShellDialogs {
  /** Answers of the import dialog, in order; when empty the dialog answers as if cancelled. */
  readonly importChoices: string[][] = []
  /** What the open-matter dialog answers next: a folder, or null as if cancelled. */
  openMatterDir: string | null = null
  /** Review files opened, as the shell would add them to Open Recent. */
  readonly openedPaths: string[] = []
  /** Every progress event sent, for assertions. */
  readonly progress: ImportProgress[] = []
  /** Every file "Show in folder" showed (main's reveal), in order. */
  readonly revealed: string[] = []
  private page: Page | null = null
  private hold: Promise<void> | null = null

  constructor(private readonly options: AppOptions) {}

  attach(page: Page): void {
    this.page = page
  }

  chooseExportPath(name: string): Promise<string | null> {
    return Promise.resolve(join(dirname(this.options.workspacePath), name))
  }

  reveal(path: string): void {
    this.revealed.push(path)
  }

  chooseImportFiles(): Promise<string[]> {
    return Promise.resolve(this.importChoices.shift() ?? [])
  }

  chooseMatterFolder(purpose: 'new' | 'open', suggestedName: string): Promise<string | null> {
    if (purpose === 'open') return Promise.resolve(this.openMatterDir)
    const name = suggestedName.replace(/[^\p{L}\p{N} ._-]+/gu, ' ').trim() || 'Matter'
    return Promise.resolve(join(this.options.mattersDir ?? dirname(this.options.workspacePath), name))
  }

  opened(reviewPath: string): void {
    this.openedPaths.push(reviewPath)
  }

  importProgress(progress: ImportProgress): void {
    this.progress.push(progress)
    void this.emit({ type: 'import-progress', progress })
  }

  /**
   * Holds back the answers of imports (done, their progress sent) until the returned function is
   * called, so a test can look at the progress bar of a real import before it gives way to the results.
   */
  holdImports(): () => void {
    let release = (): void => undefined
    this.hold = new Promise<void>((done) => (release = done))
    return () => {
      this.hold = null
      release()
    }
  }

  released(): Promise<void> {
    return this.hold ?? Promise.resolve()
  }

  /** Pushes an event to the page's onEvent listeners, as main's event channel does. */
  async emit(event: ApiEvent): Promise<void> {
    // A page that is navigating (a matter was just opened) has no listeners to tell.
    await this.page?.evaluate((e) => (window as unknown as { __clausewiseEmit: (e: unknown) => void }).__clausewiseEmit(e), event).catch(() => undefined)
  }
}

/** Stand-ins for the native save dialog and "show in folder": the PDF lands beside the workspace. */
export function harnessDialogs(options: AppOptions): ShellDialogs {
  return new HarnessShell(options)
}
