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
    expect(saved).toMatchObject({ format: 'clausewise-workspace', schemaVersion: 4, citations: [{ id: 'c-1' }], pairings: [], matter: null, documents: [], segmentation: [], dismissed: [] })
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
    expect(opened.notices[0]!.message).toMatch(/newer Clausewise \(schema 9; this version reads 4\)\. It is open read-only/)
    expect(opened.data.citations.map((c) => c.id)).toEqual(['c-1'])
    await expect(store.update((ws) => ws.citations.push(citation(2)))).rejects.toThrow(/read-only/)
    expect(await readFile(path, 'utf8')).toBe(text)
  })

  it('keeps a newer file\'s citations when its pairings have a shape this version does not know', async () => {
    const path = await scratch()
    const good = { id: 'p-1', created: '2027-01-01T00:00:00.000Z', reviewer: '', baseVersionId: 'a', targetVersionId: 'b', base: ['x'], target: ['y'] }
    const newer = { format: 'clausewise-workspace', schemaVersion: 9, id: 'w', created: '2027-01-01T00:00:00.000Z', settings: { reviewerName: 'F' }, citations: [citation(1)], pairings: [{ links: 'reshaped' }, good] }
    await writeFile(path, JSON.stringify(newer))
    const opened = await new WorkspaceStore(path).open()
    expect(opened.readOnly).toBe(true)
    expect(opened.data.citations.map((c) => c.id)).toEqual(['c-1'])
    expect(opened.data.pairings).toEqual([good])
    const odd = { ...newer, pairings: 'not a list' }
    await writeFile(path, JSON.stringify(odd))
    expect((await new WorkspaceStore(path).open()).data.citations.map((c) => c.id)).toEqual(['c-1'])
  })

  it('opens a schema 3 file whose pairings were removed by hand, with none, and upgrades it to 4 as a review of the bundled case', async () => {
    const path = await scratch()
    const v3 = JSON.stringify({ format: 'clausewise-workspace', schemaVersion: 3, id: 'w', created: '2026-01-01T00:00:00.000Z', settings: { reviewerName: '' }, citations: [citation(2)] })
    await writeFile(path, v3)
    const store = new WorkspaceStore(path)
    const opened = await store.open()
    expect(opened.notices.map((n) => n.message)).toEqual([expect.stringMatching(/upgraded from schema 3 to 4; the original is kept as review\.clausewise\.json\.schema-3-/)])
    await store.flush()
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ ...JSON.parse(v3), schemaVersion: 4, pairings: [], matter: null, documents: [], segmentation: [], dismissed: [] })
    const kept = (await readdir(store.backupsDir)).find((f) => f.includes('.schema-3-'))!
    expect(await readFile(join(store.backupsDir, kept), 'utf8')).toBe(v3)
    expect(opened.data.pairings).toEqual([])
    expect(opened.data.citations.map((c) => c.id)).toEqual(['c-2'])
  })

  it('migrates a schema 2 file (no pairing overrides) to 4, keeping its id, citations and the original', async () => {
    const path = await scratch()
    const v2 = JSON.stringify({ format: 'clausewise-workspace', schemaVersion: 2, id: 'ws-2', created: '2026-01-02T03:04:05.000Z', settings: { reviewerName: 'Two' }, citations: [citation(4)] })
    await writeFile(path, v2)
    const store = new WorkspaceStore(path, { now: clock() })
    const opened = await store.open()
    expect(opened.notices[0]!.message).toMatch(/upgraded from schema 2 to 4/)
    await store.flush()
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ ...JSON.parse(v2), schemaVersion: 4, pairings: [], matter: null, documents: [], segmentation: [], dismissed: [] })
    const kept = (await readdir(store.backupsDir)).find((f) => f.includes('.schema-2-'))!
    expect(await readFile(join(store.backupsDir, kept), 'utf8')).toBe(v2)
  })

  it('migrates a schema 1 file on a copy, keeping the original as a backup', async () => {
    const path = await scratch()
    const v1 = JSON.stringify({ format: 'clausewise-workspace', schemaVersion: 1, settings: { reviewerName: 'Old' }, citations: [citation(3)] })
    await writeFile(path, v1)
    const store = new WorkspaceStore(path, { now: clock() })
    const opened = await store.open()
    expect(opened.notices[0]!.message).toMatch(/upgraded from schema 1 to 4; the original is kept as review\.clausewise\.json\.schema-1-/)
    await store.flush()
    const migrated = JSON.parse(await readFile(path, 'utf8'))
    expect(migrated).toMatchObject({ schemaVersion: 4, created: citation(3).created, settings: { reviewerName: 'Old' }, citations: [{ id: 'c-3' }], pairings: [] })
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
    // The empty workspace replaced the damaged file, which is kept once: the next open is quiet.
    expect((await new WorkspaceStore(path).open()).notices).toEqual([])
    const kept = (await readdir(join(path, '..'))).filter((f) => f.includes('.corrupt-'))
    expect(kept).toHaveLength(1)
    expect(await readFile(join(path, '..', kept[0]!), 'utf8')).toBe('{"format": "something-else"}')
  })
})

