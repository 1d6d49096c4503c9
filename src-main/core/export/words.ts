// How every export names what it compares: the pair ("28 October 2025 → 27 April 2026") and the
// options ("Word by word, ignoring case"), one wording for the PDF and the Word redline.
import type { Comparison } from '../compare/types'
import { longDate } from '../text/dates'

/** Whether the versions are named by date: both dated, on different days. */
export function byDate(c: Comparison): boolean {
  return Boolean(c.base.date && c.target.date && c.base.date !== c.target.date)
}

/**
 * The two versions as a title names them: by date, as the bundled case's versions are known;
 * by title when a version has no date or both share one (two drafts imported the same day).
 */
export function pairName(c: Comparison): string {
  return byDate(c) ? `${longDate(c.base.date)} → ${longDate(c.target.date)}` : `${c.base.title} → ${c.target.title}`
}

/** "Word by word", "Character by character, ignoring case and punctuation". */
export function optionsText(c: Comparison): string {
  const o = c.options
  const ignored = [o.ignoreCase ? 'case' : '', o.ignorePunctuation ? 'punctuation' : '', o.ignoreWhitespace ? 'spacing' : ''].filter(Boolean)
  const how = o.granularity === 'char' ? 'Character by character' : 'Word by word'
  return ignored.length ? `${how}, ignoring ${ignored.length > 1 ? `${ignored.slice(0, -1).join(', ')} and ${ignored.at(-1)}` : ignored[0]}` : how
}
