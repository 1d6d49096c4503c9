// Checks that every passage a model gives as a term's basis is in its source, word for word
// (typography and case folded), and records where: a term the app says is "reported by" an
// article must be findable there, or the model says something its sources do not.
import type { Problem } from '../errors'
import type { Source } from '../sources/types'
import { findFolded } from '../text/fold'
import type { Basis, Version } from './types'

/** Sets each basis's offsets in place; answers a problem naming file and clause for each that does not anchor. */
export function anchorBasis(versions: readonly Version[], sources: readonly Source[]): Problem[] {
  const byId = new Map(sources.map((s) => [s.id, s]))
  const problems: Problem[] = []
  for (const v of versions) {
    const check = (b: Basis, field: string, what: string): void => {
      const source = byId.get(b.sourceId)
      if (!source) {
        problems.push({ code: 'invalid-file', file: v.file, field, message: `${what}: no source with id "${b.sourceId}"` })
        return
      }
      // Whitespace folded too: a quote wrapped in YAML reads with single spaces.
      const hits = findFolded(source.text.replace(/\s/g, ' '), b.quote.replace(/\s+/g, ' ').trim())
      if (hits.length === 0) {
        problems.push({ code: 'invalid-file', file: v.file, field, message: `${what}: the quote is not in ${source.id}: "${b.quote.length > 80 ? `${b.quote.slice(0, 80)}…` : b.quote}"` })
        return
      }
      b.start = hits[0]!
      b.end = hits[0]! + b.quote.replace(/\s+/g, ' ').trim().length
    }
    v.clauses.forEach((c, i) => c.basis?.forEach((b, j) => check(b, `clauses[${i}].basis[${j}]`, `clause "${c.id}"`)))
    v.removed?.forEach((r, i) => r.basis.forEach((b, j) => check(b, `removes[${i}].basis[${j}]`, `removal of "${r.id}"`)))
  }
  return problems
}
