// Loads the bundled (or a user-given) folder of source articles through its manifest; each bad
// entry or file becomes a Problem and the other sources still load.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ClausewiseError, type Problem } from '../errors'
import { readTextFile } from '../io/read-text'
import { capProblems, parseYamlWithSchema, type Parsed } from '../io/yaml-schema'
import { parseSource } from './parse'
import type { Source } from './types'

export const MANIFEST_FILE = 'manifest.yaml'
const MAX_MANIFEST_BYTES = 1024 * 1024

const isoDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD')

const ManifestEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a lower-case id of letters, digits and dashes'),
    file: z.string().regex(/^[^/\\]+\.txt$/, 'expected a .txt file name in the same folder'),
    title: z.string().trim().min(1, 'must not be empty'),
    titleFromLead: z.boolean().default(false),
    publisher: z.string().trim().min(1).nullable(),
    author: z.string().trim().min(1).nullable(),
    published: isoDate.nullable(),
    furniture: z.array(z.string().trim().min(1)).default([])
  })
  .strict()

const Manifest = z.object({ sources: z.array(z.unknown()) }).strict()

export interface SourcesLoad {
  sources: Source[]
  problems: Problem[]
}

/**
 * Loads every manifest entry of `dir`. Never throws: each file is read in its own guard, and
 * whatever goes wrong with it is returned as a Problem naming it while the others still load.
 */
export async function loadSources(dir: string): Promise<SourcesLoad> {
  let manifest: Parsed<z.output<typeof Manifest>>
  try {
    manifest = parseYamlWithSchema(await readTextFile(join(dir, MANIFEST_FILE), MAX_MANIFEST_BYTES), MANIFEST_FILE, Manifest)
  } catch (err) {
    return { sources: [], problems: [problemOf(err, MANIFEST_FILE)] }
  }
  if (!manifest.ok) return { sources: [], problems: manifest.problems }

  const manifestProblems: Problem[] = []
  const problems: Problem[] = []
  const sources: Source[] = []
  const ids = new Map<string, number>()
  const listed = new Set<string>()
  for (const [index, raw] of manifest.value.sources.entries()) {
    // Entries are validated one by one so that one bad entry does not hide the others.
    const entry = ManifestEntry.safeParse(raw)
    const file = (raw as { file?: unknown } | null)?.file
    if (typeof file === 'string') listed.add(file)
    if (!entry.success) {
      for (const issue of entry.error.issues) {
        const path = ['sources', index, ...issue.path]
        manifestProblems.push({
          code: 'invalid-file',
          file: MANIFEST_FILE,
          line: manifest.lineOf(path),
          field: `sources[${index}]${issue.path.length ? '.' + issue.path.join('.') : ''}`,
          message: issue.message
        })
      }
      continue
    }
    const { furniture, ...meta } = entry.data
    const line = manifest.lineOf(['sources', index])
    if (ids.has(meta.id)) {
      manifestProblems.push({
        code: 'invalid-file',
        file: MANIFEST_FILE,
        line,
        field: `sources[${index}].id`,
        message: `duplicate source id "${meta.id}" (first used at line ${ids.get(meta.id)})`
      })
      continue
    }
    ids.set(meta.id, line ?? 0)
    try {
      const raw = await readTextFile(join(dir, meta.file))
      sources.push(parseSource(raw, meta, { furniture }))
    } catch (err) {
      problems.push(problemOf(err, meta.file))
    }
  }

  // A text file beside the manifest that it does not list is almost always a forgotten entry.
  let unlisted: string[] = []
  try {
    unlisted = (await readdir(dir)).filter((f) => f.endsWith('.txt') && !listed.has(f)).sort()
  } catch (err) {
    problems.push(problemOf(err, dir))
  }
  for (const file of unlisted) {
    problems.push({ code: 'invalid-file', file, message: `not listed in ${MANIFEST_FILE}, so it was not loaded` })
  }
  return { sources, problems: [...capProblems(manifestProblems, manifestProblems.length, MANIFEST_FILE), ...problems] }
}

function problemOf(err: unknown, file: string): Problem {
  if (err instanceof ClausewiseError) return err.problem
  return { code: 'unreadable', file, message: err instanceof Error ? err.message : String(err) }
}
