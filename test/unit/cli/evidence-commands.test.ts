import { describe, expect, it } from 'vitest'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../support/run-cli'

const run = runCli

describe('clausewise cite and evidence', () => {
  it('creates the workspace, cites both articles and reports the conflict', async () => {
    const ws = join(await mkdtemp(join(tmpdir(), 'clausewise-cli-')), 'review.json')
    const common = ['--workspace', ws, '--version', '2026-04', '--clause', 'ip-licence']
    expect((await run('cite', ...common, '--source', 'hamidun-news', '--quote', 'this license is no longer exclusive', '--stance', 'supports', '--reviewer', 'A. Reviewer')).code).toBe(0)
    const straight = "Microsoft retains exclusive access to OpenAI's intellectual property and models through 2030."
    expect((await run('cite', ...common, '--source', 'windows-central', '--quote', straight, '--stance', 'contradicts', '--note', 'says 2030')).code).toBe(0)

    const { code, stdout } = await run('evidence', '--workspace', ws, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as { citations: Array<Record<string, unknown>>; clauses: unknown[] }
    expect(report.citations).toHaveLength(2)
    expect(report.citations[0]).toMatchObject({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', stance: 'supports', reviewer: 'A. Reviewer', quote: 'this license is no longer exclusive', orphan: false })
    expect(report.citations[1]).toMatchObject({ stance: 'contradicts', note: 'says 2030', quote: 'Microsoft retains exclusive access to OpenAI’s intellectual property and models through 2030.', orphan: false })
    expect(Object.keys(report.citations[0]!).sort()).toEqual(['clauseId', 'end', 'id', 'note', 'orphan', 'quote', 'reviewer', 'sourceId', 'stance', 'start', 'versionId'])
    expect(report.clauses).toEqual([{ versionId: '2026-04', clauseId: 'ip-licence', supports: 1, contradicts: 1, context: 0, conflict: true }])
  })

  it('refuses a quote that is not in the source: exit 1, clear error, nothing written', async () => {
    const ws = join(await mkdtemp(join(tmpdir(), 'clausewise-cli-')), 'review.json')
    const r = await run('cite', '--workspace', ws, '--version', '2026-04', '--clause', 'ip-licence', '--source', 'insights', '--quote', 'Microsoft bought OpenAI', '--stance', 'supports')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('the quote is not in source "insights"')
    await expect(readFile(ws)).rejects.toThrow(/ENOENT/)
  })

  it('rejects a bad stance and missing options as usage errors', async () => {
    const ws = join(tmpdir(), 'never-written.json')
    expect(await run('cite', '--workspace', ws, '--version', '2026-04', '--clause', 'ip-licence', '--source', 'insights', '--quote', 'x', '--stance', 'maybe')).toMatchObject({ code: 2, stderr: expect.stringContaining('--stance must be one of supports, contradicts, context') })
    expect(await run('cite', '--workspace', ws)).toMatchObject({ code: 2 })
    expect(await run('evidence')).toMatchObject({ code: 2, stderr: expect.stringContaining('evidence needs --workspace FILE') })
  })

  it('names an unknown version and a damaged workspace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-cli-'))
    expect(await run('evidence', '--workspace', join(dir, 'w.json'), '--version', '1999', '--json')).toMatchObject({ code: 1, stderr: expect.stringContaining('no version with id "1999"') })
    const bad = join(dir, 'bad.json')
    await (await import('node:fs/promises')).writeFile(bad, '{ not json')
    const recovered = await run('evidence', '--workspace', bad, '--json')
    expect(recovered).toMatchObject({ code: 0, stderr: expect.stringMatching(/bad\.json could not be read \(not valid JSON.*no valid backup was found.*The damaged file is kept as bad\.json\.corrupt-/) })
    expect(JSON.parse(recovered.stdout)).toEqual({ citations: [], clauses: [] })
  })

  it('refuses a note or a reviewer name longer than the workspace holds, naming the limit, and writes nothing', async () => {
    const ws = join(await mkdtemp(join(tmpdir(), 'clausewise-cli-')), 'review.json')
    const common = ['--workspace', ws, '--version', '2026-04', '--clause', 'ip-licence', '--source', 'hamidun-news', '--quote', 'this license is no longer exclusive', '--stance', 'supports']
    expect((await run('cite', ...common)).code).toBe(0)
    const before = await readFile(ws, 'utf8')
    expect(await run('cite', ...common, '--note', 'n'.repeat(150_000))).toMatchObject({ code: 2, stderr: 'clausewise: --note is 150,000 characters, more than the limit of 100,000; nothing was written\n' })
    expect(await run('cite', ...common, '--reviewer', 'r'.repeat(300))).toMatchObject({ code: 2, stderr: 'clausewise: --reviewer is 300 characters, more than the limit of 200; nothing was written\n' })
    expect(await readFile(ws, 'utf8')).toBe(before)
    // At the limit is fine, and the next open reads it back.
    expect((await run('cite', ...common, '--note', 'n'.repeat(100_000))).code).toBe(0)
    const report = await run('evidence', '--workspace', ws, '--json')
    expect(report.stderr).toBe('')
    expect((JSON.parse(report.stdout) as { citations: Array<{ note: string }> }).citations.map((c) => c.note.length)).toEqual([0, 100_000])
  })
})
