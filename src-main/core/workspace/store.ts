// Reads and writes one workspace file, so that the reviewer's work is never lost:
// - every change is a read-modify-write under an inter-process lock (lock.ts): the file is
//   re-read if it changed since this store last saw it (another program, a sync folder), the
//   change is applied to that fresh data, and the result is saved. Changes are closures over a
//   draft, so applying them to the fresh data *is* the merge: two writers never lose each
//   other's citations;
// - a long-lived store (the app) notices on every read, with one stat, that the file changed on
//   disk; it reloads it and says what changed in a notice. It holds nothing unsaved (every change
//   is saved before it is acknowledged), so adopting the file loses nothing of its own;
// - nothing is written that could not be read back: the document is serialised, checked against
//   the same size cap and schema the reader uses, and only then written;
// - writes are atomic (io/atomic-write.ts: a temp file `.<name>.clausewise-tmp-…` in the same
//   folder, fsync, rename, fsync of the folder on POSIX; on Windows a rename blocked by a scanner
//   is retried), and every save also lands in a backups folder beside the file (the last N saves,
//   one per day);
// - a file that does not decode as UTF-8, parse or validate is damaged: the newest valid backup
//   is restored over it (after its bytes are kept as <name>.corrupt-<time>), with a notice; if the
//   restore cannot be written, the open stops with an error and nothing is changed;
// - a file from a newer release opens read-only; an older schema is migrated, the original kept;
// - temp files left by a save that was killed are removed on open (under the lock): only names
//   our writer makes, for this workspace's own files, never a file the user named.
import { AsyncLocalStorage } from 'node:async_hooks'
import { createHash } from 'node:crypto'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { ClausewiseError } from '../errors'
import { targetOfTempName, writeFileAtomically } from '../io/atomic-write'
import { decodeUtf8, readFileBytes } from '../io/read-text'
import { withFileLock, type LockOptions } from './lock'
import { DismissedFlagSchema, MatterDocumentSchema, PairingSchema, SegmentationEditSchema, WorkspaceHeaderSchema, WorkspaceLenientSchema, WorkspaceSchema, WorkspaceV1Schema, WorkspaceV2Schema, WorkspaceV3Schema } from './schema'
import { emptyWorkspace, WORKSPACE_FORMAT, WORKSPACE_SCHEMA_VERSION, type Citation, type WorkspaceData } from './types'

export const MAX_WORKSPACE_BYTES = 64 * 1024 * 1024

/**
 * Writes a whole file atomically, calling `beforeRename` (which may throw to abort) just before
 * the file is replaced; tests inject one that fails to simulate a full disk.
 */
export type AtomicWriter = (path: string, data: string | Buffer, beforeRename?: () => void) => Promise<void>

export interface StoreOptions {
  /** Rolling backups kept (one per save). */
  keepSaves?: number
  /** Daily backups kept (the first save of each day). */
  keepDays?: number
  now?: () => Date
  lock?: LockOptions
  writeFile?: AtomicWriter
}

export interface OpenNotice {
  /** 'kept': an undo or redo kept another program's version of something it would have reverted. */
  kind: 'recovered' | 'read-only' | 'migrated' | 'reloaded' | 'kept'
  message: string
}

export interface OpenedWorkspace {
  data: WorkspaceData
  readOnly: boolean
  notices: OpenNotice[]
}

/** Identifies one version of the file cheaply: an atomic save always makes a new inode. */
interface FileStamp {
  ino: number
  size: number
  mtimeMs: number
  ctimeMs: number
}

interface State extends OpenedWorkspace {
  /** The version of the file `data` was read from or written to; null when there is none. */
  stamp: FileStamp | null
  /** A hash of that version's bytes: compared under the lock, where stat could miss a change. */
  digest: string | null
}

/** Called with the data before and after each saved change (History records undo from it). */
export type CommitObserver = (before: WorkspaceData, after: WorkspaceData) => void
const commitObservers = new AsyncLocalStorage<CommitObserver>()

