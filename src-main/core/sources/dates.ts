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

/**
 * The latest month- or day-precision date among `dates`. Bare years are left out: in these
 * articles they are mostly contract terms ("through 2032"), not events the article reports.
 */
export function latestEventDate(dates: readonly MentionedDate[]): string | null {
  let best: string | null = null
  for (const { iso } of dates) {
    if (iso && iso.length >= 7 && (best === null || iso.padEnd(10, '-00') > best.padEnd(10, '-00'))) best = iso
  }
  return best
}
