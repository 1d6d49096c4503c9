// Boots the built main process (out/main/index.js) under plain Node against a stand-in for the
// `electron` module and plays the renderer: the page the window loaded must be served and answered
// on every API channel; foreign pages, sub-frames and foreign navigation must be refused. The
// built preload runs against the same stand-in: what it exposes is exactly the bridge, dropped
// files become paths only through Electron, events reach the page as payloads. The File menu's
// matter commands, Open Recent and the matter reopened at start are played too. This is the
// closest the unit suite gets to the Electron mode (no Electron binary here).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { API_EVENT_CHANNEL, API_METHODS, IPC_CHANNEL_PREFIX, PRELOAD_WRAPPED_METHODS, type ApiEvent, type ApiMethod, type ClausewiseBridge, type DroppedFile } from '../../../src-main/api/contract'
import { createMatter } from '../../../src-main/core/matter/service'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/shell/protocol'
import { callEveryMethod, expectEveryAnswer, VALID_CALLS } from '../../support/api-calls'
import { createElectronStandIn, ipcEvent, requireWithElectron, StandInEvent, StandInFrame, StandInWebContents, type ElectronStandIn } from '../../support/electron-stand-in'

const ROOT = join(__dirname, '../../..')
const BUILT = { main: join(ROOT, 'out/main/index.js'), preload: join(ROOT, 'out/preload/preload.cjs'), renderer: join(ROOT, 'out/renderer/index.html') }
const BOOT_TIMEOUT = 120_000
const DEV_SERVER = 'http://localhost:5173/'
const FIXTURES = join(ROOT, 'test/fixtures/documents')
const RECENT_FILE = 'recent-workspaces.json'

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
async function boot(options: {
  isPackaged: boolean
  env: (scratch: string) => Record<string, string>
  resourcesPath: (scratch: string) => string
  /** Runs before the app loads: what an earlier session left in userData. */
  prepare?: (scratch: string) => Promise<void>
}): Promise<Booted> {
  const missing = Object.values(BUILT).filter((p) => !existsSync(p))
  if (missing.length) throw new Error(`the built app is missing (${missing.join(', ')}): run \`npm run build\` first`)
  const scratch = await mkdtemp(join(tmpdir(), 'clausewise-boot-'))
  await mkdir(join(scratch, 'userData'))
  await mkdir(join(scratch, 'empty'))
  await options.prepare?.(scratch)
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

/** An item of the menu template the app built (the stand-in's Menu keeps the template). */
interface MenuItem {
  label?: string
  sublabel?: string
  toolTip?: string
  accelerator?: string
  enabled?: boolean
  type?: string
  role?: string
  submenu?: MenuItem[]
  click?: () => void
}

function fileMenu(b: Booted): MenuItem[] {
  const menu = b.standIn.recorded.applicationMenu as { template: MenuItem[] } | undefined
  const file = menu?.template.find((item) => item.label === 'File')
  if (!file?.submenu) throw new Error('the application menu has no File menu')
  return file.submenu
}

function menuItem(b: Booted, label: string): MenuItem {
  const item = fileMenu(b).find((i) => i.label === label)
  if (!item) throw new Error(`the File menu has no "${label}"`)
  return item
}

function recentItems(b: Booted): MenuItem[] {
  return menuItem(b, 'Open Recent').submenu ?? []
}

/** Runs the built preload for the booted window, as Electron would, and answers what it exposed. */
function loadPreload(b: Booted): ClausewiseBridge {
  b.standIn.connectRenderer(b.window.webContents)
  requireWithElectron(BUILT.preload, b.standIn)
  return b.standIn.recorded.exposed.get('api') as ClausewiseBridge
}

function menuEvents(b: Booted): unknown[] {
  return b.window.webContents.sent.filter((s) => s.channel === API_EVENT_CHANNEL).map((s) => s.args[0]).filter((e) => (e as ApiEvent).type === 'menu')
}

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
    expect(b.standIn.ipcChannels()).toContain(channel('importPaths'))
    expect(VALID_CALLS.map((c) => c.method).sort()).toEqual([...API_METHODS].sort())
    const wc = b.window.webContents
    const answers = await callEveryMethod((method, payload) => b.standIn.invoke(channel(method), ipcEvent(wc, wc.mainFrame), payload))
    expectEveryAnswer(answers)
    const library = answers.get('getLibrary') as { value: { versions: unknown[]; sources: unknown[] } }
    expect(library.value.versions.length).toBeGreaterThan(1)
    expect(library.value.sources.length).toBeGreaterThan(1)
    // Unpackaged, CLAUSEWISE_WORKSPACE is honoured (the E2E suite relies on it).
    expect(answers.get('getWorkspaceStatus')).toMatchObject({ ok: true, value: { name: 'override.clausewise.json' } })
    expect(existsSync(join(b.scratch, 'override.clausewise.json'))).toBe(true)
    expect(answers.get('exportComparison')).toEqual({ ok: true, value: { saved: false } })
    expect(answers.get('getMatter')).toEqual({ ok: true, value: null })
    expect(answers.get('newMatter')).toEqual({ ok: true, value: { opened: false } })
    expect(answers.get('openMatter')).toEqual({ ok: true, value: { opened: false } })
    expect(answers.get('openBundledCase')).toMatchObject({ ok: true, value: { opened: true } })
    // Export PDF's save dialog, then New Matter's (a folder named from the title, in Documents), then Open Matter's.
    expect(b.standIn.recorded.dialogs).toEqual([
      { kind: 'save', options: expect.objectContaining({ title: 'Export PDF' }) },
      { kind: 'save', options: expect.objectContaining({ title: 'New matter', defaultPath: join(b.scratch, 'userData', 'documents', 'Acme - Beta - services agreement') }) },
      { kind: 'open', options: expect.objectContaining({ title: 'Open matter', properties: ['openDirectory'] }) }
    ])
    // Back on the bundled case, which is the override here: nothing to reopen at the next start.
    expect(await b.standIn.invoke(channel('getWorkspaceStatus'), ipcEvent(wc, wc.mainFrame))).toMatchObject({ ok: true, value: { name: 'override.clausewise.json' } })
    await vi.waitFor(async () => expect(JSON.parse(await readFile(join(b.scratch, 'userData', RECENT_FILE), 'utf8'))).toEqual({ recent: [], reopen: null }))
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

describe('the built preload, the File menu and a matter, booted unpackaged', () => {
  let b: Booted
  let api: ClausewiseBridge
  const events: unknown[][] = []
  beforeAll(async () => {
    b = await boot({ isPackaged: false, env: (scratch) => ({ CLAUSEWISE_WORKSPACE: join(scratch, 'bundled.clausewise.json') }), resourcesPath: (scratch) => scratch })
    api = loadPreload(b)
    // Every argument the page's listener is called with, to show it gets the payload alone.
    api.onEvent((...args: unknown[]) => void events.push(args))
  }, BOOT_TIMEOUT)
  afterAll(async () => {
    if (b) await rm(b.scratch, { recursive: true, force: true })
  })
  const invokes = () => b.standIn.recorded.rendererInvokes.map((i) => i.channel)

  it('exposes exactly the bridge: every contract method but importPaths, plus importDropped and onEvent, frozen', async () => {
    expect([...b.standIn.recorded.exposed.keys()]).toEqual(['api'])
    const expected = [...API_METHODS.filter((m) => !(PRELOAD_WRAPPED_METHODS as readonly string[]).includes(m)), 'importDropped', 'onEvent']
    expect(Object.keys(api).sort()).toEqual(expected.sort())
    expect(api).not.toHaveProperty('importPaths')
    expect(Object.isFrozen(api)).toBe(true)
    // Each wrapper calls its own channel, and main answers it as the window's page.
    const before = invokes().length
    expect(await api.getSettings()).toMatchObject({ ok: true })
    expect(await api.getVersion({ id: '2026-04' })).toMatchObject({ ok: true, value: { id: '2026-04' } })
    expect(invokes().slice(before)).toEqual([channel('getSettings'), channel('getVersion')])
  })

  it('importDropped refuses a File the page built, or anything that is no File, without asking main', async () => {
    const before = invokes().length
    const built = new File(['%PDF-1.7'], 'made-up.pdf') // no file on disk behind it
    const real = b.standIn.droppedFile(join(FIXTURES, 'md-services-agreement.md'))
    for (const files of [[built], [real, built], [{ name: '/etc/passwd' } as DroppedFile], ['/etc/passwd' as unknown as DroppedFile], [null as unknown as DroppedFile]]) {
      const answer = await api.importDropped(files as DroppedFile[], 'version')
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/is not a file on this computer/) } })
    }
    expect(await api.importDropped('/etc/passwd' as unknown as DroppedFile[], 'source')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(invokes().slice(before)).toEqual([])
  })

  it('importDropped sends the paths Electron gives for dropped files on the importPaths channel', async () => {
    const paths = [join(FIXTURES, 'md-services-agreement.md'), join(FIXTURES, 'html-news-article.html')]
    const before = b.standIn.recorded.rendererInvokes.length
    const answer = await api.importDropped(paths.map((p) => b.standIn.droppedFile(p)), 'source')
    expect(b.standIn.recorded.rendererInvokes.slice(before)).toEqual([{ channel: channel('importPaths'), args: [{ as: 'source', paths }] }])
    // The bundled case is open: main refuses, in words the page can show.
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/^no matter is open/) } })
  })

  it('has the matter commands in the File menu; New Matter is sent to the page, which gets the payload alone', () => {
    const labels = fileMenu(b).map((i) => i.label ?? i.type ?? i.role)
    expect(labels.slice(0, labels.indexOf('New Workspace…') + 1)).toEqual([
      'New Matter…',
      'Open Matter…',
      'Open Recent',
      'separator',
      'Import Agreement Version…',
      'Import Source…',
      'separator',
      'Open Bundled Case',
      'separator',
      'New Workspace…'
    ])
    expect(labels).toEqual(expect.arrayContaining(['Open Workspace…', 'Save Workspace As…', 'Export']))
    // File → Export offers every format the one export path renders.
    expect((menuItem(b, 'Export').submenu ?? []).map((i) => [i.label, i.accelerator])).toEqual([
      ['PDF (inline)…', 'CmdOrCtrl+E'],
      ['PDF (side by side)…', undefined],
      ['Word Redline (tracked changes)…', 'CmdOrCtrl+Shift+E']
    ])
    expect(menuItem(b, 'New Matter…').accelerator).toBe('CmdOrCtrl+Shift+N')
    expect(recentItems(b)).toEqual([expect.objectContaining({ label: 'No recent matters or workspaces', enabled: false })])

    events.length = 0
    menuItem(b, 'New Matter…').click?.()
    expect(b.window.webContents.sent.at(-1)).toEqual({ channel: API_EVENT_CHANNEL, args: [{ type: 'menu', command: 'new-matter' }] })
    expect(events).toEqual([[{ type: 'menu', command: 'new-matter' }]])
    for (const label of ['Open Matter…', 'Import Agreement Version…', 'Import Source…', 'Open Bundled Case']) menuItem(b, label).click?.()
    expect(menuEvents(b).slice(-4)).toEqual(['open-matter', 'import-version', 'import-source', 'open-bundled-case'].map((command) => ({ type: 'menu', command })))
    // Nothing switched: the page decides what to do with a command.
    expect(b.window.webContents.reloads).toBe(0)
  })

  it('stops calling a listener once it unsubscribes', () => {
    const heard: unknown[] = []
    const stop = api.onEvent((e) => void heard.push(e))
    expect(b.standIn.rendererListeners(API_EVENT_CHANNEL)).toBe(2)
    menuItem(b, 'Open Matter…').click?.()
    stop()
    stop()
    menuItem(b, 'Open Matter…').click?.()
    expect(heard).toEqual([{ type: 'menu', command: 'open-matter' }])
    expect(b.standIn.rendererListeners(API_EVENT_CHANNEL)).toBe(1)
  })

  it('exports a PDF where the save dialog says, without opening the folder; "Show in folder" then shows that file, and only it', async () => {
    const dir = join(b.scratch, 'Exports')
    await mkdir(dir)
    const out = join(dir, 'for the partner.pdf')
    const revealed = b.standIn.recorded.revealed.length
    expect(await api.revealExport()).toEqual({ ok: false, error: { code: 'not-found', message: 'nothing has been exported yet' } })
    b.standIn.answerDialog('save', { canceled: false, filePath: out })
    const exported = await api.exportComparison({ baseId: '2025-10', targetId: '2026-04' })
    expect(exported).toMatchObject({ ok: true, value: { saved: true, format: 'pdf', fileName: 'for the partner.pdf', folder: 'Exports', path: out, pages: expect.any(Number) } })
    // The dialog proposed the versions' dates, in Documents.
    expect(b.standIn.recorded.dialogs.at(-1)).toEqual({ kind: 'save', options: expect.objectContaining({ title: 'Export PDF', defaultPath: join(b.scratch, 'userData', 'documents', 'Redline 2025-10-28 to 2026-04-27.pdf') }) })
    expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-')
    expect(b.standIn.recorded.revealed.length).toBe(revealed)

    expect(await api.revealExport()).toEqual({ ok: true, value: { fileName: 'for the partner.pdf', folder: 'Exports' } })
    expect(b.standIn.recorded.revealed.slice(revealed)).toEqual([out])
    // The page cannot name what to show: a path is refused before any handler runs.
    const reveal = api.revealExport as unknown as (args: unknown) => Promise<unknown>
    expect(await reveal({ path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await reveal('/etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    // A file moved away since is named, not shown.
    await rm(out)
    expect(await api.revealExport()).toEqual({ ok: false, error: { code: 'not-found', message: `for the partner.pdf: is no longer in ${dir}` } })
    expect(b.standIn.recorded.revealed.slice(revealed)).toEqual([out])
  })

  it('creates a matter in the folder chosen, imports dropped and chosen files with progress, and lists the matter in Open Recent', async () => {
    const folder = join(b.scratch, 'Matters', 'Acme & Co MSA')
    b.standIn.answerDialog('save', { canceled: false, filePath: folder })
    expect(await api.newMatter({ title: 'Acme & Co master services agreement' })).toEqual({ ok: true, value: { opened: true, title: 'Acme & Co master services agreement' } })
    expect(existsSync(join(folder, 'matter.clausewise.json'))).toBe(true)
    // Open Recent names the matter by its folder (an ampersand doubled, as menus need), the path beside it.
    await vi.waitFor(() => expect(recentItems(b)).toEqual([expect.objectContaining({ label: 'Acme && Co MSA', sublabel: join(folder, 'matter.clausewise.json') })]))

    events.length = 0
    const progressBefore = b.window.progress.length
    const dropped = await api.importDropped([b.standIn.droppedFile(join(FIXTURES, 'md-services-agreement.md'))], 'version')
    expect(dropped).toMatchObject({ ok: true, value: { imported: [{ document: { role: 'version', file: 'md-services-agreement.md' } }], failed: [] } })
    const progress = events.map(([e]) => e as ApiEvent).filter((e) => e.type === 'import-progress')
    expect(events.every((args) => args.length === 1)).toBe(true)
    expect(progress.map((e) => e.progress.stage)).toEqual(expect.arrayContaining(['reading', 'segmenting', 'saving', 'done']))
    expect(progress.at(-1)).toEqual({ type: 'import-progress', progress: { file: 'md-services-agreement.md', stage: 'done', fraction: 1 } })
    const bar = b.window.progress.slice(progressBefore)
    expect(bar.at(-1)).toBe(-1)
    expect(bar.some((f) => f > 0 && f < 1)).toBe(true)

    // Import by the menu's dialog: several files, filtered to what import reads (and All files).
    b.standIn.answerDialog('open', { canceled: false, filePaths: [join(FIXTURES, 'html-news-article.html')] })
    expect(await api.importDocuments({ as: 'source' })).toMatchObject({ ok: true, value: { imported: [{ document: { role: 'source' } }], failed: [] } })
    const chooser = b.standIn.recorded.dialogs.at(-1)
    expect(chooser).toEqual({ kind: 'open', options: expect.objectContaining({ title: 'Import source', properties: ['openFile', 'multiSelections'] }) })
    const filters = (chooser?.options as { filters: { extensions: string[] }[] }).filters
    expect(filters[0]?.extensions).toEqual(expect.arrayContaining(['docx', 'pdf', 'txt', 'md', 'html']))
    expect(filters.at(-1)?.extensions).toEqual(['*'])

    // A file that fails sends no 'done': the taskbar's bar is cleared all the same.
    const beforeScan = b.window.progress.length
    const scan = await api.importDropped([b.standIn.droppedFile(join(FIXTURES, 'pdf-scan.pdf'))], 'version')
    expect(scan).toMatchObject({ ok: true, value: { imported: [], failed: [{ file: 'pdf-scan.pdf', message: expect.stringMatching(/scan/) }] } })
    expect(b.window.progress.slice(beforeScan).at(-1)).toBe(-1)

    expect(await api.getMatter()).toMatchObject({ ok: true, value: { title: 'Acme & Co master services agreement', folder: 'Acme & Co MSA', documents: [{ role: 'version' }, { role: 'source' }] } })
    expect(JSON.parse(await readFile(join(b.scratch, 'userData', RECENT_FILE), 'utf8'))).toEqual({ recent: [join(folder, 'matter.clausewise.json')], reopen: join(folder, 'matter.clausewise.json') })
  })

  it('goes back to the bundled case, and Open Recent reopens the matter (the window reloads onto it)', async () => {
    expect(await api.openBundledCase()).toMatchObject({ ok: true, value: { opened: true } })
    expect(await api.getMatter()).toEqual({ ok: true, value: null })
    expect(await api.getWorkspaceStatus()).toMatchObject({ ok: true, value: { name: 'bundled.clausewise.json' } })
    await vi.waitFor(async () => expect(JSON.parse(await readFile(join(b.scratch, 'userData', RECENT_FILE), 'utf8'))).toMatchObject({ reopen: null }))

    const reloads = b.window.webContents.reloads
    recentItems(b)[0]?.click?.()
    await vi.waitFor(() => expect(b.window.webContents.reloads).toBe(reloads + 1))
    expect(await api.getMatter()).toMatchObject({ ok: true, value: { folder: 'Acme & Co MSA', documents: [expect.anything(), expect.anything()] } })
  })

  it('takes a matter that is no longer there out of Open Recent, and says so', async () => {
    const folder = join(b.scratch, 'Matters', 'Gone')
    await createMatter(folder, 'Gone')
    b.standIn.answerDialog('open', { canceled: false, filePaths: [folder] })
    expect(await api.openMatter()).toEqual({ ok: true, value: { opened: true, title: 'Gone' } })
    await vi.waitFor(() => expect(recentItems(b).map((i) => i.label)).toEqual(['Gone', 'Acme && Co MSA']))
    await rm(folder, { recursive: true })
    const reloads = b.window.webContents.reloads
    recentItems(b)[0]?.click?.()
    await vi.waitFor(() => expect(recentItems(b).map((i) => i.label)).toEqual(['Acme && Co MSA']))
    expect(b.standIn.recorded.dialogs.at(-1)).toEqual({ kind: 'message', options: expect.objectContaining({ type: 'warning', message: 'The matter “Gone” is no longer where it was.' }) })
    expect(b.window.webContents.reloads).toBe(reloads)
    expect(existsSync(folder)).toBe(false)
  })
})

describe('the built main process at start', () => {
  const booted: Booted[] = []
  afterAll(async () => {
    for (const b of booted) await rm(b.scratch, { recursive: true, force: true })
  })
  /** A packaged boot (no override) after a session that left `reopen` in the recent list. */
  async function bootAfter(session: (scratch: string) => Promise<string | null>): Promise<Booted> {
    const b = await boot({
      isPackaged: true,
      env: () => ({}),
      resourcesPath: () => ROOT,
      prepare: async (scratch) => {
        const reopen = await session(scratch)
        if (reopen !== undefined) await writeFile(join(scratch, 'userData', RECENT_FILE), JSON.stringify({ recent: reopen ? [reopen] : [], reopen }))
      }
    })
    booted.push(b)
    return b
  }
  const ask = (b: Booted, method: ApiMethod) => b.standIn.invoke(channel(method), ipcEvent(b.window.webContents, b.window.webContents.mainFrame))

  it('opens the bundled case on a fresh install', async () => {
    const b = await boot({ isPackaged: true, env: () => ({}), resourcesPath: () => ROOT })
    booted.push(b)
    expect(await ask(b, 'getMatter')).toEqual({ ok: true, value: null })
    expect(await ask(b, 'getWorkspaceStatus')).toMatchObject({ ok: true, value: { name: 'workspace.clausewise.json' } })
  }, BOOT_TIMEOUT)

  it('reopens the matter it was last switched to', async () => {
    const b = await bootAfter(async (scratch) => {
      await createMatter(join(scratch, 'Lease review'), 'Lease review')
      return join(scratch, 'Lease review', 'matter.clausewise.json')
    })
    expect(await ask(b, 'getMatter')).toMatchObject({ ok: true, value: { title: 'Lease review', folder: 'Lease review' } })
    // Open Bundled Case still goes to the userData workspace.
    expect(await ask(b, 'openBundledCase')).toMatchObject({ ok: true, value: { opened: true } })
    expect(await ask(b, 'getWorkspaceStatus')).toMatchObject({ ok: true, value: { name: 'workspace.clausewise.json' } })
  }, BOOT_TIMEOUT)

  it('opens the bundled case when the last matter is gone, or after the bundled case', async () => {
    const gone = await bootAfter((scratch) => Promise.resolve(join(scratch, 'Moved away', 'matter.clausewise.json')))
    expect(await ask(gone, 'getMatter')).toEqual({ ok: true, value: null })
    const bundled = await bootAfter(async (scratch) => {
      await createMatter(join(scratch, 'Closed'), 'Closed')
      return null
    })
    expect(await ask(bundled, 'getMatter')).toEqual({ ok: true, value: null })
  }, BOOT_TIMEOUT)
})
