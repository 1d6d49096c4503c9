// A workspace path that is not a regular file (a named pipe, a link to /dev/zero) must fail at
// once with an error naming the file: never a hang, never an unbounded read.
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtemp, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../../../src-main/cli/main'
import type { Out } from '../../../../src-main/cli/output'
import { WorkspaceStore } from '../../../../src-main/core/workspace/store'

const posix = process.platform !== 'win32'

async function check(file: string): Promise<{ code: number; stdout: string }> {
  let stdout = ''
  const out: Out = { stdout: (t) => (stdout += t), stderr: () => undefined, color: false }
  return { code: await main(['workspace', 'check', file, '--json'], out), stdout }
}

/** Fails the test instead of hanging it: the bound is generous, the old code never returned. */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms).unref())])
}

describe.runIf(posix)('a workspace path that is not a regular file', () => {
  it('a named pipe: opening fails at once, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-special-'))
    const fifo = join(dir, 'pipe.json')
    execFileSync('mkfifo', [fifo])
    await expect(within(10_000, new WorkspaceStore(fifo).open())).rejects.toThrow('pipe.json: is a named pipe (FIFO), expected a regular file')
    const r = await within(10_000, check(fifo))
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false, problem: 'is a named pipe (FIFO), expected a regular file' })
  }, 30_000)

  it('a symlink to /dev/zero: fails at once instead of reading without end', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-special-'))
    const zero = join(dir, 'zero.json')
    await symlink('/dev/zero', zero)
    await expect(within(10_000, new WorkspaceStore(zero).open())).rejects.toThrow('zero.json: is a device, expected a regular file')
    const r = await within(10_000, check(zero))
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false, problem: 'is a device, expected a regular file' })
  }, 30_000)
})
