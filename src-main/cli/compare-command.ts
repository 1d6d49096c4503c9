// `clausewise compare`: the clause-by-clause redline of two versions, coloured in a terminal
// (and marked with [-…-] / {+…+} where colour is off), or as JSON for scripts. With
// --workspace, the pairings a reviewer saved in the app are applied, as the app applies them.
import { numberingText, statusText } from '../core/compare/describe'
import type { CompareOptions, Comparison, Part } from '../core/compare/types'
import { ClausewiseError } from '../core/errors'
import type { Library } from '../core/library'
import { emptyWorkspace } from '../core/workspace/types'
import { readOnlyServices } from '../services'
import { openWorkspaceServices } from './common'
import { longDate, reportProblems, style, type Out } from './output'

export interface CompareCommandOptions {
  baseId: string
  targetId: string
  json: boolean
  compare: CompareOptions
  workspace?: string
}

export async function compareCommand(library: Library, out: Out, o: CompareCommandOptions): Promise<number> {
  const { versions, problems } = await library.loadModels()
  reportProblems(out, problems)
  const known = versions.map((v) => v.id)
  for (const id of [o.baseId, o.targetId]) {
    if (!known.includes(id)) {
      out.stderr(`clausewise: no version with id "${id}"; known versions: ${known.join(', ') || 'none'}\n`)
      return 1
    }
  }
  let comparison: Comparison
  try {
    if (o.workspace) {
      const { existsSync } = await import('node:fs')
      if (!existsSync(o.workspace)) throw new ClausewiseError({ code: 'not-found', file: o.workspace, message: 'workspace file not found' })
    }
    // Without --workspace no reviewer's pairing applies: an empty, read-only workspace stands in.
    const services = o.workspace ? await openWorkspaceServices(library, o.workspace, out) : readOnlyServices(library, emptyWorkspace())
    comparison = await services.compare.compare(o.baseId, o.targetId, o.compare)
  } catch (err) {
    if (err instanceof ClausewiseError) {
      out.stderr(`clausewise: ${err.message}\n`)
      return 1
    }
    throw err
  }
  for (const notice of comparison.notices) out.stderr(`clausewise: ${notice}\n`)
  if (o.json) out.stdout(JSON.stringify(comparison) + '\n')
  else printRedline(out, comparison)
  return 0
}

function printRedline(out: Out, c: Comparison): void {
  const s = c.summary
  out.stdout(`${style(out, 'Comparing', 'dim')} ${style(out, `${longDate(c.base.date)} (${c.base.id})`, 'bold')} → ${style(out, `${longDate(c.target.date)} (${c.target.id})`, 'bold')}\n`)
  const counts = [`${s.modified} modified`, `${s.added} added`, `${s.removed} removed`, `${s.moved} moved`]
  if (s.split) counts.push(`${s.split} split`)
  if (s.merged) counts.push(`${s.merged} merged`)
  counts.push(`${s.unchanged} unchanged`)
  if (s.renumbered) counts.push(`${s.renumbered} renumbered`)
  if (s.review) counts.push(`${s.review} to check`)
  out.stdout(`${counts.join(' · ')} · ${style(out, `+${s.wordsInserted}`, 'blue')} / ${style(out, `−${s.wordsDeleted}`, 'red')} words\n\n`)
  for (const clause of c.clauses) {
    const numbering = numberingText(clause)
    const name = `${clause.heading}${numbering ? ` [${numbering}]` : ''}`
    if (clause.status === 'unchanged' && !clause.match?.review) {
      out.stdout(style(out, `  ${name} (${clause.clauseId}): unchanged\n`, 'dim'))
      continue
    }
    const label = statusText(clause).toLowerCase()
    out.stdout(`${style(out, `[${label}]`, clause.status === 'removed' ? 'red' : clause.status === 'added' ? 'blue' : 'yellow')} ${style(out, name, 'bold')} ${style(out, `(${clause.clauseId})`, 'dim')}\n`)
    // Content pairs say why they were paired; a doubtful one says so first.
    if (clause.match && clause.match.by !== 'id') out.stdout(`  ${style(out, `${clause.match.review ? 'CHECK PAIRING — ' : 'pairing: '}${clause.match.reason}`, clause.match.review ? 'yellow' : 'dim')}\n`)
    out.stdout(`  ${render(out, clause.parts)}\n\n`)
  }
}

function render(out: Out, parts: readonly Part[]): string {
  return parts
    .map((p) => {
      if (p.op === 'equal') return p.text
      if (p.ignored) return style(out, p.op === 'delete' ? '' : p.text, 'dim')
      if (!out.color) return p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`
      return p.op === 'delete' ? style(out, p.text, 'red', 'strike') : style(out, p.text, 'blue', 'underline')
    })
    .join('')
}
