// `clausewise cite` and `clausewise evidence`: citations in a workspace file from a terminal.
import type { Library } from '../core/library'
import { MAX_NOTE_CHARS, MAX_REVIEWER_CHARS } from '../core/workspace/schema'
import { STANCES, type Stance } from '../core/workspace/types'
import { guarded, openWorkspaceServices } from './common'
import { style, type Out } from './output'

export interface CiteOptions {
  workspace: string
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

export async function citeCommand(library: Library, out: Out, o: CiteOptions): Promise<number> {
  if (!isStance(o.stance)) {
    out.stderr(`clausewise: --stance must be one of ${STANCES.join(', ')}, not "${o.stance}"\n`)
    return 2
  }
  // The workspace schema's limits, checked before anything is opened: a value the file could
  // not hold is a usage error, not a citation that vanishes on the next open.
  for (const [flag, value, limit] of [['--note', o.note, MAX_NOTE_CHARS], ['--reviewer', o.reviewer, MAX_REVIEWER_CHARS]] as const) {
    if (value !== undefined && value.length > limit) {
      out.stderr(`clausewise: ${flag} is ${value.length.toLocaleString('en-US')} characters, more than the limit of ${limit.toLocaleString('en-US')}; nothing was written\n`)
      return 2
    }
  }
  return guarded(out, async () => {
    const { evidence: service } = await openWorkspaceServices(library, o.workspace, out)
    const c = await service.cite({ versionId: o.versionId, clauseId: o.clauseId, sourceId: o.sourceId, quote: o.quote, stance: o.stance as Stance, note: o.note, reviewer: o.reviewer })
    if (o.json) out.stdout(JSON.stringify(c, null, 2) + '\n')
    else out.stdout(`${style(out, 'cited', 'green')} ${c.id}: ${c.sourceId} ${c.stance} ${c.versionId}/${c.clauseId} at ${c.start}–${c.end}\n`)
  })
}

export interface EvidenceOptions {
  workspace: string
  versionId?: string
  json: boolean
}

export async function evidenceCommand(library: Library, out: Out, o: EvidenceOptions): Promise<number> {
  return guarded(out, async () => {
    if (o.versionId) await library.version(o.versionId)
    const { evidence } = await openWorkspaceServices(library, o.workspace, out)
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
