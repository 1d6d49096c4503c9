import { describe, expect, it } from 'vitest'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../../../src-main/cli/main'
import type { Out } from '../../../../src-main/cli/output'
import type { Comparison } from '../../../../src-main/core/compare/types'
import { createServices } from '../../../../src-main/services'

const ROOT = join(__dirname, '../../../..')
const DRAFTS = join(ROOT, 'test/fixtures/drafts')

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'clausewise-pairing-'))
  const workspacePath = join(dir, 'review.clausewise.json')
  return { workspacePath, services: createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: DRAFTS, workspacePath }) }
}

const row = (c: Comparison, heading: string) => c.clauses.find((r) => r.heading === heading)!

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const out: Out = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false }
  return { code: await main(argv, out), stdout, stderr }
}

describe('pairing overrides', () => {
  it('pairs, unpairs and resets a row; each is saved, applied in both directions, and undoable', async () => {
    const { services, workspacePath } = await setup()
    const { compare, history } = services
    const before = await compare.compare('draft-jan', 'draft-mar')
    const publicity = row(before, 'Publicity')
    const protection = row(before, 'Data protection')
    expect([publicity.status, protection.status]).toEqual(['removed', 'added'])

    // "Pair with…": the removed Publicity clause with the added Data protection clause.
    const args = { baseId: 'draft-jan', targetId: 'draft-mar', base: [publicity.clauseId], target: [protection.clauseId] }
    await history.record('Pair clauses', () => compare.setPairing({ ...args, mode: 'pair' }))
    const paired = await compare.compare('draft-jan', 'draft-mar')
    // Publicity stood after Liability; Data protection stands before it: the pair moved.
    expect(row(paired, 'Data protection')).toMatchObject({ status: 'moved', edited: true, match: { by: 'manual', confidence: 1, reason: 'set by a reviewer' } })
    expect(paired.summary.added + paired.summary.removed).toBe(before.summary.added + before.summary.removed - 2)
    // The same link seen from the other side.
    const reverse = await compare.compare('draft-mar', 'draft-jan')
    expect(row(reverse, 'Publicity')).toMatchObject({ status: 'moved', match: { by: 'manual' } })
    const saved = JSON.parse(await readFile(workspacePath, 'utf8'))
    expect(saved.pairings).toEqual([expect.objectContaining({ baseVersionId: 'draft-jan', targetVersionId: 'draft-mar', base: [publicity.clauseId], target: [protection.clauseId] })])

    // "Unpair" on the same row replaces the link: both clauses now stand alone.
    await history.record('Unpair clauses', () => compare.setPairing({ ...args, mode: 'unpair' }))
    const unpaired = await compare.compare('draft-jan', 'draft-mar')
    expect(row(unpaired, 'Publicity')).toMatchObject({ status: 'removed', match: { by: 'manual', reason: 'kept unpaired by a reviewer' } })
    expect(JSON.parse(await readFile(workspacePath, 'utf8')).pairings).toHaveLength(2)

    // Undo twice: back to the automatic pairing, with nothing saved.
    await history.undo()
    expect(row(await compare.compare('draft-jan', 'draft-mar'), 'Data protection').match?.by).toBe('manual')
    await history.undo()
    expect(row(await compare.compare('draft-jan', 'draft-mar'), 'Data protection').status).toBe('added')
    expect(JSON.parse(await readFile(workspacePath, 'utf8')).pairings).toEqual([])
    await history.redo()
    expect(row(await compare.compare('draft-jan', 'draft-mar'), 'Data protection').match?.by).toBe('manual')

    // "Automatic" forgets it.
    await compare.setPairing({ ...args, mode: 'auto' })
    expect(row(await compare.compare('draft-jan', 'draft-mar'), 'Data protection').status).toBe('added')
  })

  it('refuses a pairing naming an unknown clause or version, or one clause twice, and saves nothing', async () => {
    const { services, workspacePath } = await setup()
    const base = { baseId: 'draft-jan', targetId: 'draft-mar', mode: 'pair' as const }
    await expect(services.compare.setPairing({ ...base, base: ['c-000000000000'], target: [] })).rejects.toThrow(/"pair" needs at least one base and one target clause/)
    const c = await services.compare.compare('draft-jan', 'draft-mar')
    const t = row(c, 'Data protection').clauseId
    await expect(services.compare.setPairing({ ...base, base: ['c-000000000000'], target: [t] })).rejects.toThrow('version "draft-jan" has no clause "c-000000000000"')
    await expect(services.compare.setPairing({ ...base, baseId: 'nope', base: ['x'], target: [t] })).rejects.toThrow(/no version with id "nope"/)
    await expect(services.compare.setPairing({ ...base, base: [row(c, 'Publicity').clauseId], target: [t, t] })).rejects.toThrow(`clause "${t}" is named twice`)
    await expect(readFile(workspacePath)).rejects.toThrow(/ENOENT/)
  })

  it('a pairing made in the app is applied by `clausewise compare --workspace --json`; a stale one is reported and the rest still apply', async () => {
    const { services, workspacePath } = await setup()
    const c = await services.compare.compare('draft-jan', 'draft-mar')
    await services.compare.setPairing({ baseId: 'draft-jan', targetId: 'draft-mar', base: [row(c, 'Publicity').clauseId], target: [row(c, 'Data protection').clauseId], mode: 'pair' })

    const plain = await cli('compare', '--models-dir', DRAFTS, '--base', 'draft-jan', '--target', 'draft-mar', '--json')
    expect(row(JSON.parse(plain.stdout), 'Data protection').status).toBe('added')
    const applied = await cli('compare', '--models-dir', DRAFTS, '--base', 'draft-jan', '--target', 'draft-mar', '--json', '--workspace', workspacePath)
    expect(applied.code).toBe(0)
    expect(applied.stderr).toBe('')
    const json = JSON.parse(applied.stdout)
    expect(row(json, 'Data protection')).toMatchObject({ match: { by: 'manual', confidence: 1 }, baseClauses: [{ label: '8', heading: 'Publicity' }], targetClauses: [{ label: '5', heading: 'Data protection' }] })

    // A link to a clause the model no longer has (the draft was edited): reported, not applied, kept.
    const ws = JSON.parse(await readFile(workspacePath, 'utf8'))
    ws.pairings.unshift({ ...ws.pairings[0], id: 'stale-1', base: ['c-0123456789ab'] })
    await writeFile(workspacePath, JSON.stringify(ws))
    const stale = await cli('compare', '--models-dir', DRAFTS, '--base', 'draft-jan', '--target', 'draft-mar', '--json', '--workspace', workspacePath)
    expect(stale.code).toBe(0)
    expect(stale.stderr).toMatch(/^clausewise: The saved pairing c-0123456789ab → c-[0-9a-f]{12} was not applied: clause "c-0123456789ab" is not in draft-jan/)
    expect(row(JSON.parse(stale.stdout), 'Data protection').match?.by).toBe('manual')
    expect(JSON.parse(await readFile(workspacePath, 'utf8')).pairings).toHaveLength(2)

    // "Forget these pairings" removes only the stale one, undoably.
    const reopened = createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: DRAFTS, workspacePath })
    expect(await reopened.history.record('Forget stale pairings', () => reopened.compare.forgetStale('draft-mar', 'draft-jan'))).toEqual({ removed: 1 })
    expect(JSON.parse(await readFile(workspacePath, 'utf8')).pairings.map((p: { id: string }) => p.id)).not.toContain('stale-1')
    expect((await reopened.compare.compare('draft-jan', 'draft-mar')).notices).toEqual([])
    expect(await reopened.compare.forgetStale('draft-jan', 'draft-mar')).toEqual({ removed: 0 })
    await reopened.history.undo()
    expect((await reopened.compare.compare('draft-jan', 'draft-mar')).notices).toHaveLength(1)

    const missing = await cli('compare', '--models-dir', DRAFTS, '--base', 'draft-jan', '--target', 'draft-mar', '--workspace', join(workspacePath, '..', 'nope.json'))
    expect(missing).toMatchObject({ code: 1, stdout: '' })
    expect(missing.stderr).toMatch(/workspace file not found/)
  })

  it('prints split, merged, renumbered and doubtful rows in words', async () => {
    const { stdout, code } = await cli('compare', '--models-dir', DRAFTS, '--base', 'draft-jan', '--target', 'draft-mar')
    expect(code).toBe(0)
    expect(stdout).toMatch(/1 split · 1 merged · \d+ unchanged · \d+ renumbered · 1 to check/)
    expect(stdout).toContain('[split into 3] Fees and payment [3 → 4.1, 4.2, 4.3]')
    expect(stdout).toContain('[merged from 2] Warranties and disclaimer [5, 6 → 7]')
    expect(stdout).toMatch(/\[modified\] Liability \[7 → 8\] \(c-[0-9a-f]+\)\n {2}CHECK PAIRING — similar wording 0\.\d\d/)
  })
})
