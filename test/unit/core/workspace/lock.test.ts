import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { withFileLock } from '../../../../src-main/core/workspace/lock'
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
