import { describe, expect, it } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_RECENT, readRecent, rememberRecent } from '../../../src-main/shell/recent'

describe('recent workspaces', () => {
  it('keeps the newest first, without duplicates, at most eight', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'clausewise-recent-')), 'recent.json')
    for (let i = 0; i < 10; i++) await rememberRecent(file, `/w/${i}.json`)
    await rememberRecent(file, '/w/5.json')
    const recent = await readRecent(file)
    expect(recent).toHaveLength(MAX_RECENT)
    expect(recent.slice(0, 3)).toEqual(['/w/5.json', '/w/9.json', '/w/8.json'])
  })

  it('starts afresh from a damaged or missing list', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-recent-'))
    await writeFile(join(dir, 'bad.json'), '{"recent": 42}')
    expect(await readRecent(join(dir, 'bad.json'))).toEqual([])
    expect(await readRecent(join(dir, 'missing.json'))).toEqual([])
  })
})