/** Runs `fn`; every change it saves through any WorkspaceStore is reported to `observer`. */
export function observeCommits<T>(observer: CommitObserver, fn: () => Promise<T>): Promise<T> {
  return commitObservers.run(observer, fn)
}

/** Reload (and kept) notices shown in the status bar; older ones are dropped (the first notices stay). */
const MAX_RELOAD_NOTICES = 10

/** `assertHeld` from the lock while this store holds it; null when it does not. */
type Held = (() => void) | null

export class WorkspaceStore {
  private state: State | undefined
  private ops: Promise<unknown> = Promise.resolve()
  private readonly keepSaves: number
  private readonly keepDays: number
  private readonly now: () => Date
  private readonly lockOptions: LockOptions
  private readonly writer: AtomicWriter

  constructor(
    readonly path: string,
    options: StoreOptions = {}
  ) {
    this.keepSaves = options.keepSaves ?? 20
    this.keepDays = options.keepDays ?? 30
    this.now = options.now ?? (() => new Date())
    this.lockOptions = options.lock ?? {}
    this.writer = options.writeFile ?? ((path, data, beforeRename) => writeFileAtomically(path, data, { beforeRename }))
  }

  get name(): string {
    return basename(this.path)
  }

  /** Folder of backups beside the workspace: `<name>.backups/`. */
  get backupsDir(): string {
    return join(dirname(this.path), `${this.name}.backups`)
  }

  /**
   * The workspace as it is on disk now: opened with recovery, migration or read-only mode as
   * the file requires, and reloaded (with a notice) when another program changed it since.
   */
  open(): Promise<OpenedWorkspace> {
    return this.enqueue(() => this.current())
  }

  async read(): Promise<WorkspaceData> {
    return (await this.open()).data
  }

  /**
   * Applies `change` to the workspace as it is on disk, under the lock, saves it durably, and
   * only then makes it current. Updates run one at a time, and never over another program's.
   */
  update<T>(change: (draft: WorkspaceData) => T): Promise<T> {
    const observe = commitObservers.getStore()
    return this.enqueue(async () => {
      if (!this.state) await this.current()
      return withFileLock(
        this.path,
        async (assertHeld) => {
          const state = await this.refresh(assertHeld)
          if (state.readOnly) {
            throw new ClausewiseError({ code: 'invalid-argument', file: this.name, message: 'this workspace is open read-only (it was written by a newer Clausewise); nothing was changed' })
          }
          const draft = structuredClone(state.data)
          const result = change(draft)
          const seen = await this.commit(draft, assertHeld)
          this.state = { ...state, data: draft, ...seen }
          observe?.(state.data, draft)
          return result
        },
        this.lockOptions
      )
    })
  }

  /** Adds a notice the app shows with those from opening (History says what an undo kept). */
  notify(notice: OpenNotice): void {
    if (this.state) this.state = { ...this.state, notices: capNotices([...this.state.notices, notice]) }
  }

