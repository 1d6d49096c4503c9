import { describe, expect, it } from 'vitest'
import { compareVersions } from '../../../../src-main/core/compare/compare'
import type { Version } from '../../../../src-main/core/models/types'
import { isConflict } from '../../../../src-main/core/evidence/rules'

function version(id: string, clauses: Array<[string, string, string]>): Version {
  return { id, title: id, date: '2025', kind: 'agreement', summary: 's', file: `${id}.yaml`, clauseCount: clauses.length, clauses: clauses.map(([cid, heading, text]) => ({ id: cid, heading, text })) }
}

describe('evidence rules, applied the same way by every view', () => {
  it('calls a clause conflicting only when one source supports and another contradicts it', () => {
    expect(isConflict(['supports', 'contradicts'])).toBe(true)
    expect(isConflict(['supports', 'context', 'supports'])).toBe(false)
    expect(isConflict(['contradicts', 'context'])).toBe(false)
    expect(isConflict({ supports: 1, contradicts: 2 })).toBe(true)
    expect(isConflict({ supports: 0, contradicts: 2 })).toBe(false)
  })

  it('gives each compared clause the heading to show and the version its citations belong to', () => {
    const base = version('v1', [['kept', 'Kept', 'a'], ['gone', 'Gone', 'b'], ['renamed', 'Old name', 'c']])
    const target = version('v2', [['kept', 'Kept', 'a'], ['renamed', '', 'c'], ['new', 'New', 'd']])
    const rows = Object.fromEntries(compareVersions(base, target).clauses.map((c) => [c.clauseId, c]))
    expect(rows['gone']).toMatchObject({ heading: 'Gone', evidenceVersionId: 'v1' })
    expect(rows['new']).toMatchObject({ heading: 'New', evidenceVersionId: 'v2' })
    // An empty target heading falls back to the base's rather than showing a blank row.
    expect(rows['renamed']).toMatchObject({ heading: 'Old name', evidenceVersionId: 'v2' })
  })
})
