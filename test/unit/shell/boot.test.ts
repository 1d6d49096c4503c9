// Boots the built main process (out/main/index.js) under plain Node against a stand-in for the
// `electron` module and plays the renderer: the page the window loaded must be served and answered
// on every API channel; foreign pages, sub-frames and foreign navigation must be refused. This is
// the closest the unit suite gets to the Electron mode (no Electron binary here).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { API_METHODS, IPC_CHANNEL_PREFIX, type ApiMethod } from '../../../src-main/api/contract'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/shell/protocol'
import { callEveryMethod, VALID_CALLS } from '../../support/api-calls'
import { createElectronStandIn, ipcEvent, requireWithElectron, StandInEvent, StandInFrame, StandInWebContents, type ElectronStandIn } from '../../support/electron-stand-in'

const ROOT = join(__dirname, '../../..')
const BUILT = { main: join(ROOT, 'out/main/index.js'), preload: join(ROOT, 'out/preload/preload.cjs'), renderer: join(ROOT, 'out/renderer/index.html') }
const BOOT_TIMEOUT = 120_000
const DEV_SERVER = 'http://localhost:5173/'

interface Booted {
  standIn: ElectronStandIn
  window: ElectronStandIn['windows'][number]
  /** The URL the app loaded in its window. */
  url: string
  scratch: string
}

/**
 * Loads the built bundle afresh with the given environment and waits until it has loaded its window. The
 * environment and process.resourcesPath (set by Electron, absent in Node) are restored afterwards.
 */
async function boot(options: { isPackaged: boolean; env: (scratch: string) => Record<string, string>; resourcesPath: (scratch: string) => string }): Promise<Booted> {
  const missing = Object.values(BUILT).filter((p) => !existsSync(p))
  if (missing.length) throw new Error(`the built app is missing (${missing.join(', ')}): run \`npm run build\` first`)
  const scratch = await mkdtemp(join(tmpdir(), 'clausewise-boot-'))
  await mkdir(join(scratch, 'userData'))
  await mkdir(join(scratch, 'empty'))
  const standIn = createElectronStandIn({ isPackaged: options.isPackaged, appPath: ROOT, userData: join(scratch, 'userData') })
  const env = options.env(scratch)
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  Object.defineProperty(process, 'resourcesPath', { value: options.resourcesPath(scratch), configurable: true, writable: true })
  try {
    requireWithElectron(BUILT.main, standIn)
    const window = await standIn.firstWindow
    return { standIn, window, url: window.webContents.mainFrame.url, scratch }
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
    Reflect.deleteProperty(process, 'resourcesPath')
  }
}

function channel(method: ApiMethod): string {
  return IPC_CHANNEL_PREFIX + method
}

/** A valid payload without running the calls before it: refused calls never get as far as the id. */
function payloadFor(method: ApiMethod): unknown {
  const call = VALID_CALLS.find((c) => c.method === method)!
  return call.payload(new Map([['cite', { id: 'cit-refused' }]]))
}

/** Every method called from the main frame of a page at `url` in another webContents. */
async function answersFromForeignPage(b: Booted, url: string): Promise<unknown[]> {
  const other = new StandInWebContents()
  other.mainFrame.url = url
  return Promise.all(API_METHODS.map((m) => b.standIn.invoke(channel(m), ipcEvent(other, other.mainFrame), payloadFor(m))))
}

const FORBIDDEN = { ok: false, error: { code: 'forbidden', message: expect.any(String) } }

