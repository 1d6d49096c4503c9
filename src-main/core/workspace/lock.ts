// An inter-process lock around each read-modify-write of a workspace file, so two programs
// (the app and a CLI run, two CLI runs) never save over each other's citations.
//
// proper-lockfile does the locking: the lock is a folder `<file>.lock` (mkdir is atomic, also on
// network and sync folders), kept fresh while held and taken over once stale (its mtime older
// than `staleMs`). On top of it:
// - the holder writes `owner.json` inside the lock folder (pid, host, command, since), so a
//   writer that gives up can name who holds the file; it is written before proper-lockfile
//   probes the folder's mtime, so the mtime the library watches already includes it;
// - a lock whose owner is a dead process on this machine (killed while saving) is taken over at
//   once instead of after `staleMs`;
// - a waiting writer gives up after `waitMs` with a message that names the holder.
import * as fs from 'node:fs'
import { readFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
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
}

export const DEFAULT_LOCK_WAIT_MS = 12_000
export const DEFAULT_LOCK_STALE_MS = 10_000
const OWNER_FILE = 'owner.json'

export function lockPathOf(file: string): string {
  return `${file}.lock`
}

function describeSelf(): string {
  const args = process.argv.slice(1, 3).map((a) => (a.startsWith('-') ? a : basename(a)))
  return [basename(process.execPath), ...args].join(' ')
}

/**
 * The file system proper-lockfile uses, with two changes: creating the lock folder also writes
 * the owner file into it, and removing the lock removes the folder with its owner file.
 * One object for the process: proper-lockfile caches the mtime precision on it.
 */
const ownerLine = describeSelf()
const lockFs = {
  ...fs,
  mkdir(path: string, callback: (err: NodeJS.ErrnoException | null) => void): void {
    fs.mkdir(path, (err) => {
      if (err) return callback(err)
      const owner: LockOwner = { pid: process.pid, host: hostname(), command: ownerLine, since: new Date().toISOString() }
      // A lock without its owner file is still a lock; it only cannot be named.
      fs.writeFile(join(path, OWNER_FILE), JSON.stringify(owner), () => callback(null))
    })
  },
  rmdir(path: string, callback: (err: NodeJS.ErrnoException | null) => void): void {
    fs.rm(path, { recursive: true }, callback)
  },
  rmdirSync(path: string): void {
    fs.rmSync(path, { recursive: true })
  }
}

export async function readLockOwner(file: string): Promise<LockOwner | null> {
  try {
    const o = JSON.parse(await readFile(join(lockPathOf(file), OWNER_FILE), 'utf8')) as Partial<LockOwner>
    if (typeof o.pid !== 'number' || typeof o.host !== 'string') return null
    return { pid: o.pid, host: o.host, command: String(o.command ?? ''), since: String(o.since ?? '') }
  } catch {
    return null
  }
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

/**
 * Runs `fn` holding the lock on `file`. Keep `fn` short: read, change, write, nothing that
 * waits on a person. Throws a ClausewiseError naming the holder when the wait runs out.
 */
export async function withFileLock<T>(file: string, fn: (assertHeld: () => void) => Promise<T>, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS
  const staleMs = options.staleMs ?? DEFAULT_LOCK_STALE_MS
  const started = Date.now()
  let compromised: Error | null = null
  let release: (() => Promise<void>) | undefined
  for (let attempt = 0; ; attempt++) {
    try {
      release = await properLock(file, {
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
      const owner = await readLockOwner(file)
      const waited = Date.now() - started
      if (waited >= waitMs) throw busy(file, owner, waited)
      if (owner && ownerIsDead(owner)) {
        // Killed while saving: its lock folder outlived it. Read-then-remove leaves a window of
        // a few microseconds, the same proper-lockfile accepts for its own stale locks.
        const again = await readLockOwner(file)
        if (again && again.pid === owner.pid && again.since === owner.since) await fs.promises.rm(lockPathOf(file), { recursive: true, force: true })
        continue
      }
      // Backoff with jitter, so two waiters do not retry in step.
      const delay = Math.min(25 * 2 ** Math.min(attempt, 4), 400) * (0.5 + Math.random())
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(1, waitMs - waited))))
    }
  }
  // Checked just before writing: a lock taken over as stale (this process froze for longer
  // than staleMs) must not be written under.
  const assertHeld = (): void => {
    if (compromised) throw lost(file, compromised)
  }
  try {
    return await fn(assertHeld)
  } finally {
    await release().catch(() => undefined)
  }
}

function busy(file: string, owner: LockOwner | null, waitedMs: number): ClausewiseError {
  const who = owner
    ? `${owner.command || 'a program'} (pid ${owner.pid} on ${owner.host}${owner.since ? `, since ${owner.since}` : ''})`
    : 'another program (it did not say which)'
  return new ClausewiseError({
    code: 'unreadable',
    file: basename(file),
    message: `is being changed by ${who}; waited ${(waitedMs / 1000).toFixed(1)} s and gave up. Nothing was changed: try again when it has finished. If that program is no longer running, delete the folder ${basename(lockPathOf(file))}.`
  })
}

function lost(file: string, err: Error): ClausewiseError {
  return new ClausewiseError({ code: 'unreadable', file: basename(file), message: `the lock on the file was lost while saving (${err.message}); nothing was saved; try again` })
}
