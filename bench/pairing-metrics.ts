// How well a pairing matches a hand-written or generated truth, and the naive baseline it is
// measured against (pair by printed number only): shared by the pairing tests and the benchmark.
import type { PairInput, Pairing } from '../src-main/core/compare/pair'

export interface Score {
  precision: number
  recall: number
  f1: number
  /** Links predicted that the truth does not hold, and truth links not predicted: "b→t". */
  wrong: string[]
  missed: string[]
}

const linkKey = ([b, t]: readonly [number, number]): string => `${b}→${t}`

export function score(predicted: ReadonlyArray<[number, number]>, truth: ReadonlyArray<[number, number]>): Score {
  const p = new Set(predicted.map(linkKey))
  const t = new Set(truth.map(linkKey))
  let hits = 0
  for (const k of p) if (t.has(k)) hits++
  const precision = p.size === 0 ? 1 : hits / p.size
  const recall = t.size === 0 ? 1 : hits / t.size
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, wrong: [...p].filter((k) => !t.has(k)), missed: [...t].filter((k) => !p.has(k)) }
}

/** The links a list of rows implies: a split row of one base and three targets is three links. */
export function linksOf(rows: readonly Pairing[]): Array<[number, number]> {
  return rows.flatMap((r) => r.base.flatMap((b) => r.target.map((t): [number, number] => [b, t])))
}

/**
 * What a diff that trusts numbering does: "(a)", "a)" and "a." are the same label, "Section 4"
 * is "4"; the n-th clause printing a label pairs with the n-th target clause printing it (list
 * items "a)" recur under every section); clauses with no label never pair.
 */
export function baselineLabel(label: string | undefined): string {
  return (label ?? '')
    .toLowerCase()
    .replace(/^\s*(?:section|article|clause|paragraph|§+)\s*/, '')
    .replace(/[()\s]/g, '')
    .replace(/\.+$/, '')
}

export function pairByLabelOnly(base: readonly PairInput[], target: readonly PairInput[]): Array<[number, number]> {
  const targets = new Map<string, number[]>()
  target.forEach((c, t) => {
    const l = baselineLabel(c.label)
    if (l !== '') targets.set(l, [...(targets.get(l) ?? []), t])
  })
  const used = new Map<string, number>()
  return base.flatMap((c, b): Array<[number, number]> => {
    const l = baselineLabel(c.label)
    const n = used.get(l) ?? 0
    const t = l === '' ? undefined : targets.get(l)?.[n]
    used.set(l, n + 1)
    return t === undefined ? [] : [[b, t]]
  })
}