describe('the built main process, booted unpackaged', () => {
  let b: Booted
  beforeAll(async () => {
    b = await boot({
      isPackaged: false,
      env: (scratch) => ({ CLAUSEWISE_WORKSPACE: join(scratch, 'override.clausewise.json') }),
      // Unpackaged, resources come from the app folder: an empty resourcesPath must not matter.
      resourcesPath: (scratch) => join(scratch, 'no-resources-here')
    })
  }, BOOT_TIMEOUT)
  afterAll(async () => {
    if (b) await rm(b.scratch, { recursive: true, force: true })
  })

  it('loads app://clausewise/index.html in a hardened window', () => {
    expect(b.window.loadedUrls).toEqual(['app://clausewise/index.html'])
    expect(b.window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: BUILT.preload })
    expect(b.window.options.webPreferences).not.toHaveProperty('nodeIntegrationInSubFrames', true)
    expect(b.window.options.webPreferences).not.toHaveProperty('webviewTag', true)
    expect(b.window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(b.standIn.recorded.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })])
  })

  it('serves the page and its script through the app:// handler, with the CSP header', async () => {
    const page = await b.standIn.fetch(b.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await page.text()
    expect(html).toBe(await readFile(BUILT.renderer, 'utf8'))
    const script = /<script type="module"[^>]*src="\.\/([^"]+)"/.exec(html)?.[1]
    expect(script).toBeDefined()
    const js = await b.standIn.fetch(new URL(script!, b.url).href)
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await b.standIn.fetch('app://clausewise/%E0%A4%A')).status).toBe(400)
    expect((await b.standIn.fetch('app://clausewise/..%2f..%2fpackage.json')).status).toBe(404)
  })

  it('answers every API channel called from the main frame of the page it loaded', async () => {
    expect(b.standIn.ipcChannels().sort()).toEqual(API_METHODS.map(channel).sort())
    expect(VALID_CALLS.map((c) => c.method).sort()).toEqual([...API_METHODS].sort())
    const wc = b.window.webContents
    const answers = await callEveryMethod((method, payload) => b.standIn.invoke(channel(method), ipcEvent(wc, wc.mainFrame), payload))
    for (const [method, answer] of answers) expect(answer, method).toMatchObject({ ok: true })
    const library = answers.get('getLibrary') as { value: { versions: unknown[]; sources: unknown[] } }
    expect(library.value.versions.length).toBeGreaterThan(1)
    expect(library.value.sources.length).toBeGreaterThan(1)
    // Unpackaged, CLAUSEWISE_WORKSPACE is honoured (the E2E suite relies on it).
    expect(answers.get('getWorkspaceStatus')).toMatchObject({ ok: true, value: { name: 'override.clausewise.json' } })
    expect(existsSync(join(b.scratch, 'override.clausewise.json'))).toBe(true)
    expect(answers.get('exportPdf')).toEqual({ ok: true, value: { saved: false } })
    expect(b.standIn.recorded.dialogs).toEqual([expect.objectContaining({ kind: 'save' })])
  })

  it('refuses every channel from a sub-frame of its own page and from a destroyed frame', async () => {
    const wc = b.window.webContents
    const subFrame = new StandInFrame(b.url) // same URL, but not the window's main frame
    for (const method of API_METHODS) {
      expect(await b.standIn.invoke(channel(method), ipcEvent(wc, subFrame), payloadFor(method)), method).toEqual(FORBIDDEN)
      expect(await b.standIn.invoke(channel(method), ipcEvent(wc, null), payloadFor(method)), method).toEqual(FORBIDDEN)
    }
  })

  it.each([
    'https://evil.example/index.html',
    'app://evil/index.html',
    'app://clausewise.evil/index.html',
    'app://clausewise:8080/index.html',
    `file://${ROOT}/out/renderer/index.html`,
    DEV_SERVER, // no dev server in this boot
    'about:blank'
  ])('refuses every channel from the main frame of %s', async (url) => {
    for (const answer of await answersFromForeignPage(b, url)) expect(answer).toEqual(FORBIDDEN)
  })

  it('prevents navigation away from the app, and allows it within', () => {
    const away = new StandInEvent()
    b.window.webContents.emit('will-navigate', away, 'https://evil.example/')
    expect(away.defaultPrevented).toBe(true)
    const within = new StandInEvent()
    b.window.webContents.emit('will-navigate', within, 'app://clausewise/index.html#/compare')
    expect(within.defaultPrevented).toBe(false)
    const webview = new StandInEvent()
    b.window.webContents.emit('will-attach-webview', webview)
    expect(webview.defaultPrevented).toBe(true)
  })

  it('denies every permission request and check', () => {
    const answers: boolean[] = []
    b.standIn.recorded.permissionRequestHandler?.(b.window.webContents, 'media', (granted) => answers.push(granted))
    expect(answers).toEqual([false])
    expect(b.standIn.recorded.permissionCheckHandler?.(b.window.webContents, 'clipboard-read')).toBe(false)
  })
})

