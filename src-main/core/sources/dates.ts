// Finds the dates an article mentions ("February 27, 2026", "October 2025", "in 2019"),
// keeping the precision the article gives rather than inventing a day or a year.
import type { MentionedDate } from './types'

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december'
]
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
const YEAR = '((?:19|20)\\d{2})'
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'

// Longest forms first: a match consumes its text so "February 27, 2026" is not also read
// as the month-less year "2026". "May" needs a day or a year next to it to count as a month.
const PATTERNS: ReadonlyArray<{ re: RegExp; iso: (m: RegExpExecArray) => string | null }> = [
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g'), iso: (m) => iso(m[3], m[1], m[2]) },
  { re: new RegExp(`\\b${DAY}\\s+${MONTH}\\s+${YEAR}\\b`, 'g'), iso: (m) => iso(m[3], m[2], m[1]) },
  { re: new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`, 'g'), iso: (m) => iso(m[2], m[1]) },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?!,?\\s*\\d)`, 'g'), iso: () => null },
  // A bare year, but not an amount ("$2030") nor part of a longer number or a model name.
  { re: new RegExp(`(?<![$\\d.,-])\\b${YEAR}\\b(?![\\d.,]\\d|\\s*(?:billion|million|%))`, 'g'), iso: (m) => m[1] ?? null }
]

function iso(year: string | undefined, month: string | undefined, day?: string): string | null {
  if (!year || !month) return null
  const index = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase().replace('.', '').slice(0, 3)))
  if (index < 0) return null
  const mm = String(index + 1).padStart(2, '0')
  if (day === undefined) return `${year}-${mm}`
  const dd = Number(day)
  if (dd < 1 || dd > 31) return null
  return `${year}-${mm}-${String(dd).padStart(2, '0')}`
}

export function findDates(text: string): MentionedDate[] {
  const taken: boolean[] = new Array<boolean>(text.length).fill(false)
  const found: MentionedDate[] = []
  for (const { re, iso: toIso } of PATTERNS) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index
      const end = start + m[0].length
      if (taken.slice(start, end).some(Boolean)) continue
      // "May" alone is too often the verb; only accept it with a day and a year.
      if (/^may\b/i.test(m[0]) && toIso(m)?.length !== 10) continue
      taken.fill(true, start, end)
      found.push({ start, end, text: m[0], iso: toIso(m) })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

const MONTH_DAY = new RegExp(`^${MONTH}\\s+${DAY}$`)

/** How an ISO date of any precision sorts against another: a missing month or day sorts first. */
const sortKey = (iso: string): string => iso.padEnd(10, '-00')

/**
 * The ISO date of a month and day printed without a year ("February 27"), inferred from the
 * article's context: news gives the year of the earlier events it recalls and leaves it off the
 * event it reports, so the date is taken as the first such day on or after the latest dated
 * event (month or day precision) the article mentions. Null for any other mention, and when the
 * article dates no event (a bare year is more often a term, "through 2032", than an event).
 */
export function inferYear(date: MentionedDate, dates: readonly MentionedDate[]): string | null {
  if (date.iso !== null) return null
  const m = MONTH_DAY.exec(date.text)
  let anchor: string | null = null
  for (const d of dates) if (d.iso && d.iso.length >= 7 && (anchor === null || sortKey(d.iso) > sortKey(anchor))) anchor = d.iso
  if (!m || anchor === null) return null
  const year = Number(anchor.slice(0, 4))
  const same = iso(String(year), m[1], m[2])
  if (same === null) return null
  return sortKey(same) >= sortKey(anchor) ? same : iso(String(year + 1), m[1], m[2])
}

/**
 * The latest month- or day-precision date among `dates`, a month and day without a year taken
 * in the year its context gives (inferYear). Bare years are left out: in these articles they are
 * mostly contract terms ("through 2032"), not events the article reports.
 */
export function latestEventDate(dates: readonly MentionedDate[]): string | null {
  let best: string | null = null
  for (const d of dates) {
    const at = d.iso ?? inferYear(d, dates)
    if (at && at.length >= 7 && (best === null || sortKey(at) > sortKey(best))) best = at
  }
  return best
}
