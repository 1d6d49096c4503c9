import { describe, expect, it } from 'vitest'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compareVersions, type ClauseLink } from '../../../../src-main/core/compare/compare'
import { numberingText, statusText } from '../../../../src-main/core/compare/describe'
import type { Comparison } from '../../../../src-main/core/compare/types'
import { assignClauseIds } from '../../../../src-main/core/models/identity'
import { parseModel } from '../../../../src-main/core/models/library'
import type { Version } from '../../../../src-main/core/models/types'

/** An id-less model file, as a team's own draft would be written: labels, optional headings. */
function draft(id: string, clauses: Array<{ label?: string; heading?: string; text: string }>): Version {
  const yaml = [`id: ${id}`, `title: Draft ${id}`, 'date: "2026"', 'kind: agreement', 'summary: A draft.', 'clauses:']
  for (const c of clauses) {
    yaml.push(`  - text: ${JSON.stringify(c.text)}`)
    if (c.label) yaml.push(`    label: ${JSON.stringify(c.label)}`)
    if (c.heading) yaml.push(`    heading: ${JSON.stringify(c.heading)}`)
  }
  return parseModel(yaml.join('\n'), `${id}.yaml`)
}

function invariantHolds(c: Comparison): void {
  for (const row of c.clauses) {
    expect(row.parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(row.base?.text ?? '')
    expect(row.parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(row.target?.text ?? '')
  }
}

const DEFINITIONS = 'In this Agreement the Licensor means the person who grants the licence and the Licensee means the person who receives it under these terms.'
const GRANT = 'The Licensor grants the Licensee a worldwide, royalty-free, non-exclusive licence to use, copy and modify the Software for its internal business purposes.'
const TERM = 'This Agreement starts on the Effective Date and continues for three years unless it is terminated earlier under the termination clause.'
const FEES = 'The Licensee shall pay the annual fee within thirty days of each invoice, and late payments bear interest at two percent per month.'
const LIABILITY = 'Neither party is liable for indirect or consequential loss, and each party’s total liability is capped at the fees paid in the prior twelve months.'
const LAW = 'This Agreement is governed by the laws of England and the courts of London have exclusive jurisdiction over any dispute arising from it.'

describe('comparing versions without ids', () => {
  const base = draft('v1', [
    { label: '1', heading: 'Definitions', text: DEFINITIONS },
    { label: '2', heading: 'Grant', text: GRANT },
    { label: '3', heading: 'Fees and liability', text: `${FEES} ${LIABILITY}` },
    { label: '4', heading: 'Term', text: TERM },
    { label: '5', heading: 'Law', text: LAW }
  ])
  const target = draft('v2', [
    { label: '1', heading: 'Definitions', text: DEFINITIONS },
    { label: '2', heading: 'Term', text: TERM },
    { label: '3', heading: 'Grant', text: GRANT.replace('internal business purposes', 'internal business purposes only') },
    { label: '4.1', heading: 'Fees', text: FEES },
    { label: '4.2', heading: 'Liability', text: LIABILITY },
    { label: '6', heading: 'Governing law', text: LAW }
  ])
  const c = compareVersions(base, target)

  it('gives every clause an identity derived from its text, not its number', () => {
    expect(base.clauses.every((x) => x.idDerived && /^c-[0-9a-f]{12}$/.test(x.id))).toBe(true)
    // Same text under another number and heading: the same identity.
    expect(base.clauses[0]!.id).toBe(target.clauses[0]!.id)
    expect(base.clauses[3]!.id).toBe(target.clauses[1]!.id)
  })

  it('pairs renumbered, moved and split clauses by content and says why', () => {
    const summary = c.clauses.map((r) => `${r.baseClauses.map((x) => x.label).join('+') || '-'}→${r.targetClauses.map((x) => x.label).join('+') || '-'} ${r.status}${r.moved ? '*' : ''}${r.renumbered ? ' #' : ''}`)
    expect(summary).toEqual(['1→1 unchanged', '4→2 moved* #', '2→3 modified #', '3→4.1+4.2 split #', '5→6 modified #'])
    const split = c.clauses.find((r) => r.status === 'split')!
    expect(split.match).toMatchObject({ by: 'similarity', how: 'split' })
    expect(split.match!.reason).toMatch(/^split: the 2 clauses together match this one \(0\.\d\d\)$/)
    expect(split.target!.text).toBe(`${FEES}\n\n${LIABILITY}`)
    expect(split.target!.heading).toBe('Fees / Liability')
    expect(statusText(split)).toBe('Split into 2')
    expect(numberingText(split)).toBe('3 → 4.1, 4.2')
    const grant = c.clauses.find((r) => r.heading === 'Grant')!
    expect(grant.match).toMatchObject({ by: 'similarity', review: false })
    expect(grant.match!.reason).toMatch(/^(similar wording|same number) /)
    expect(c.clauses.find((r) => r.heading === 'Definitions')!.match).toMatchObject({ by: 'text', how: 'exact', confidence: 1, reason: 'identical text' })
    expect(c.summary).toMatchObject({ split: 1, merged: 0, renumbered: 4, moved: 1, added: 0, removed: 0 })
    invariantHolds(c)
  })

  it('redlines a split on the joined texts: the pieces differ from the whole by the blank line only', () => {
    const split = c.clauses.find((r) => r.status === 'split')!
    const changed = split.parts.filter((p) => p.op !== 'equal')
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.every((p) => p.text.trim() === '')).toBe(true)
    expect(split.wordsInserted + split.wordsDeleted).toBe(0)
  })

  it('shows a merge the other way round', () => {
    const back = compareVersions(target, base)
    const merged = back.clauses.find((r) => r.status === 'merged')!
    expect(merged.baseClauses.map((x) => x.label)).toEqual(['4.1', '4.2'])
    expect(merged.targetClauses.map((x) => x.label)).toEqual(['3'])
    expect(statusText(merged)).toBe('Merged from 2')
    invariantHolds(back)
  })

  it('leaves two versions with nothing in common unpaired: no false pairs', () => {
    const other = draft('other', [
      { label: '1', text: 'The vessel shall be delivered at the port of Rotterdam with full bunkers and all certificates in order.' },
      { label: '2', text: 'Charter hire is payable monthly in advance in United States dollars to the owners nominated account.' }
    ])
    const none = compareVersions(base, other)
    expect(none.clauses.every((r) => r.match === null)).toBe(true)
    expect(none.summary).toMatchObject({ added: 2, removed: 5 })
  })

  it('pairs repeated boilerplate in order, one with one', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => ({ label: String(i + 1), text: 'Intentionally omitted.' }))
    const a = draft('a', [...filler(30), { label: '31', text: LAW }])
    const b = draft('b', [{ label: '1', text: DEFINITIONS }, ...filler(30).map((x, i) => ({ ...x, label: String(i + 2) })), { label: '32', text: LAW }])
    const rows = compareVersions(a, b).clauses
    const omitted = rows.filter((r) => r.base?.text === 'Intentionally omitted.')
    expect(omitted).toHaveLength(30)
    expect(omitted.every((r) => r.baseClauses.length === 1 && r.targetClauses.length === 1 && r.baseClauses[0]!.index + 1 === r.targetClauses[0]!.index)).toBe(true)
    expect(new Set(a.clauses.map((x) => x.id)).size).toBe(31) // repeats get -2, -3… so each is still one clause
  })

  it('compares a version of one clause', () => {
    const one = draft('one', [{ label: '1', text: GRANT }])
    const r = compareVersions(one, base)
    expect(r.clauses.filter((x) => x.match)).toHaveLength(1)
    expect(r.summary.added).toBe(4)
    invariantHolds(r)
  })
})

