import { describe, expect, it } from 'vitest'
import { mkdtemp, readFile, readdir, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WorkspaceStore } from '../../../../src-main/core/workspace/store'
import type { Citation } from '../../../../src-main/core/workspace/types'

function citation(n: number): Citation {
  const t = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString()
  return {
    id: `c-${n}`, created: t, modified: t, versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', stance: 'supports', note: `note ${n}`, reviewer: 'R',
    quote: { type: 'TextQuoteSelector', exact: `quote ${n}`, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: n, end: n + 5 }
  }
}

async function scratch(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'clausewise-store-')), 'review.clausewise.json')
}

/** A clock that moves one second per call, so backup names are distinct and ordered. */
function clock(): () => Date {
  let t = Date.UTC(2026, 10, 24, 9, 0, 0)
  return () => new Date((t += 1000))
}

describe('WorkspaceStore', () => {
  it('starts empty without a file and writes one on the first change, plus backups', async () => {
    const path = await scratch()
    const store = new WorkspaceStore(path, { now: clock() })
    expect((await store.read()).citations).toEqual([])
    await store.update((ws) => ws.citations.push(citation(1)))
    const saved = JSON.parse(await readFile(path, 'utf8'))
    expect(saved).toMatchObject({ format: 'clausewise-workspace', schemaVersion: 2, citations: [{ id: 'c-1' }] })
    const backups = await readdir(store.backupsDir)
    expect(backups.filter((f) => f.includes('.save-'))).toHaveLength(1)
    expect(backups.filter((f) => f.includes('.daily-'))).toHaveLength(1)
  })

  it('keeps the last N saves and one backup per day', async () => {
    const path = await scratch()
    const store = new WorkspaceStore(path, { keepSaves: 3, now: clock() })
    for (let i = 0; i < 6; i++) await store.update((ws) => ws.citations.push(citation(i)))
    const backups = await readdir(store.backupsDir)
    expect(backups.filter((f) => f.includes('.save-'))).toHaveLength(3)
    expect(backups.filter((f) => f.includes('.daily-'))).toHaveLength(1)
  })

  it('serialises concurrent updates: none is lost', async () => {
    const path = await scratch()
    const store = new WorkspaceStore(path)
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.update((ws) => ws.citations.push(citation(i)))))
    const saved = JSON.parse(await readFile(path, 'utf8')) as { citations: unknown[] }
    expect(saved.citations).toHaveLength(25)
  })

  it('sets a truncated workspace aside and loads the newest backup, with a message', async () => {
    const path = await scratch()
    const first = new WorkspaceStore(path, { now: clock() })
    await first.update((ws) => ws.citations.push(citation(1)))
    await first.update((ws) => ws.citations.push(citation(2)))
    const size = (await readFile(path)).length
    await truncate(path, Math.floor(size / 2))

    const reopened = new WorkspaceStore(path, { now: clock() })
    const { data, notices, readOnly } = await reopened.open()
    expect(readOnly).toBe(false)
    expect(data.citations.map((c) => c.id)).toEqual(['c-1', 'c-2'])
    expect(notices).toHaveLength(1)
    expect(notices[0]!.message).toMatch(/review\.clausewise\.json could not be read \(not valid JSON.*The backup review\.clausewise\.json\.save-.* was restored: 2 citations\. The damaged file is kept as review\.clausewise\.json\.corrupt-/)
    const aside = (await readdir(join(path, '..'))).filter((f) => f.includes('.corrupt-'))
    expect(aside).toHaveLength(1)
    expect((await readFile(join(path, '..', aside[0]!))).length).toBe(Math.floor(size / 2))
    // The recovered content is the workspace file again.
    expect(JSON.parse(await readFile(path, 'utf8')).citations).toHaveLength(2)
  })

  it('opens a file from a newer schema read-only and refuses to change it', async () => {
    const path = await scratch()
    const newer = { format: 'clausewise-workspace', schemaVersion: 9, id: 'w', created: '2027-01-01T00:00:00.000Z', settings: { reviewerName: 'Future' }, citations: [{ ...citation(1), futureField: true }], futureTopLevel: {} }
    const text = JSON.stringify(newer)
    await writeFile(path, text)
    const store = new WorkspaceStore(path)
    const opened = await store.open()
    expect(opened.readOnly).toBe(true)
    expect(opened.notices[0]!.message).toMatch(/newer Clausewise \(schema 9; this version reads 2\)\. It is open read-only/)
    expect(opened.data.citations.map((c) => c.id)).toEqual(['c-1'])
    await expect(store.update((ws) => ws.citations.push(citation(2)))).rejects.toThrow(/read-only/)
    expect(await readFile(path, 'utf8')).toBe(text)
  })

  it('migrates a schema 1 file on a copy, keeping the original as a backup', async () => {
    const path = await scratch()
    const v1 = JSON.stringify({ format: 'clausewise-workspace', schemaVersion: 1, settings: { reviewerName: 'Old' }, citations: [citation(3)] })
    await writeFile(path, v1)
    const store = new WorkspaceStore(path, { now: clock() })
    const opened = await store.open()
    expect(opened.notices[0]!.message).toMatch(/upgraded from schema 1 to 2; the original is kept as review\.clausewise\.json\.schema-1-/)
    await store.flush()
    const migrated = JSON.parse(await readFile(path, 'utf8'))
    expect(migrated).toMatchObject({ schemaVersion: 2, created: citation(3).created, settings: { reviewerName: 'Old' }, citations: [{ id: 'c-3' }] })
    expect(typeof migrated.id).toBe('string')
    const kept = (await readdir(store.backupsDir)).find((f) => f.includes('.schema-1-'))!
    expect(await readFile(join(store.backupsDir, kept), 'utf8')).toBe(v1)
  })

  it('starts empty, with a message, when the file is damaged and there is no backup', async () => {
    const path = await scratch()
    await writeFile(path, '{"format": "something-else"}')
    const opened = await new WorkspaceStore(path).open()
    expect(opened.data.citations).toEqual([])
    expect(opened.notices[0]!.message).toMatch(/not a Clausewise workspace.*no valid backup was found, so the workspace starts empty/)
  })
})
