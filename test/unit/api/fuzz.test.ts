// Hostile payloads for every API method, sent the way the renderer sends them: through the
// handlers registerIpc puts on ipcMain, from the main frame of our own page, first with the
// bundled case open and then with a matter open (one draft imported, so ids reach the matter's
// core). Valid calls must succeed (a matter's methods, with the bundled case open, answer that no
// matter is open); every bad payload must give a typed error (never `internal`, never a throw,
// never a stack trace, never longer than the cap), and nothing outside the scratch folder may be
// written, nor read but the one fixture imported on purpose. The run is seeded, so a failure
// reproduces.
import { describe, expect, it } from 'vitest'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMain } from 'electron'
import fc from 'fast-check'
import { API_METHODS, IPC_CHANNEL_PREFIX, type ApiMethod, type DocumentReview, type ImportReport } from '../../../src-main/api/contract'
import { API_ERROR_MESSAGE_MAX, createDispatch } from '../../../src-main/api/handlers'
import { ClausewiseError } from '../../../src-main/core/errors'
import type { Library } from '../../../src-main/core/library'
import { createMatter } from '../../../src-main/core/matter/service'
import { createServices, openMatter, type ShellDialogs } from '../../../src-main/services'
import { registerIpc } from '../../../src-main/shell/ipc'
import { isTrustedRendererUrl } from '../../../src-main/shell/trust'
import { callEveryMethod, expectEveryAnswer } from '../../support/api-calls'
import { createElectronStandIn, ipcEvent, StandInWebContents } from '../../support/electron-stand-in'

const ROOT = join(__dirname, '../../..')
const SEED = 20_260_401
const HUGE = 'x'.repeat(10 * 1024 * 1024)
const MANY_KEYS = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`key${i}_${'k'.repeat(100)}`, i]))
const NASTY: unknown[] = [
  null, 42, 'string', true, [], [1, 2], {}, HUGE, { id: HUGE }, { id: '../../etc/passwd' }, { id: '/etc/passwd' },
  { id: '..\\..\\windows\\system32' }, JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: { polluted: true } } },
  { id: 'insights', extra: 1 }, { baseId: 42, targetId: null }, { versionId: '2026-04', clauseId: 'ip-licence', sourceId: '../../etc/passwd', stance: 'supports', start: 0, end: 10 },
  { versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'insights', stance: 'maybe', start: -1, end: 1e12 }, { reviewerName: HUGE }, { id: 'x', note: HUGE },
  { id: 'insights', [HUGE.slice(0, 5000)]: 1 }, MANY_KEYS, { ...MANY_KEYS, id: 'insights' },
  // Well-formed but wrong: these reach the core, which must answer with its own typed errors.
  { id: 'no-such-id' }, { id: 'n'.repeat(128) }, { versionId: 'no-such-version' }, { baseId: '2026-04', targetId: 'no-such-version' },
  { baseId: '2026-04', targetId: '2026-04' }, { versionId: '2026-04', clauseId: 'no-such-clause' },
  { versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'no-such-source', stance: 'supports', start: 0, end: 10 },
  { versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', stance: 'supports', start: 99_999_990, end: 100_000_000 },
  { id: 'no-such-citation', note: 'x' }, { id: 'no-such-citation', clauseId: 'no-such-clause' }
]

const DRAFT = join(ROOT, 'test/fixtures/documents/md-services-agreement.md')

/** Every dialog cancelled; progress and switches only counted. */
function cancellingDialogs(): ShellDialogs & { progress: number; switches: string[] } {
  return {
    progress: 0,
    switches: [],
    chooseExportPath: () => Promise.resolve(null),
    reveal: () => undefined,
    chooseImportFiles: () => Promise.resolve([]),
    chooseMatterFolder: () => Promise.resolve(null),
    opened(path) {
      this.switches.push(path)
    },
    importProgress() {
      this.progress++
    }
  }
}

