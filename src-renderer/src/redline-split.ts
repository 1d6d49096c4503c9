// Cuts one side of a redline into the clauses it joins: a split row's target (or a merged row's
// base) is redlined as one text, its clauses joined by a blank line, and shown stacked, each
// clause with its own number. Pure, so it is tested alone.
import type { Part } from '../../src-main/api/contract'

/** The separator compare/compare.ts puts between the clauses of one side. */
export const JOIN = '\n\n'

/**
 * The parts one side shows (equal and its own changes), cut at the clause boundaries of that
 * side; the separators themselves are left out. `lengths` are the clause texts' lengths. With
 * `keepOther` (the inline layout), the other side's changes are kept too, each in the clause
 * where it stands.
 */
export function splitSide<P extends Part>(parts: readonly P[], side: 'base' | 'target', lengths: readonly number[], keepOther = false): P[][] {
  const hidden = side === 'base' ? 'insert' : 'delete'
  const out: P[][] = lengths.map(() => [])
  // Clause k covers [starts[k], starts[k] + lengths[k]) of the side's joined text.
  const starts: number[] = []
  let at = 0
  for (const n of lengths) {
    starts.push(at)
    at += n + JOIN.length
  }
  let offset = 0
  for (const part of parts) {
    if (part.op === hidden) {
      if (!keepOther) continue
      // In the clause it stands in; on a separator, at the end of the clause before it.
      let k = starts.findIndex((start, i) => offset < start + lengths[i]! + (i < lengths.length - 1 ? JOIN.length : 1))
      if (k < 0) k = lengths.length - 1
      // Whitespace the other side has where this side breaks between clauses is the break itself:
      // the stacking shows it.
      if (part.text.trim() === '' && offset === starts[k]! + lengths[k]! && k < lengths.length - 1) continue
      out[k]!.push(part)
      continue
    }
    const end = offset + part.text.length
    for (let k = 0; k < lengths.length; k++) {
      const from = Math.max(offset, starts[k]!)
      const to = Math.min(end, starts[k]! + lengths[k]!)
      if (from < to) out[k]!.push({ ...part, text: part.text.slice(from - offset, to - offset) })
    }
    offset = end
  }
  return out
}
