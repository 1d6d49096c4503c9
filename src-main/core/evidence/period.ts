// Which stretch of time a version governs, and which a sentence is about, so that suggestions for
// the January 2025 terms prefer passages about January 2025 over passages about February 2026.
import type { Source, Span } from '../sources/types'

/** From a version's date to the next version's (exclusive); `until` null for the latest. */
export interface Period {
  from: string
  until: string | null
}

/** The first and last day a partial ISO date covers: "2025-10" → 2025-10-01 … 2025-10-31. */
export function dayRange(iso: string): [string, string] {
  const [y, m, d] = iso.split('-')
  if (d) return [iso, iso]
  if (m) return [`${y}-${m}-01`, `${y}-${m}-${String(new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()).padStart(2, '0')}`]
  return [`${y}-01-01`, `${y}-12-31`]
}

/** True when any day `iso` covers falls in the period. */
export function inPeriod(iso: string, period: Period): boolean {
  const [first, last] = dayRange(iso)
  const from = dayRange(period.from)[0]
  const until = period.until === null ? null : dayRange(period.until)[0]
  return last >= from && (until === null || first < until)
}

/** Each version's period on the timeline (`versions` oldest first); undated versions have none. */
export function periodsOf(versions: ReadonlyArray<{ id: string; date: string }>): Map<string, Period> {
  const dated = versions.filter((v) => v.date !== '')
  return new Map(dated.map((v, i) => [v.id, { from: v.date, until: dated[i + 1]?.date ?? null }]))
}

/**
 * The dates a sentence is about: the dates it mentions itself; else those of its paragraph; else
 * the article's own (its publication date, else the latest event it reports).
 */
export function governingDates(source: Source, sentence: Span): string[] {
  const within = (span: Span): string[] => source.dates.filter((d) => d.iso !== null && d.start >= span.start && d.end <= span.end).map((d) => d.iso!)
  const own = within(sentence)
  if (own.length > 0) return own
  const paragraph = source.paragraphs.find((p) => p.start <= sentence.start && sentence.end <= p.end)
  const around = paragraph ? within(paragraph) : []
  if (around.length > 0) return around
  const article = source.published ?? source.latestEventDate
  return article ? [article] : []
}
