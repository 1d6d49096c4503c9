// An inter-process lock around each read-modify-write of a workspace file, so two programs
// (the app and a CLI run, two CLI runs) never save over each other's citations.
//
// proper-lockfile does the locking: the lock is a folder `<file>.lock` (mkdir is atomic, also on
// network and sync folders), kept fresh while held and taken over once stale (its mtime older
// than `staleMs`). On top of it:
// - the lock is taken on the file's real path, so a workspace opened through a symlink (or a
//   symlinked folder) and through its real path share one lock; the write goes to the real file;
// - the holder writes `owner.json` inside the lock folder (pid, host, command, since, and a random
//   token for this acquisition), so a writer that gives up can name who holds the file; it is
//   written before proper-lockfile probes the folder's mtime, so the mtime it watches includes it;
// - `assertHeld`, called just before a save's rename, re-reads owner.json: a holder that stalled
//   past `staleMs` and was taken over finds another token there and writes nothing;
// - a lock whose owner is a dead process on this machine (killed while saving) is taken over at
//   once instead of after `staleMs`, by renaming the folder to a unique tombstone first, so that
//   only a lock confirmed to be the dead owner's is ever deleted;
// - releasing removes owner.json first, then the folder, retrying a removal blocked on Windows,
//   and never removes a lock that is no longer ours;
// - a waiting writer gives up after `waitMs` with a message that names the holder.
import * as fs from 'node:fs'
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { lock as properLock } from 'proper-lockfile'
import { ClausewiseError } from '../errors'

export interface LockOptions {
  /** How long a writer waits for another holder before giving up (ms). */
  waitMs?: number
  /** A lock not refreshed for this long is taken over (ms; proper-lockfile's minimum is 2000). */
  staleMs?: number
}

export interface LockOwner {
  pid: number
  host: string
  command: string
  since: string
  /** Random per acquisition: tells this holding of the lock from a later one by the same process. */
  token: string
}

export const DEFAULT_LOCK_WAIT_MS = 12_000
// Long enough that a busy machine or a laptop waking up does not lose a live holder its lock; a
// holder killed on this machine is detected by its dead pid at once, without waiting for this.
export const DEFAULT_LOCK_STALE_MS = 60_000
const OWNER_FILE = 'owner.json'
/** A lock folder with no readable owner.json for this long was left by a holder killed as it locked. */
const ORPHANED_AFTER_MS = 5_000
/** Removal of a lock folder blocked for a moment (a scanner or indexer on Windows holds it). */
const RETRYABLE_REMOVE = new Set(['EBUSY', 'EPERM', 'EACCES', 'ENOTEMPTY'])
const REMOVE_ATTEMPTS = 7

/** Test seams: called at points where another process could act, to make a race reproducible. */
export const lockTestHooks: { beforeTakeOver?: (lockDir: string) => Promise<void> } = {}

export function lockPathOf(file: string): string {
  return `${file}.lock`
}

/** The path the lock is taken on: the real file, or the real folder plus the name when there is no file yet. */
export async function lockTargetOf(file: string): Promise<string> {
  try {
    return await fs.promises.realpath(file)
  } catch {
    try {
      return join(await fs.promises.realpath(dirname(file)), basename(file))
    } catch {
      return resolve(file)
    }
  }
}

function describeSelf(): string {
  const args = process.argv.slice(1, 3).map((a) => (a.startsWith('-') ? a : basename(a)))
  return [basename(process.execPath), ...args].join(' ')
}

/** Tokens of lock folders this process just created, until the acquisition that made one takes it. */
const created = new Map<string, string>()
/** Lock folders this process holds, with the token of the holding. */
const held = new Map<string, string>()

/**
 * The file system proper-lockfile uses, with two changes: creating the lock folder also writes
 * the owner file into it, and removing the lock removes the owner file and then the folder,
 * retrying a blocked removal, and leaves a lock alone that this process held but no longer owns.
 * One object for the process: proper-lockfile caches the mtime precision on it.
 */
