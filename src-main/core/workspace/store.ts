// Reads and writes one workspace file. Writes are serialised per file and atomic (temp file
// in the same folder, fsync, rename, then fsync of the folder on POSIX), so a crash at any
// moment leaves either the old file or the new one, never a torn one.
import { open } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { ClausewiseError } from '../errors'
import { WorkspaceSchema } from './schema'
import { emptyWorkspace, type WorkspaceData } from './types'

export const MAX_WORKSPACE_BYTES = 64 * 1024 * 1024

export class WorkspaceStore {
  private data: WorkspaceData | undefined
  private queue: Promise<void> = Promise.resolve()

  constructor(readonly path: string) {}

  /** The workspace as last loaded or changed; a missing file is an empty workspace. */
  async read(): Promise<WorkspaceData> {
    this.data ??= await loadWorkspaceFile(this.path)
    return this.data
  }

  /** Applies `change` to a copy, saves it, and only then makes it current. */
  async update<T>(change: (draft: WorkspaceData) => T): Promise<T> {
    const draft = structuredClone(await this.read())
    const result = change(draft)
    await this.save(draft)
    this.data = draft
    return result
  }

  /** Queued behind any save in flight, so two saves never race on the same file. */
  save(data: WorkspaceData): Promise<void> {
    const text = JSON.stringify(data, null, 2) + '\n'
    const next = this.queue.then(() => writeAtomically(this.path, text))
    this.queue = next.catch(() => undefined)
    return next
  }
}

export async function loadWorkspaceFile(path: string): Promise<WorkspaceData> {
  const file = basename(path)
  let text: string
  try {
    const handle = await open(path, 'r')
    try {
      const { size } = await handle.stat()
      if (size > MAX_WORKSPACE_BYTES) throw new ClausewiseError({ code: 'invalid-file', file, message: `workspace is larger than ${MAX_WORKSPACE_BYTES / 1024 / 1024} MB` })
      text = await handle.readFile('utf8')
    } finally {
      await handle.close()
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyWorkspace()
    if (err instanceof ClausewiseError) throw err
    throw new ClausewiseError({ code: 'unreadable', file, message: (err as Error).message })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new ClausewiseError({ code: 'invalid-file', file, message: `not valid JSON (${(err as Error).message})` })
  }
  const parsed = WorkspaceSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ClausewiseError({ code: 'invalid-file', file, field: issue?.path.map(String).join('.') || undefined, message: issue?.message ?? 'invalid workspace' })
  }
  return parsed.data
}

async function writeAtomically(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text, { fsync: true })
    if (process.platform !== 'win32') {
      // The rename is durable only once the folder entry is on disk.
      const dir = await open(dirname(path), 'r')
      try {
        await dir.sync()
      } finally {
        await dir.close()
      }
    }
  } catch (err) {
    throw new ClausewiseError({ code: 'unreadable', file: basename(path), message: `could not save: ${(err as Error).message}` })
  }
}

