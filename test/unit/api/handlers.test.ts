import { describe, expect, it, vi } from 'vitest'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { createDispatch } from '../../../src-main/api/handlers'
import { createServices } from '../../../src-main/services'
import type { Library } from '../../../src-main/core/library'

const ROOT = join(__dirname, '../../..')
const services = createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: join(tmpdir(), `clausewise-api-${process.pid}.json`) })

describe('dispatch', () => {
  const dispatch = createDispatch(services, () => undefined)

  it('answers a valid call with its value', async () => {
    const result = await dispatch('getSource', { id: 'insights' })
    expect(result.ok).toBe(true)
    expect(result.ok && (result.value as { publisher: string }).publisher).toBe('Insights')
  })

  it('answers an unknown id with a not-found result', async () => {
    expect(await dispatch('getVersion', { id: 'nope' })).toEqual({ ok: false, error: { code: 'not-found', message: 'no version with id "nope"' } })
  })

  it.each([
    ['a missing argument', undefined, 'getSource: argument: Invalid input: expected object, received undefined'],
    ['a wrong type', { id: 42 }, 'getSource: id: Invalid input: expected string, received number'],
    ['an extra field', { id: 'insights', path: '/etc/passwd' }, 'getSource: argument: Unrecognized key: "path"'],
    ['a path for an id', { id: '../../etc/passwd' }, 'getSource: id: has characters an id never has'],
    ['a huge string', { id: 'x'.repeat(10_000_000) }, 'getSource: id: is too long']
  ])('rejects %s with a typed error', async (_what, payload, message) => {
    expect(await dispatch('getSource', payload)).toEqual({ ok: false, error: { code: 'invalid-argument', message } })
  })

  it('rejects an unknown method and inherited property names', async () => {
    for (const method of ['deleteEverything', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(method, undefined)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
  })

  it('rejects an argument for a method that takes none', async () => {
    expect(await dispatch('getLibrary', { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('never passes an unexpected error or its stack to the caller', async () => {
    const log = vi.fn()
    const broken = { index: () => Promise.reject(new Error('secret /home/user path in stack')) } as unknown as Library
    const result = await createDispatch({ ...services, library: broken }, log)('getLibrary', undefined)
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'getLibrary failed unexpectedly; the details are in the application log' } })
    expect(log).toHaveBeenCalledOnce()
  })
})
