import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { goldSentence, readLabels, recallAt } from '../../../../bench/suggestions'
import { searchTerm, SuggestionIndex } from '../../../../src-main/core/evidence/suggest'
import { FolderLibrary } from '../../../../src-main/core/library'

const ROOT = join(__dirname, '../../../..')
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

  it('every label names a real sentence and a real clause', async () => {
    for (const label of await readLabels()) {
      expect(() => goldSentence(sources, label)).not.toThrow()
      expect(versions.find((v) => v.id === label.version)?.clauses.some((c) => c.id === label.clause), `${label.version}/${label.clause}`).toBe(true)
    }
  })

  it('keeps recall@3 on the labelled set from regressing', async () => {
    expect((await recallAt(3, sources, versions)).recall).toBeGreaterThanOrEqual(0.7)
  })
})
