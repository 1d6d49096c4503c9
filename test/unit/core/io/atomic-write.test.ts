import { describe, expect, it } from 'vitest'
import { mkdtemp, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { targetOfTempName, tempNameOf, writeFileAtomically } from '../../../../src-main/core/io/atomic-write'

describe('writeFileAtomically', () => {
  it('replaces the file and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-atomic-'))
    await writeFile(join(dir, 'w.json'), 'old')
    await writeFileAtomically(join(dir, 'w.json'), 'new')
    expect(await readFile(join(dir, 'w.json'), 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['w.json'])
  })

  it('aborted just before the rename: the file is as it was and the temp file is gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-atomic-'))
    await writeFile(join(dir, 'w.json'), 'old')
    await expect(writeFileAtomically(join(dir, 'w.json'), 'new', { beforeRename: () => { throw new Error('lock lost') } })).rejects.toThrow('lock lost')
    expect(await readFile(join(dir, 'w.json'), 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['w.json'])
  })

  it('writes through a symlink: the link stays, the file it points to is replaced', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-atomic-'))
    await writeFile(join(dir, 'real.json'), 'old')
    await symlink(join(dir, 'real.json'), join(dir, 'link.json'))
    await writeFileAtomically(join(dir, 'link.json'), 'new')
    expect(await readlink(join(dir, 'link.json'))).toBe(join(dir, 'real.json'))
    expect(await readFile(join(dir, 'real.json'), 'utf8')).toBe('new')
  })

  it('names temp files so that only ours are recognised', () => {
    expect(targetOfTempName(tempNameOf('w.json'))).toBe('w.json')
    expect(targetOfTempName('w.json.20240115')).toBeNull()
    expect(targetOfTempName('.w.json.clausewise-tmp-12-notsixteenhex')).toBeNull()
  })
})
