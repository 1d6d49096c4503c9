// A version's effective terms. The bundled versions are what sources report of each stage: a
// statement or amendment restates only what it addresses, so a term it does not restate carries
// over from the version before (marked with the version whose text it is), and only a term a
// source says was ended stops; a comparison then never shows "removed" for a term nobody ended.
import type { Problem } from '../errors'
import type { Clause, RemovedTerm, Version } from './types'

/**
 * `versions` in timeline order (oldest first), each with only the clauses it states and its own
 * `removed` terms; answers each partial version (`restates: some`) with its effective clauses and
 * every removal so far. A whole agreement carries nothing over.
 *
 * Only clauses with a model-given id carry over: a clause without one has no way to say "this
 * term continues" (its id is a hash of its text).
 */
export function carryForward(versions: readonly Version[]): { versions: Version[]; problems: Problem[] } {
  const problems: Problem[] = []
  const out: Version[] = []
  for (const v of versions) {
    const prev = out.at(-1)
    if (!prev || !v.partial) {
      out.push(v)
      continue
    }
    const own = new Map(v.clauses.filter((c) => !c.idDerived).map((c) => [c.id, c]))
    const ended = new Map((v.removed ?? []).map((r) => [r.id, r]))
    for (const [i, r] of (v.removed ?? []).entries()) {
      if (!prev.clauses.some((c) => c.id === r.id)) problems.push({ code: 'invalid-file', file: v.file, field: `removes[${i}].id`, message: `"${r.id}" is not a term of ${prev.id}, the version before, so it cannot end here` })
      if (own.has(r.id)) problems.push({ code: 'invalid-file', file: v.file, field: `removes[${i}].id`, message: `"${r.id}" is both stated and removed by this version` })
    }
    const clauses: Clause[] = []
    for (const p of prev.clauses) {
      if (p.idDerived) continue
      const restated = own.get(p.id)
      if (restated) clauses.push(restated)
      else if (!ended.has(p.id)) clauses.push({ ...p, carriedFrom: p.carriedFrom ?? prev.id })
    }
    // A term new in this version stands where the version puts it: before the next term it
    // restates; after all others when it restates none later (the carried terms keep their order).
    for (const [i, c] of v.clauses.entries()) {
      if (clauses.includes(c)) continue
      const next = v.clauses.slice(i + 1).find((n) => clauses.includes(n))
      const at = next ? clauses.indexOf(next) : clauses.length
      clauses.splice(at, 0, c)
    }
    const stated = new Set(clauses.map((c) => c.id))
    const removed: RemovedTerm[] = [...(prev.removed ?? []), ...(v.removed ?? [])].filter((r) => !stated.has(r.id))
    out.push({ ...v, clauses, clauseCount: clauses.length, removed })
  }
  return { versions: out, problems }
}
