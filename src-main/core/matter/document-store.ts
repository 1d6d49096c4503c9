// The matter's store of imported documents: each file kept once, under the SHA-256 of its bytes,
// with what the reader and segmenter made of it, and never rewritten. The review file only points
// here, so no later save, crash or bad import can damage an imported document.
import { createHash } from 'node:crypto'
import { chmod, mkdir, readdir, rm, rmdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ClausewiseError } from '../errors'
import type { Segmentation } from '../import/segment'
import type { ReadResult } from '../import/types'
import { writeFileAtomically } from '../io/atomic-write'
import { readTextFile } from '../io/read-text'
import { documentDirOf, originalNameOf, structureFileOf } from './layout'

export const STRUCTURE_FORMAT = 'clausewise-document'
export const STRUCTURE_SCHEMA_VERSION = 1
/** A 1,000-page agreement's structure is ~10 MB of JSON. */
const MAX_STRUCTURE_BYTES = 200 * 1024 * 1024

/** What import made of one file: kept so that reopening a matter never re-reads or re-splits it. */
export interface StoredStructure {
  format: typeof STRUCTURE_FORMAT
  schemaVersion: typeof STRUCTURE_SCHEMA_VERSION
  file: string
  sha256: string
  read: ReadResult
  segmentation: Segmentation
}

const BlockSchema = z.object({
  kind: z.enum(['heading', 'paragraph', 'list-item', 'table-row', 'footnote']),
  text: z.string(),
  number: z.string().optional(),
  level: z.number().optional(),
  indent: z.number().optional(),
  style: z.string().optional(),
  page: z.number().optional(),
  paragraph: z.number()
})

const ClauseSchema = z.object({
  id: z.string().min(1),
  idDerived: z.literal(true),
  label: z.string().optional(),
  heading: z.string(),
  text: z.string(),
  level: z.number().int().positive(),
  parent: z.string().nullable(),
  page: z.number().optional(),
  paragraph: z.number()
})

const StructureSchema = z.object({
  format: z.literal(STRUCTURE_FORMAT),
  schemaVersion: z.literal(STRUCTURE_SCHEMA_VERSION),
  file: z.string(),
  sha256: z.string(),
  read: z.object({
    format: z.enum(['docx', 'pdf', 'text', 'markdown', 'html']),
    meta: z.object({ title: z.string().optional(), author: z.string().optional(), date: z.string().optional(), publisher: z.string().optional() }),
    blocks: z.array(BlockSchema),
    warnings: z.array(z.string())
  }),
  segmentation: z.object({ title: z.string().optional(), clauses: z.array(ClauseSchema), warnings: z.array(z.string()) })
})

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Puts a file and its structure in the store, unless they are there already (the same bytes
 * imported before: content addressing makes that the same document). Each file is written
 * atomically and then made read-only; an existing one is never replaced. Answers a function that
 * takes back exactly what this call wrote, for an import that fails after storing.
 */
export async function storeDocument(matterDir: string, original: { bytes: Uint8Array; file: string }, structure: StoredStructure): Promise<() => Promise<void>> {
  const dir = documentDirOf(matterDir, structure.sha256)
  const existed = await stat(dir).then(() => true, () => false)
  await mkdir(dir, { recursive: true })
  const present = new Set(await readdir(dir))
  const written: string[] = []
  const originalName = originalNameOf(original.file)
  const structureName = structureFileOf(structure.read.format)
  if (!present.has(originalName)) written.push(await writeOnce(join(dir, originalName), Buffer.from(original.bytes)))
  if (!present.has(structureName)) written.push(await writeOnce(join(dir, structureName), JSON.stringify(structure) + '\n'))
  return async () => {
    for (const path of written) await rm(path, { force: true }).catch(() => undefined)
    if (!existed) await rmdir(dir).catch(() => undefined)
  }
}

async function writeOnce(path: string, data: string | Buffer): Promise<string> {
  await writeFileAtomically(path, data)
  // Read-only is a guard against other programs, not a lock: a failure (some file systems) is not an error.
  await chmod(path, 0o444).catch(() => undefined)
  return path
}

/** The stored structure of a document, checked; an error names the file and what is wrong. */
export async function readStructure(matterDir: string, sha256: string, format: string): Promise<StoredStructure> {
  const name = structureFileOf(format)
  const path = join(documentDirOf(matterDir, sha256), name)
  const where = `documents/${sha256.slice(0, 12)}…/${name}`
  const exists = await stat(path).then(() => true, () => false)
  if (!exists) throw new ClausewiseError({ code: 'not-found', file: where, message: 'the imported document is missing from the matter folder (moved or deleted?)' })
  let json: unknown
  try {
    json = JSON.parse(await readTextFile(path, MAX_STRUCTURE_BYTES))
  } catch (err) {
    if (err instanceof ClausewiseError) throw err
    throw new ClausewiseError({ code: 'invalid-file', file: where, message: `damaged: ${(err as Error).message}` })
  }
  const parsed = StructureSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ClausewiseError({ code: 'invalid-file', file: where, ...(issue?.path.length ? { field: issue.path.join('.') } : {}), message: `damaged: ${issue?.message ?? 'not a stored document'}` })
  }
  if (parsed.data.sha256 !== sha256 || parsed.data.read.format !== format) throw new ClausewiseError({ code: 'invalid-file', file: where, message: 'damaged: it describes another file' })
  return parsed.data as StoredStructure
}
