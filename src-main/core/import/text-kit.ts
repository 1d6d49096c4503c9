// Small pieces the plain-text, Markdown and HTML readers share: the errors they throw, the word
// test, whitespace as a browser collapses it, and dates as the document gives them, made ISO.
import { ClausewiseError } from '../errors'
import { findDates } from '../sources/dates'

/** The name a reviewer knows the file by: never a full path (core does not import node:path). */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file
}

export function invalidFile(file: string, message: string): ClausewiseError {
  return new ClausewiseError({ code: 'invalid-file', file: baseName(file), message })
}

/** A letter or a digit anywhere: a file without one has nothing a reviewer could compare. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text)
}

/**
 * Runs of HTML whitespace (space, tab, line feed, form feed, carriage return) become one space,
 * as a browser shows them; the no-break space is not whitespace there and is kept.
 */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\n\f\r]+/g, ' ').trim()
}

/**
 * An ISO date with the precision the value gives (YYYY, YYYY-MM or YYYY-MM-DD), or undefined.
 * A timestamp keeps the calendar date as written ("2025-03-01T23:30:00-05:00" → "2025-03-01"),
 * which is the publisher's date, not the date in the reader's time zone. Written dates
 * ("March 1, 2025", "1 March 2025") go through the source reader's date finder.
 */
export function isoDate(value: string | undefined): string | undefined {
  const v = value?.trim()
  if (!v) return undefined
  const m = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?=$|[T\s])/.exec(v)
  if (m) {
    const [, y, mo, d] = m
    if (mo === undefined) return y
    const month = Number(mo)
    if (month < 1 || month > 12) return undefined
    const mm = String(month).padStart(2, '0')
    if (d === undefined) return `${y}-${mm}`
    const day = Number(d)
    return day >= 1 && day <= 31 ? `${y}-${mm}-${String(day).padStart(2, '0')}` : undefined
  }
  return findDates(v).find((found) => found.iso !== null)?.iso ?? undefined
}