/** Well-formed or nearly so for a matter's methods, naming a real draft and clause: they reach the matter's core. */
function matterPayloads(dir: string, documentId: string, clauseIds: string[], textLength: number): unknown[] {
  const [first = 'none', last = 'none'] = [clauseIds[0], clauseIds.at(-1)]
  return [
    { as: 'version', paths: [] }, { as: 'version', paths: Array.from({ length: 101 }, (_, i) => join(dir, `f${i}.pdf`)) }, { as: 'draft', paths: [DRAFT] },
    { as: 'version', paths: [join(dir, 'missing.docx')] }, { as: 'source', paths: [dir] }, { as: 'version', paths: [''] }, { as: 'version', paths: [HUGE] },
    { as: 'version', paths: [DRAFT] }, // the same draft again: refused as already in the matter
    { id: documentId, title: '' }, { id: documentId, title: HUGE }, { id: documentId, date: '2026-13-45' }, { id: documentId, date: '04/2026' },
    { id: documentId, author: null, publisher: HUGE }, { id: documentId, extra: true },
    { documentId, clauseId: first, op: 'split', at: 0 }, { documentId, clauseId: first, op: 'split', at: textLength * 10 + 1 },
    { documentId, clauseId: first, op: 'split', at: 1.5 }, { documentId, clauseId: last, op: 'merge' }, { documentId, clauseId: first, op: 'delete' },
    { documentId, clauseId: first, op: 'heading', heading: HUGE }, { documentId, clauseId: 'no-such-clause', op: 'merge' },
    { documentId: 'no-such-document', clauseId: first, op: 'merge' }, { documentId, clauseId: first, op: 'merge', at: 3 },
    { id: 'no-such-document' }, { title: ' ' }, { title: HUGE }, { title: 'x', as: 'version' }
  ]
}

interface Failure {
  ok: false
  error: { code: string; message: string }
}

function isFailure(result: unknown): result is Failure {
  return typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false
}

