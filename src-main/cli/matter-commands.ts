// `clausewise matter new` and `clausewise import`: a matter of the team's own documents from a
// terminal, made and filled through the same core service as the app's File menu.
import { basename } from 'node:path'
import { ClausewiseError } from '../core/errors'
import { reviewFileOf } from '../core/matter/layout'
import { createMatter, type ImportProgress } from '../core/matter/service'
import type { DocumentRole } from '../core/workspace/types'
import { guarded, type OpenMatter } from './common'
import { style, type Out } from './output'

export async function matterNewCommand(out: Out, dir: string, title: string, json: boolean): Promise<number> {
  return guarded(out, async () => {
    await createMatter(dir, title)
    const body = { dir, title: title.trim(), reviewFile: reviewFileOf(dir) }
    if (json) out.stdout(JSON.stringify(body, null, 2) + '\n')
    else out.stdout(`${style(out, 'created matter', 'green')} ${style(out, body.title, 'bold')} in ${dir}\n`)
  })
}

export interface ImportOptions {
  file: string
  as: DocumentRole
  title?: string
  date?: string
  json: boolean
}

/** What `import --json` prints: the document's entry in the matter, what import found in it, and its warnings. */
export interface ImportJson {
  id: string
  role: DocumentRole
  title: string
  date: string
  file: string
  format: string
  sha256: string
  author: string | null
  publisher: string | null
  /** Clauses of a draft (role version), paragraphs of a source. */
  clauses?: number
  paragraphs?: number
  warnings: string[]
}

/**
 * Imports one file into the open matter. The core reads, checks and splits the whole file before
 * it writes anything, so every failure here leaves the matter as it was.
 */
export async function importFileCommand(matter: OpenMatter, out: Out, o: ImportOptions): Promise<number> {
  const progress = out.progress ? progressLine(out) : undefined
  let outcome
  try {
    outcome = await matter.matter.importFile(o.file, { as: o.as, title: o.title, date: o.date }, progress?.show)
  } catch (err) {
    progress?.clear()
    if (err instanceof ClausewiseError) {
      out.stderr(`clausewise: ${err.message}\n`)
      return 1
    }
    // A reader that trips over a malformed file is still a file import could not read: say which.
    out.stderr(`clausewise: ${basename(o.file)}: could not be imported: ${err instanceof Error ? err.message : String(err)}\n`)
    return 1
  }
  progress?.clear()
  const { document: d, parts, warnings } = outcome
  for (const w of warnings) out.stderr(`clausewise: ${d.file}: ${w}\n`)
  const count = d.role === 'version' ? { clauses: parts } : { paragraphs: parts }
  if (o.json) {
    const body: ImportJson = { id: d.id, role: d.role, title: d.title, date: d.date, file: d.file, format: d.format, sha256: d.sha256, author: d.author, publisher: d.publisher, ...count, warnings }
    out.stdout(JSON.stringify(body, null, 2) + '\n')
    return 0
  }
  const noun = d.role === 'version' ? 'clause' : 'paragraph'
  const details = [`id ${d.id}`, d.date ? `dated ${d.date}` : 'undated', `${parts} ${noun}${parts === 1 ? '' : 's'}`]
  out.stdout(`${style(out, `imported ${d.file} as a ${d.role}`, 'green')}: ${style(out, d.title, 'bold')} ${style(out, `(${details.join(', ')})`, 'dim')}\n`)
  return 0
}

const STAGE: Record<ImportProgress['stage'], string> = { reading: 'reading', extracting: 'reading', segmenting: 'splitting', saving: 'saving', done: 'done' }

/** One status line on a terminal's stderr, rewritten in place; only when the stage or the whole percent changes. */
function progressLine(out: Out): { show: (p: ImportProgress) => void; clear: () => void } {
  let last = ''
  return {
    show: (p) => {
      const line = `importing ${p.file}: ${STAGE[p.stage]} ${Math.floor(p.fraction * 100)}%`
      if (line === last) return
      last = line
      out.stderr(`\r\u001b[K${line}`)
    },
    clear: () => {
      if (last) out.stderr('\r\u001b[K')
      last = ''
    }
  }
}
