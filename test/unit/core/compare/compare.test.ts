import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { longestIncreasing } from '../../../../src-main/core/compare/align'
import { alignClauses } from '../../../support/id-alignment'
import { compareVersions } from '../../../../src-main/core/compare/compare'
import { DEFAULT_COMPARE_OPTIONS, type Comparison } from '../../../../src-main/core/compare/types'
import { FolderLibrary } from '../../../../src-main/core/library'
import type { Version } from '../../../../src-main/core/models/types'

function version(id: string, clauses: Array<[string, string, string?]>): Version {
  return {
    id, title: `Version ${id}`, date: '2025', kind: 'agreement', summary: 's', file: `${id}.yaml`, clauseCount: clauses.length,
    clauses: clauses.map(([cid, text, heading]) => ({ id: cid, text, heading: heading ?? cid.toUpperCase() }))
  }
}

const rows = (ids: string[], base: string[], target: string[]) => alignClauses(base, target).map((r) => `${r.clauseId}${r.moved ? '*' : ''}`)

describe('alignClauses', () => {
  it('keeps shared clauses in target order', () => {
    expect(rows([], ['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual(['a', 'b', 'c'])
  })

  it('shows a removed clause where it stood and an added clause where it is', () => {
    expect(rows([], ['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd'])
    expect(rows([], ['x', 'a'], ['a'])).toEqual(['x', 'a'])
  })

  it('marks the fewest clauses as moved', () => {
    expect(rows([], ['a', 'b', 'c', 'd', 'e'], ['a', 'e', 'b', 'c', 'd'])).toEqual(['a', 'e*', 'b', 'c', 'd'])
    expect(rows([], ['a', 'b', 'c'], ['c', 'b', 'a']).filter((r) => r.endsWith('*'))).toHaveLength(2)
  })

  it('longestIncreasing finds one longest increasing run', () => {
    expect(longestIncreasing([3, 1, 2, 5, 4, 6]).length).toBe(4)
    expect(longestIncreasing([])).toEqual([])
  })
})

describe('compareVersions', () => {
  const base = version('b', [['ip', 'Exclusive until 2030.'], ['cloud', 'Azure only.'], ['old', 'Gone soon.'], ['same', 'Same text.']])
  const target = version('t', [['cloud', 'Azure only.'], ['ip', 'Non-exclusive until 2032.'], ['same', 'Same text.'], ['new', 'Fresh term.']])

  it('gives each clause its status and the summary counts them', () => {
    const c = compareVersions(base, target)
    expect(c.clauses.map((x) => [x.clauseId, x.status])).toEqual([
      ['cloud', 'moved'],
      ['ip', 'modified'],
      ['old', 'removed'],
      ['same', 'unchanged'],
      ['new', 'added']
    ])
    expect(c.summary).toEqual({ unchanged: 1, carriedOver: 0, modified: 1, added: 1, removed: 1, moved: 1, split: 0, merged: 0, renumbered: 0, review: 0, wordsInserted: 4, wordsDeleted: 4 })
  })

  it('flags a moved clause that was also edited', () => {
    const t = version('t', [['cloud', 'Azure first.'], ['ip', 'Exclusive until 2030.']])
    const moved = compareVersions(version('b', [['ip', 'Exclusive until 2030.'], ['cloud', 'Azure only.']]), t).clauses.find((x) => x.status === 'moved')!
    expect(moved.edited).toBe(true)
    expect(moved.parts.some((p) => p.op === 'insert')).toBe(true)
  })

  it('counts a heading change as a modification', () => {
    const c = compareVersions(version('b', [['a', 'Text.', 'API hosting']]), version('t', [['a', 'Text.', 'Stateless API hosting']]))
    expect(c.clauses[0]).toMatchObject({ status: 'modified', edited: true })
    expect(c.clauses[0]!.headingParts).toEqual([{ op: 'insert', text: 'Stateless ' }, { op: 'equal', text: 'API hosting' }])
  })

  it('treats ignored differences as unchanged', () => {
    const c = compareVersions(version('b', [['a', 'Azure, only.']]), version('t', [['a', 'azure only']]), { ...DEFAULT_COMPARE_OPTIONS, ignoreCase: true, ignorePunctuation: true })
    expect(c.clauses[0]!.status).toBe('unchanged')
    expect(c.summary.wordsDeleted).toBe(0)
  })

  it('compares a version with no clauses', () => {
    const c = compareVersions(version('empty', []), target)
    expect(c.summary).toMatchObject({ added: 4, unchanged: 0 })
  })

  it('refuses to compare a version with itself', () => {
    expect(() => compareVersions(base, base)).toThrow('base and target are the same version ("b")')
  })
})

describe('every pair of bundled versions', async () => {
  // The versions as the app serves them: effective terms, carried over where not restated.
  const { versions } = await new FolderLibrary({ sourcesDir: join(__dirname, '../../../../resources/sources'), modelsDir: join(__dirname, '../../../../resources/models') }).loadModels()
  const pairs: Array<[Version, Version]> = versions.flatMap((a) => versions.filter((b) => b !== a).map((b): [Version, Version] => [a, b]))
  const optionSets = [
    DEFAULT_COMPARE_OPTIONS,
    { ...DEFAULT_COMPARE_OPTIONS, granularity: 'char' as const },
    { granularity: 'word' as const, ignoreCase: true, ignorePunctuation: true, ignoreWhitespace: true }
  ]

  function checkInvariant(c: Comparison): void {
    for (const clause of c.clauses) {
      for (const [parts, b, t] of [
        [clause.parts, clause.base?.text ?? '', clause.target?.text ?? ''],
        [clause.headingParts, clause.base?.heading ?? '', clause.target?.heading ?? '']
      ] as const) {
        expect(parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(b)
        expect(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(t)
      }
    }
  }

  it('keeps the redline invariant for all 20 ordered pairs and three option sets', () => {
    expect(pairs).toHaveLength(20)
    for (const [a, b] of pairs) for (const options of optionSets) checkInvariant(compareVersions(a, b, options))
  })

  it('has summary counts that agree with the clause statuses', () => {
    for (const [a, b] of pairs) {
      const c = compareVersions(a, b)
      const total = c.summary.unchanged + c.summary.carriedOver + c.summary.modified + c.summary.added + c.summary.removed + c.summary.moved
      expect(total).toBe(c.clauses.length)
      expect(c.summary.added).toBe(c.clauses.filter((x) => x.status === 'added').length)
      expect(c.summary.carriedOver).toBe(c.clauses.filter((x) => x.status === 'carried-over').length)
    }
  })

  it('pairs bundled clauses by their ids only, as before content pairing: every pair is by id, nothing split, merged or renumbered', () => {
    for (const [a, b] of pairs) {
      const c = compareVersions(a, b)
      for (const row of c.clauses) {
        if (row.base && row.target) expect(row.match).toMatchObject({ by: 'id', confidence: 1, review: false })
        else expect(row.match).toBeNull()
        expect(row.baseClauses.length + row.targetClauses.length).toBeLessThanOrEqual(2)
        if (row.base && row.target) expect(row.baseClauses[0]!.id).toBe(row.targetClauses[0]!.id)
      }
      expect(c.summary).toMatchObject({ split: 0, merged: 0, renumbered: 0, review: 0 })
      // Same rows, same order, same moves as the id alignment the app used before.
      const byIds = alignClauses(a.clauses.map((x) => x.id), b.clauses.map((x) => x.id))
      expect(c.clauses.map((r) => `${r.clauseId}${r.moved ? '*' : ''}`)).toEqual(byIds.map((r) => `${r.clauseId}${r.moved ? '*' : ''}`))
    }
  })

  it('shows the October 2025 → April 2026 IP licence change as the models state it', () => {
    const oct = versions.find((v) => v.id === '2025-10')!
    const apr = versions.find((v) => v.id === '2026-04')!
    const ip = compareVersions(oct, apr).clauses.find((c) => c.clauseId === 'ip-licence')!
    expect(ip.status).toBe('modified')
    const deleted = ip.parts.filter((p) => p.op === 'delete').map((p) => p.text).join(' ')
    const inserted = ip.parts.filter((p) => p.op === 'insert').map((p) => p.text).join(' ')
    expect(deleted).toMatch(/exclusive rights/)
    expect(deleted).toMatch(/artificial general intelligence/)
    expect(inserted).toMatch(/licence is no longer exclusive/)
  })
})
