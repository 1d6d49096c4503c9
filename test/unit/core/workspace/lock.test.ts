import { describe, expect, it, vi } from 'vitest'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { lockTestHooks, withFileLock } from '../../../../src-main/core/workspace/lock'
import { WorkspaceStore } from '../../../../src-main/core/workspace/store'
import type { Citation } from '../../../../src-main/core/workspace/types'

function citation(n: number): Citation {
  const t = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString()
  return {
    id: `c-${n}`, created: t, modified: t, versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', stance: 'supports', note: '', reviewer: '',
    quote: { type: 'TextQuoteSelector', exact: `quote ${n}`, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: n, end: n + 5 }
  }
}

async function scratch(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'clausewise-lock-')), 'w.json')
}

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!
}

describe('the workspace lock', () => {
  it('takes over a lock left by a killed process on this machine at once', async () => {
    const path = await scratch()
    await mkdir(`${path}.lock`)
    await writeFile(join(`${path}.lock`, 'owner.json'), JSON.stringify({ pid: deadPid(), host: hostname(), command: 'clausewise cite', since: new Date().toISOString() }))
    const store = new WorkspaceStore(path, { lock: { waitMs: 2_000 } })
    await store.update((ws) => ws.citations.push(citation(1)))
    expect(JSON.parse(await readFile(path, 'utf8')).citations).toHaveLength(1)
    await expect(stat(`${path}.lock`)).rejects.toThrow(/ENOENT/)
  })

  it('takes over a lock folder that names nobody after seconds (its holder was killed as it locked), but not a fresh one', async () => {
    const path = await scratch()
    await mkdir(`${path}.lock`)
    // A fresh ownerless folder may be a holder about to write owner.json: it is waited for.
    const fresh = new WorkspaceStore(path, { lock: { waitMs: 1_000 } })
    await expect(fresh.update((ws) => ws.citations.push(citation(1)))).rejects.toThrow(/did not say which/)
    const old = new Date(Date.now() - 10_000)
    await utimes(`${path}.lock`, old, old)
    const store = new WorkspaceStore(path, { lock: { waitMs: 3_000 } })
    await store.update((ws) => ws.citations.push(citation(2)))
    expect(JSON.parse(await readFile(path, 'utf8')).citations.map((c: Citation) => c.id)).toEqual(['c-2'])
    await expect(stat(`${path}.lock`)).rejects.toThrow(/ENOENT/)
  })

  it('takes over a lock nobody has refreshed for longer than the stale time', async () => {
    const path = await scratch()
    await mkdir(`${path}.lock`)
    const old = new Date(Date.now() - 60_000)
    await utimes(`${path}.lock`, old, old)
    const store = new WorkspaceStore(path, { lock: { waitMs: 5_000, staleMs: 2_000 } })
    await store.update((ws) => ws.citations.push(citation(1)))
    expect(JSON.parse(await readFile(path, 'utf8')).citations).toHaveLength(1)
  })

  it('makes a writer wait for a live holder a bounded time, then fail naming the holder, with nothing changed', async () => {
    const path = await scratch()
    const store = new WorkspaceStore(path, { lock: { waitMs: 1_000 } })
    await store.update((ws) => ws.citations.push(citation(1)))
    const before = await readFile(path, 'utf8')
    let release!: () => void
    const holding = new Promise<void>((resolve) => (release = resolve))
    let acquired!: () => void
    const isHeld = new Promise<void>((resolve) => (acquired = resolve))
    const holder = withFileLock(path, async () => {
      acquired()
      await holding
    })
    await isHeld
    await expect(store.update((ws) => ws.citations.push(citation(2)))).rejects.toThrow(
      new RegExp(`w\\.json: is being changed by .* \\(pid ${process.pid} on ${hostname().replace(/[.]/g, '\\.')}, since .*\\); waited \\d+\\.\\d s and gave up\\. Nothing was changed`)
    )
    expect(await readFile(path, 'utf8')).toBe(before)
    release()
    await holder
    // Once the holder is done, the same writer gets through.
    await store.update((ws) => ws.citations.push(citation(2)))
    expect(JSON.parse(await readFile(path, 'utf8')).citations).toHaveLength(2)
  })

  it('waits for a short holder instead of failing', async () => {
    const path = await scratch()
    const store = new WorkspaceStore(path)
    let acquired!: () => void
    const isHeld = new Promise<void>((resolve) => (acquired = resolve))
    const holder = withFileLock(path, async () => {
      acquired()
      await new Promise((resolve) => setTimeout(resolve, 300))
    })
    await isHeld
    await store.update((ws) => ws.citations.push(citation(1)))
    await holder
    expect(JSON.parse(await readFile(path, 'utf8')).citations).toHaveLength(1)
  })
})

