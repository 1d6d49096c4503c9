import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareVersions } from '../../../src-main/core/compare/compare'
import { DEFAULT_COMPARE_OPTIONS, type ClauseComparison, type Part } from '../../../src-main/core/compare/types'
import { FolderLibrary } from '../../../src-main/core/library'
import { listChanges } from '../../../src-renderer/src/changes'
import { findAll, findScopes, searchIndex } from '../../../src-renderer/src/find'
import { itemOfRow, viewItems } from '../../../src-renderer/src/fold'
import { markHunks, sidePieces, sideText } from '../../../src-renderer/src/redline-pieces'

const root = join(__dirname, '../../..')
const { versions } = await new FolderLibrary({ sourcesDir: join(root, 'resources/sources'), modelsDir: join(root, 'resources/models') }).loadModels()
const byId = (id: string) => versions.find((v) => v.id === id)!
const octToApr = compareVersions(byId('2025-10'), byId('2026-04'), DEFAULT_COMPARE_OPTIONS)

const eq = (text: string): Part => ({ op: 'equal', text })
const del = (text: string): Part => ({ op: 'delete', text })
const ins = (text: string): Part => ({ op: 'insert', text })

describe('changes inside clauses: what next and previous step through', () => {
  it('numbers each run of deletions and insertions as one change, and the ignored ones as none', () => {
    const parts = markHunks([eq('Azure is the '), del('exclusive'), ins('preferred'), eq(' cloud '), { op: 'delete', text: 'P', ignored: true }, { op: 'insert', text: 'p', ignored: true }, eq('rovider'), ins(' for now'), eq('.')])
    expect(parts.map((p) => p.hunk)).toEqual([undefined, 0, 0, undefined, undefined, undefined, undefined, 1, undefined])
  })

  it('gives the IP licence row (Oct 2025 → Apr 2026) one change per edited passage, with the words deleted and inserted', () => {
    const row = octToApr.clauses.findIndex((c) => c.clauseId === 'ip-licence')
    const changes = listChanges(octToApr.clauses).filter((c) => c.row === row)
    const clause = octToApr.clauses[row]!
    const runs = clause.parts.filter((p, i, all) => p.op !== 'equal' && !p.ignored && (i === 0 || all[i - 1]!.op === 'equal' || all[i - 1]!.ignored)).length
    expect(changes.length).toBe(runs)
    expect(changes.length).toBeGreaterThan(1)
    expect(changes.map((c) => c.deleted).join(' ')).toContain('exclusive')
    expect(changes.map((c) => c.inserted).join(' ')).toContain('no longer exclusive')
    expect(changes.every((c) => c.where === 'text')).toBe(true)
  })

  it('has no change on unchanged or carried-over rows, and one whole-row change where nothing inside changed', () => {
    const changes = listChanges(octToApr.clauses)
    const rowsWithChanges = new Set(changes.map((c) => c.row))
    octToApr.clauses.forEach((c, i) => expect(rowsWithChanges.has(i), c.clauseId).toBe(c.status !== 'unchanged' && c.status !== 'carried-over'))
    const moved: ClauseComparison = { ...octToApr.clauses[0]!, status: 'moved', parts: [eq('Same words.')], headingParts: [eq('Same')] }
    expect(listChanges([moved])).toEqual([{ row: 0, where: 'row', hunk: 0, deleted: '', inserted: '', before: '' }])
  })

  it('keeps the changes in reading order, each added clause a single change', () => {
    const changes = listChanges(octToApr.clauses)
    expect(changes.map((c) => c.row)).toEqual([...changes.map((c) => c.row)].sort((a, b) => a - b))
    for (const [i, c] of octToApr.clauses.entries()) if (c.status === 'added') expect(changes.filter((x) => x.row === i)).toHaveLength(1)
  })
})