  /** Resolves once every change queued so far is on disk (or has failed). */
  async flush(): Promise<void> {
    await this.ops.catch(() => undefined)
  }

  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const run = this.ops.then(op)
    this.ops = run.catch(() => undefined)
    return run
  }

  private async current(): Promise<State> {
    if (this.state) return this.refresh(null)
    await this.removeLeftoverTemps()
    this.state = await this.load(undefined, null)
    return this.state
  }

  /**
   * Reloads when the file on disk is not the version this store last saw. Reads compare a
   * stat (cheap, for every read in the app); under the lock, before a change, the bytes' hash
   * is compared too, so a file system with coarse times (FAT, some network shares) cannot hide
   * another program's save from a writer.
   */
  private async refresh(held: Held): Promise<State> {
    const state = this.state!
    // Removed behind our back (or mid-replace by a sync tool): keep what we hold; the next
    // change writes it again rather than starting from nothing.
    const gone = (): State => (this.state = { ...state, stamp: null, digest: null })
    if (held) {
      const raw = await readWorkspaceBytes(this.path)
      if (raw === null) return gone()
      if (raw.digest === state.digest) return (this.state = { ...state, stamp: raw.stamp })
      return (this.state = await this.load(state, held, raw))
    }
    const stamp = await statStamp(this.path)
    if (sameStamp(stamp, state.stamp)) return state
    if (stamp === null) return gone()
    return (this.state = await this.load(state, held))
  }

  /** Reads the file and makes it current; migration and recovery write, so they take the lock. */
  private async load(previous: State | undefined, held: Held, raw?: RawWorkspaceFile): Promise<State> {
    const bytes = raw ?? (await readWorkspaceBytes(this.path))
    if (bytes === null) return previous ? { ...previous, stamp: null, digest: null } : { data: emptyWorkspace(this.now()), readOnly: false, notices: [], stamp: null, digest: null }
    const file: WorkspaceFile = { ...bytes, parsed: interpretBytes(bytes.bytes) }
    const parsed = file.parsed
    switch (parsed.kind) {
      case 'current':
        return this.adopt(previous, parsed.data, false, file, [])
      case 'newer': {
        const notice: OpenNotice = { kind: 'read-only', message: `${this.name} was written by a newer Clausewise (schema ${parsed.version}; this version reads ${WORKSPACE_SCHEMA_VERSION}). It is open read-only: nothing will be changed.` }
        return this.adopt(previous, parsed.data, true, file, previous?.readOnly ? [] : [notice])
      }
      case 'older':
      case 'corrupt':
        // Re-read under the lock: another program may be fixing the file right now.
        if (!held) return withFileLock(this.path, (assertHeld) => this.load(previous, assertHeld), this.lockOptions)
        return parsed.kind === 'older' ? this.migrate(previous, file.bytes, parsed, held) : this.recover(previous, file.bytes, parsed.reason, held)
    }
  }

  private adopt(previous: State | undefined, data: WorkspaceData, readOnly: boolean, seen: Seen, added: OpenNotice[]): State {
    const notices = [...(previous?.notices ?? [])]
    if (previous && added.length === 0) {
      const what = describeChanges(previous.data, data)
      if (what) notices.push({ kind: 'reloaded', message: `${this.name} changed on disk (another program) at ${clockTime(this.now())}; reloaded: ${what}.` })
    }
    notices.push(...added)
    return { data, readOnly, notices: capNotices(notices), stamp: seen.stamp, digest: seen.digest }
  }

  private async migrate(previous: State | undefined, bytes: Buffer, parsed: { version: number; data: WorkspaceData }, held: () => void): Promise<State> {
    await mkdir(this.backupsDir, { recursive: true })
    const kept = join(this.backupsDir, `${this.name}.schema-${parsed.version}-${stamp(this.now())}.json`)
    await this.write(kept, bytes)
    const seen = await this.commit(parsed.data, held)
    const notice: OpenNotice = { kind: 'migrated', message: `${this.name} was upgraded from schema ${parsed.version} to ${WORKSPACE_SCHEMA_VERSION}; the original is kept as ${basename(kept)}.` }
    return this.adopt(previous, parsed.data, false, seen, [notice])
  }

  /**
   * Restores the newest valid backup (or an empty workspace) over a damaged file. The damaged
   * bytes are first kept as a copy beside it, then the restore replaces the file atomically, so
   * at every moment the workspace path holds the damaged file or the restored one, never nothing.
   * If either write fails, the copy is removed and the open fails: nothing is changed.
   */
  private async recover(previous: State | undefined, bytes: Buffer, reason: string, held: () => void): Promise<State> {
    let restored: { data: WorkspaceData; from: string } | null = null
    for (const backup of await listBackups(this.backupsDir, this.name)) {
      const file = await readWorkspaceFile(backup.path).catch(() => null)
      if (file && (file.parsed.kind === 'current' || file.parsed.kind === 'older')) {
        restored = { data: file.parsed.data, from: basename(backup.path) }
        break
      }
    }
    const data = restored?.data ?? emptyWorkspace(this.now())
    const text = this.serialise(data)
    const aside = `${this.path}.corrupt-${stamp(this.now())}`
    const what = restored ? `the backup ${restored.from}` : 'an empty workspace'
    const stop = (step: string, err: unknown) =>
      new ClausewiseError({
        code: 'unreadable',
        file: this.name,
        message: `could not be read (${reason}), and ${step} failed: ${err instanceof Error ? err.message : String(err)}. Nothing was changed; free some disk space or check the folder's permissions, then open it again.`
      })
    try {
      await this.write(aside, bytes)
    } catch (err) {
      await rm(aside, { force: true }).catch(() => undefined)
      throw stop('keeping a copy of the damaged file', err)
    }
    try {
      held()
      await this.write(this.path, text, held)
    } catch (err) {
      await rm(aside, { force: true }).catch(() => undefined)
      throw stop(`restoring ${what} over it`, err)
    }
    const seen: Seen = { stamp: await statStamp(this.path), digest: digestOf(text) }
    const message = restored
      ? `${this.name} could not be read (${reason}). The backup ${restored.from} was restored: ${plural(data.citations.length, 'citation')}. The damaged file is kept as ${basename(aside)}.`
      : `${this.name} could not be read (${reason}), and no valid backup was found, so the workspace starts empty. The damaged file is kept as ${basename(aside)}.`
    return this.adopt(previous, data, false, seen, [{ kind: 'recovered', message }])
  }

  /** Serialises and checks the document exactly as the reader will; throws instead of writing. */
  private serialise(data: WorkspaceData): string {
    const text = JSON.stringify(data, null, 2) + '\n'
    const size = Buffer.byteLength(text)
    if (size > MAX_WORKSPACE_BYTES) {
      throw new ClausewiseError({ code: 'invalid-argument', file: this.name, message: `the workspace would be ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_WORKSPACE_BYTES / 1024 / 1024} MB a workspace may hold; nothing was changed` })
    }
    const check = interpret(text)
    if (check.kind !== 'current') {
      const why = check.kind === 'corrupt' ? check.reason : `it would read as schema ${check.version}`
      throw new ClausewiseError({ code: 'invalid-argument', file: this.name, message: `not saved, it could not be read back: ${why}; nothing was changed` })
    }
    return text
  }

  /** Writes the document and a backup; returns how to recognise the file written. */
  private async commit(data: WorkspaceData, held: () => void): Promise<Seen> {
    const text = this.serialise(data)
    // Checked again just before the rename: the lock may be lost while the temp file is written.
    held()
    await this.write(this.path, text, held)
    const seen: Seen = { stamp: await statStamp(this.path), digest: digestOf(text) }
    await this.backup(text)
    return seen
  }

  /** A copy of what was just saved; a failed backup never fails the save itself. */
  private async backup(text: string): Promise<void> {
    try {
      await mkdir(this.backupsDir, { recursive: true })
      const now = this.now()
      await this.write(join(this.backupsDir, `${this.name}.save-${stamp(now)}.json`), text)
      const daily = join(this.backupsDir, `${this.name}.daily-${now.toISOString().slice(0, 10)}.json`)
      const existing = await listBackups(this.backupsDir, this.name)
      if (!existing.some((b) => b.path === daily)) await this.write(daily, text)
      await prune(existing.filter((b) => b.kind === 'save'), this.keepSaves)
      await prune(existing.filter((b) => b.kind === 'daily'), this.keepDays)
    } catch {
      // Backups are a second line of defence; the workspace file itself is already saved.
    }
  }

  /** Writes atomically (the writer retries a rename blocked on Windows); `beforeRename` may abort it. */
  private async write(path: string, data: string | Buffer, beforeRename?: () => void): Promise<void> {
    try {
      await this.writer(path, data, beforeRename)
    } catch (err) {
      if (err instanceof ClausewiseError) throw err
      throw new ClausewiseError({ code: 'unreadable', file: basename(path), message: `could not save: ${(err as Error).message}` })
    }
  }

  /**
   * Removes our writer's temp files (`.<target>.clausewise-tmp-<pid>-<hex>`) left by a save that
   * was killed before its rename, beside the workspace and in its backups folder. Done under the
   * lock, so a save in progress in another program is never cut short; skipped if the lock is not free.
   */
  private async removeLeftoverTemps(): Promise<void> {
    const found = async () => [...(await leftoverTemps(dirname(this.path), this.name)), ...(await leftoverTemps(this.backupsDir, this.name))]
    if ((await found()).length === 0) return
    await withFileLock(
      this.path,
      async () => {
        for (const t of await found()) await rm(t, { force: true })
      },
      // Tidying must not hold up opening: if another program holds the lock, the next open tidies.
      { ...this.lockOptions, waitMs: Math.min(this.lockOptions.waitMs ?? 1_000, 1_000) }
    ).catch(() => undefined)
  }
}