describe('WorkspaceStore with other programs', () => {
  it('never loses a citation when two stores (two programs) write one file in turns and at once', async () => {
    const path = await scratch()
    const app = new WorkspaceStore(path)
    const cli = new WorkspaceStore(path)
    await app.update((ws) => ws.citations.push(citation(1)))
    // The CLI has not seen the app's citation yet when it starts; its change is applied to the file as it is.
    await cli.update((ws) => ws.citations.push(citation(2)))
    // The app still holds a copy with one citation; its next change must not write that copy back.
    await app.update((ws) => ws.citations.push(citation(3)))
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? app : cli).update((ws) => ws.citations.push(citation(10 + i)))))
    const saved = JSON.parse(await readFile(path, 'utf8')) as { citations: Array<{ id: string }> }
    expect(saved.citations.map((c) => c.id).sort()).toEqual(['c-1', 'c-2', 'c-3', ...Array.from({ length: 10 }, (_, i) => `c-${10 + i}`)].sort())
  })

  it('notices that the file changed on disk, reloads it and says what changed', async () => {
    const path = await scratch()
    const app = new WorkspaceStore(path)
    await app.update((ws) => ws.citations.push(citation(1), citation(2)))
    expect((await app.open()).notices).toEqual([])
    const other = new WorkspaceStore(path)
    await other.update((ws) => {
      ws.citations.push(citation(3), citation(4))
      ws.citations[0]!.note = 'edited elsewhere'
      ws.citations.splice(1, 1)
    })
    const opened = await app.open()
    expect(opened.data.citations.map((c) => c.id)).toEqual(['c-1', 'c-3', 'c-4'])
    expect(opened.notices.map((n) => n.message)).toEqual([expect.stringMatching(/^review\.clausewise\.json changed on disk \(another program\) at .*; reloaded: 2 citations added, 1 changed, 1 removed\.$/)])
    // Reading again without another change adds no notice.
    expect((await app.open()).notices).toHaveLength(1)
  })

  it('refuses a note or a reviewer name the file could not hold, naming the limit, and leaves the file as it was', async () => {
    const path = await scratch()
    const store = new WorkspaceStore(path)
    await store.update((ws) => ws.citations.push(citation(1)))
    const before = await readFile(path, 'utf8')
    await expect(store.update((ws) => ws.citations.push({ ...citation(2), note: 'x'.repeat(150_000) }))).rejects.toThrow(/not saved.*citations\.1\.note: is longer than 100,000 characters; nothing was changed/)
    await expect(store.update((ws) => ws.citations.push({ ...citation(2), reviewer: 'r'.repeat(300) }))).rejects.toThrow(/citations\.1\.reviewer: is longer than 200 characters/)
    expect(await readFile(path, 'utf8')).toBe(before)
    expect((await store.read()).citations.map((c) => c.id)).toEqual(['c-1'])
    // The store still works, and a fresh open finds the file as it was.
    await store.update((ws) => ws.citations.push(citation(3)))
    expect((await new WorkspaceStore(path).open()).notices).toEqual([])
  })

  it('opens a file that starts with a UTF-8 byte order mark', async () => {
    const path = await scratch()
    const store = new WorkspaceStore(path)
    await store.update((ws) => ws.citations.push({ ...citation(1), note: 'café' }))
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(path)]))
    const opened = await new WorkspaceStore(path).open()
    expect(opened.notices).toEqual([])
    expect(opened.data.citations[0]!.note).toBe('café')
  })

  it('treats a Latin-1 byte as damage, never as U+FFFD: restores the backup and names the byte', async () => {
    const path = await scratch()
    const first = new WorkspaceStore(path, { now: clock() })
    await first.update((ws) => ws.citations.push(citation(1)))
    const latin1 = Buffer.from((await readFile(path, 'utf8')).replace('note 1', 'caf\u00e9'), 'latin1')
    await writeFile(path, latin1)
    const opened = await new WorkspaceStore(path, { now: clock() }).open()
    expect(opened.notices[0]!.message).toMatch(/could not be read \(not valid UTF-8: byte 0xE9 at offset \d+ .*\)\. The backup .* was restored: 1 citation\. The damaged file is kept as review\.clausewise\.json\.corrupt-/)
    expect(opened.data.citations[0]!.note).toBe('note 1')
    const aside = (await readdir(join(path, '..'))).find((f) => f.includes('.corrupt-'))!
    expect((await readFile(join(path, '..', aside))).equals(latin1)).toBe(true)
    expect(JSON.stringify(opened.data)).not.toContain('\ufffd')
  })

  it('stops with a clear error and changes nothing when the restore cannot be written', async () => {
    const path = await scratch()
    const first = new WorkspaceStore(path, { now: clock() })
    await first.update((ws) => ws.citations.push(citation(1)))
    await writeFile(path, '{"truncated": ')
    const failing = new WorkspaceStore(path, {
      now: clock(),
      writeFile: async (target, data) => {
        if (target === path) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
        await writeFile(target, data)
      }
    })
    await expect(failing.open()).rejects.toThrow(/review\.clausewise\.json: could not be read \(not valid JSON.*\), and restoring the backup .* over it failed: .*no space left on device.*Nothing was changed/)
    expect(await readFile(path, 'utf8')).toBe('{"truncated": ')
    expect((await readdir(join(path, '..'))).filter((f) => f.includes('.corrupt-'))).toEqual([])
    // With space again, the next open restores.
    const opened = await new WorkspaceStore(path, { now: clock() }).open()
    expect(opened.data.citations.map((c) => c.id)).toEqual(['c-1'])
  })

  it('removes temp files left by a killed save, and nothing else', async () => {
    const path = await scratch()
    const store = new WorkspaceStore(path, { now: clock() })
    await store.update((ws) => ws.citations.push(citation(1)))
    const dir = join(path, '..')
    await writeFile(join(dir, '.review.clausewise.json.clausewise-tmp-4242-0123456789abcdef'), '{"partial')
    await writeFile(join(store.backupsDir, '.review.clausewise.json.save-2026-11-24T09-00-09-000Z.json.clausewise-tmp-17-fedcba9876543210'), '{"partial')
    // Another workspace's temp file in the same folder is not this store's to remove.
    await writeFile(join(dir, '.other.json.clausewise-tmp-4242-0123456789abcdef'), '{"partial')
    await writeFile(`${path}.bak`, 'a copy the reviewer made')
    const opened = await new WorkspaceStore(path).open()
    expect(opened.data.citations).toHaveLength(1)
    expect((await readdir(dir)).sort()).toEqual(['.other.json.clausewise-tmp-4242-0123456789abcdef', 'review.clausewise.json', 'review.clausewise.json.backups', 'review.clausewise.json.bak'])
    expect((await readdir(store.backupsDir)).some((f) => f.includes('clausewise-tmp'))).toBe(false)
  })

  it("never deletes the reviewer's own files named like the workspace plus a number", async () => {
    const path = await scratch()
    const store = new WorkspaceStore(path, { now: clock() })
    await store.update((ws) => ws.citations.push(citation(1)))
    const dir = join(path, '..')
    const own = ['review.clausewise.json.20240115', 'review.clausewise.json.before-merge.json.2', 'review.clausewise.json.corrupt-2026-01-01T00-00-00-000Z.7']
    for (const f of own) await writeFile(join(dir, f), `the reviewer's ${f}`)
    await writeFile(join(store.backupsDir, 'review.clausewise.json.save-old.json.3'), 'kept by hand')
    await new WorkspaceStore(path).open()
    await store.update((ws) => ws.citations.push(citation(2)))
    for (const f of own) expect(await readFile(join(dir, f), 'utf8')).toBe(`the reviewer's ${f}`)
    expect(await readFile(join(store.backupsDir, 'review.clausewise.json.save-old.json.3'), 'utf8')).toBe('kept by hand')
    // A save leaves no temp file behind.
    expect((await readdir(dir)).filter((f) => f.includes('clausewise-tmp'))).toEqual([])
  })
})
