// `clausewise cite`, `evidence` and `disagreements`: citations in a workspace file or a matter,
// and where the sources disagree, from a terminal.
import { KIND_LABEL } from '../core/evidence/disagree'
import { MAX_NOTE_CHARS, MAX_REVIEWER_CHARS } from '../core/workspace/schema'
import { emptyWorkspace, STANCES, type Stance } from '../core/workspace/types'
import { readOnlyServices } from '../services'
import { guarded, requireReview, type Scope } from './common'
import { style, type Out } from './output'

export interface CiteOptions {
  versionId: string
  clauseId: string
  sourceId: string
  quote: string
  stance: string
  note?: string
  reviewer?: string
  json: boolean
}

export function isStance(s: string): s is Stance {
  return (STANCES as readonly string[]).includes(s)
}

/**
 * The usage errors of `cite`, checked before anything is opened: exit status 2 with the message
 * printed, or null when the options are fine.
 */
export function citeUsageError(out: Out, o: Pick<CiteOptions, 'stance' | 'note' | 'reviewer'>): number | null {
  if (!isStance(o.stance)) {
    out.stderr(`clausewise: --stance must be one of ${STANCES.join(', ')}, not "${o.stance}"\n`)
    return 2
  }
  // The workspace schema's limits: a value the file could not hold is a usage error, not a
  // citation that vanishes on the next open.
  for (const [flag, value, limit] of [['--note', o.note, MAX_NOTE_CHARS], ['--reviewer', o.reviewer, MAX_REVIEWER_CHARS]] as const) {
    if (value !== undefined && value.length > limit) {
      out.stderr(`clausewise: ${flag} is ${value.length.toLocaleString('en-US')} characters, more than the limit of ${limit.toLocaleString('en-US')}; nothing was written\n`)
      return 2
    }
  }
  return null
}

/** `scope` names a review file: --workspace FILE (created when missing) or --matter DIR. */
export async function citeCommand(scope: Scope, out: Out, o: CiteOptions): Promise<number> {
  const usage = citeUsageError(out, o)
  if (usage !== null) return usage
  return guarded(out, async () => {
    const { evidence } = await requireReview(scope, out)
    const c = await evidence.cite({ versionId: o.versionId, clauseId: o.clauseId, sourceId: o.sourceId, quote: o.quote, stance: o.stance as Stance, note: o.note, reviewer: o.reviewer })
    if (o.json) out.stdout(JSON.stringify(c, null, 2) + '\n')
    else out.stdout(`${style(out, 'cited', 'green')} ${c.id}: ${c.sourceId} ${c.stance} ${c.versionId}/${c.clauseId} at ${c.start}–${c.end}\n`)
  })
}

export interface EvidenceOptions {
  versionId?: string
  json: boolean
}

/** `scope` names a review file: --workspace FILE or --matter DIR. */
export async function evidenceCommand(scope: Scope, out: Out, o: EvidenceOptions): Promise<number> {
  return guarded(out, async () => {
    if (o.versionId) await scope.library.version(o.versionId)
    const { evidence } = await requireReview(scope, out)
    const report = await evidence.report({ versionId: o.versionId })
    if (o.json) {
      const citations = report.citations.map((c) => ({
        id: c.id, versionId: c.versionId, clauseId: c.clauseId, sourceId: c.sourceId, stance: c.stance, note: c.note,
        reviewer: c.reviewer, quote: c.quote.exact, start: c.start, end: c.end, orphan: c.orphan
      }))
      out.stdout(JSON.stringify({ citations, clauses: report.clauses }, null, 2) + '\n')
      return
    }
    if (report.citations.length === 0) out.stdout('No citations.\n')
    for (const e of report.clauses) {
      const flag = e.conflict ? style(out, ' CONFLICT', 'red', 'bold') : ''
      out.stdout(`${style(out, `${e.versionId}/${e.clauseId}`, 'bold')}: ${e.supports} supports, ${e.contradicts} contradicts, ${e.context} context${flag}\n`)
      for (const c of report.citations.filter((x) => x.versionId === e.versionId && x.clauseId === e.clauseId)) {
        const where = c.orphan ? style(out, 'ORPHAN (passage not found)', 'yellow') : `${c.start}–${c.end}${c.fuzzy ? ' (re-anchored)' : ''}`
        out.stdout(`  ${c.stance.padEnd(11)} ${c.sourceId} ${where}\n    “${c.quote.exact}”${c.note ? `\n    note: ${c.note}` : ''}\n`)
      }
    }
  })
}

/**
 * `disagreements`: needs no review file (nothing is cited yet). JSON: `{ disagreements: [{ key,
 * versionId, clauseId, kind, passages: [{ sourceId, sourceTitle, start, end, text, value }] × 2 }] }`.
 */
export async function disagreementsCommand(scope: Scope, out: Out, o: EvidenceOptions): Promise<number> {
  return guarded(out, async () => {
    const { evidence } = readOnlyServices(scope.library, emptyWorkspace())
    const found = await evidence.disagreements(o.versionId)
    if (o.json) {
      out.stdout(JSON.stringify({ disagreements: found }, null, 2) + '\n')
      return
    }
    if (found.length === 0) out.stdout('No disagreements found between the sources.\n')
    for (const d of found) {
      out.stdout(`${style(out, `${d.versionId}/${d.clauseId}`, 'bold')}: ${style(out, 'SOURCES DISAGREE', 'red', 'bold')} on the ${KIND_LABEL[d.kind]}\n`)
      for (const p of d.passages) out.stdout(`  ${p.value.padEnd(14)} ${p.sourceTitle} (${p.sourceId}, ${p.start}–${p.end})\n    “${p.text}”\n`)
    }
  })
}
