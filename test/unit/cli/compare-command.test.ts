import { describe, expect, it } from 'vitest'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { syntheticPair, toModelYaml } from '../../../bench/synthetic'
import { runCli } from '../../support/run-cli'

interface JsonComparison {
  summary: Record<string, number>
  clauses: Array<{ clauseId: string; status: string; base: { text: string } | null; target: { text: string } | null; parts: Array<{ op: string; text: string }> }>
}

const run = runCli

function checkInvariant(c: JsonComparison): void {
  for (const clause of c.clauses) {
    expect(clause.parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(clause.base?.text ?? '')
    expect(clause.parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(clause.target?.text ?? '')
  }
}

describe('clausewise compare', () => {
  it('prints the JSON redline of October 2025 → April 2026 with consistent counts', async () => {
    const { code, stdout, stderr } = await run('compare', '--base', '2025-10', '--target', '2026-04', '--json')
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const c = JSON.parse(stdout) as JsonComparison
    checkInvariant(c)
    for (const status of ['unchanged', 'modified', 'added', 'removed', 'moved']) {
      expect(c.summary[status]).toBe(c.clauses.filter((x) => x.status === status).length)
    }
    expect(c.summary['carriedOver']).toBe(c.clauses.filter((x) => x.status === 'carried-over').length)
    const ip = c.clauses.find((x) => x.clauseId === 'ip-licence')!
    expect(ip.parts).toContainEqual({ op: 'delete', text: "exclusive rights to OpenAI's intellectual property in its " })
    expect(ip.parts).toContainEqual({ op: 'insert', text: 'licence is no longer exclusive' })
  })

  it('keeps the invariant for every ordered pair of bundled versions, through the JSON', async () => {
    const ids = ['2019', '2025-01', '2025-10', '2026-02', '2026-04']
    for (const base of ids) {
      for (const target of ids) {
        if (base === target) continue
        const { code, stdout } = await run('compare', '--base', base, '--target', target, '--json', '--granularity', 'char', '--ignore-case')
        expect(code).toBe(0)
        checkInvariant(JSON.parse(stdout) as JsonComparison)
      }
    }
  })

  it('prints a readable redline with [-deleted-] and {+inserted+} markers when colour is off', async () => {
    const { stdout } = await run('compare', '--base', '2025-10', '--target', '2026-04')
    expect(stdout).toContain('Comparing 28 October 2025 (2025-10) → 27 April 2026 (2026-04)')
    expect(stdout).toContain("Microsoft holds [-exclusive rights to OpenAI's intellectual property in its -]{+a licence to OpenAI's +}models")
  })

  it('names the version a carried-over term comes from by its date, as the app does', async () => {
    const { stdout } = await run('compare', '--base', '2025-10', '--target', '2026-02')
    expect(stdout).toContain('Equity stake (equity-stake): carried over from 28 October 2025 (not restated)')
    expect(stdout).toContain('Investment (investment): carried over from 2019 (not restated)')
    expect(stdout).not.toMatch(/carried over from 20\d\d-\d\d/)
  })

  it('answers bad input clearly', async () => {
    expect(await run('compare', '--base', '2025-10', '--target', 'nope')).toMatchObject({ code: 1, stderr: expect.stringContaining('no version with id "nope"; known versions: 2019, 2025-01') })
    expect(await run('compare', '--base', '2025-10', '--target', '2025-10')).toMatchObject({ code: 1, stderr: expect.stringContaining('same version') })
    expect(await run('compare', '--base', '2025-10')).toMatchObject({ code: 2, stderr: expect.stringContaining('compare needs --base ID|FILE and --target ID|FILE') })
    expect(await run('compare', '--base', 'a', '--target', 'b', '--granularity', 'line')).toMatchObject({ code: 2, stderr: expect.stringContaining('--granularity must be word or char') })
  })

  it('compares a 5,000-clause pair given with --models-dir', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-5k-'))
    const { base, target } = syntheticPair(5_000)
    await writeFile(join(dir, 'base.yaml'), toModelYaml(base))
    await writeFile(join(dir, 'target.yaml'), toModelYaml(target))
    const { code, stdout } = await run('compare', '--base', base.id, '--target', target.id, '--json', '--models-dir', dir)
    expect(code).toBe(0)
    const c = JSON.parse(stdout) as JsonComparison
    expect(c.clauses.length).toBeGreaterThan(5_000)
    expect(c.summary['moved']).toBeGreaterThan(50)
    checkInvariant(c)
  })
})
