// Chromium mode without the test runner (the E2E fixture and the benchmark both use it): the
// built renderer served from out/renderer by request interception (no server, no network),
// with window.api bridged to the same dispatch that ipc.ts registers in Electron.
import { readFile } from 'node:fs/promises'
import { dirname, extname, join, normalize, sep } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { API_METHODS } from '../../src-main/api/contract'
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
}

/** `services` lets a caller reuse loaded services across pages (the benchmark does). */
export async function openHarnessPage(browser: Browser, options: AppOptions, services: Services = createServices({ ...options, dialogs: harnessDialogs(options) })): Promise<Page> {
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
  const dispatch = createDispatch(services)
  await context.exposeFunction('__clausewiseDispatch', (method: string, payload: unknown) => dispatch(method, payload))
  // The same surface the preload exposes: one frozen wrapper per contract method.
  await context.addInitScript((methods: readonly string[]) => {
    const w = window as unknown as { __clausewiseDispatch: (m: string, p: unknown) => Promise<unknown>; api: unknown }
    const call = w.__clausewiseDispatch
    w.api = Object.freeze(Object.fromEntries(methods.map((m) => [m, (args?: unknown) => call(m, args)])))
  }, [...API_METHODS])
  return context.newPage()
}

/** Stand-ins for the native save dialog and "show in folder": the PDF lands beside the workspace. */
export function harnessDialogs(options: AppOptions): ShellDialogs {
  return { choosePdfPath: (name) => Promise.resolve(join(dirname(options.workspacePath), name)), reveal: () => undefined }
}
