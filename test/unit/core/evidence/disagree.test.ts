import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { main } from '../../../../src-main/cli/main'
import type { Out } from '../../../../src-main/cli/output'
import { disagreementsOf, valuesOf, type Disagreement } from '../../../../src-main/core/evidence/disagree'
import { SuggestionIndex } from '../../../../src-main/core/evidence/suggest'
import { parseSource } from '../../../../src-main/core/sources/parse'
import type { Clause } from '../../../../src-main/core/models/types'

const ROOT = join(__dirname, '../../../..')

async function disagreements(...args: string[]): Promise<Disagreement[]> {
  let stdout = ''
  const out: Out = { stdout: (t) => (stdout += t), stderr: () => undefined, color: false }
  expect(await main(['disagreements', '--json', '--sources-dir', join(ROOT, 'resources/sources'), '--models-dir', join(ROOT, 'resources/models'), ...args], out)).toBe(0)
  return (JSON.parse(stdout) as { disagreements: Disagreement[] }).disagreements
}

describe('values a passage states', () => {
  it('reads a term\'s end year, amounts and percentages with what they measure, and exclusivity with its negations', () => {
    expect(valuesOf('term', 'exclusive access through 2030, extended until 2032; founded in 2019')).toEqual(['2030', '2032'])
    expect(valuesOf('amount', 'a stake valued at $135 billion; a $100 billion profit milestone')).toEqual(['$135 billion (valued)', '$100 billion (a)'])
    expect(valuesOf('percent', 'a roughly 27% stake')).toEqual(['27% (stake)'])
    expect(valuesOf('exclusivity', 'this license is no longer exclusive')).toEqual(['not exclusive'])
    expect(valuesOf('exclusivity', 'a non-exclusive licence')).toEqual(['not exclusive'])
    expect(valuesOf('exclusivity', 'retains exclusive license and access')).toEqual(['exclusive'])
    expect(valuesOf('exclusivity', 'Azure keeps priority')).toEqual([])
  })
})

describe('disagreements between sources, before any citation', () => {
  it('flags the bundled IP licence: its term (2030 against 2032) in February and April 2026, and its exclusivity after April 2026, with both passages', async () => {
    const found = await disagreements()
    expect(found.map((d) => d.key)).toEqual(expect.arrayContaining(['2026-02/ip-licence/term', '2026-04/ip-licence/term', '2026-04/ip-licence/exclusivity']))
    const term = found.find((d) => d.key === '2026-02/ip-licence/term')!
    expect(term.passages.map((p) => [p.sourceId, p.value]).sort()).toEqual([['lean-thomas', '2032'], ['windows-central', '2030']])
    const exclusivity = found.find((d) => d.key === '2026-04/ip-licence/exclusivity')!
    expect(exclusivity.passages.map((p) => p.value).sort()).toEqual(['exclusive', 'not exclusive'])
    for (const d of found) {
      expect(d.passages[0].sourceId).not.toBe(d.passages[1].sourceId)
      for (const p of d.passages) expect(p.text.length).toBeGreaterThan(20)
    }
    // April's "no longer exclusive" is about April: no claim about October 2025 or February 2026.
    expect(found.map((d) => d.key)).not.toContain('2026-02/ip-licence/exclusivity')
    expect(found.map((d) => d.key)).not.toContain('2025-10/ip-licence/exclusivity')
    expect(await disagreements('--version', '2026-04')).toEqual(found.filter((d) => d.versionId === '2026-04'))
  })

  it('never sets a valuation against a revenue threshold, nor a passage that says nothing of time against a dated one', () => {
    const meta = { id: '', file: 'x.txt', title: '', titleFromLead: false, publisher: null, author: null, published: null }
    const a = parseSource('In October 2025 Microsoft took a stake valued at $135 billion in the company.', { ...meta, id: 'a', title: 'A' })
    const b = parseSource('In October 2025 the deal set a $100 billion revenue milestone for the company.', { ...meta, id: 'b', title: 'B' })
    const c = parseSource('Microsoft took a stake valued at $150 billion in the company, it said.', { ...meta, id: 'c', title: 'C' })
    const sources = new Map([a, b, c].map((s) => [s.id, s]))
    const clause: Clause = { id: 'stake', heading: 'Equity stake', text: 'Microsoft holds a stake valued at $135 billion.', basis: [{ sourceId: 'a', quote: 'valued at $135 billion', start: a.text.indexOf('valued'), end: a.text.indexOf('valued') + 22 }] }
    const period = { from: '2025-10-28', until: '2026-02-27' }
    expect(disagreementsOf('2025-10', clause, sources, new SuggestionIndex([a, b, c]), period)).toEqual([])
    // Without a period to check against, the undated $150 billion is compared, and clashes.
    expect(disagreementsOf('draft', clause, sources, new SuggestionIndex([a, b, c]), undefined).map((d) => d.passages.map((p) => p.value))).toEqual([['$135 billion (valued)', '$150 billion (valued)']])
  })
})
