// Suggests the source sentences most likely to state a clause: BM25 ranking (MiniSearch) over
// every sentence of every source, with terms folded, stop words dropped, British and American
// spellings joined and words stemmed, so "licence" in a model finds "license" in an article.
import MiniSearch from 'minisearch'
import { stemmer } from 'stemmer'
import { eng } from 'stopword'
import type { Clause } from '../models/types'
import type { Source } from '../sources/types'
import { fold } from '../text/fold'

export interface Suggestion {
  sourceId: string
  sourceTitle: string
  start: number
  end: number
  text: string
  score: number
  /** The words of the sentence that matched the clause, as the sentence spells them. */
  terms: string[]
}

interface SentenceDoc {
  id: number
  sourceId: string
  start: number
  end: number
}

const STOP_WORDS = new Set(eng)
/** British spellings in the models, American in most articles. */
const SPELLING: Readonly<Record<string, string>> = { licence: 'license', licences: 'licenses', licensed: 'license', centre: 'center', centres: 'centers' }
const WORD = /[\p{L}\p{N}]+/gu

export function searchTerm(word: string): string | null {
  const t = fold(word)
  if (t.length < 2 || STOP_WORDS.has(t)) return null
  return stemmer(SPELLING[t] ?? t)
}

export class SuggestionIndex {
  private readonly index: MiniSearch<SentenceDoc & { text: string }>
  private readonly docs: SentenceDoc[] = []
  private readonly sources: Map<string, Source>

  constructor(sources: readonly Source[]) {
    this.sources = new Map(sources.map((s) => [s.id, s]))
    this.index = new MiniSearch<SentenceDoc & { text: string }>({
      fields: ['text'],
      tokenize: (text) => text.match(WORD) ?? [],
      processTerm: searchTerm
    })
    for (const s of sources) {
      for (const span of s.sentences) {
        const doc = { id: this.docs.length, sourceId: s.id, start: span.start, end: span.end }
        this.docs.push(doc)
        this.index.add({ ...doc, text: s.text.slice(span.start, span.end) })
      }
    }
  }

  /** The best `limit` sentences for a clause, skipping passages listed in `exclude` ("sourceId:start"). */
  suggest(clause: Pick<Clause, 'heading' | 'text'>, limit = 5, exclude: ReadonlySet<string> = new Set()): Suggestion[] {
    const results = this.index.search(`${clause.heading} ${clause.text}`, { combineWith: 'OR' })
    const out: Suggestion[] = []
    for (const r of results) {
      const doc = this.docs[r.id as number]!
      if (exclude.has(`${doc.sourceId}:${doc.start}`)) continue
      const source = this.sources.get(doc.sourceId)!
      const text = source.text.slice(doc.start, doc.end)
      const matched = new Set(r.terms)
      const terms = [...new Set((text.match(WORD) ?? []).filter((w) => matched.has(searchTerm(w) ?? '')))]
      out.push({ sourceId: doc.sourceId, sourceTitle: source.title, start: doc.start, end: doc.end, text, score: Math.round(r.score * 100) / 100, terms })
      if (out.length === limit) break
    }
    return out
  }
}