describe("a reviewer's links", () => {
  const base = draft('v1', [
    { label: '1', heading: 'Grant', text: GRANT },
    { label: '2', heading: 'Term', text: TERM }
  ])
  const target = draft('v2', [
    { label: '1', heading: 'Grant', text: GRANT },
    { label: '2', heading: 'Law', text: LAW }
  ])
  const id = (v: Version, label: string): string => v.clauses.find((c) => c.label === label)!.id

  it('pairs what content would not, with confidence 1 and by "manual"', () => {
    expect(compareVersions(base, target).summary).toMatchObject({ added: 1, removed: 1 })
    const links: ClauseLink[] = [{ base: [id(base, '2')], target: [id(target, '2')] }]
    const c = compareVersions(base, target, undefined, links)
    const row = c.clauses.find((r) => r.heading === 'Law')!
    expect(row).toMatchObject({ status: 'modified', match: { by: 'manual', how: 'manual', confidence: 1, review: false, reason: 'set by a reviewer' } })
    expect(c.notices).toEqual([])
    invariantHolds(c)
  })

  it('keeps a clause unpaired that content would pair', () => {
    const c = compareVersions(base, target, undefined, [{ base: [id(base, '1')], target: [] }])
    expect(c.clauses.filter((r) => r.heading === 'Grant').map((r) => r.status).sort()).toEqual(['added', 'removed'])
    expect(c.clauses.find((r) => r.status === 'removed' && r.heading === 'Grant')!.match).toMatchObject({ by: 'manual', reason: 'kept unpaired by a reviewer' })
  })

  it('gives the two rows of clauses unpaired from identical text distinct keys', () => {
    const c = compareVersions(base, target, undefined, [{ base: [id(base, '1')], target: [] }, { base: [], target: [id(target, '1')] }])
    const grant = c.clauses.filter((r) => r.heading === 'Grant')
    expect(grant.map((r) => r.clauseId)).toEqual([id(base, '1'), id(base, '1')]) // one identity: same text
    expect(new Set(c.clauses.map((r) => r.key)).size).toBe(c.clauses.length)
  })

  it('reports a link naming a clause that no longer exists, applies the others, and loses nothing', () => {
    const links: ClauseLink[] = [
      { base: ['c-000000000000'], target: [id(target, '2')] },
      { base: [id(base, '2')], target: [id(target, '2')] }
    ]
    const c = compareVersions(base, target, undefined, links)
    expect(c.notices).toEqual([`The saved pairing c-000000000000 → ${id(target, '2')} was not applied: clause "c-000000000000" is not in v1 (the version changed since it was made).`])
    expect(c.clauses.find((r) => r.heading === 'Law')!.match?.by).toBe('manual')
  })

  it('refuses a link that names a clause an earlier link already took', () => {
    const links: ClauseLink[] = [
      { base: [id(base, '2')], target: [id(target, '2')] },
      { base: [id(base, '1')], target: [id(target, '2')] }
    ]
    const c = compareVersions(base, target, undefined, links)
    expect(c.notices).toHaveLength(1)
    expect(c.notices[0]).toMatch(/already links/)
    expect(c.clauses.find((r) => r.heading === 'Grant')!.match?.how).toBe('exact')
  })
})

