// Reads and writes one workspace file, so that the reviewer's work is never lost:
// - writes are serialised per file and atomic (temp file in the same folder, fsync, rename,
//   fsync of the folder on POSIX; on Windows a rename blocked by a scanner or an open handle,
//   EPERM/EBUSY/EACCES, is retried with backoff), so a crash leaves the old file or the new one;
// - every save also lands in a backups folder beside the file (the last N saves, one per day);
// - a file that does not parse or validate is moved aside as <name>.corrupt-<time>, never
//   deleted, and the newest valid backup is loaded instead, with a notice;
// - a file from a newer release opens read-only; an older schema is migrated, the original
//   kept as a backup.
import { copyFile, mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { ClausewiseError } from '../errors'
import { WorkspaceHeaderSchema, WorkspaceLenientSchema, WorkspaceSchema, WorkspaceV1Schema } from './schema'
import { emptyWorkspace, WORKSPACE_FORMAT, WORKSPACE_SCHEMA_VERSION, type Citation, type WorkspaceData } from './types'

export const MAX_WORKSPACE_BYTES = 64 * 1024 * 1024

export interface StoreOptions {
  /** Rolling backups kept (one per save). */
  keepSaves?: number
  /** Daily backups kept (the first save of each day). */
  keepDays?: number
  now?: () => Date
}

export interface OpenNotice {
  kind: 'recovered' | 'read-only' | 'migrated'
  message: string
}

export interface OpenedWorkspace {
  data: WorkspaceData
  readOnly: boolean
  notices: OpenNotice[]
}

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES'])

export class WorkspaceStore {
  private opened: Promise<OpenedWorkspace> | undefined
  private queue: Promise<void> = Promise.resolve()
  private updates: Promise<unknown> = Promise.resolve()
  private readonly keepSaves: number
  private readonly keepDays: number
  private readonly now: () => Date

  constructor(
    readonly path: string,
    options: StoreOptions = {}
  ) {
    this.keepSaves = options.keepSaves ?? 20
    this.keepDays = options.keepDays ?? 30
    this.now = options.now ?? (() => new Date())
  }

  get name(): string {
    return basename(this.path)
  }

  /** Folder of backups beside the workspace: `<name>.backups/`. */
  get backupsDir(): string {
    return join(dirname(this.path), `${this.name}.backups`)
  }

  /** Opens (once) with recovery, migration or read-only mode as the file requires. */
  open(): Promise<OpenedWorkspace> {
    this.opened ??= this.openNow()
    return this.opened
  }

  async read(): Promise<WorkspaceData> {
    return (await this.open()).data
  }

  /**
   * Applies `change` to a copy, saves it durably, and only then makes it current. Updates run
   * one at a time: each starts from the state the previous one left, so none is lost.
   */
  update<T>(change: (draft: WorkspaceData) => T): Promise<T> {
    const run = this.updates.then(async () => {
      const state = await this.open()
      if (state.readOnly) {
        throw new ClausewiseError({ code: 'invalid-argument', file: this.name, message: 'this workspace is open read-only (it was written by a newer Clausewise); nothing was changed' })
      }
      const draft = structuredClone(state.data)
      const result = change(draft)
      await this.save(draft)
      state.data = draft
      return result
    })
    this.updates = run.catch(() => undefined)
    return run
  }

  /** Replaces the whole workspace (undo and redo use this). */
  async replace(data: WorkspaceData): Promise<void> {
    await this.update((draft) => {
      draft.settings = structuredClone(data.settings)
      draft.citations = structuredClone(data.citations)
    })
  }

  /** Resolves once every save queued so far is on disk. */
  async flush(): Promise<void> {
    await this.queue
  }

  private save(data: WorkspaceData): Promise<void> {
    const text = JSON.stringify(data, null, 2) + '\n'
    const next = this.queue.then(async () => {
      await writeAtomically(this.path, text)
      await this.backup(text)
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  /** A copy of what was just saved; a failed backup never fails the save itself. */
  private async backup(text: string): Promise<void> {
    try {
      await mkdir(this.backupsDir, { recursive: true })
      const now = this.now()
      await writeAtomically(join(this.backupsDir, `${this.name}.save-${stamp(now)}.json`), text)
      const daily = join(this.backupsDir, `${this.name}.daily-${now.toISOString().slice(0, 10)}.json`)
      const existing = await listBackups(this.backupsDir, this.name)
      if (!existing.some((b) => b.path === daily)) await writeAtomically(daily, text)
      await prune(existing.filter((b) => b.kind === 'save'), this.keepSaves)
      await prune(existing.filter((b) => b.kind === 'daily'), this.keepDays)
    } catch {
      // Backups are a second line of defence; the workspace file itself is already saved.
    }
  }

  private async openNow(): Promise<OpenedWorkspace> {
    const read = await readWorkspaceText(this.path)
    if (read === null) return { data: emptyWorkspace(this.now()), readOnly: false, notices: [] }
    const parsed = interpret(read)
    switch (parsed.kind) {
      case 'current':
        return { data: parsed.data, readOnly: false, notices: [] }
      case 'newer':
        return {
          data: parsed.data,
          readOnly: true,
          notices: [{ kind: 'read-only', message: `${this.name} was written by a newer Clausewise (schema ${parsed.version}; this version reads ${WORKSPACE_SCHEMA_VERSION}). It is open read-only: nothing will be changed.` }]
        }
      case 'older': {
        await mkdir(this.backupsDir, { recursive: true })
        const kept = join(this.backupsDir, `${this.name}.schema-${parsed.version}-${stamp(this.now())}.json`)
        await copyFile(this.path, kept)
        await this.save(parsed.data)
        return { data: parsed.data, readOnly: false, notices: [{ kind: 'migrated', message: `${this.name} was upgraded from schema ${parsed.version} to ${WORKSPACE_SCHEMA_VERSION}; the original is kept as ${basename(kept)}.` }] }
      }
      case 'corrupt':
        return this.recover(parsed.reason)
    }
  }

  /** Moves the damaged file aside and loads the newest backup that is valid. */
  private async recover(reason: string): Promise<OpenedWorkspace> {
    const aside = `${this.path}.corrupt-${stamp(this.now())}`
    await rename(this.path, aside)
    for (const backup of await listBackups(this.backupsDir, this.name)) {
      const text = await readWorkspaceText(backup.path).catch(() => null)
      const parsed = text === null ? null : interpret(text)
      if (parsed && (parsed.kind === 'current' || parsed.kind === 'older')) {
        await this.save(parsed.data)
        const message = `${this.name} could not be read (${reason}). It was moved aside as ${basename(aside)}, and the backup ${basename(backup.path)} was loaded: ${plural(parsed.data.citations.length, 'citation')}.`
        return { data: parsed.data, readOnly: false, notices: [{ kind: 'recovered', message }] }
      }
    }
    const message = `${this.name} could not be read (${reason}). It was moved aside as ${basename(aside)}; no valid backup was found, so the workspace starts empty.`
    return { data: emptyWorkspace(this.now()), readOnly: false, notices: [{ kind: 'recovered', message }] }
  }
}

type Interpreted =
  | { kind: 'current'; data: WorkspaceData }
  | { kind: 'older'; version: number; data: WorkspaceData }
  | { kind: 'newer'; version: number; data: WorkspaceData }
  | { kind: 'corrupt'; reason: string }

/** What a workspace file's text is: current, migratable, newer (read-only) or damaged. */
export function interpret(text: string): Interpreted {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    return { kind: 'corrupt', reason: `not valid JSON: ${(err as Error).message}` }
  }
  const header = WorkspaceHeaderSchema.safeParse(json)
  if (!header.success) return { kind: 'corrupt', reason: describe(header.error.issues) }
  const version = header.data.schemaVersion
  if (version > WORKSPACE_SCHEMA_VERSION) {
    const lenient = WorkspaceLenientSchema.safeParse(json)
    const base = emptyWorkspace()
    const data: WorkspaceData = lenient.success
      ? { ...base, id: lenient.data.id ?? base.id, created: lenient.data.created ?? base.created, settings: lenient.data.settings ?? base.settings, citations: lenient.data.citations as Citation[] }
      : base
    return { kind: 'newer', version, data }
  }
  if (version === 1) {
    const v1 = WorkspaceV1Schema.safeParse(json)
    if (!v1.success) return { kind: 'corrupt', reason: describe(v1.error.issues) }
    return { kind: 'older', version, data: migrateV1(v1.data.settings, v1.data.citations) }
  }
  const current = WorkspaceSchema.safeParse(json)
  if (!current.success) return { kind: 'corrupt', reason: describe(current.error.issues) }
  return { kind: 'current', data: current.data }
}

/** 1 → 2: the workspace gets an id and a creation time (the earliest citation's, if any). */
function migrateV1(settings: WorkspaceData['settings'], citations: Citation[]): WorkspaceData {
  const base = emptyWorkspace()
  const earliest = citations.map((c) => c.created).sort()[0]
  return { ...base, format: WORKSPACE_FORMAT, created: earliest ?? base.created, settings, citations }
}

function describe(issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>): string {
  const issue = issues[0]
  if (!issue) return 'invalid workspace'
  const where = issue.path.map(String).join('.')
  return where ? `${where}: ${issue.message}` : issue.message
}

/** The file's text, or null when there is no file yet. */
async function readWorkspaceText(path: string): Promise<string | null> {
  const file = basename(path)
  let handle
  try {
    handle = await open(path, 'r')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new ClausewiseError({ code: 'unreadable', file, message: (err as Error).message })
  }
  try {
    const { size } = await handle.stat()
    if (size > MAX_WORKSPACE_BYTES) throw new ClausewiseError({ code: 'invalid-file', file, message: `workspace is larger than ${MAX_WORKSPACE_BYTES / 1024 / 1024} MB` })
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

interface Backup {
  path: string
  kind: 'save' | 'daily' | 'other'
}

/** Backups of `name`, newest first (file names carry sortable UTC times). */
export async function listBackups(dir: string, name: string): Promise<Backup[]> {
  let files: string[]
  try {
    files = await readdir(dir)
  } catch {
    return []
  }
  const order = (f: string) => f.replace(/^.*\.(save|daily|schema-\d+)-/, '')
  return files
    .filter((f) => f.startsWith(`${name}.`) && f.endsWith('.json'))
    .sort((a, b) => (order(a) < order(b) ? 1 : order(a) > order(b) ? -1 : 0))
    .map((f) => ({ path: join(dir, f), kind: f.includes('.save-') ? 'save' : f.includes('.daily-') ? 'daily' : 'other' }))
}

async function prune(backups: readonly Backup[], keep: number): Promise<void> {
  for (const b of backups.slice(keep)) await rm(b.path, { force: true })
}

async function writeAtomically(path: string, text: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFileAtomic(path, text, { fsync: true })
      break
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? ''
      if (process.platform === 'win32' && RETRYABLE.has(code) && attempt < 6) {
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt))
        continue
      }
      throw new ClausewiseError({ code: 'unreadable', file: basename(path), message: `could not save: ${(err as Error).message}` })
    }
  }
  if (process.platform !== 'win32') {
    // The rename is durable only once the folder entry is on disk.
    const dir = await open(dirname(path), 'r')
    try {
      await dir.sync()
    } finally {
      await dir.close()
    }
  }
}

/** A UTC time usable in a file name on every platform: 2026-11-24T14-05-09-123Z. */
function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-')
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
