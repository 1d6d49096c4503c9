import { describe, expect, it } from 'vitest'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { forgetRecent, MAX_RECENT, readRecent, readReopen, recentEntries, rememberBundledCase, rememberRecent } from '../../../src-main/shell/recent'

async function listFile(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'clausewise-recent-')), 'recent.json')
}

describe('recent matters and workspaces', () => {
  it('keeps the newest first, without duplicates, at most eight', async () => {
    const file = await listFile()
    for (let i = 0; i < 10; i++) await rememberRecent(file, `/w/${i}.json`)
    await rememberRecent(file, '/w/5.json')
    const recent = await readRecent(file)
    expect(recent).toHaveLength(MAX_RECENT)
    expect(recent.slice(0, 3)).toEqual(['/w/5.json', '/w/9.json', '/w/8.json'])
  })

  it('starts afresh from a damaged or missing list, and reads a list saved before matters', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-recent-'))
    await writeFile(join(dir, 'bad.json'), '{"recent": 42}')
    expect(await readRecent(join(dir, 'bad.json'))).toEqual([])
    expect(await readRecent(join(dir, 'missing.json'))).toEqual([])
    await writeFile(join(dir, 'old.json'), '{"recent": ["/w/a.json"]}')
    expect(await readRecent(join(dir, 'old.json'))).toEqual(['/w/a.json'])
    expect(await readReopen(join(dir, 'old.json'))).toBeNull()
  })

  it('reopens the last matter switched to; a workspace file or the bundled case means nothing to reopen', async () => {
    const file = await listFile()
    await rememberRecent(file, '/m/Acme/matter.clausewise.json')
    expect(await readReopen(file)).toBe('/m/Acme/matter.clausewise.json')
    await rememberRecent(file, '/w/review.clausewise.json')
    expect(await readReopen(file)).toBeNull()
    await rememberRecent(file, '/m/Acme/matter.clausewise.json')
    await rememberBundledCase(file)
    expect(await readReopen(file)).toBeNull()
    // The bundled case has its own menu item: the list is left as it was.
    expect(await readRecent(file)).toEqual(['/m/Acme/matter.clausewise.json', '/w/review.clausewise.json'])
  })

  it('forgets a path that is gone, and does not reopen it', async () => {
    const file = await listFile()
    await rememberRecent(file, '/w/a.json')
    await rememberRecent(file, '/m/Gone/matter.clausewise.json')
    expect(await forgetRecent(file, '/m/Gone/matter.clausewise.json')).toEqual(['/w/a.json'])
    expect(await readReopen(file)).toBeNull()
  })

  it('loses no entry when switches come in quick succession', async () => {
    const file = await listFile()
    await Promise.all(Array.from({ length: 6 }, (_, i) => rememberRecent(file, `/m/${i}/matter.clausewise.json`)))
    expect(await readRecent(file)).toHaveLength(6)
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ reopen: '/m/5/matter.clausewise.json' })
  })

  it('shows a matter by its folder and a workspace by its file name, with the parent folder when two read alike', () => {
    expect(
      recentEntries(['/clients/Acme/matter.clausewise.json', '/reviews/q3.clausewise.json', '/2025/Lease/matter.clausewise.json', '/2026/Lease/matter.clausewise.json'])
    ).toEqual([
      { path: '/clients/Acme/matter.clausewise.json', kind: 'matter', label: 'Acme' },
      { path: '/reviews/q3.clausewise.json', kind: 'workspace', label: 'q3.clausewise.json' },
      { path: '/2025/Lease/matter.clausewise.json', kind: 'matter', label: 'Lease (2025)' },
      { path: '/2026/Lease/matter.clausewise.json', kind: 'matter', label: 'Lease (2026)' }
    ])
  })
})
