// recall@k of the suggestions on the labelled set: every term a bundled version states (its own
// clauses, not those it carries over), labelled with the sentences its basis quotes. Is one of
// them among the top k suggestions for that version? Shared by the benchmark and a unit test.
import { periodsOf } from '../src-main/core/evidence/period'
import { SuggestionIndex } from '../src-main/core/evidence/suggest'
import type { Version } from '../src-main/core/models/types'
import type { Source } from '../src-main/core/sources/types'

export interface RecallResult {
  clauses: number
  found: number
  recall: number
  misses: string[]
}

/** "version/clause" → the sentences ("source:start") its basis quotes fall in. */
export function labelledSet(sources: readonly Source[], versions: readonly Version[]): Map<string, Set<string>> {
  const byId = new Map(sources.map((s) => [s.id, s]))
  const gold = new Map<string, Set<string>>()
  for (const v of versions) {
    for (const c of v.clauses) {
      if (c.carriedFrom || !c.basis?.length) continue
      const sentences = new Set<string>()
      for (const b of c.basis) {
        const source = byId.get(b.sourceId)
        if (!source || b.start === null || b.end === null) continue
        for (const s of source.sentences) if (s.start < b.end! && b.start < s.end) sentences.add(`${b.sourceId}:${s.start}`)
      }
      if (sentences.size > 0) gold.set(`${v.id}/${c.id}`, sentences)
    }
  }
  return gold
}

/** With `periods` false, suggestions ignore which version a clause belongs to (the ranking before issue 13). */
export function recallAt(k: number, sources: readonly Source[], versions: readonly Version[], { periods = true } = {}): RecallResult {
  const index = new SuggestionIndex(sources)
  const timeline = periodsOf(versions)
  const gold = labelledSet(sources, versions)
  const misses: string[] = []
  for (const [key, sentences] of gold) {
    const [versionId, clauseId] = key.split('/') as [string, string]
    const clause = versions.find((v) => v.id === versionId)!.clauses.find((c) => c.id === clauseId)!
    const top = index.suggest(clause, k, new Set(), periods ? timeline.get(versionId) : undefined).map((s) => `${s.sourceId}:${s.start}`)
    if (!top.some((t) => sentences.has(t))) misses.push(key)
  }
  return { clauses: gold.size, found: gold.size - misses.length, recall: gold.size === 0 ? 0 : (gold.size - misses.length) / gold.size, misses }
}
