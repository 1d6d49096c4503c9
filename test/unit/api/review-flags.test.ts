import { describe, expect, it } from 'vitest'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatch } from '../../../src-main/api/handlers'
import type { ClauseHistory, FlaggedDisagreement } from '../../../src-main/api/contract'
import { createServices } from '../../../src-main/services'

const ROOT = join(__dirname, '../../..')

async function dispatch() {
  const dir = await mkdtemp(join(tmpdir(), 'clausewise-flags-'))
  return createDispatch(createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath: join(dir, 'w.json') }), () => undefined)
}

describe('disagreement flags', () => {
  it('are found before any citation, dismissed and shown again, each undoable', async () => {
    const call = await dispatch()
    const flags = (await call('getDisagreements', { versionId: '2026-04' })) as { ok: true; value: FlaggedDisagreement[] }
    expect(flags.value.map((d) => [d.key, d.dismissed])).toEqual([['2026-04/ip-licence/term', false], ['2026-04/ip-licence/exclusivity', false]])
    const dismissed = (await call('dismissDisagreement', { key: '2026-04/ip-licence/term' })) as { ok: true; value: FlaggedDisagreement[] }
    expect(dismissed.value.find((d) => d.key === '2026-04/ip-licence/term')!.dismissed).toBe(true)
    expect(await call('getHistory', undefined)).toMatchObject({ value: { undoLabel: 'Dismiss disagreement' } })
    await call('undo', undefined)
    expect(((await call('getDisagreements', {})) as { value: FlaggedDisagreement[] }).value.every((d) => !d.dismissed)).toBe(true)
    await call('redo', undefined)
    expect(await call('restoreDisagreement', { key: '2026-04/ip-licence/term' })).toMatchObject({ ok: true })
    expect(((await call('getDisagreements', {})) as { value: FlaggedDisagreement[] }).value.every((d) => !d.dismissed)).toBe(true)
    expect(await call('dismissDisagreement', { key: '2019/investment/term' })).toMatchObject({ ok: false, error: { code: 'not-found', message: 'no disagreement with id "2019/investment/term"' } })
    expect(await call('dismissDisagreement', { key: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })
})

describe('a clause\'s history', () => {
  it('shows the IP licence in every version: absent, stated, carried or restated, with the redline from the stage before', async () => {
    const call = await dispatch()
    const answer = (await call('getClauseHistory', { clauseId: 'ip-licence' })) as { ok: true; value: ClauseHistory }
    const stages = answer.value.stages
    expect(stages.map((s) => s.versionId)).toEqual(['2019', '2025-01', '2025-10', '2026-02', '2026-04'])
    expect(stages.map((s) => s.state)).toEqual(['absent', 'absent', 'stated', 'stated', 'stated'])
    // When did the licence stop being exclusive, and who says so? April, by Hamidun News.
    const april = stages[4]!
    expect(april.sinceVersionId).toBe('2026-02')
    expect(april.parts!.filter((p) => p.op === 'insert').map((p) => p.text).join(' ')).toMatch(/no longer exclusive/)
    expect(april.basis.map((b) => b.sourceId)).toContain('hamidun-news')
    for (const s of stages.filter((x) => x.parts)) {
      expect(s.parts!.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(s.text)
    }
    const carried = ((await call('getClauseHistory', { clauseId: 'frontier-model-access' })) as { value: ClauseHistory }).value.stages
    expect(carried.map((s) => [s.state, s.carriedFrom])).toEqual([['absent', null], ['absent', null], ['stated', null], ['carried-over', '2025-10'], ['carried-over', '2025-10']])
    expect(carried[3]!.parts!.every((p) => p.op === 'equal')).toBe(true)
    expect(await call('getClauseHistory', { clauseId: 'no-such-term' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
