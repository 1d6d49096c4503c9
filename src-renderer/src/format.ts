// Dates and labels as a reviewer reads them: "28 October 2025", "January 2025", "2019".
// (Mirrors src-main/core/text/dates.ts: the renderer may not import main-process code.)
import type { ValueKind } from '../../src-main/api/contract'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  const month = m ? MONTHS[Number(m) - 1] : undefined
  if (!month) return y ?? iso
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`
}

/** A version by its date, or by its title while undated (an imported draft until the reviewer dates it). */
export function versionShort(v: { date: string; title: string }): string {
  return v.date ? longDate(v.date) : v.title
}

/** "28 October 2025 — Definitive agreement", or the title alone while undated. */
export function versionLabel(v: { date: string; title: string }): string {
  return v.date ? `${longDate(v.date)} — ${v.title}` : v.title
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

export const KIND_LABEL = { agreement: 'Agreement', amendment: 'Amendment', statement: 'Joint statement' } as const

// A compared row in words (mirrors src-main/core/compare/describe.ts, which the CLI and PDF use).
interface RowWords {
  status: string
  edited: boolean
  moved: boolean
  renumbered: boolean
  baseClauses: ReadonlyArray<{ label: string | null }>
  targetClauses: ReadonlyArray<{ label: string | null; carriedFrom?: string | null }>
}

/** `versionName` names a version by its id for a carried-over row ("28 October 2025"); the id itself without one. */
export function statusText(row: RowWords, versionName: (id: string) => string = (id) => id): string {
  switch (row.status) {
    case 'split':
      return `Split into ${row.targetClauses.length}${row.moved ? ', moved' : ''}`
    case 'merged':
      return `Merged from ${row.baseClauses.length}${row.moved ? ', moved' : ''}`
    case 'moved':
      return row.edited ? 'Moved, edited' : 'Moved'
    case 'carried-over': {
      const from = row.targetClauses[0]?.carriedFrom
      return `Carried over from ${from ? versionName(from) : 'an earlier version'} (not restated)`
    }
    default:
      return row.status.charAt(0).toUpperCase() + row.status.slice(1)
  }
}

/** A row a reviewer steps through and "Changed only" keeps: neither unchanged nor carried over unchanged. */
export function isChange(row: { status: string }): boolean {
  return row.status !== 'unchanged' && row.status !== 'carried-over'
}

/** "6.3 → 6.4" for a renumbered row, "3 → 3.1, 3.2, 3.3" for a split; null when the numbers did not change. */
export function numberingText(row: RowWords): string | null {
  if (!row.renumbered) return null
  const labels = (cs: ReadonlyArray<{ label: string | null }>): string => cs.map((c) => c.label ?? '').join(', ')
  return `${labels(row.baseClauses)} → ${labels(row.targetClauses)}`
}

/** What two sources disagree on (mirrors KIND_LABEL in src-main/core/evidence/disagree.ts). */
export const DISAGREEMENT_KIND: Readonly<Record<ValueKind, string>> = { term: 'end of the term', amount: 'amount', percent: 'percentage', exclusivity: 'exclusivity' }

/** "the end of the term and the exclusivity". */
export function disagreementKinds(kinds: readonly ValueKind[]): string {
  const words = kinds.map((k) => `the ${DISAGREEMENT_KIND[k]}`)
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}
