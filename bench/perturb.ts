// Id-less synthetic version pairs with a known truth, for the pairing tests and benchmark: a
// generated version renumbered throughout, 3% moved, 2% split, 2% merged, 10% rewritten by
// 20–50% of their words, 1% removed and 1% added (issue 11's perturbation).
import type { PairInput } from '../src-main/core/compare/pair'
import { rng, syntheticPair } from './synthetic'

export interface PerturbedPair {
  base: PairInput[]
  target: PairInput[]
  /** Every true link between a base and a target clause (a split of 3 is 3 links). */
  truth: Array<[number, number]>
}

interface Item {
  text: string
  from: number[]
  /** Set on the pieces of a split: they stay together and are not moved or merged. */
  piece?: true
}

export function perturbedPair(clauses: number, seed = 7): PerturbedPair {
  const rand = rng(seed * 7919 + clauses)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const texts = syntheticPair(clauses, seed).base.clauses.map((c) => c.text)
  const vocabulary = [...new Set(texts.join(' ').toLowerCase().split(/\s+/))].filter((w) => /^[a-z]+$/.test(w))
  const fresh = (words: number): string => Array.from({ length: words }, () => pick(vocabulary)).join(' ')
  const count = (share: number): number => Math.max(1, Math.round(clauses * share))

  let work: Item[] = texts.map((text, i) => ({ text, from: [i] }))
  // Rewrite 10% of clauses by 20–50% of their words.
  for (let n = 0; n < count(0.1); n++) {
    const item = pick(work)
    const words = item.text.split(' ')
    const share = 0.2 + rand() * 0.3
    for (let k = 0; k < Math.round(words.length * share); k++) words[Math.floor(rand() * words.length)] = pick(vocabulary)
    item.text = words.join(' ')
  }
  // Remove 1%.
  for (let n = 0; n < count(0.01); n++) work.splice(Math.floor(rand() * work.length), 1)
  // Merge 2%: a clause and the next one become one clause.
  for (let n = 0; n < count(0.02); n++) {
    const at = Math.floor(rand() * (work.length - 1))
    const [a, b] = [work[at]!, work[at + 1]!]
    if (a.from.length > 1 || b.from.length > 1) continue
    work.splice(at, 2, { text: `${a.text} ${b.text}`, from: [...a.from, ...b.from] })
  }
  // Split 2%: a clause becomes 2 or 3 clauses, each piece lightly edited.
  for (let n = 0; n < count(0.02); n++) {
    const at = Math.floor(rand() * work.length)
    const item = work[at]!
    if (item.from.length > 1 || item.piece) continue
    const words = item.text.split(' ')
    const pieces = 2 + Math.floor(rand() * 2)
    const size = Math.ceil(words.length / pieces)
    const parts: Item[] = []
    for (let p = 0; p < pieces; p++) {
      const piece = words.slice(p * size, (p + 1) * size)
      piece[Math.floor(rand() * piece.length)] = pick(vocabulary)
      parts.push({ text: piece.join(' '), from: item.from, piece: true })
    }
    work.splice(at, 1, ...parts)
  }
  // Move 3%.
  for (let n = 0; n < count(0.03); n++) {
    const at = Math.floor(rand() * work.length)
    if (work[at]!.piece) continue
    const [moved] = work.splice(at, 1)
    let to = Math.floor(rand() * work.length)
    while (to > 0 && work[to - 1]!.piece && work[to]?.piece && work[to - 1]!.from[0] === work[to]!.from[0]) to--
    work.splice(to, 0, moved!)
  }
  // Add 1%, one of them first so that every number shifts.
  work.unshift({ text: fresh(46), from: [] })
  for (let n = 1; n < count(0.01); n++) {
    let to = Math.floor(rand() * work.length)
    while (to > 0 && work[to - 1]!.piece && work[to]?.piece && work[to - 1]!.from[0] === work[to]!.from[0]) to--
    work.splice(to, 0, { text: fresh(46), from: [] })
  }
  work = work.filter((w) => w.text.trim() !== '')

  const base = texts.map((text, i): PairInput => ({ key: `b${i}`, label: String(i + 1), heading: `Clause ${i + 1}`, text }))
  const target = work.map((w, k): PairInput => ({ key: `t${k}`, label: String(k + 1), heading: `Clause ${k + 1}`, text: w.text }))
  const truth: Array<[number, number]> = work.flatMap((w, k) => w.from.map((b): [number, number] => [b, k]))
  return { base, target, truth }
}
