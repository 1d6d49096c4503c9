import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { runCli } from '../../support/run-cli'

const ROOT = join(__dirname, '../../..')

const run = runCli

describe('clausewise sources', () => {
  it('prints only JSON on stdout: five sources with offsets that slice back', async () => {
    const { code, stdout, stderr } = await run('sources', '--json')
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const sources = JSON.parse(stdout) as Array<{ title: string; text: string; sentences: Array<{ start: number; end: number }> }>
    expect(sources).toHaveLength(5)
    for (const s of sources) {
      expect(s.title.length).toBeGreaterThan(0)
      for (const { start, end } of s.sentences) expect(s.text.slice(start, end).trim()).toBe(s.text.slice(start, end))
    }
  })

  it('prints a readable list without --json', async () => {
    const { stdout } = await run('sources')
    expect(stdout).toContain('5 sources')
    expect(stdout).toContain('Insights · Insights AI · 8 March 2026')
  })
})

describe('clausewise versions', () => {
  it('prints the versions in date order with their clauses', async () => {
    const { code, stdout } = await run('versions', '--json')
    expect(code).toBe(0)
    const versions = JSON.parse(stdout) as Array<{ id: string; clauses: unknown[] }>
    expect(versions.map((v) => v.id)).toEqual(['2019', '2025-01', '2025-10', '2026-02', '2026-04'])
    expect(versions.every((v) => v.clauses.length > 0)).toBe(true)
  })

  it('names a malformed file on stderr, exits 1 and still prints the good versions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-cli-'))
    await cp(join(ROOT, 'resources/models'), dir, { recursive: true })
    await writeFile(join(dir, 'zz-broken.yaml'), 'id: broken\nclauses: [\n')
    const { code, stdout, stderr } = await run('versions', '--json', '--models-dir', dir)
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toHaveLength(5)
    expect(stderr).toMatch(/^clausewise: zz-broken\.yaml:\d+: YAML syntax: /)
  })
})

// Files that used to hang the CLI (a FIFO), fill memory (/dev/zero) or take tens of seconds.
describe.skipIf(process.platform === 'win32')('hostile files', () => {
  it('versions: names a /dev/zero link, a FIFO and a YAML bomb, and still prints the five versions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-cli-'))
    await cp(join(ROOT, 'resources/models'), dir, { recursive: true })
    if (existsSync('/dev/zero')) await symlink('/dev/zero', join(dir, 'zero.yaml'))
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')])
    await writeFile(join(dir, 'deep.yaml'), `clauses: ${'['.repeat(100_000)}\n`)
    await writeFile(join(dir, 'items.yaml'), `clauses:\n${'  - 12345678901234567890\n'.repeat(650_000)}`)
    const { code, stdout, stderr } = await run('versions', '--json', '--models-dir', dir)
    expect(code).toBe(1)
    expect((JSON.parse(stdout) as Array<{ id: string }>).map((v) => v.id)).toEqual(['2019', '2025-01', '2025-10', '2026-02', '2026-04'])
    expect(stderr).toContain('clausewise: pipe.yaml: is a named pipe (FIFO), expected a regular file\n')
    if (existsSync('/dev/zero')) expect(stderr).toContain('clausewise: zero.yaml: is a device, expected a regular file\n')
    expect(stderr).toMatch(/^clausewise: deep\.yaml:1: nested too deeply/m)
    expect(stderr).toMatch(/^clausewise: items\.yaml:\d+: too large: more than 240,000 keys, values and list items/m)
  }, 60_000)

  it('sources: names a FIFO listed in the manifest and prints the other four', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-cli-'))
    await cp(join(ROOT, 'resources/sources'), dir, { recursive: true })
    await rm(join(dir, '001_473d66f20001489e.txt'))
    execFileSync('mkfifo', [join(dir, '001_473d66f20001489e.txt')])
    const { code, stdout, stderr } = await run('sources', '--sources-dir', dir)
    expect(code).toBe(1)
    expect(stdout).toContain('4 sources')
    expect(stderr).toBe('clausewise: 001_473d66f20001489e.txt: is a named pipe (FIFO), expected a regular file\n')
  }, 20_000)

  it('sources: names a FIFO in place of the manifest instead of hanging', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-cli-'))
    await cp(join(ROOT, 'resources/sources'), dir, { recursive: true })
    await rm(join(dir, 'manifest.yaml'))
    execFileSync('mkfifo', [join(dir, 'manifest.yaml')])
    const { code, stdout, stderr } = await run('sources', '--sources-dir', dir)
    expect(code).toBe(1)
    expect(stdout).toContain('0 sources')
    expect(stderr).toBe('clausewise: manifest.yaml: is a named pipe (FIFO), expected a regular file\n')
  }, 20_000)
})

describe('usage', () => {
  it('shows help', async () => {
    const { code, stdout } = await run('--help')
    expect(code).toBe(0)
    expect(stdout).toContain('Usage: clausewise <command>')
  })

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['sources', '--bogus'], "Unknown option '--bogus'"],
    [[], 'Usage:'],
    [['sources', 'extra'], 'unexpected argument "extra"']
  ])('rejects %j with exit 2', async (argv, message) => {
    const { code, stderr } = await run(...argv)
    expect(code).toBe(2)
    expect(stderr).toContain(message)
  })
})
