import { describe, expect, it } from 'vitest'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../support/run-cli'

const run = runCli

async function workspaceWithTwoCitations(): Promise<{ dir: string; ws: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'clausewise-ws-'))
  const ws = join(dir, 'review.json')
  const common = ['--workspace', ws, '--version', '2026-04', '--clause', 'ip-licence']
  await run('cite', ...common, '--source', 'hamidun-news', '--quote', 'this license is no longer exclusive', '--stance', 'supports', '--note', 'the April article', '--reviewer', 'A. Reviewer')
  await run('cite', ...common, '--source', 'windows-central', '--quote', "Microsoft retains exclusive access to OpenAI's intellectual property and models through 2030.", '--stance', 'contradicts')
  return { dir, ws }
}

describe('annotation exchange', () => {
  it('exports to JSON-LD and imports into a fresh workspace with the same citations', async () => {
    const { dir, ws } = await workspaceWithTwoCitations()
    const out = join(dir, 'out.jsonld')
    expect((await run('export-annotations', '--workspace', ws, '--out', out)).code).toBe(0)
    const doc = JSON.parse(await readFile(out, 'utf8'))
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(doc.first.items[0].target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector'])
    const fresh = join(dir, 'fresh.json')
    const imported = await run('import-annotations', '--workspace', fresh, out, '--json')
    expect(JSON.parse(imported.stdout)).toEqual({ added: 2, updated: 0, skipped: [] })
    const before = JSON.parse(await readFile(ws, 'utf8')).citations
    const after = JSON.parse(await readFile(fresh, 'utf8')).citations
    expect(after).toEqual(before)
    // Importing again merges by id: nothing is duplicated.
    expect(JSON.parse((await run('import-annotations', '--workspace', fresh, out, '--json')).stdout)).toMatchObject({ added: 0, updated: 2 })
  })

  it('imports the valid entries and reports each skipped one with its reason', async () => {
    const { dir, ws } = await workspaceWithTwoCitations()
    const out = join(dir, 'out.jsonld')
    await run('export-annotations', '--workspace', ws, '--out', out)
    const [good] = JSON.parse(await readFile(out, 'utf8')).first.items
    const noSelector = { ...good, id: 'urn:uuid:no-selector', target: { source: good.target.source, selector: [] } }
    const unknownClause = { ...good, id: 'urn:uuid:unknown-clause', body: [{ type: 'SpecificResource', purpose: 'linking', source: 'urn:clausewise:version:2026-04#clause=no-such-clause' }, ...good.body.slice(1)] }
    const wrongTypes = { ...good, id: 42, body: 'supports' }
    const bad = join(dir, 'bad.jsonld')
    await writeFile(bad, JSON.stringify([good, noSelector, unknownClause, wrongTypes, 'not an annotation']))
    const fresh = join(dir, 'fresh.json')
    const result = JSON.parse((await run('import-annotations', '--workspace', fresh, bad, '--json')).stdout)
    expect(result.added).toBe(1)
    expect(result.skipped).toEqual([
      { index: 1, id: 'urn:uuid:no-selector', reason: 'target has no valid TextQuoteSelector' },
      { index: 2, id: 'urn:uuid:unknown-clause', reason: 'unknown clause 2026-04/no-such-clause' },
      { index: 3, id: null, reason: 'missing id' },
      { index: 4, id: null, reason: expect.stringMatching(/expected object/i) }
    ])
  })

  it('refuses a file that is not JSON, or 50 MB, and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-ws-'))
    const ws = join(dir, 'w.json')
    await writeFile(join(dir, 'text.jsonld'), 'this is not json')
    await writeFile(join(dir, 'huge.jsonld'), Buffer.alloc(50 * 1024 * 1024, 0x20))
    expect(await run('import-annotations', '--workspace', ws, join(dir, 'text.jsonld'))).toMatchObject({ code: 1, stderr: expect.stringContaining('text.jsonld: not JSON') })
    expect(await run('import-annotations', '--workspace', ws, join(dir, 'huge.jsonld'))).toMatchObject({ code: 1, stderr: expect.stringContaining('huge.jsonld: file is 50.0 MB, more than the 20.0 MB limit') })
    await expect(readFile(ws)).rejects.toThrow(/ENOENT/)
  })
})

describe('workspace check', () => {
  it('reports validity, schema, counts, conflicts and backups without changing anything', async () => {
    const { ws } = await workspaceWithTwoCitations()
    const before = await readFile(ws, 'utf8')
    const { code, stdout } = await run('workspace', 'check', ws, '--json')
    expect(code).toBe(0)
    const r = JSON.parse(stdout)
    expect(r).toMatchObject({ valid: true, schemaVersion: 4, status: 'current', citations: 2, orphans: 0, clausesWithConflict: 1, pairingOverrides: 0 })
    expect(r.backups.length).toBeGreaterThanOrEqual(2)
    expect(await readFile(ws, 'utf8')).toBe(before)
  })

  it('reports a truncated file as invalid, exit 1, and leaves it where it is', async () => {
    const { ws } = await workspaceWithTwoCitations()
    const text = await readFile(ws, 'utf8')
    await writeFile(ws, text.slice(0, 100))
    const { code, stdout } = await run('workspace', 'check', ws, '--json')
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject({ valid: false, problem: expect.stringMatching(/^not valid JSON/) })
    expect(await readFile(ws, 'utf8')).toBe(text.slice(0, 100))
  })

  it('reads with the same cap and decoding as opening: a BOM is fine, 70 MB and a Latin-1 byte are not', async () => {
    const { dir, ws } = await workspaceWithTwoCitations()
    const text = await readFile(ws, 'utf8')
    await writeFile(ws, '\ufeff' + text)
    expect(JSON.parse((await run('workspace', 'check', ws, '--json')).stdout)).toMatchObject({ valid: true, citations: 2 })

    await writeFile(ws, Buffer.from(text.replace('the April article', 'the April caf\u00e9'), 'latin1'))
    const latin1 = await run('workspace', 'check', ws, '--json')
    expect(latin1.code).toBe(1)
    expect(JSON.parse(latin1.stdout)).toMatchObject({ valid: false, problem: expect.stringMatching(/^not valid UTF-8: byte 0xE9 at offset \d+/) })

    // A valid workspace padded with whitespace to 70 MB: valid JSON, but more than any reader accepts.
    const huge = join(dir, 'huge.json')
    await writeFile(huge, text + ' '.repeat(70 * 1024 * 1024))
    const big = await run('workspace', 'check', huge, '--json')
    expect(big.code).toBe(1)
    expect(JSON.parse(big.stdout)).toMatchObject({ valid: false, problem: 'workspace is 70.0 MB, larger than the 64 MB limit' })
  }, 60_000)
})
