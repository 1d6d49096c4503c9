// recall@3 of the suggestions on the labelled set: for each labelled clause, is one of its
// sentences among the top three suggestions? Shared by the benchmark and a unit test.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { SuggestionIndex } from '../src-main/core/evidence/suggest'
import type { Version } from '../src-main/core/models/types'
import type { Source } from '../src-main/core/sources/types'
import { findFolded } from '../src-main/core/text/fold'

interface Label {
  version: string
  clause: string
  source: string
  sentence: string
}

export interface RecallResult {
  clauses: number
  found: number
  recall: number
  misses: string[]
}

export async function readLabels(): Promise<Label[]> {
  return parse(await readFile(join(__dirname, 'fixtures/suggestion-labels.yaml'), 'utf8')) as Label[]
}

/** The sentence span of `sources` holding the label's fragment; throws when there is none. */
export function goldSentence(sources: readonly Source[], label: Label): string {
  const source = sources.find((s) => s.id === label.source)
  const at = source ? findFolded(source.text, label.sentence)[0] : undefined
  const span = at === undefined ? undefined : source!.sentences.find((s) => s.start <= at && at < s.end)
  if (!span) throw new Error(`label not found in ${label.source}: ${label.sentence}`)
  return `${label.source}:${span.start}`
}

export async function recallAt(k: number, sources: readonly Source[], versions: readonly Version[]): Promise<RecallResult> {
  const labels = await readLabels()
  const index = new SuggestionIndex(sources)
  const gold = new Map<string, Set<string>>()
  for (const l of labels) {
    const key = `${l.version}/${l.clause}`
    gold.set(key, (gold.get(key) ?? new Set()).add(goldSentence(sources, l)))
  }
  const misses: string[] = []
  for (const [key, sentences] of gold) {
    const [versionId, clauseId] = key.split('/') as [string, string]
    const clause = versions.find((v) => v.id === versionId)?.clauses.find((c) => c.id === clauseId)
    if (!clause) throw new Error(`labelled clause not in the models: ${key}`)
    const top = index.suggest(clause, k).map((s) => `${s.sourceId}:${s.start}`)
    if (!top.some((t) => sentences.has(t))) misses.push(key)
  }
  return { clauses: gold.size, found: gold.size - misses.length, recall: (gold.size - misses.length) / gold.size, misses }
}
