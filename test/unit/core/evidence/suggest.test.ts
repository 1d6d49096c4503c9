import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { labelledSet, recallAt } from '../../../../bench/suggestions'
import { periodsOf } from '../../../../src-main/core/evidence/period'
import { eng } from 'stopword'
import { MAX_PER_SOURCE, searchTerm, SuggestionIndex } from '../../../../src-main/core/evidence/suggest'
import { FolderLibrary } from '../../../../src-main/core/library'

const ROOT = join(__dirname, '../../../..')
/** The figure reached when the labelled set was grown (issue 13); the benchmark prints the current one. */
const RECALL_AT_3_FLOOR = 0.9
const library = new FolderLibrary({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models') })

describe('suggestions', async () => {
  const sources = (await library.loadSources()).sources
  const versions = (await library.loadModels()).versions

  it('joins British and American spellings and folds typography before stemming', () => {
    expect(searchTerm('Licence')).toBe(searchTerm('license'))
    expect(searchTerm('OpenAI’s')).toBe(searchTerm("openai's"))
    expect(searchTerm('the')).toBeNull()
  })

  it('ranks the sentence that states the April 2026 IP clause first, with the matched words', () => {
    const clause = versions.find((v) => v.id === '2026-04')!.clauses.find((c) => c.id === 'ip-licence')!
    const [top] = new SuggestionIndex(sources).suggest(clause, 3)
    expect(top!.text).toContain('this license is no longer exclusive')
    expect(top!.terms).toEqual(expect.arrayContaining(['license', '2032']))
    expect(sources.find((s) => s.id === top!.sourceId)!.text.slice(top!.start, top!.end)).toBe(top!.text)
  })

  it('leaves out excluded passages', () => {
    const clause = versions.find((v) => v.id === '2026-04')!.clauses.find((c) => c.id === 'ip-licence')!
    const index = new SuggestionIndex(sources)
    const [top] = index.suggest(clause, 1)
    const [next] = index.suggest(clause, 1, new Set([`${top!.sourceId}:${top!.start}`]))
    expect(next!.start === top!.start && next!.sourceId === top!.sourceId).toBe(false)
  })

  it('prefers passages about the version\'s period: one clause text gets another ranking for another version', () => {
    const clause = versions.find((v) => v.id === '2026-04')!.clauses.find((c) => c.id === 'cloud-exclusivity')!
    const index = new SuggestionIndex(sources)
    const periods = periodsOf(versions)
    const early = index.suggest(clause, 5, new Set(), periods.get('2019')).map((s) => `${s.sourceId}:${s.start}`)
    const late = index.suggest(clause, 5, new Set(), periods.get('2026-04')).map((s) => `${s.sourceId}:${s.start}`)
    expect(early).not.toEqual(late)
  })

  it('offers at most two passages of one source, and never a stop word or a word of every other sentence as a matched word', () => {
    const index = new SuggestionIndex(sources)
    const stop = new Set([...eng, 'its', 'no', 'not'])
    for (const v of versions) {
      for (const c of v.clauses) {
        const found = index.suggest(c, 8)
        const perSource = new Map<string, number>()
        for (const s of found) perSource.set(s.sourceId, (perSource.get(s.sourceId) ?? 0) + 1)
        expect(Math.max(...perSource.values())).toBeLessThanOrEqual(MAX_PER_SOURCE)
        for (const s of found) {
          expect(s.terms.filter((t) => stop.has(t.toLowerCase())), `${v.id}/${c.id}`).toEqual([])
          expect(s.terms.map((t) => t.toLowerCase())).not.toContain('openai')
        }
      }
    }
  })

  it('labels every term a version states by the sentences of its basis', () => {
    const gold = labelledSet(sources, versions)
    const stated = versions.flatMap((v) => v.clauses.filter((c) => !c.carriedFrom).map((c) => `${v.id}/${c.id}`))
    expect([...gold.keys()].sort()).toEqual(stated.sort())
  })

  it('keeps recall@3 on the labelled set from regressing', () => {
    expect(recallAt(3, sources, versions).recall).toBeGreaterThanOrEqual(RECALL_AT_3_FLOOR)
  })
})
