// Suggests the source sentences most likely to state a clause: BM25 ranking (MiniSearch) over
// every sentence of every source, with terms folded, stop words dropped, British and American
// spellings joined and words stemmed, so "licence" in a model finds "license" in an article.
import MiniSearch from 'minisearch'
import { stemmer } from 'stemmer'
import { eng } from 'stopword'
import type { Clause } from '../models/types'
import type { Source } from '../sources/types'
import { fold } from '../text/fold'
import { governingDates, inPeriod, type Period } from './period'

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
  /** What the sentence is about in time (period.ts); empty when nothing says. */
  dates: string[]
}

/**
 * Ranking weights on top of BM25. A passage about the version's period is worth more than one
 * about another stage of the deal; one that says nothing of time is left as it is. The cap keeps
 * one long article from filling the list: a reviewer wants the other sources' word too.
 */
const IN_PERIOD = 1.6
const OUT_OF_PERIOD = 0.6
export const MAX_PER_SOURCE = 2

/**
 * The stopword package's English list, plus words it keeps that carry no subject: pronouns and
 * modals ("its", "may", "shall"), bare negations (the conflict check reads "no longer" itself),
 * and reporting words. None of them is ever shown as a "matched word".
 */
const STOP_WORDS = new Set([...eng, 'its', 'no', 'not', 'nor', 'may', 'might', 'must', 'shall', 'will', 'says', 'per', 'one', 'including', 'include', 'includes', 'included'])
/**
 * A word in more than this share of all sentences (here "OpenAI", "Microsoft") still ranks, with
 * BM25's small weight, but is not shown as a matched word: it tells the reviewer nothing.
 */
const COMMON_SHARE = 0.25
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
  /** Search terms too common to show as matched words. */
  private readonly common = new Set<string>()

  constructor(sources: readonly Source[]) {
    this.sources = new Map(sources.map((s) => [s.id, s]))
    this.index = new MiniSearch<SentenceDoc & { text: string }>({
      fields: ['text'],
      tokenize: (text) => text.match(WORD) ?? [],
      processTerm: searchTerm
    })
    for (const s of sources) {
      for (const span of s.sentences) {
        const doc = { id: this.docs.length, sourceId: s.id, start: span.start, end: span.end, dates: governingDates(s, span) }
        this.docs.push(doc)
        this.index.add({ ...doc, text: s.text.slice(span.start, span.end) })
      }
    }
    const df = new Map<string, number>()
    for (const doc of this.docs) {
      const words = new Set((this.sources.get(doc.sourceId)!.text.slice(doc.start, doc.end).match(WORD) ?? []).map(searchTerm))
      for (const t of words) if (t) df.set(t, (df.get(t) ?? 0) + 1)
    }
    for (const [t, n] of df) if (n > COMMON_SHARE * this.docs.length) this.common.add(t)
  }

  /**
   * The best `limit` sentences for a clause, skipping passages listed in `exclude`
   * ("sourceId:start"); with the version's `period`, passages about that period rank first.
   */
  suggest(clause: Pick<Clause, 'heading' | 'text'>, limit = 5, exclude: ReadonlySet<string> = new Set(), period?: Period): Suggestion[] {
    const ranked = this.index
      .search(`${clause.heading} ${clause.text}`, { combineWith: 'OR' })
      .map((r) => {
        const doc = this.docs[r.id as number]!
        const weight = !period || doc.dates.length === 0 ? 1 : doc.dates.some((d) => inPeriod(d, period)) ? IN_PERIOD : OUT_OF_PERIOD
        return { doc, terms: r.terms, score: r.score * weight }
      })
      .sort((a, b) => b.score - a.score || a.doc.id - b.doc.id)
    const out: Suggestion[] = []
    const perSource = new Map<string, number>()
    for (const { doc, terms: matchedTerms, score } of ranked) {
      if (exclude.has(`${doc.sourceId}:${doc.start}`)) continue
      const taken = perSource.get(doc.sourceId) ?? 0
      if (taken >= MAX_PER_SOURCE) continue
      perSource.set(doc.sourceId, taken + 1)
      const source = this.sources.get(doc.sourceId)!
      const text = source.text.slice(doc.start, doc.end)
      const matched = new Set(matchedTerms)
      const terms = [...new Set((text.match(WORD) ?? []).filter((w) => {
        const t = searchTerm(w)
        return t !== null && matched.has(t) && !this.common.has(t)
      }))]
      out.push({ sourceId: doc.sourceId, sourceTitle: source.title, start: doc.start, end: doc.end, text, score: Math.round(score * 100) / 100, terms })
      if (out.length === limit) break
    }
    return out
  }
}