/** A long-lived app reloads (and undoes) often: keep the first notices and the latest of each repeating kind. */
function capNotices(notices: OpenNotice[]): OpenNotice[] {
  const out = [...notices]
  for (const kind of ['reloaded', 'kept'] as const) {
    while (out.filter((n) => n.kind === kind).length > MAX_RELOAD_NOTICES) out.splice(out.findIndex((n) => n.kind === kind), 1)
  }
  return out
}

/**
 * Files in `dir` that are our writer's temp files for `name` or for one of the files this store
 * writes beside it: the damaged-file copy and the backups. Matching the exact target names keeps
 * another workspace's temp files (`name.x.json` is a valid workspace name too) out of it.
 */
async function leftoverTemps(dir: string, name: string): Promise<string[]> {
  let files: string[]
  try {
    files = await readdir(dir)
  } catch {
    return []
  }
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const ours = new RegExp(`^${escaped}(?:\\.corrupt-[0-9TZ-]+|\\.(?:save|daily|schema-\\d+)-[0-9TZ-]+\\.json)?$`)
  return files.filter((f) => {
    const target = targetOfTempName(f)
    return target !== null && ours.test(target)
  }).map((f) => join(dir, f))
}

export type Interpreted =
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
      ? {
          ...base,
          id: lenient.data.id ?? base.id,
          created: lenient.data.created ?? base.created,
          settings: lenient.data.settings ?? base.settings,
          citations: lenient.data.citations as Citation[],
          pairings: validEntries(lenient.data.pairings, PairingSchema),
          matter: lenient.data.matter ? { title: lenient.data.matter.title } : null,
          documents: validEntries(lenient.data.documents, MatterDocumentSchema),
          segmentation: validEntries(lenient.data.segmentation, SegmentationEditSchema),
          dismissed: validEntries(lenient.data.dismissed, DismissedFlagSchema)
        }
      : base
    return { kind: 'newer', version, data }
  }
  if (version === 1) {
    const v1 = WorkspaceV1Schema.safeParse(json)
    if (!v1.success) return { kind: 'corrupt', reason: describe(v1.error.issues) }
    return { kind: 'older', version, data: migrateV1(v1.data.settings, v1.data.citations) }
  }
  if (version === 2) {
    const v2 = WorkspaceV2Schema.safeParse(json)
    if (!v2.success) return { kind: 'corrupt', reason: describe(v2.error.issues) }
    // 2 → 3: no pairing overrides yet.
    return { kind: 'older', version, data: { ...v2.data, schemaVersion: WORKSPACE_SCHEMA_VERSION, pairings: [], ...NO_MATTER } }
  }
  if (version === 3) {
    const v3 = WorkspaceV3Schema.safeParse(json)
    if (!v3.success) return { kind: 'corrupt', reason: describe(v3.error.issues) }
    // 3 → 4: a workspace of the bundled case, no imported documents.
    return { kind: 'older', version, data: { ...v3.data, schemaVersion: WORKSPACE_SCHEMA_VERSION, ...NO_MATTER } }
  }
  const current = WorkspaceSchema.safeParse(json)
  if (!current.success) return { kind: 'corrupt', reason: describe(current.error.issues) }
  return { kind: 'current', data: current.data }
}