const ownerLine = describeSelf()
const lockFs = {
  ...fs,
  mkdir(path: string, callback: (err: NodeJS.ErrnoException | null) => void): void {
    fs.mkdir(path, (err) => {
      if (err) return callback(err)
      const owner: LockOwner = { pid: process.pid, host: hostname(), command: ownerLine, since: new Date().toISOString(), token: randomBytes(16).toString('hex') }
      fs.writeFile(join(path, OWNER_FILE), JSON.stringify(owner), (writeErr) => {
        // Without its owner file the lock could not be checked before writing: give it up.
        if (writeErr) return fs.rm(path, { recursive: true, force: true }, () => callback(writeErr))
        created.set(path, owner.token)
        callback(null)
      })
    })
  },
  rmdir(path: string, callback: (err: NodeJS.ErrnoException | null) => void): void {
    if (!stillOurs(path)) return callback(null)
    removeLockDir(path).then(() => callback(null), (err: NodeJS.ErrnoException) => callback(err))
  },
  rmdirSync(path: string): void {
    if (stillOurs(path)) fs.rmSync(path, { recursive: true, force: true })
  }
}

/** False for a lock this process held that someone has since taken over: it is theirs now. */
function stillOurs(lockDir: string): boolean {
  const token = held.get(lockDir)
  return token === undefined || readOwnerSync(lockDir)?.token === token
}

/** owner.json first (the folder stops naming a live holder), then the folder, with a short backoff. */
async function removeLockDir(lockDir: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.promises.rm(join(lockDir, OWNER_FILE), { force: true })
      await fs.promises.rm(lockDir, { recursive: true, force: true })
      return
    } catch (err) {
      if (!RETRYABLE_REMOVE.has((err as NodeJS.ErrnoException).code ?? '') || attempt >= REMOVE_ATTEMPTS) throw err
      await new Promise((resolve) => setTimeout(resolve, 15 * 2 ** attempt))
    }
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>
    if (typeof o.pid !== 'number' || typeof o.host !== 'string') return null
    return { pid: o.pid, host: o.host, command: String(o.command ?? ''), since: String(o.since ?? ''), token: String(o.token ?? '') }
  } catch {
    return null
  }
}

function readOwnerSync(lockDir: string): LockOwner | null {
  try {
    return parseOwner(fs.readFileSync(join(lockDir, OWNER_FILE), 'utf8'))
  } catch {
    return null
  }
}

async function readOwnerAt(lockDir: string): Promise<LockOwner | null> {
  try {
    return parseOwner(await fs.promises.readFile(join(lockDir, OWNER_FILE), 'utf8'))
  } catch {
    return null
  }
}

/** Who holds the lock on `file` (through symlinks), or null when nobody or it cannot be told. */
export async function readLockOwner(file: string): Promise<LockOwner | null> {
  return readOwnerAt(lockPathOf(await lockTargetOf(file)))
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The owner is a process of this machine that no longer runs: its lock can be taken over now. */
function ownerIsDead(owner: LockOwner): boolean {
  return owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid)
}

/** True when the lock folder exists, names no owner, and was last touched `ms` or more ago. */
async function ownerlessFor(lockDir: string, ms: number): Promise<boolean> {
  try {
    const { mtimeMs } = await fs.promises.stat(lockDir)
    return Date.now() - mtimeMs >= ms && (await readOwnerAt(lockDir)) === null
  } catch {
    return false
  }
}

function sameOwner(a: LockOwner, b: LockOwner): boolean {
  return a.pid === b.pid && a.host === b.host && a.since === b.since && a.token === b.token
}

/**
 * Removes the lock folder of `dead`, and only that one. Between judging the owner dead and acting,
 * another waiter may have taken the lock over and made its own; so the folder is first renamed to
 * a unique tombstone (one rename wins; nobody else can change the tombstone), then its owner is
 * read: the dead owner's tombstone is deleted, anything else is put back. If putting back fails (a
 * new lock is there already), the tombstone is left: its holder's `assertHeld` no longer finds
 * its token and it writes nothing.
 */
async function takeOverDeadLock(lockDir: string, dead: LockOwner | null): Promise<void> {
  const tombstone = `${lockDir}.dead-${randomBytes(6).toString('hex')}`
  try {
    await fs.promises.rename(lockDir, tombstone)
  } catch {
    return // gone already (taken over by another waiter): try to lock again
  }
  const found = await readOwnerAt(tombstone)
  if (dead === null ? found === null : found !== null && sameOwner(found, dead)) {
    await removeLockDir(tombstone).catch(() => undefined)
    return
  }
  await fs.promises.rename(tombstone, lockDir).catch(() => undefined)
}

