import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { carryForward } from '../../../../src-main/core/models/effective'
import type { Clause, RemovedTerm, Version } from '../../../../src-main/core/models/types'
import { compareVersions } from '../../../../src-main/core/compare/compare'
import { FolderLibrary } from '../../../../src-main/core/library'

const ROOT = join(__dirname, '../../../..')

function version(id: string, clauses: Array<[string, string]>, extra: Partial<Version> = {}): Version {
  const cs: Clause[] = clauses.map(([cid, text]) => ({ id: cid, heading: cid, text }))
  return { id, title: id, date: id, kind: 'statement', summary: '', file: `${id}.yaml`, clauseCount: cs.length, clauses: cs, partial: true, ...extra }
}

const removal = (id: string, versionId: string): RemovedTerm => ({ id, versionId, basis: [{ sourceId: 's', quote: 'ended', start: 0, end: 5 }] })

describe('effective terms', () => {
  it('carries over what a partial version does not restate, naming the version whose text it is', () => {
    const { versions, problems } = carryForward([
      version('2019', [['cloud', 'Azure only.'], ['ip', 'Licence.']], { kind: 'agreement', partial: undefined }),
      version('2020', [['ip', 'Licence until 2030.'], ['fee', 'A fee.']]),
      version('2021', [['fee', 'A higher fee.']])
    ])
    expect(problems).toEqual([])
    expect(versions[1]!.clauses.map((c) => [c.id, c.text, c.carriedFrom ?? null])).toEqual([
      ['cloud', 'Azure only.', '2019'],
      ['ip', 'Licence until 2030.', null],
      ['fee', 'A fee.', null]
    ])
    // Carried twice, it still names the version that stated it.
    expect(versions[2]!.clauses.map((c) => [c.id, c.carriedFrom ?? null])).toEqual([['cloud', '2019'], ['ip', '2020'], ['fee', null]])
    expect(versions[2]!.clauseCount).toBe(3)
  })

  it('ends only a term a version says was ended, and remembers who said so', () => {
    const { versions, problems } = carryForward([
      version('a', [['x', 'X.'], ['y', 'Y.']], { partial: undefined }),
      version('b', [['y', 'Y2.']], { removed: [removal('x', 'b')] }),
      version('c', [['z', 'Z.']], { removed: [removal('q', 'c')] })
    ])
    expect(versions[1]!.clauses.map((c) => c.id)).toEqual(['y'])
    expect(versions[2]!.removed?.map((r) => [r.id, r.versionId])).toEqual([['x', 'b'], ['q', 'c']])
    expect(problems).toEqual([{ code: 'invalid-file', file: 'c.yaml', field: 'removes[0].id', message: '"q" is not a term of b, the version before, so it cannot end here' }])
  })

  it('carries nothing into a whole agreement, nor clauses without a model-given id', () => {
    const { versions } = carryForward([
      version('a', [['x', 'X.']], { partial: undefined }),
      version('b', [['y', 'Y.']], { kind: 'agreement', partial: undefined }),
      { ...version('c', []), clauses: [{ id: 'c-0123456789ab', idDerived: true, heading: '', text: 'Hashed.' }] },
      version('d', [])
    ])
    expect(versions[1]!.clauses.map((c) => c.id)).toEqual(['y'])
    expect(versions[3]!.clauses.map((c) => c.id)).toEqual(['y'])
  })
})

describe('the bundled case', () => {
  const library = new FolderLibrary({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models') })
  for (const [base, target] of [['2025-10', '2026-02'], ['2026-02', '2026-04']] as const) {
    it(`shows no term removed from ${base} to ${target} that no source says was removed: the rest are carried over, named with their version`, async () => {
      const c = compareVersions(await library.version(base), await library.version(target))
      const removed = c.clauses.filter((r) => r.status === 'removed')
      expect(removed.filter((r) => r.ended === null).map((r) => r.clauseId)).toEqual([])
      const carried = c.clauses.filter((r) => r.status === 'carried-over')
      expect(carried.length).toBeGreaterThan(0)
      for (const r of carried) {
        expect(r.parts.every((p) => p.op === 'equal')).toBe(true)
        expect(r.targetClauses[0]!.carriedFrom).toMatch(/^\d{4}(-\d{2})?$/)
      }
      expect(c.summary.carriedOver).toBe(carried.length)
    })
  }
})