/** What a workspace file's bytes are: strict UTF-8 (a BOM is allowed and dropped), then `interpret`. */
export function interpretBytes(bytes: Uint8Array): Interpreted {
  const decoded = decodeUtf8(bytes)
  if ('invalidAt' in decoded) {
    const bad = decoded.invalidAt
    return { kind: 'corrupt', reason: `not valid UTF-8: byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${bad} (saved in another encoding, such as Latin-1?)` }
  }
  return interpret(decoded.text)
}

/** The entries of a newer release's list that this release can read, entry by entry. */
function validEntries<T>(list: readonly unknown[] | undefined, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T[] {
  return (list ?? []).flatMap((v) => {
    const ok = schema.safeParse(v)
    return ok.success ? [ok.data] : []
  })
}

/** What a file from before matters reviews: the bundled case. */
const NO_MATTER = { matter: null, documents: [], segmentation: [], dismissed: [] } as const satisfies Pick<WorkspaceData, 'matter' | 'documents' | 'segmentation' | 'dismissed'>

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

interface Seen {
  stamp: FileStamp | null
  digest: string | null
}

interface RawWorkspaceFile {
  bytes: Buffer
  stamp: FileStamp
  digest: string
}

export interface WorkspaceFile extends RawWorkspaceFile {
  parsed: Interpreted
}

function digestOf(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/**
 * Reads a workspace file as every reader must: size-capped, strict UTF-8, parsed and validated.
 * Null when there is no file; throws a ClausewiseError when it cannot be read or is too large.
 */
export async function readWorkspaceFile(path: string): Promise<WorkspaceFile | null> {
  const raw = await readWorkspaceBytes(path)
  return raw && { ...raw, parsed: interpretBytes(raw.bytes) }
}

/**
 * The file's bytes, size-capped, with what identifies this version of it; null when there is none.
 * A named pipe or a device at the path fails at once, naming the file (io/read-text.ts's reader:
 * non-blocking open, regular files only, never more than the cap read).
 */
async function readWorkspaceBytes(path: string): Promise<RawWorkspaceFile | null> {
  const limit = MAX_WORKSPACE_BYTES / 1024 / 1024
  const read = await readFileBytes(path, MAX_WORKSPACE_BYTES, (size) => (size === null ? `workspace is larger than the ${limit} MB limit` : `workspace is ${(size / 1024 / 1024).toFixed(1)} MB, larger than the ${limit} MB limit`))
  return read && { bytes: read.bytes, stamp: toStamp(read.stats), digest: digestOf(read.bytes) }
}

function toStamp(st: { ino: number; size: number; mtimeMs: number; ctimeMs: number }): FileStamp {
  return { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs }
}

async function statStamp(path: string): Promise<FileStamp | null> {
  try {
    return toStamp(await stat(path))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new ClausewiseError({ code: 'unreadable', file: basename(path), message: (err as Error).message })
  }
}

function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  if (a === null || b === null) return a === b
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs
}

/** "3 citations added, 1 changed" — what another program changed; empty when nothing did. */
function describeChanges(before: WorkspaceData, after: WorkspaceData): string {
  const old = new Map(before.citations.map((c) => [c.id, JSON.stringify(c)]))
  const now = new Set(after.citations.map((c) => c.id))
  let added = 0
  let changed = 0
  for (const c of after.citations) {
    const was = old.get(c.id)
    if (was === undefined) added++
    else if (was !== JSON.stringify(c)) changed++
  }
  const removed = before.citations.filter((c) => !now.has(c.id)).length
  const counts = ([[added, 'added'], [changed, 'changed'], [removed, 'removed']] as const).filter(([n]) => n > 0)
  const parts = counts.map(([n, verb], i) => (i === 0 ? `${plural(n, 'citation')} ${verb}` : `${n} ${verb}`))
  if (JSON.stringify(before.settings) !== JSON.stringify(after.settings)) parts.push('settings changed')
  return parts.join(', ')
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

/** A UTC time usable in a file name on every platform: 2026-11-24T14-05-09-123Z. */
function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-')
}

function clockTime(d: Date): string {
  return `${d.toISOString().slice(11, 19)} UTC`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
