// `npm run bench` (pairing): how well and how fast clauses without ids are paired, on the same
// pairs in one run: the content engine against pairing by printed number only, on synthetic
// perturbed pairs (1,000 and 5,000 clauses) and on the five real licence pairs; and the time of
// a whole id-less and id-carrying comparison beside `git diff --no-index --word-diff=porcelain`
// on the same pair as plain text. Prints figures; asserts nothing (the tests hold the targets).
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compareVersions } from '../src-main/core/compare/compare'
import { pairClauses, type PairInput } from '../src-main/core/compare/pair'
import { assignClauseIds } from '../src-main/core/models/identity'
import type { Version } from '../src-main/core/models/types'
import { loadRealPairs } from '../test/fixtures/licences'
import { perturbedPair } from './perturb'
import { linksOf, pairByLabelOnly, score } from './pairing-metrics'
import { syntheticPair } from './synthetic'
import { fmt, median, time } from './timing'

const RUNS = 9

const f3 = (x: number): string => x.toFixed(3)

/** An id-less version as a model file without ids loads: identities derived from the texts. */
function idless(id: string, clauses: readonly PairInput[]): Version {
  const withIds = assignClauseIds(clauses.map((c) => ({ label: c.label, heading: c.heading, text: c.text })))
  return { id, title: id, date: '2026', kind: 'agreement', summary: 'bench', file: `${id}.yaml`, clauseCount: withIds.length, clauses: withIds.map((c) => ({ ...c, heading: c.heading ?? '' })) }
}

function plainText(v: Version): string {
  return v.clauses.map((c) => `${c.label ? `${c.label} ` : ''}${c.heading}\n${c.text}`).join('\n\n') + '\n'
}

async function gitWordDiff(base: Version, target: Version): Promise<number | null> {
  const dir = await mkdtemp(join(tmpdir(), 'clausewise-bench-git-'))
  try {
    const [a, b] = [join(dir, 'base.txt'), join(dir, 'target.txt')]
    await writeFile(a, plainText(base))
    await writeFile(b, plainText(target))
    const run = (): number => {
      const t0 = performance.now()
      const r = spawnSync('git', ['diff', '--no-index', '--word-diff=porcelain', a, b], { maxBuffer: 256 * 1024 * 1024 })
      if (r.error) throw r.error
      return performance.now() - t0
    }
    try {
      run()
    } catch {
      return null
    }
    return median(Array.from({ length: 5 }, run))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  console.log(`\nPairing without ids (node ${process.version}): precision / recall of the links against the truth`)
  const header = ['pair', 'clauses', 'engine P', 'engine R', 'by label P', 'by label R']
  const widths = [30, 9, 9, 9, 11, 11]
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  const cases: Array<{ name: string; base: PairInput[]; target: PairInput[]; truth: Array<[number, number]> }> = [
    ...[1_000, 5_000].map((n) => ({ name: `synthetic, perturbed ${n.toLocaleString('en')}`, ...perturbedPair(n) })),
    ...loadRealPairs()
  ]
  for (const c of cases) {
    const engine = score(linksOf(pairClauses(c.base, c.target)), c.truth)
    const label = score(pairByLabelOnly(c.base, c.target), c.truth)
    console.log(line([c.name, `${c.base.length}/${c.target.length}`, f3(engine.precision), f3(engine.recall), f3(label.precision), f3(label.recall)]))
  }
  console.log('Target: precision and recall ≥ 0.98 on every pair.')

  console.log(`\nA 5,000-clause pair, aligned and redlined in-process (median of ${RUNS} after a warm-up), beside git on the same pair as plain text (whole process, median of 5):`)
  const p = perturbedPair(5_000)
  const base = idless('base', p.base)
  const target = idless('target', p.target)
  const noIds = time(() => compareVersions(base, target), RUNS)
  const pairOnly = time(() => pairClauses(p.base, p.target), RUNS)
  const labelOnly = time(() => pairByLabelOnly(p.base, p.target), RUNS)
  const withIds = syntheticPair(5_000)
  const ids = time(() => compareVersions(withIds.base, withIds.target), RUNS)
  const git = await gitWordDiff(base, target)
  const rows: Array<[string, string, string]> = [
    ['clausewise, no ids (content pairing + redline)', fmt(noIds), 'target ≤ 100 ms'],
    ['  of which pairing alone', fmt(pairOnly), ''],
    ['clausewise, with ids (synthetic pair, 20% edited)', fmt(ids), 'target ≤ 25 ms'],
    ['naive baseline: pair by label only', fmt(labelOnly), `precision ${f3(score(pairByLabelOnly(p.base, p.target), p.truth).precision)}`],
    ['git diff --no-index --word-diff=porcelain', git === null ? 'git not found' : fmt(git), 'plain text; sees no moves, splits or merges']
  ]
  for (const [what, ms, note] of rows) console.log(`  ${what.padEnd(52)} ${ms.padStart(9)}  ${note}`)
}

void main()
