// Deterministic synthetic version pairs for benchmarks and scale tests: N clauses of about 50
// words, 20% edited, 2% moved, 1% removed and 1% added, in the bundled models' YAML format.
import { stringify } from 'yaml'
import type { Version } from '../src-main/core/models/types'

const WORDS = (
  'microsoft openai licence exclusive cloud azure provider revenue share payments capacity compute ' +
  'agreement party parties term terms clause model models product products rights obligations ' +
  'notice period breach remedy warranty indemnity liability confidential information affiliate ' +
  'subsidiary territory fee fees invoice schedule milestone delivery acceptance termination renewal ' +
  'governing law jurisdiction dispute arbitration consent assignment successor force majeure audit ' +
  'records insurance compliance export sanctions data protection security incident support service'
).split(' ')

/** mulberry32: a tiny seeded PRNG, so every run builds the same pair. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!)
  if (rand() < 0.5) out.splice(Math.floor(rand() * out.length), 0, `$${Math.floor(rand() * 900 + 100)} billion`)
  if (rand() < 0.5) out.splice(Math.floor(rand() * out.length), 0, String(2025 + Math.floor(rand() * 10)))
  const text = out.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

function edit(rand: () => number, text: string): string {
  const words = text.split(' ')
  const edits = 1 + Math.floor(rand() * 4)
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * words.length)
    const r = rand()
    if (r < 0.4) words[at] = WORDS[Math.floor(rand() * WORDS.length)]!
    else if (r < 0.7) words.splice(at, 0, ...sentence(rand, 3).slice(0, -1).toLowerCase().split(' '))
    else words.splice(at, 1 + Math.floor(rand() * 3))
  }
  return words.join(' ')
}

export interface SyntheticPair {
  base: Version
  target: Version
  words: number
}

export function syntheticPair(clauses: number, seed = 42): SyntheticPair {
  const rand = rng(seed + clauses)
  const baseClauses = Array.from({ length: clauses }, (_, i) => ({
    id: `clause-${String(i + 1).padStart(5, '0')}`,
    heading: `Clause ${i + 1}`,
    text: sentence(rand, 46)
  }))
  let target = baseClauses.map((c) => ({ ...c }))
  for (const c of target) if (rand() < 0.2) c.text = edit(rand, c.text)
  target = target.filter(() => rand() >= 0.01) // removed
  const moves = Math.round(clauses * 0.02)
  for (let m = 0; m < moves; m++) {
    const [moved] = target.splice(Math.floor(rand() * target.length), 1)
    target.splice(Math.floor(rand() * target.length), 0, moved!)
  }
  const added = Math.max(1, Math.round(clauses * 0.01))
  for (let a = 0; a < added; a++) {
    target.splice(Math.floor(rand() * target.length), 0, { id: `added-${a + 1}`, heading: `New clause ${a + 1}`, text: sentence(rand, 46) })
  }
  const version = (id: string, title: string, date: string, cs: typeof target): Version => ({
    id, title, date, kind: 'agreement', summary: `Synthetic ${clauses}-clause version.`, file: `${id}.yaml`, clauseCount: cs.length, clauses: cs
  })
  const words = baseClauses.reduce((n, c) => n + c.text.split(' ').length, 0)
  return { base: version(`synthetic-${clauses}-base`, `Synthetic base (${clauses} clauses)`, '2030-01-01', baseClauses), target: version(`synthetic-${clauses}-target`, `Synthetic target (${clauses} clauses)`, '2030-06-01', target), words }
}

/** The model file text of a version, as it would sit in a models folder. */
export function toModelYaml(v: Version): string {
  const { id, title, date, kind, summary, clauses } = v
  return stringify({ id, title, date, kind, summary, clauses }, { lineWidth: 0 })
}
