// Finds where sources disagree about a term before anyone cites them: for each clause, the
// values its strongest passages state (a term's end year, amounts, percentages, exclusive or not)
// are compared across sources, and a clash is flagged with both passages. Only kinds of value the
// clause itself states are compared, so a passage about another term cannot raise a flag here.
import type { Clause } from '../models/types'
import type { Source } from '../sources/types'
import { dayRange, governingDates, inPeriod, type Period } from './period'
import { searchTerm, type SuggestionIndex } from './suggest'

export type ValueKind = 'term' | 'amount' | 'percent' | 'exclusivity'

export interface PassageRef {
  sourceId: string
  sourceTitle: string
  start: number
  end: number
  text: string
  /** The value as the passage states it ("2030", "$135 billion", "not exclusive"). */
  value: string
}

export interface Disagreement {
  /** Stable for one clause and kind: a dismissal names it. */
  key: string
  versionId: string
  clauseId: string
  kind: ValueKind
  /** Two passages from different sources stating different values. */
  passages: [PassageRef, PassageRef]
}

export const KIND_LABEL: Readonly<Record<ValueKind, string>> = { term: 'end of the term', amount: 'amount', percent: 'percentage', exclusivity: 'exclusivity' }

/** Candidate passages beyond the basis: the best suggestions for the version's period. */
const SUGGESTED = 6
/** Words a passage must share with the clause (beyond the most common) to count as about it. */
const MIN_SHARED_WORDS = 2

const TERM_YEAR = /\b(?:until|through|till|to|before)\s+(?:at least\s+|the end of\s+)?((?:20|21)\d{2})\b/gi
// An amount or a percentage is what it measures: the word before it ("valued at $135 billion",
// "a 27% stake" reads the word after). Only values of the same measure are compared, so a
// stake's valuation never clashes with a revenue threshold.
const AMOUNT = /(\p{L}+)\s+(?:at\s+|of\s+|about\s+|roughly\s+|a\s+|an\s+)?\$\s?(\d+(?:[.,]\d+)?)\s?(billion|million|bn|m)\b/giu
const PERCENT = /\b(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)\s*(\p{L}+)?/giu
const NOT_EXCLUSIVE = /\b(?:non-?exclusive|no longer (?:\w+\s){0,3}?exclusive|not (?:\w+\s){0,2}?exclusive|without exclusivity|end(?:s|ed|ing)? (?:its |the )?exclusivity|loses? (?:its )?exclusivity)\b/i
const EXCLUSIVE = /\bexclusiv/i

/** The values of one kind a text states; empty when it states none. */
export function valuesOf(kind: ValueKind, text: string): string[] {
  switch (kind) {
    case 'term':
      return [...new Set([...text.matchAll(TERM_YEAR)].map((m) => m[1]!))]
    case 'amount':
      return [...new Set([...text.matchAll(AMOUNT)].map((m) => `$${m[2]!.replace(',', '.')} ${m[3]!.toLowerCase().startsWith('b') ? 'billion' : 'million'} (${m[1]!.toLowerCase()})`))]
    case 'percent':
      return [...new Set([...text.matchAll(PERCENT)].map((m) => `${m[1]}% (${(m[2] ?? '').toLowerCase()})`))]
    case 'exclusivity':
      return NOT_EXCLUSIVE.test(text) ? ['not exclusive'] : EXCLUSIVE.test(text) ? ['exclusive'] : []
  }
}

const KINDS: readonly ValueKind[] = ['term', 'amount', 'percent', 'exclusivity']

interface Candidate extends Omit<PassageRef, 'value'> {
  /** Rank: basis passages first, then suggestions in order. */
  rank: number
}

/**
 * The disagreements about one clause of one version. Passages: the clause's basis, then the best
 * suggestions for the version's period that share words with it. A kind is compared only when the
 * clause states a value of that kind; two passages clash when their values of it share none. One
 * flag per kind: the highest-ranked clashing pair.
 */
