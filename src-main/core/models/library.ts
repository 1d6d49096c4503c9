// Loads every agreement model in a folder: each bad file becomes a located Problem and the
// good ones still load, sorted into the timeline.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { ClausewiseError, type Problem } from '../errors'
import { readTextFile } from '../io/read-text'
import { parseYamlWithSchema } from '../io/yaml-schema'
import { assignClauseIds } from './identity'
import { MAX_CLAUSES, ModelGuard, ModelSchema } from './schema'
import type { Basis, Version } from './types'

const MODEL_FILE = /\.ya?ml$/i
export const MAX_MODEL_BYTES = 16 * 1024 * 1024

export interface ModelsLoad {
  versions: Version[]
  problems: Problem[]
}

export async function loadModels(dir: string): Promise<ModelsLoad> {
  let files: string[]
  try {
    files = (await readdir(dir)).filter((f) => MODEL_FILE.test(f)).sort()
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    return {
      versions: [],
      problems: [{ code: 'unreadable', file: dir, message: code === 'ENOENT' ? 'models folder not found' : String(err) }]
    }
  }
  const versions: Version[] = []
  const problems: Problem[] = []
  const byId = new Map<string, string>()
  for (const file of files) {
    try {
      const version = parseModel(await readTextFile(join(dir, file), MAX_MODEL_BYTES), file)
      const other = byId.get(version.id)
      if (other) throw new ClausewiseError({ code: 'invalid-file', file, field: 'id', message: `version id "${version.id}" is already used by ${other}` })
      byId.set(version.id, file)
      versions.push(version)
    } catch (err) {
      // Not push(...problems): spreading a huge array into arguments overflows the stack.
      if (err instanceof ModelFileError) for (const p of err.problems) problems.push(p)
      else problems.push(err instanceof ClausewiseError ? err.problem : { code: 'unreadable', file, message: String(err) })
    }
  }
  return { versions: versions.sort(byTimeline), problems }
}

/** Parses one model file; throws a ClausewiseError holding the first problem (all are in `problems`). */
export function parseModel(text: string, file: string): Version {
  // A clause takes about ten keys, values and list items; the slack keeps the token count from
  // refusing a file the clause count (checked by ModelGuard, with a clearer message) accepts.
  const parsed = parseYamlWithSchema(text, file, ModelSchema, {
    maxValues: 12 * MAX_CLAUSES,
    valuesHint: `a model holds at most ${MAX_CLAUSES.toLocaleString('en')} clauses`,
    guard: ModelGuard
  })
  if (!parsed.ok) throw new ModelFileError(parsed.problems, parsed.total)
  const { removes, restates, ...m } = parsed.value
  const partial = (restates ?? (m.kind === 'agreement' ? 'all' : 'some')) === 'some'
  const clauses = assignClauseIds(m.clauses).map(({ basis, ...c }) => ({ ...c, heading: c.heading ?? '', ...(basis ? { basis: basis.map(unanchored) } : {}) }))
  const removed = (removes ?? []).map((r) => ({ id: r.id, versionId: m.id, basis: r.basis.map(unanchored) }))
  return { ...m, clauses, file, clauseCount: clauses.length, ...(partial ? { partial: true as const } : {}), ...(removed.length ? { removed } : {}) }
}

function unanchored(b: { source: string; quote: string }): Basis {
  return { sourceId: b.source, quote: b.quote, start: null, end: null }
}

/**
 * A model file with one or more problems; `problem` is the first, the message counts the rest.
 * `problems` lists at most the first 20 and a line counting the others; `total` counts them all.
 */
export class ModelFileError extends ClausewiseError {
  readonly problems: Problem[]
  readonly total: number
  constructor(problems: Problem[], total = problems.length) {
    super(problems[0] ?? { code: 'invalid-file', message: 'invalid model file' })
    this.problems = problems
    this.total = total
    if (total > 1) this.message += ` (and ${(total - 1).toLocaleString('en')} more problem${total > 2 ? 's' : ''})`
  }
}

/** Oldest first; partial dates sort by their first day, ties by id so the order is stable. */
function byTimeline(a: Version, b: Version): number {
  const da = a.date.padEnd(10, '-00')
  const db = b.date.padEnd(10, '-00')
  return da < db ? -1 : da > db ? 1 : a.id.localeCompare(b.id)
}
