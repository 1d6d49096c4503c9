// Gives every clause without an id an identity that survives renumbering and moves: citations
// and pairing overrides name clauses by it, so it must not be the printed number (numbers are
// reused) nor the position (any insertion shifts it).
import { createHash } from 'node:crypto'
import { stripNumber } from '../compare/pair'
import { foldTypography } from '../text/fold'

interface RawClause {
  id?: string
  label?: string
  text: string
}

/**
 * The derived id is a hash of the clause's text folded for typography, case and whitespace,
 * with its printed number removed from the start, the label's or, without one, anything shaped
 * like a number ("6.3 The Licensee…" and "6.4 The Licensee…" are one clause renumbered). Editing the text gives a new identity: the edited clause is, for a
 * citation, a different clause, and its citations show under "clause not found" rather than on
 * words they were not made about. Repeats of one text ("Intentionally omitted.") and the rare
 * hash clash take -2, -3… in document order.
 */
export function assignClauseIds<C extends RawClause>(clauses: readonly C[]): Array<C & { id: string; idDerived?: true }> {
  const taken = new Set<string>()
  for (const c of clauses) if (c.id !== undefined) taken.add(c.id)
  return clauses.map((c) => {
    if (c.id !== undefined) return c as C & { id: string }
    const base = `c-${createHash('sha256').update(identityText(c.text, c.label)).digest('hex').slice(0, 12)}`
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    return { ...c, id, idDerived: true as const }
  })
}

export function identityText(text: string, label: string | undefined): string {
  const fold = (s: string): string => foldTypography(s).toLowerCase().replace(/\s+/g, ' ').trim()
  // The same rule the pairing's folded pass uses: the label as given, else anything shaped like a number.
  return stripNumber(fold(text), label === undefined ? undefined : fold(label))
}
