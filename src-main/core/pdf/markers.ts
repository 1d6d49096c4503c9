// Where a citation's marker [n] goes in its clause's text: right after the words the cited
// passage speaks to, so a reader of the PDF sees which term a source backs or disputes.
import { searchTerm } from '../evidence/suggest'

const WORD = /[\p{L}\p{N}]+/gu
/** Ends a phrase: clause and aside punctuation, a full stop or comma before a space, a spaced dash. */
const PHRASE_END = /[;:!?()[\]]|[.,](?=\s|$)|\s[-–—]\s/gu
const YEAR = /^(19|20)\d{2}$/
/** A year of the quote against another year of a phrase: part of a word (see markerOffset). */
const YEAR_SHARE = 0.5
/** What a marker may not split: the rest of a word ("OpenAI|'s", "non|‑exclusive") and a closing quote. */
const WORD_TAIL = /^[\p{L}\p{N}'’‑-]*[”’"]?/u

/** How distinctive each search term is among `texts` (the comparison's clause texts): idf, so a word in nearly every clause counts for little. */
export function termWeights(texts: Iterable<string>): (term: string) => number {
  const df = new Map<string, number>()
  let n = 0
  for (const text of texts) {
    n++
    for (const term of new Set(terms(text).map((t) => t.term))) df.set(term, (df.get(term) ?? 0) + 1)
  }
  return (term) => Math.log(1 + n / Math.max(1, df.get(term) ?? 1))
}

/**
 * The offset in `text` after which the marker of a citation quoting `quote` goes. The rule:
 * the text is cut into phrases at punctuation (PHRASE_END); each phrase scores the distinct
 * words it shares with the quote (folded, stemmed, British and American spellings joined, stop
 * words left out: suggest.ts's searchTerm), each weighted by `weight`. A year in the quote
 * that the phrase does not state counts YEAR_SHARE of the phrase's own year, in a phrase sharing
 * at least one other word with the quote: a passage giving
 * a term "through 2030" speaks to the phrase "until 2032" even where the two disagree, which
 * is often why it was cited. The marker goes after the last shared word of the best phrase
 * (the earlier of equal ones), never inside a word or before its closing quote; after the
 * whole text when no phrase shares a word with the quote.
 */
export function markerOffset(text: string, quote: string, weight: (term: string) => number): number {
  const wanted = new Set(terms(quote).map((t) => t.term))
  const quoteHasYear = [...wanted].some((t) => YEAR.test(t))
  let best = { score: 0, end: -1 }
  for (const [from, to] of phrases(text)) {
    const words = terms(text.slice(from, to))
    const shared = words.filter((w) => wanted.has(w.term))
    let score = [...new Set(shared.map((w) => w.term))].reduce((sum, t) => sum + weight(t), 0)
    let end = shared.length ? Math.max(...shared.map((w) => w.end)) : -1
    // Only beside a shared word: a year alone ("signed in 2019") does not make a phrase about the passage.
    const year = quoteHasYear && shared.length > 0 && !shared.some((w) => YEAR.test(w.term)) ? words.find((w) => YEAR.test(w.term)) : undefined
    if (year) {
      score += YEAR_SHARE * weight(year.term)
      end = Math.max(end, year.end)
    }
    if (score > best.score) best = { score, end: from + end }
  }
  if (best.end < 0) return text.trimEnd().length
  return best.end + (WORD_TAIL.exec(text.slice(best.end))?.[0].length ?? 0)
}

/** The search terms of `text`, each with the offset just after its word. */
function terms(text: string): Array<{ term: string; end: number }> {
  const out: Array<{ term: string; end: number }> = []
  for (const m of text.matchAll(WORD)) {
    const term = searchTerm(m[0])
    if (term !== null) out.push({ term, end: m.index + m[0].length })
  }
  return out
}

/** [start, end) of each phrase of `text`. */
function phrases(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let start = 0
  for (const m of text.matchAll(PHRASE_END)) {
    if (m.index > start) out.push([start, m.index])
    start = m.index + m[0].length
  }
  if (start < text.length) out.push([start, text.length])
  return out
}
