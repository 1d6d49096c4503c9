// Content pairing on real licence versions (issue 11): five pairs of successive licences, split
// by their printed numbering, against a truth written by hand; and against pairing by label.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { linksOf, pairByLabelOnly, score } from '../../../../bench/pairing-metrics'
import { pairClauses, type PairInput, type Pairing } from '../../../../src-main/core/compare/pair'
import { loadModels } from '../../../../src-main/core/models/library'
import { LICENCES_DIR, loadRealPairs, type RealPair } from '../../../fixtures/licences'

const describeLink = (pair: RealPair, k: string): string => {
  const [b, t] = k.split('→').map(Number) as [number, number]
  const name = (c: PairInput | undefined, i: number): string => `#${i} ${c?.label ?? ''} ${(c?.heading || c?.text || '').slice(0, 30)}`.replace(/\s+/g, ' ')
  return `${name(pair.base[b], b)} → ${name(pair.target[t], t)}`
}

const pairs = loadRealPairs()
const results = pairs.map((pair) => {
  const rows = pairClauses(pair.base, pair.target)
  return { pair, rows, engine: score(linksOf(rows), pair.truth), label: score(pairByLabelOnly(pair.base, pair.target), pair.truth) }
})

const pct = (x: number): string => x.toFixed(3)
console.log(
  [
    'pair                          clauses   engine P / R     by label P / R',
    ...results.map(({ pair, engine, label }) =>
      `${pair.name.padEnd(30)}${`${pair.base.length}/${pair.target.length}`.padEnd(10)}${pct(engine.precision)} / ${pct(engine.recall)}    ${pct(label.precision)} / ${pct(label.recall)}`
    ),
    ...results.flatMap(({ pair, engine }) => [
      ...engine.wrong.map((k) => `  ${pair.name}: paired but not in the truth: ${describeLink(pair, k)}`),
      ...engine.missed.map((k) => `  ${pair.name}: in the truth, not paired: ${describeLink(pair, k)}`)
    ])
  ].join('\n')
)

const TARGET = 0.98