describe('derived clause identities', () => {
  // Saved citations and pairings name clauses by these: a change to how they are derived (the
  // folding, the hash, the number stripping) orphans every one of them, so it must be deliberate.
  it('are pinned: the same text gives the same id in every release', () => {
    const ids = assignClauseIds([{ label: '6.3', text: '6.3 The Licensee shall keep the Software “confidential”.' }, { text: 'Intentionally omitted.' }, { text: 'Intentionally omitted.' }]).map((c) => c.id)
    expect(ids).toEqual(['c-47335b76a981', 'c-c3b87444c0e8', 'c-c3b87444c0e8-2'])
    // Renumbered, retyped quotes, other spacing and case: one clause.
    expect(assignClauseIds([{ label: '6.4', text: '6.4  the licensee shall keep the Software "confidential".' }])[0]!.id).toBe('c-47335b76a981')
    // Without a label, a number printed at the start of the text is stripped the same way.
    expect(assignClauseIds([{ text: '6.4 The Licensee shall keep the Software “confidential”.' }])[0]!.id).toBe('c-47335b76a981')
    expect(assignClauseIds([{ text: '10 days after notice the licence ends.' }])[0]!.id).not.toBe(assignClauseIds([{ text: '11 days after notice the licence ends.' }])[0]!.id)
  })

  it('never take an explicit id another clause carries', () => {
    const derived = assignClauseIds([{ text: 'Intentionally omitted.' }])[0]!.id
    const ids = assignClauseIds([{ id: derived, text: 'Something else.' }, { text: 'Intentionally omitted.' }]).map((c) => c.id)
    expect(ids).toEqual([derived, `${derived}-2`])
  })
})

describe('model files without ids', () => {
  it('accepts clauses with a label and no heading, and still refuses a bad one with its place', async () => {
    const v = draft('x', [{ label: 'Section 4(a)', text: GRANT }])
    expect(v.clauses[0]).toMatchObject({ label: 'Section 4(a)', heading: '' })
    expect(() => parseModel('id: x\ntitle: X\ndate: "2026"\nkind: agreement\nsummary: s\nclauses:\n  - label: "1"\n', 'x.yaml')).toThrow(/x\.yaml.*clauses\[0\]\.text|text/)
  })

  it('keeps an explicit id beside derived ones, and a derived id never takes an explicit one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-ids-'))
    const file = join(dir, 'm.yaml')
    await writeFile(file, `id: m\ntitle: M\ndate: "2026"\nkind: agreement\nsummary: s\nclauses:\n  - id: grant\n    heading: Grant\n    text: ${JSON.stringify(GRANT)}\n  - text: ${JSON.stringify(TERM)}\n`)
    const v = parseModel(await readFile(file, 'utf8'), 'm.yaml')
    expect(v.clauses[0]).toMatchObject({ id: 'grant' })
    expect(v.clauses[0]!.idDerived).toBeUndefined()
    expect(v.clauses[1]!.idDerived).toBe(true)
  })
})
