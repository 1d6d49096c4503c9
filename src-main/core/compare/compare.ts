// Compares two versions clause by clause: alignment by id, moves, a redline per clause, and
// the summary a reviewer reads first.
import { ClausewiseError } from '../errors'
import { evidenceVersionId } from '../evidence/rules'
import type { Version } from '../models/types'
import { alignClauses } from './align'
import { redlineText } from './redline'
import { countWords } from './tokenize'
import { DEFAULT_COMPARE_OPTIONS, type ClauseComparison, type ClauseSide, type CompareOptions, type Comparison, type ComparisonSummary, type Part } from './types'

export function compareVersions(base: Version, target: Version, options: CompareOptions = DEFAULT_COMPARE_OPTIONS): Comparison {
  if (base.id === target.id) {
    throw new ClausewiseError({ code: 'invalid-argument', message: `base and target are the same version ("${base.id}"): choose two different versions` })
  }
  const rows = alignClauses(
    base.clauses.map((c) => c.id),
    target.clauses.map((c) => c.id)
  )
  const clauses = rows.map((row): ClauseComparison => {
    const b = row.baseIndex === null ? null : side(base, row.baseIndex)
    const t = row.targetIndex === null ? null : side(target, row.targetIndex)
    const parts = redlineText(b?.text ?? '', t?.text ?? '', options)
    const headingParts = redlineText(b?.heading ?? '', t?.heading ?? '', options)
    const edited = hasChange(parts) || hasChange(headingParts)
    const status = !b ? 'added' : !t ? 'removed' : row.moved ? 'moved' : edited ? 'modified' : 'unchanged'
    return {
      clauseId: row.clauseId,
      heading: displayHeading(b, t, row.clauseId),
      evidenceVersionId: evidenceVersionId(base.id, target.id, t !== null),
      status,
      edited,
      base: b,
      target: t,
      parts,
      headingParts,
      wordsInserted: wordsIn(parts, 'insert'),
      wordsDeleted: wordsIn(parts, 'delete')
    }
  })
  return { base: ref(base), target: ref(target), options: { ...options }, summary: summarize(clauses), clauses }
}

/** A clause's heading as every view shows it; an empty heading falls back to the other side, then the id. */
export function displayHeading(base: ClauseSide | null, target: ClauseSide | null, clauseId: string): string {
  return target?.heading || base?.heading || clauseId
}

function side(v: Version, index: number): ClauseSide {
  const c = v.clauses[index]!
  return { heading: c.heading, text: c.text, index }
}

function ref(v: Version): Comparison['base'] {
  return { id: v.id, title: v.title, date: v.date }
}

function hasChange(parts: readonly Part[]): boolean {
  return parts.some((p) => p.op !== 'equal' && !p.ignored)
}

function wordsIn(parts: readonly Part[], op: 'insert' | 'delete'): number {
  let n = 0
  for (const p of parts) if (p.op === op && !p.ignored) n += countWords(p.text)
  return n
}

export function summarize(clauses: readonly ClauseComparison[]): ComparisonSummary {
  const s: ComparisonSummary = { unchanged: 0, modified: 0, added: 0, removed: 0, moved: 0, wordsInserted: 0, wordsDeleted: 0 }
  for (const c of clauses) {
    s[c.status]++
    s.wordsInserted += c.wordsInserted
    s.wordsDeleted += c.wordsDeleted
  }
  return s
}
