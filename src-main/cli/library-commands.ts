// `clausewise sources` and `clausewise versions`: the bundled library, or a matter's, from a terminal.
import type { Library } from '../core/library'
import { longDate, reportProblems, style, type Out } from './output'

export interface ListOptions {
  json: boolean
}

/** Prints every source that loaded; returns the exit code (1 when some file had a problem). */
export async function listSources(library: Library, out: Out, { json }: ListOptions): Promise<number> {
  const { sources, problems } = await library.loadSources()
  if (json) {
    out.stdout(JSON.stringify(sources, null, 2) + '\n')
  } else {
    out.stdout(style(out, `${sources.length} source${sources.length === 1 ? '' : 's'}`, 'bold') + '\n\n')
    for (const s of sources) {
      const dated = s.published
        ? longDate(s.published)
        : `undated${s.latestEventDate ? `, reports events up to ${longDate(s.latestEventDate)}` : ''}`
      const byline = [s.publisher ?? 'publisher not stated', s.author, dated, `${s.wordCount.toLocaleString('en')} words`]
      out.stdout(`${style(out, s.id, 'bold')}\n  ${s.title}${s.titleFromLead ? ' …' : ''}\n  ${style(out, byline.filter(Boolean).join(' · '), 'dim')}\n\n`)
    }
  }
  reportProblems(out, problems)
  return problems.length > 0 ? 1 : 0
}

/** Prints every version that loaded, oldest first (undated last), with its clauses. */
export async function listVersions(library: Library, out: Out, { json }: ListOptions): Promise<number> {
  const { versions, problems } = await library.loadModels()
  if (json) {
    out.stdout(JSON.stringify(versions, null, 2) + '\n')
  } else {
    for (const v of versions) {
      const clauses = `${v.clauses.length} clause${v.clauses.length === 1 ? '' : 's'}`
      out.stdout(`${style(out, v.date ? longDate(v.date) : 'undated', 'bold')}  ${v.title} ${style(out, `(${v.kind}, id ${v.id}, ${clauses})`, 'dim')}\n`)
      // An imported clause's printed number leads, as the draft shows it.
      for (const c of v.clauses) out.stdout(`  ${style(out, c.id.padEnd(28), 'dim')} ${[c.label, c.heading].filter(Boolean).join(' ') || style(out, '(no heading)', 'dim')}\n`)
      out.stdout('\n')
    }
  }
  reportProblems(out, problems)
  return problems.length > 0 ? 1 : 0
}