/** Holds the lock on `file` until the returned release is called; resolves once it is held. */
async function hold(file: string): Promise<{ release: () => Promise<void> }> {
  let release!: () => void
  const holding = new Promise<void>((resolve) => (release = resolve))
  let acquired!: () => void
  const isHeld = new Promise<void>((resolve) => (acquired = resolve))
  const holder = withFileLock(file, async () => {
    acquired()
    await holding
  })
  await isHeld
  return { release: async () => (release(), await holder) }
}

/** Another live program's lock on `lockDir` (the test runner's parent process is alive and not us). */
async function theirLock(lockDir: string, token = 'theirs'): Promise<void> {
  await mkdir(lockDir)
  await writeFile(join(lockDir, 'owner.json'), JSON.stringify({ pid: process.ppid, host: hostname(), command: 'clausewise cite', since: new Date().toISOString(), token }))
}

describe('the workspace lock, hardened', () => {
  it.runIf(process.platform !== 'win32')('is one lock for a workspace opened through a symlink and through its real path', async () => {
    const real = join(await realpath(dirname(await scratch())), 'w.json')
    await new WorkspaceStore(real).update((ws) => ws.citations.push(citation(1)))
    const link = join(dirname(real), 'link.json')
    await symlink(real, link)
    const linkedFolder = `${dirname(real)}-link`
    await symlink(dirname(real), linkedFolder)

    const held = await hold(link)
    try {
      await expect(withFileLock(real, async () => 'got it too', { waitMs: 500 })).rejects.toThrow(/w\.json: is being changed by .*waited/)
      await expect(new WorkspaceStore(join(linkedFolder, 'w.json'), { lock: { waitMs: 500 } }).update((ws) => ws.citations.push(citation(2)))).rejects.toThrow(/is being changed by/)
    } finally {
      await held.release()
    }
    // A file that does not exist yet, through a symlinked folder: locked on the real folder.
    const fresh = await hold(join(linkedFolder, 'new.json'))
    try {
      await expect(withFileLock(join(dirname(real), 'new.json'), async () => 'got it too', { waitMs: 500 })).rejects.toThrow(/new\.json: is being changed by/)
    } finally {
      await fresh.release()
    }
    // Saved through the link: the link stays a link, and the real file has the citation.
    await new WorkspaceStore(link).update((ws) => ws.citations.push(citation(3)))
    expect(await readlink(link)).toBe(real)
    expect(JSON.parse(await readFile(real, 'utf8')).citations.map((c: Citation) => c.id)).toEqual(['c-1', 'c-3'])
  })

  it('a holder whose lock was taken over while it stalled writes nothing, and leaves the new lock alone', async () => {
    const path = await scratch()
    const store = new WorkspaceStore(path)
    await store.update((ws) => ws.citations.push(citation(1)))
    const before = await readFile(path, 'utf8')
    const lockDir = `${await realpath(path)}.lock`
    await expect(
      store.update((ws) => {
        ws.citations.push(citation(2))
        // This holder stalled past the stale time; another program took the lock over meanwhile.
        fs.rmSync(lockDir, { recursive: true })
        fs.mkdirSync(lockDir)
        fs.writeFileSync(join(lockDir, 'owner.json'), JSON.stringify({ pid: process.ppid, host: hostname(), command: 'clausewise cite', since: new Date().toISOString(), token: 'theirs' }))
      })
    ).rejects.toThrow(new RegExp(`w\\.json: the lock on the file was lost while saving \\(it is now held by clausewise cite \\(pid ${process.ppid} .*\\)\\); nothing was saved`))
    expect(await readFile(path, 'utf8')).toBe(before)
    expect((await readdir(dirname(path))).filter((f) => f.includes('clausewise-tmp'))).toEqual([])
    expect(JSON.parse(await readFile(join(lockDir, 'owner.json'), 'utf8')).token).toBe('theirs')
  })

  it('does not take over a live holder that has not refreshed its lock for 20 s', async () => {
    const path = await scratch()
    const lockDir = `${await realpath(dirname(path))}/${basename(path)}.lock`
    await theirLock(lockDir)
    const old = new Date(Date.now() - 20_000)
    await utimes(lockDir, old, old)
    await expect(new WorkspaceStore(path, { lock: { waitMs: 1_000 } }).update((ws) => ws.citations.push(citation(1)))).rejects.toThrow(new RegExp(`is being changed by clausewise cite \\(pid ${process.ppid} `))
    expect(JSON.parse(await readFile(join(lockDir, 'owner.json'), 'utf8')).token).toBe('theirs')
  })

  it("taking over a dead program's lock never removes a live lock another waiter made meanwhile", async () => {
    const path = await scratch()
    const lockDir = `${await realpath(dirname(path))}/${basename(path)}.lock`
    await mkdir(lockDir)
    await writeFile(join(lockDir, 'owner.json'), JSON.stringify({ pid: deadPid(), host: hostname(), command: 'clausewise cite', since: new Date().toISOString(), token: 'dead' }))
    lockTestHooks.beforeTakeOver = async () => {
      lockTestHooks.beforeTakeOver = undefined
      // Between this waiter's judgment (dead) and its removal, another waiter removed the dead
      // lock and took its own.
      await rm(lockDir, { recursive: true })
      await theirLock(lockDir, 'live')
    }
    try {
      await expect(withFileLock(path, async () => 'got it', { waitMs: 1_000 })).rejects.toThrow(new RegExp(`is being changed by clausewise cite \\(pid ${process.ppid} `))
    } finally {
      lockTestHooks.beforeTakeOver = undefined
    }
    expect(JSON.parse(await readFile(join(lockDir, 'owner.json'), 'utf8')).token).toBe('live')
    expect((await readdir(dirname(path))).filter((f) => f.includes('.dead-'))).toEqual([])
  })

  it('retries removing its lock folder when the removal is refused for a moment (Windows scanners), so no writer is frozen', async () => {
    const path = await scratch()
    const realRm = fs.promises.rm.bind(fs.promises)
    let refusals = 0
    const spy = vi.spyOn(fs.promises, 'rm').mockImplementation(async (target, options) => {
      if (String(target).endsWith('.lock') && refusals < 2) {
        refusals++
        throw Object.assign(new Error(`EBUSY: resource busy or locked, rmdir '${String(target)}'`), { code: 'EBUSY' })
      }
      return realRm(target, options)
    })
    try {
      await withFileLock(path, async () => undefined)
    } finally {
      spy.mockRestore()
    }
    expect(refusals).toBe(2)
    await expect(stat(`${await realpath(dirname(path))}/${basename(path)}.lock`)).rejects.toThrow(/ENOENT/)
    // The next writer gets the lock at once.
    await new WorkspaceStore(path, { lock: { waitMs: 500 } }).update((ws) => ws.citations.push(citation(1)))
  })
})