describe('what a side shows', () => {
  it('leaves the spaces around a change unmarked, so no underline runs under a bare space', () => {
    const pieces = sidePieces([eq('terms'), ins(' and conditions '), eq('apply')], 'target')
    expect(pieces).toEqual([{ kind: 'text', text: 'terms' }, { kind: 'text', text: ' ' }, { kind: 'ins', text: 'and conditions' }, { kind: 'text', text: ' ' }, { kind: 'text', text: 'apply' }])
  })

  it('marks a struck lone full stop as tiny, so it is drawn in a box', () => {
    expect(sidePieces([eq('ends here'), del('.')], 'base')).toEqual([{ kind: 'text', text: 'ends here' }, { kind: 'del', text: '.', tiny: true }])
    expect(sidePieces([del('words.')], 'base')[0]!.tiny).toBeUndefined()
  })

  it('keeps a change of spaces only marked', () => {
    expect(sidePieces([eq('a'), ins('  '), eq('b')], 'target')[1]).toEqual({ kind: 'ins', text: '  ' })
  })

  it('reads each side as exactly its version’s words', () => {
    for (const c of octToApr.clauses) {
      if (c.base && c.baseClauses.length === 1) expect(sideText(c.parts, 'base')).toBe(c.base.text)
      if (c.target && c.targetClauses.length === 1) expect(sideText(c.parts, 'target')).toBe(c.target.text)
    }
  })
})

describe('Find across every row', () => {
  it('finds words in rows wherever they are, both sides, case-insensitively', () => {
    const index = searchIndex(octToApr.clauses, 'side-by-side')
    const found = findAll(index, 'AZURE')
    // Side by side shows each row's heading (the target's, else the base's) and both its texts.
    const count = (t: string | undefined) => (t ?? '').toLowerCase().split('azure').length - 1
    const expected = octToApr.clauses.reduce((n, c) => n + count(c.target?.heading ?? c.base?.heading) + count(c.base?.text) + count(c.target?.text), 0)
    expect(found.length).toBe(expected)
    expect(found.length).toBeGreaterThan(5)
    const last = found.at(-1)!
    expect(findScopes(octToApr.clauses[last.row]!, 'side-by-side')[last.scope]!.slice(last.start, last.end).toLowerCase()).toBe('azure')
  })

  it('searches the inline text once, where side by side searches both columns', () => {
    const ip = octToApr.clauses.find((c) => c.clauseId === 'ip-licence')!
    expect(findScopes(ip, 'side-by-side')).toHaveLength(3)
    expect(findScopes(ip, 'inline')).toHaveLength(2)
    expect(findScopes(ip, 'inline')[1]).toContain('no longer exclusive')
  })

  it('finds nothing for an empty query and stops counting at the limit', () => {
    const index = searchIndex(octToApr.clauses, 'side-by-side')
    expect(findAll(index, '  ')).toEqual([])
    expect(findAll(index, 'e', 10)).toHaveLength(10)
  })
})

describe('folded runs of unchanged clauses', () => {
  const rows = octToApr.clauses
  it('folds only runs of two or more rows that did not change, and shows every other row', () => {
    const items = viewItems(rows, true, new Set())
    const folded = items.filter((i) => i.kind === 'fold')
    for (const f of folded) {
      if (f.kind !== 'fold') continue
      expect(f.to - f.from + 1).toBeGreaterThanOrEqual(2)
      for (let r = f.from; r <= f.to; r++) expect(['unchanged', 'carried-over']).toContain(rows[r]!.status)
    }
    const shown = items.flatMap((i) => (i.kind === 'row' ? [i.row] : []))
    rows.forEach((r, i) => {
      if (r.status !== 'unchanged' && r.status !== 'carried-over') expect(shown).toContain(i)
    })
    expect(viewItems(rows, false, new Set()).every((i) => i.kind === 'row')).toBe(true)
  })

  it('shows an opened run’s rows after its bar, and finds the item that shows a folded row', () => {
    const items = viewItems(rows, true, new Set())
    const run = items.find((i) => i.kind === 'fold')
    if (run?.kind !== 'fold') throw new Error('Oct 2025 → Apr 2026 should have a run of unchanged clauses')
    expect(itemOfRow(items, run.from + 1)).toBe(items.indexOf(run))
    const opened = viewItems(rows, true, new Set([run.key]))
    const at = opened.findIndex((i) => i.kind === 'fold' && i.key === run.key)
    expect(opened[at + 1]).toEqual({ kind: 'row', row: run.from })
    expect(itemOfRow(opened, run.from + 1)).toBe(at + 2)
  })
})
