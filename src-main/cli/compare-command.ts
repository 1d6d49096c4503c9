// `clausewise compare`: the clause-by-clause redline of two versions, coloured in a terminal
// (and marked with [-…-] / {+…+} where colour is off), or as JSON for scripts.
import { compareVersions } from '../core/compare/compare'
import type { CompareOptions, Comparison, Part } from '../core/compare/types'
import { ClausewiseError } from '../core/errors'
import type { Library } from '../core/library'
import { longDate, reportProblems, style, type Out } from './output'

export interface CompareCommandOptions {
  baseId: string
  targetId: string
  json: boolean
  compare: CompareOptions
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
    comparison = compareVersions(await library.version(o.baseId), await library.version(o.targetId), o.compare)
  } catch (err) {
    if (err instanceof ClausewiseError) {
      out.stderr(`clausewise: ${err.message}\n`)
      return 1
    }
    throw err
  }
  if (o.json) out.stdout(JSON.stringify(comparison) + '\n')
  else printRedline(out, comparison)
  return 0
}

function printRedline(out: Out, c: Comparison): void {
  const s = c.summary
  out.stdout(`${style(out, 'Comparing', 'dim')} ${style(out, `${longDate(c.base.date)} (${c.base.id})`, 'bold')} → ${style(out, `${longDate(c.target.date)} (${c.target.id})`, 'bold')}\n`)
  const counts = [`${s.modified} modified`, `${s.added} added`, `${s.removed} removed`, `${s.moved} moved`, `${s.unchanged} unchanged`]
  out.stdout(`${counts.join(' · ')} · ${style(out, `+${s.wordsInserted}`, 'blue')} / ${style(out, `−${s.wordsDeleted}`, 'red')} words\n\n`)
  for (const clause of c.clauses) {
    const heading = clause.heading
    const label = clause.status === 'moved' && clause.edited ? 'moved, edited' : clause.status
    if (clause.status === 'unchanged') {
      out.stdout(style(out, `  ${heading} (${clause.clauseId}): unchanged\n`, 'dim'))
      continue
    }
    out.stdout(`${style(out, `[${label}]`, clause.status === 'removed' ? 'red' : clause.status === 'added' ? 'blue' : 'yellow')} ${style(out, heading, 'bold')} ${style(out, `(${clause.clauseId})`, 'dim')}\n`)
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
