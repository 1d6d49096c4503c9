import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readTextFile } from '../../../../src-main/core/io/read-text'

const posix = process.platform !== 'win32'

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'clausewise-read-'))
}

/** The Problem a rejected read carries. */
async function problemOf(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(Error)
  return (err as { problem: unknown }).problem
}

describe('readTextFile', () => {
  it('strips a BOM and keeps the rest of the text', async () => {
    const dir = await scratch()
    await writeFile(join(dir, 'bom.txt'), '\uFEFFHello, world.\n')
    expect(await readTextFile(join(dir, 'bom.txt'))).toBe('Hello, world.\n')
  })

  it('reads a file larger than one read chunk whole', async () => {
    const dir = await scratch()
    const text = 'Clause text. '.repeat(60_000) // ~780 KB
    await writeFile(join(dir, 'long.txt'), text)
    expect(await readTextFile(join(dir, 'long.txt'))).toBe(text)
  })

  it('reads an empty file as empty text', async () => {
    const dir = await scratch()
    await writeFile(join(dir, 'empty.txt'), '')
    expect(await readTextFile(join(dir, 'empty.txt'))).toBe('')
  })

  it('refuses binary and invalid UTF-8, naming the file', async () => {
    const dir = await scratch()
    await writeFile(join(dir, 'a.bin'), Buffer.from([0x41, 0, 0x42]))
    await writeFile(join(dir, 'b.txt'), Buffer.from([0x41, 0xc3, 0x28]))
    expect(await problemOf(readTextFile(join(dir, 'a.bin')))).toEqual({ code: 'invalid-file', file: 'a.bin', message: 'binary file, expected UTF-8 text' })
    expect(await problemOf(readTextFile(join(dir, 'b.txt')))).toEqual({ code: 'invalid-file', file: 'b.txt', message: 'not valid UTF-8 text' })
  })

  it('refuses a file over the cap by its size, without reading it', async () => {
    const dir = await scratch()
    await writeFile(join(dir, 'big.txt'), 'x'.repeat(3000))
    expect(await problemOf(readTextFile(join(dir, 'big.txt'), 2048))).toEqual({ code: 'invalid-file', file: 'big.txt', message: 'file is 3 KB, more than the 2 KB limit' })
  })

  it('refuses a folder and a missing file', async () => {
    const dir = await scratch()
    await mkdir(join(dir, 'sub.txt'))
    expect(await problemOf(readTextFile(join(dir, 'sub.txt')))).toMatchObject({ file: 'sub.txt', message: 'is a folder, expected a file' })
    expect(await problemOf(readTextFile(join(dir, 'gone.txt')))).toMatchObject({ code: 'unreadable', file: 'gone.txt', message: 'file not found' })
  })

  // /dev/zero reports size 0 and never ends: a stat-only cap reads it until memory runs out.
  it.skipIf(!posix || !existsSync('/dev/zero'))('refuses a symlink to /dev/zero at once, by the link name', async () => {
    const dir = await scratch()
    await symlink('/dev/zero', join(dir, 'zero.yaml'))
    expect(await problemOf(readTextFile(join(dir, 'zero.yaml')))).toEqual({ code: 'invalid-file', file: 'zero.yaml', message: 'is a device, expected a regular file' })
  })

  // A plain open() of a FIFO blocks until some process opens it for writing: here, forever.
  it.skipIf(!posix)('refuses a FIFO without waiting for a writer', async () => {
    const dir = await scratch()
    execFileSync('mkfifo', [join(dir, 'pipe.txt')])
    expect(await problemOf(readTextFile(join(dir, 'pipe.txt')))).toEqual({
      code: 'invalid-file',
      file: 'pipe.txt',
      message: 'is a named pipe (FIFO), expected a regular file'
    })
  }, 20_000)

  // Files under /proc are regular files that report size 0, so only a cap applied while
  // reading can stop them.
  it.skipIf(process.platform !== 'linux')('enforces the cap on the bytes read, not on the size stat reports', async () => {
    expect(await problemOf(readTextFile('/proc/self/maps', 1024))).toEqual({ code: 'invalid-file', file: 'maps', message: 'file is more than the 1 KB limit' })
  })
})