/**
 * Runs `fn` holding the lock on `file`. Keep `fn` short: read, change, write, nothing that
 * waits on a person. Throws a ClausewiseError naming the holder when the wait runs out.
 * `assertHeld` throws when the lock is no longer this call's: call it just before writing.
 */
export async function withFileLock<T>(file: string, fn: (assertHeld: () => void) => Promise<T>, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS
  const staleMs = options.staleMs ?? DEFAULT_LOCK_STALE_MS
  const started = Date.now()
  const target = await lockTargetOf(file)
  const lockDir = lockPathOf(target)
  let compromised: Error | null = null
  let release: (() => Promise<void>) | undefined
  for (let attempt = 0; ; attempt++) {
    try {
      release = await properLock(target, {
        realpath: false,
        stale: staleMs,
        retries: 0,
        fs: lockFs,
        onCompromised: (err) => {
          compromised = err
        }
      })
      break
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT') throw new ClausewiseError({ code: 'unreadable', file: basename(file), message: `could not save: the folder ${dirname(file)} does not exist` })
      if (code !== 'ELOCKED') {
        throw new ClausewiseError({ code: 'unreadable', file: basename(file), message: `could not lock the file for saving: ${(err as Error).message}` })
      }
      const owner = await readOwnerAt(lockDir)
      const waited = Date.now() - started
      if (waited >= waitMs) throw busy(file, lockDir, owner, waited)
      if (owner ? ownerIsDead(owner) : await ownerlessFor(lockDir, ORPHANED_AFTER_MS)) {
        // Killed while saving: its lock folder outlived it. (Killed between creating the folder
        // and writing owner.json, it names nobody: a live holder writes that file within
        // milliseconds, so a folder that has named nobody for seconds is abandoned.)
        await lockTestHooks.beforeTakeOver?.(lockDir)
        await takeOverDeadLock(lockDir, owner)
        continue
      }
      // Backoff with jitter, so two waiters do not retry in step.
      const delay = Math.min(25 * 2 ** Math.min(attempt, 4), 400) * (0.5 + Math.random())
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(1, waitMs - waited))))
    }
  }
  const token = created.get(lockDir)
  created.delete(lockDir)
  if (token !== undefined) held.set(lockDir, token)
  // Checked just before writing: a lock taken over while this process froze for longer than
  // staleMs must not be written under. proper-lockfile would say so only later, from its timer,
  // so the owner file is read now: it must still carry this holding's pid and token.
  const assertHeld = (): void => {
    if (compromised) throw lost(file, compromised.message)
    const owner = readOwnerSync(lockDir)
    if (!owner || owner.pid !== process.pid || owner.token !== token) {
      throw lost(file, owner ? `it is now held by ${describeOwner(owner)}` : 'the lock folder is gone')
    }
  }
  try {
    return await fn(assertHeld)
  } finally {
    // The removal was retried in removeLockDir; if it still failed, the folder no longer names
    // a live holder (owner.json went first) and is taken over once stale.
    await release().catch(() => undefined)
    if (held.get(lockDir) === token) held.delete(lockDir)
  }
}

function describeOwner(owner: LockOwner): string {
  return `${owner.command || 'a program'} (pid ${owner.pid} on ${owner.host}${owner.since ? `, since ${owner.since}` : ''})`
}

function busy(file: string, lockDir: string, owner: LockOwner | null, waitedMs: number): ClausewiseError {
  const who = owner ? describeOwner(owner) : 'another program (it did not say which)'
  // Beside the file as given, the folder is named by its name; through a symlink it is elsewhere.
  const folder = dirname(lockDir) === dirname(resolve(file)) ? basename(lockDir) : lockDir
  return new ClausewiseError({
    code: 'unreadable',
    file: basename(file),
    message: `is being changed by ${who}; waited ${(waitedMs / 1000).toFixed(1)} s and gave up. Nothing was changed: try again when it has finished. If that program is no longer running, delete the folder ${folder}.`
  })
}

function lost(file: string, why: string): ClausewiseError {
  return new ClausewiseError({ code: 'unreadable', file: basename(file), message: `the lock on the file was lost while saving (${why}); nothing was saved; try again` })
}
