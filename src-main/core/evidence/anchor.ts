// Finds where a cited quote sits in a source's current text. Exact search first, then a
// fuzzy search for text that was edited since the citation was made, candidates scored on
// quote, context and position, in the manner of the Hypothesis client's match-quote.ts.
// All matching runs on folded text (fold keeps offsets), so ’ matches ' and ‑ matches -.
import search from 'approx-string-match'
import { findFolded, fold } from '../text/fold'

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

/** W3C Web Annotation TextPositionSelector: offsets into the source's kept text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export interface Anchor {
  start: number
  end: number
  /** 1 for an exact match of the quote in its context, lower for fuzzy matches. */
  score: number
  /** True when the quote was found only approximately (the source text changed). */
  fuzzy: boolean
}

export const CONTEXT_LENGTH = 32

export function describeQuote(text: string, start: number, end: number): { quote: TextQuoteSelector; position: TextPositionSelector } {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH)
    },
    position: { type: 'TextPositionSelector', start, end }
  }
}

/*
 * Weights of the scoring, as in Hypothesis: the quote itself counts most; the context on
 * each side separates repeated quotes; the old position breaks the remaining ties, and is
 * weighted least because inserted or deleted text before the passage shifts it.
 */
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

/**
 * At most a quarter of the quote's characters may differ. Hypothesis allows half, which
 * finds something for almost any quote in a long article; for legal evidence a wrong
 * passage is worse than an orphan the reviewer can see and re-cite.
 */
const MAX_ERROR_RATIO = 0.25

export function anchorQuote(text: string, quote: TextQuoteSelector, hint?: TextPositionSelector): Anchor | null {
  const exact = quote.exact
  if (exact.length === 0) return null
  // Fast path: the text at the stored position is still the quote.
  if (hint && fold(text.slice(hint.start, hint.end)) === fold(exact) && hint.end - hint.start === exact.length) {
    return { start: hint.start, end: hint.end, score: 1, fuzzy: false }
  }
  const foldedText = fold(text)
  const exactHits = findFolded(text, exact)
  const candidates =
    exactHits.length > 0
      ? exactHits.map((start) => ({ start, end: start + exact.length, errors: 0 }))
      : search(foldedText, fold(exact), Math.floor(exact.length * MAX_ERROR_RATIO))
  if (candidates.length === 0) return null

  let best: Anchor | null = null
  for (const c of candidates) {
    const quoteScore = 1 - c.errors / exact.length
    const prefixScore = contextScore(foldedText.slice(Math.max(0, c.start - quote.prefix.length), c.start), fold(quote.prefix))
    const suffixScore = contextScore(foldedText.slice(c.end, c.end + quote.suffix.length), fold(quote.suffix))
    const positionScore = hint ? 1 - Math.abs(c.start - hint.start) / Math.max(1, text.length) : 1
    const score = (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) / TOTAL_WEIGHT
    if (!best || score > best.score) best = { start: c.start, end: c.end, score, fuzzy: c.errors > 0 }
  }
  return best
}

/**
 * How well the text next to a candidate matches the stored context: 1 minus the share of
 * differing characters. An empty stored context (quote at the start or end of the text)
 * tells nothing, so it scores neutral rather than perfect.
 */
function contextScore(actual: string, expected: string): number {
  if (expected.length === 0) return 0.5
  if (actual === expected) return 1
  const matches = search(actual, expected, expected.length)
  const best = matches.reduce((min, m) => Math.min(min, m.errors), expected.length)
  return 1 - best / expected.length
}