describe('pairClauses on real licence versions', () => {
  it('reads every licence model as an agreement model the app loads', async () => {
    const { versions, problems } = await loadModels(join(LICENCES_DIR, 'models'))
    expect(problems).toEqual([])
    expect(versions).toHaveLength(10)
  })

  it('has the five pairs of the issue, each truth link naming clauses of its models', () => {
    expect(pairs.map((p) => p.name)).toEqual(['apache-1-1 → apache-2-0', 'apsl-1-2 → apsl-2-0', 'artistic-1-0 → artistic-2-0', 'cpl-1-0 → epl-1-0', 'gpl-2-0 → gpl-3-0'])
    for (const p of pairs) {
      expect(p.truth.length).toBeGreaterThan(0)
      for (const [b, t] of p.truth) {
        expect(p.base[b], p.name).toBeDefined()
        expect(p.target[t], p.name).toBeDefined()
      }
    }
  })

  /*
   * Apache 1.1 → 2.0 and Artistic 1.0 → 2.0 do NOT reach the issue's 0.98 target (issue 11 stays
   * open on this): most of their truth links share almost no wording (cosines 0.00–0.15) and
   * cross each other in order, so neither content nor position can find them without guessing.
   * They are held at what the engine reaches today, so a change that loses ground fails, and a
   * change that reaches the target must move them up to the list above.
   */
  const BELOW_TARGET: Record<string, { precision: number; recall: number }> = {
    'apache-1-1 → apache-2-0': { precision: 1, recall: 0.375 },
    'artistic-1-0 → artistic-2-0': { precision: 0.75, recall: 0.35 }
  }
  const reaching = results.filter((r) => !(r.pair.name in BELOW_TARGET))
  const below = results.filter((r) => r.pair.name in BELOW_TARGET)

  it.each(reaching.map((r) => [r.pair.name, r] as const))('%s: precision and recall of at least 0.98 against the hand-written truth', (_name, { pair, engine }) => {
    expect(engine.precision, `paired but not in the truth: ${engine.wrong.map((k) => describeLink(pair, k)).join('; ')}`).toBeGreaterThanOrEqual(TARGET)
    expect(engine.recall, `in the truth, not paired: ${engine.missed.map((k) => describeLink(pair, k)).join('; ')}`).toBeGreaterThanOrEqual(TARGET)
  })

  it.each(below.map((r) => [r.pair.name, r] as const))('%s: BELOW the 0.98 target (known, issue 11 open); held at its current precision and recall', (name, { engine }) => {
    const floor = BELOW_TARGET[name]!
    console.log(`${name}: precision ${pct(engine.precision)}, recall ${pct(engine.recall)}: below the 0.98 target`)
    expect(engine.precision).toBeGreaterThanOrEqual(floor.precision)
    expect(engine.recall).toBeGreaterThanOrEqual(floor.recall)
    expect(Math.min(engine.precision, engine.recall), 'reaches the target now: move it to the pairs that must').toBeLessThan(TARGET)
  })

  it('beats pairing by label on every pair where pairing by label misses the target', () => {
    const failing = results.filter((r) => r.label.precision < TARGET || r.label.recall < TARGET)
    // Pairing by label must actually fail somewhere, or this test proves nothing.
    expect(failing.length).toBeGreaterThanOrEqual(3)
    for (const { pair, engine, label } of failing) expect(engine.f1, pair.name).toBeGreaterThan(label.f1)
  })

  const find = (name: string): (typeof results)[number] => results.find((r) => r.pair.name === name)!
  const rowWith = (rows: readonly Pairing[], b: number): Pairing | undefined => rows.find((r) => r.base.includes(b))
  const indexOf = (clauses: readonly PairInput[], label: string): number => clauses.findIndex((c) => c.label === label)

  it('pairs a renumbered definition with its successor, not with the clause that took its number (APSL 1.9 → 1.8)', () => {
    const { pair, rows } = find('apsl-1-2 → apsl-2-0')
    const b = indexOf(pair.base, '1.9') // "Source Code" means…
    const t = indexOf(pair.target, '1.8') // "Source Code" means…
    expect(pair.base[b]!.text).toMatch(/^"Source Code" means/)
    expect(pair.target[t]!.text).toMatch(/^"Source Code" means/)
    // By label, 1.9 "Source Code" is diffed against 1.9 "You".
    expect(pairByLabelOnly(pair.base, pair.target)).toContainEqual([b, indexOf(pair.target, '1.9')])
    const row = rowWith(rows, b)
    expect(row).toMatchObject({ base: [b], target: [t], kind: 'one-to-one', renumbered: true })
  })

  it('shows a clause split in two as one split row, where pairing by label shows a deletion and two additions (Apache 1.1 disclaimer → 2.0 §7, §8)', () => {
    const { pair, rows } = find('apache-1-1 → apache-2-0')
    const b = pair.base.findIndex((c) => c.text.startsWith('THIS SOFTWARE IS PROVIDED'))
    const targets = [indexOf(pair.target, '7'), indexOf(pair.target, '8')]
    expect(pairByLabelOnly(pair.base, pair.target).filter(([x]) => x === b)).toEqual([])
    expect(rowWith(rows, b)).toMatchObject({ base: [b], target: targets, kind: 'split' })
  })

  it('shows two clauses merged into one as one merged row (APSL 1.2 §3 and §3(a) → 2.0 §3)', () => {
    const { pair, rows } = find('apsl-1-2 → apsl-2-0')
    const b = indexOf(pair.base, '3')
    expect(pair.base[b + 1]!.text).toMatch(/^You hereby grant to Apple and all third parties/)
    expect(rowWith(rows, b)).toMatchObject({ base: [b, b + 1], target: [indexOf(pair.target, '3')], kind: 'merged' })
  })

  const starting = (clauses: readonly PairInput[], start: string): number => clauses.findIndex((c) => c.text.startsWith(start))

  it('pairs a definition rewritten beyond its wording by where it stands, and marks it for review (APSL 1.4 "Deploy" → "Externally Deploy")', () => {
    const { pair, rows } = find('apsl-1-2 → apsl-2-0')
    const [b, t] = [indexOf(pair.base, '1.4'), indexOf(pair.target, '1.4')]
    expect(pair.target[t]!.text).toMatch(/^"Externally Deploy" means/)
    const row = rowWith(rows, b)
    expect(row).toMatchObject({ base: [b], target: [t], kind: 'one-to-one', review: true })
    expect(row!.confidence).toBeLessThan(0.2) // what the wording says: little
  })

  it('pairs rewritten list items in order between the pairs around them, for review (GPL 2 section 2 b), c) → GPL 3 section 5 c), d))', () => {
    const { pair, rows } = find('gpl-2-0 → gpl-3-0')
    const b = [starting(pair.base, 'You must cause any work that you distribute'), starting(pair.base, 'If the modified program normally reads commands')]
    const t = [starting(pair.target, 'You must license the entire work'), starting(pair.target, 'If the work has interactive user interfaces')]
    expect([...b, ...t].every((i) => i >= 0)).toBe(true)
    b.forEach((x, k) => expect(rowWith(rows, x)).toMatchObject({ base: [x], target: [t[k]], kind: 'one-to-one', review: true, renumbered: true }))
  })

  it('shows a clause split into a moved piece and a piece left in place as one split row, for review (GPL 2 section 3 closing paragraphs → GPL 3 section 1 and 6 d))', () => {
    const { pair, rows } = find('gpl-2-0 → gpl-3-0')
    const b = starting(pair.base, 'The source code for a work means')
    const targets = [indexOf(pair.target, '1'), starting(pair.target, 'Convey the object code by offering access from a designated place')]
    expect(rowWith(rows, b)).toMatchObject({ base: [b], target: targets, kind: 'split', moved: true, review: true })
  })

  it('gets a restructured licence right where pairing by label gets most of it wrong (GPL 2 → GPL 3)', () => {
    const { engine, label } = find('gpl-2-0 → gpl-3-0')
    expect(label.recall).toBeLessThan(0.5)
    expect(engine.recall).toBeGreaterThanOrEqual(TARGET)
    expect(engine.precision).toBeGreaterThanOrEqual(TARGET)
  })
})