describe('IPC fuzz', () => {
  it('answers valid calls and every malformed payload through registerIpc, with capped typed errors, with the bundled case and then a matter open, writing nothing outside the scratch folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-fuzz-'))
    const matterDir = join(dir, 'matter')
    const dialogs = cancellingDialogs()
    const services = createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: join(dir, 'w.json'), dialogs })
    const logged: unknown[] = []
    const standIn = createElectronStandIn({ appPath: ROOT, userData: dir })
    registerIpc(standIn.electron.ipcMain as unknown as IpcMain, createDispatch(services, (_message, err) => logged.push(err)), (url) => isTrustedRendererUrl(url))
    const page = new StandInWebContents()
    page.mainFrame.url = 'app://clausewise/index.html'
    const invoke = (method: string, payload: unknown) => standIn.invoke(IPC_CHANNEL_PREFIX + method, ipcEvent(page, page.mainFrame), payload)

    // Only the contract's methods have a channel (importPaths too); any other name never reaches the dispatcher.
    expect(standIn.ipcChannels().sort()).toEqual(API_METHODS.map((m) => IPC_CHANNEL_PREFIX + m).sort())
    expect(standIn.ipcChannels()).toContain(IPC_CHANNEL_PREFIX + 'importPaths')
    for (const name of ['nope', '__proto__', 'constructor']) await expect(invoke(name, undefined)).rejects.toThrow(/no ipcMain handler/)

    expectEveryAnswer(await callEveryMethod((method, payload) => invoke(method, payload)))

    let calls = 0
    let rejected = 0
    let noMatter = 0
    const codes = new Map<string, number>()
    const check = async (method: ApiMethod, payload: unknown) => {
      const result = await invoke(method, payload)
      calls++
      expect(typeof (result as { ok?: unknown }).ok).toBe('boolean')
      if (isFailure(result)) {
        rejected++
        if (result.error.message.startsWith('no matter is open')) noMatter++
        codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1)
        expect(result.error.code, `${method}: ${result.error.message}`).not.toBe('internal')
        expect(result.error.code).not.toBe('forbidden')
        expect(result.error.message.length).toBeLessThanOrEqual(API_ERROR_MESSAGE_MAX)
        expect(result.error.message).not.toMatch(/\n\s+at /) // no stack traces
        expect(result.error.message).not.toMatch(/x{50}|k{50}/) // unbounded input is never echoed
      }
    }
    for (const method of API_METHODS) for (const payload of NASTY) await check(method, payload)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...API_METHODS), fc.anything({ withObjectString: true, withNullPrototype: true }), check),
      { numRuns: 400, seed: SEED }
    )

    // A matter with one draft: the same payloads now reach the matter's core.
    await createMatter(matterDir, 'Fuzz matter')
    openMatter(services, matterDir)
    const imported = (await invoke('importPaths', { as: 'version', paths: [DRAFT] })) as { ok: true; value: ImportReport }
    expect(imported).toMatchObject({ ok: true, value: { failed: [], imported: [expect.anything()] } })
    const documentId = imported.value.imported[0]!.document.id
    const review = (await invoke('getDocumentReview', { id: documentId })) as { ok: true; value: DocumentReview }
    expect(review.ok).toBe(true)
    const clauseIds = review.value.clauses.map((c) => c.id)
    expect(clauseIds.length).toBeGreaterThan(3)
    const textLength = review.value.clauses.reduce((n, c) => n + c.text.length, 0)
    const beforeMatter = calls
    const noMatterBefore = noMatter
    expect(noMatterBefore).toBeGreaterThan(0) // the bundled case's answers, above
    // Whatever a call did (opened the bundled case, undid the import), the next one meets the matter again.
    const inMatter = async (method: ApiMethod, payload: unknown) => {
      await check(method, payload)
      if (!services.matter) openMatter(services, matterDir)
    }
    for (const method of API_METHODS) for (const payload of [...NASTY, ...matterPayloads(dir, documentId, clauseIds, textLength)]) await inMatter(method, payload)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...API_METHODS), fc.anything({ withObjectString: true, withNullPrototype: true }), inMatter),
      { numRuns: 300, seed: SEED + 1 }
    )
    expect(calls - beforeMatter).toBeGreaterThan(API_METHODS.length * NASTY.length)
    expect(noMatter - noMatterBefore, 'every call of the second phase met the matter').toBe(0)
    expect(dialogs.progress).toBeGreaterThan(0)

    expect(logged).toEqual([])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    // Only the workspace file (its backups and lock) and the matter folder may exist in the scratch folder; the
    // matter holds its review file (backups, lock) and its document store.
    expect((await readdir(dir)).filter((f) => !f.startsWith('w.json'))).toEqual(['matter'])
    expect((await readdir(matterDir)).filter((f) => !f.startsWith('matter.clausewise.json')).sort()).toEqual(['documents'])
    console.log(`IPC fuzz (seed ${SEED}): ${calls} calls over ${API_METHODS.length} methods (${calls - beforeMatter} with a matter open), ${rejected} rejected with typed errors (${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')})`)
    await rm(dir, { recursive: true, force: true })
  }, 240_000)

  it('caps the message of an unknown method name (the E2E harness calls dispatch by name)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-fuzz-'))
    const dispatch = createDispatch(createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: join(dir, 'w.json') }), () => undefined)
    for (const name of ['nope', '__proto__', 'constructor', HUGE]) {
      const result = await dispatch(name, undefined)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
      expect(isFailure(result) && result.error.message.length).toBeLessThanOrEqual(API_ERROR_MESSAGE_MAX)
    }
    await rm(dir, { recursive: true, force: true })
  })

  it('cuts every error message at the cap, whatever the core says', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-fuzz-'))
    const services = createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: join(dir, 'w.json') })
    const wordy = { index: () => Promise.reject(new ClausewiseError({ code: 'unreadable', file: 'manifest.yaml', message: `can't read ${'y'.repeat(5000)} 🙂` })) } as unknown as Library
    const result = await createDispatch({ ...services, library: wordy }, () => undefined)('getLibrary', undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'unreadable', message: expect.stringMatching(/^manifest\.yaml: can't read y+…$/) } })
    expect(isFailure(result) && result.error.message.length).toBe(API_ERROR_MESSAGE_MAX)
    await rm(dir, { recursive: true, force: true })
  })
})