describe('the built main process, booted packaged', () => {
  let b: Booted
  beforeAll(async () => {
    b = await boot({
      isPackaged: true,
      // None of these may take effect in a packaged app.
      env: (scratch) => ({
        ELECTRON_RENDERER_URL: DEV_SERVER,
        CLAUSEWISE_MODELS_DIR: join(scratch, 'empty'),
        CLAUSEWISE_SOURCES_DIR: join(scratch, 'empty'),
        CLAUSEWISE_WORKSPACE: join(scratch, 'override.clausewise.json')
      }),
      // Packaged, resources come from <resourcesPath>/resources: the repository has that layout.
      resourcesPath: () => ROOT
    })
  }, BOOT_TIMEOUT)
  afterAll(async () => {
    if (b) await rm(b.scratch, { recursive: true, force: true })
  })

  it('ignores ELECTRON_RENDERER_URL and the CLAUSEWISE_* overrides', async () => {
    expect(b.window.loadedUrls).toEqual(['app://clausewise/index.html'])
    const wc = b.window.webContents
    const library = await b.standIn.invoke(channel('getLibrary'), ipcEvent(wc, wc.mainFrame))
    expect(library).toMatchObject({ ok: true, value: { versions: expect.arrayContaining([expect.objectContaining({ id: '2026-04' })]) } })
    expect(await b.standIn.invoke(channel('getWorkspaceStatus'), ipcEvent(wc, wc.mainFrame))).toMatchObject({ ok: true, value: { name: 'workspace.clausewise.json' } })
    expect(existsSync(join(b.scratch, 'override.clausewise.json'))).toBe(false)
  })

  it('does not trust the dev server named in the environment', async () => {
    for (const answer of await answersFromForeignPage(b, DEV_SERVER)) expect(answer).toEqual(FORBIDDEN)
    const away = new StandInEvent()
    b.window.webContents.emit('will-navigate', away, DEV_SERVER)
    expect(away.defaultPrevented).toBe(true)
  })
})

describe('the built main process, booted for `electron-vite dev`', () => {
  let b: Booted
  beforeAll(async () => {
    b = await boot({
      isPackaged: false,
      env: (scratch) => ({ ELECTRON_RENDERER_URL: DEV_SERVER, CLAUSEWISE_WORKSPACE: join(scratch, 'dev.clausewise.json') }),
      resourcesPath: (scratch) => scratch
    })
  }, BOOT_TIMEOUT)
  afterAll(async () => {
    if (b) await rm(b.scratch, { recursive: true, force: true })
  })

  it('loads the dev server and answers its main frame, and only that origin', async () => {
    expect(b.window.loadedUrls).toEqual([DEV_SERVER])
    const wc = b.window.webContents
    expect(await b.standIn.invoke(channel('getSettings'), ipcEvent(wc, wc.mainFrame))).toMatchObject({ ok: true })
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.1:5173/']) {
      for (const answer of await answersFromForeignPage(b, url)) expect(answer, url).toEqual(FORBIDDEN)
    }
    const away = new StandInEvent()
    b.window.webContents.emit('will-navigate', away, 'http://localhost:5174/')
    expect(away.defaultPrevented).toBe(true)
  })
})