export function disagreementsOf(versionId: string, clause: Clause, sources: ReadonlyMap<string, Source>, index: SuggestionIndex, period: Period | undefined): Disagreement[] {
  const clauseWords = significantWords(`${clause.heading} ${clause.text}`)
  const candidates: Candidate[] = []
  const seen = new Set<string>()
  const add = (c: Candidate): void => {
    const key = `${c.sourceId}:${c.start}`
    if (!seen.has(key)) {
      seen.add(key)
      candidates.push(c)
    }
  }
  for (const b of clause.basis ?? []) {
    const source = sources.get(b.sourceId)
    if (!source || b.start === null || b.end === null) continue
    // The whole sentence the quote stands in: its values may sit just outside the quoted words.
    const sentence = source.sentences.find((s) => s.start <= b.start! && b.start! < s.end) ?? { start: b.start, end: b.end }
    add({ sourceId: source.id, sourceTitle: source.title, start: sentence.start, end: sentence.end, text: source.text.slice(sentence.start, sentence.end), rank: candidates.length })
  }
  for (const s of index.suggest(clause, SUGGESTED, new Set(), period)) {
    const shared = [...significantWords(s.text)].filter((w) => clauseWords.has(w)).length
    const source = sources.get(s.sourceId)
    if (shared >= MIN_SHARED_WORDS && source && speaksTo(source, s, period)) add({ sourceId: s.sourceId, sourceTitle: s.sourceTitle, start: s.start, end: s.end, text: s.text, rank: candidates.length })
  }

  const out: Disagreement[] = []
  for (const kind of KINDS) {
    if (valuesOf(kind, clause.text).length === 0) continue
    const stated = candidates.map((c) => ({ c, values: valuesOf(kind, c.text) })).filter((x) => x.values.length > 0)
    pairs: for (let i = 0; i < stated.length; i++) {
      for (let j = i + 1; j < stated.length; j++) {
        const [a, b] = [stated[i]!, stated[j]!]
        if (a.c.sourceId === b.c.sourceId || !clash(kind, a.values, b.values)) continue
        out.push({
          key: `${versionId}/${clause.id}/${kind}`,
          versionId,
          clauseId: clause.id,
          kind,
          passages: [ref(a.c, a.values), ref(b.c, b.values)]
        })
        break pairs
      }
    }
  }
  return out
}

/**
 * A suggested passage speaks to the version's time when a date it names itself falls in the
 * version's period, or when it states a term running into that period ("exclusive … through
 * 2030", written in February, is a claim about April 2026) and is not about a later stage (April's
 * "no longer exclusive" is no claim about October 2025). Stricter than ranking, which also takes
 * the paragraph's dates: "sources disagree" must not rest on a passage that may be about another
 * stage of the deal (a sentence after "originated in 2019" is not about 2019). Basis passages
 * always count.
 */
function speaksTo(source: Source, span: { start: number; end: number }, period: Period | undefined): boolean {
  if (!period) return true
  const own = source.dates.filter((d) => d.iso !== null && d.start >= span.start && d.end <= span.end)
  if (own.some((d) => inPeriod(d.iso!, period))) return true
  const from = Number(period.from.slice(0, 4))
  if (!valuesOf('term', source.text.slice(span.start, span.end)).some((y) => Number(y) >= from)) return false
  const about = governingDates(source, span)
  const later = period.until !== null && about.length > 0 && about.every((d) => dayRange(d)[0] >= dayRange(period.until!)[0])
  return !later
}

/** Values clash when they share none; an amount or percentage only against one of the same measure. */
function clash(kind: ValueKind, a: readonly string[], b: readonly string[]): boolean {
  if (a.some((v) => b.includes(v))) return false
  if (kind !== 'amount' && kind !== 'percent') return true
  const measure = (v: string): string => /\(([^)]*)\)$/.exec(v)?.[1] ?? ''
  return a.some((x) => b.some((y) => measure(x) !== '' && measure(x) === measure(y)))
}

function ref(c: Candidate, values: string[]): PassageRef {
  const { rank: _rank, ...rest } = c
  return { ...rest, value: values.join(', ') }
}

function significantWords(text: string): Set<string> {
  const out = new Set<string>()
  for (const w of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const t = searchTerm(w)
    if (t && !/^\d+$/.test(t)) out.add(t)
  }
  return out
}
