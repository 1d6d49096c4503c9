// Hostile payloads for every API method: wrong types, missing fields, 10 MB strings, paths
// where ids go, prototype keys. Each must give a typed error result, never a throw, and no
// file outside the scratch workspace folder may be read or written.
import { describe, expect, it } from 'vitest'
import { mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { API_METHODS } from '../../../src-main/api/contract'
import { createDispatch } from '../../../src-main/api/handlers'
import { createServices } from '../../../src-main/services'

const ROOT = join(__dirname, '../../..')
const HUGE = 'x'.repeat(10 * 1024 * 1024)
const NASTY: unknown[] = [
  null, 42, 'string', true, [], [1, 2], {}, HUGE, { id: HUGE }, { id: '../../etc/passwd' }, { id: '/etc/passwd' },
  { id: '..\\..\\windows\\system32' }, JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: { polluted: true } } },
  { id: 'insights', extra: 1 }, { baseId: 42, targetId: null }, { versionId: '2026-04', clauseId: 'ip-licence', sourceId: '../../etc/passwd', stance: 'supports', start: 0, end: 10 },
  { versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'insights', stance: 'maybe', start: -1, end: 1e12 }, { reviewerName: HUGE }, { id: 'x', note: HUGE }
]

describe('IPC fuzz', () => {
  it('answers every malformed payload to every method with a typed error and touches nothing outside the workspace folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-fuzz-'))
    const services = createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: join(dir, 'w.json'), dialogs: { choosePdfPath: () => Promise.resolve(null), reveal: () => undefined } })
    const dispatch = createDispatch(services, () => undefined)
    let calls = 0
    let rejected = 0
    const codes = new Map<string, number>()
    const check = async (method: string, payload: unknown) => {
      const result = await dispatch(method, payload)
      calls++
      expect(typeof result.ok).toBe('boolean')
      if (!result.ok) {
        rejected++
        codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1)
        expect(result.error.message.length).toBeLessThan(500)
        expect(result.error.message).not.toMatch(/\n\s+at /) // no stack traces
      }
    }
    for (const method of [...API_METHODS, 'nope', '__proto__', 'constructor']) for (const payload of NASTY) await check(method, payload)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...API_METHODS), fc.anything({ withObjectString: true, withNullPrototype: true }), async (method, payload) => check(method, payload)),
      { numRuns: 400 }
    )
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    // Only the workspace file and its backups may exist in the scratch folder.
    expect((await readdir(dir)).every((f) => f.startsWith('w.json'))).toBe(true)
    console.log(`IPC fuzz: ${calls} calls over ${API_METHODS.length} methods, ${rejected} rejected with typed errors (${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')})`)
  }, 120_000)
})
