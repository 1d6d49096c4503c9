// What one side of a redline shows, piece by piece, and which change (hunk) each marked piece
// belongs to. Pure, so RedlineText renders it, Find searches exactly the same words and the
// change list numbers the same changes.
import type { Part } from '../../src-main/api/contract'

/** A part numbered with the change it belongs to: consecutive deletions and insertions are one change. */
export type MarkedPart = Part & { hunk?: number }

export type Side = 'base' | 'target' | 'inline'

export interface Piece {
  kind: 'text' | 'del' | 'ins'
  text: string
  hunk?: number
  /** Only punctuation (a lone "." or ","): drawn with a box so a struck full stop is seen. */
  tiny?: true
}

const PUNCTUATION_ONLY = /^[\p{P}\p{S}]{1,2}$/u

/**
 * Numbers the changes of a redline: each maximal run of deleted and inserted parts (the options'
 * ignored differences and `skip`ped runs aside) gets the next number from 0.
 * `skip` leaves out runs that show nothing, such as the blank line a split inserts between clauses.
 */
export function markHunks(parts: readonly Part[], skip: (run: readonly Part[]) => boolean = () => false): MarkedPart[] {
  const out: MarkedPart[] = parts.map((p) => ({ ...p }))
  hunkRuns(parts, skip).forEach(([from, to], hunk) => {
    for (let k = from; k < to; k++) out[k]!.hunk = hunk
  })
  return out
}

/** The [from, to) part indexes of each change, in order: what `markHunks` numbers, without copying the parts. */
export function hunkRuns(parts: readonly Part[], skip: (run: readonly Part[]) => boolean = () => false): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  let i = 0
  while (i < parts.length) {
    if (parts[i]!.op === 'equal' || parts[i]!.ignored) {
      i++
      continue
    }
    let j = i
    while (j < parts.length && parts[j]!.op !== 'equal' && !parts[j]!.ignored) j++
    if (!skip(parts.slice(i, j))) runs.push([i, j])
    i = j
  }
  return runs
}

/** The blank line joining a split's (a merge's) clauses, inserted or deleted alone: nothing a reviewer sees. */
export function onlyJoins(run: readonly Part[]): boolean {
  return run.every((p) => p.text.trim() === '')
}

/**
 * The pieces one side shows. Leading and trailing spaces of a change stay plain text, so an
 * underline or strike never runs under a bare space.
 */
export function sidePieces(parts: readonly MarkedPart[], side: Side): Piece[] {
  const out: Piece[] = []
  for (const p of parts) {
    if (p.op === 'equal') out.push({ kind: 'text', text: p.text })
    else if (p.ignored) {
      const mine = side === 'base' ? 'delete' : 'insert'
      if (p.op === mine) out.push({ kind: 'text', text: p.text })
    } else if (p.op === 'delete' ? side !== 'target' : side !== 'base') {
      const kind = p.op === 'delete' ? 'del' : 'ins'
      const hunk = p.hunk !== undefined ? { hunk: p.hunk } : {}
      const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(p.text)!
      // A change of spaces only stays marked, or a reviewer could not see it at all.
      if (!core) {
        out.push({ kind, text: p.text, ...hunk })
        continue
      }
      if (lead) out.push({ kind: 'text', text: lead })
      out.push({ kind, text: core, ...hunk, ...(PUNCTUATION_ONLY.test(core) ? { tiny: true as const } : {}) })
      if (trail) out.push({ kind: 'text', text: trail })
    }
  }
  return out
}

/** The words one side shows, as a reader (and Find) sees them. */
export function sideText(parts: readonly Part[], side: Side): string {
  return sidePieces(parts, side)
    .map((p) => p.text)
    .join('')
}
