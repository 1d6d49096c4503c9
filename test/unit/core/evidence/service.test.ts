import { describe, expect, it } from 'vitest'
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EvidenceService } from '../../../../src-main/core/evidence/service'
import { FolderLibrary } from '../../../../src-main/core/library'
import { WorkspaceStore } from '../../../../src-main/core/workspace/store'

const ROOT = join(__dirname, '../../../..')

async function setup(sourcesDir = join(ROOT, 'resources/sources')) {
  const dir = await mkdtemp(join(tmpdir(), 'clausewise-evidence-'))
  const path = join(dir, 'work.clausewise.json')
  const library = new FolderLibrary({ sourcesDir, modelsDir: join(ROOT, 'resources/models') })
  return { path, library, service: new EvidenceService(library, new WorkspaceStore(path)) }
}

const NO_LONGER = 'this license is no longer exclusive'
const THROUGH_2030 = "Microsoft retains exclusive access to OpenAI's intellectual property and models through 2030."

describe('EvidenceService', () => {
  it('cites the April 2026 article as supporting and Windows Central as contradicting: both anchor, the clause is a conflict', async () => {
    const { service, path } = await setup()
    await service.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', quote: NO_LONGER, stance: 'supports' })
    const contra = await service.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'windows-central', quote: THROUGH_2030, stance: 'contradicts', note: 'says 2030' })
    expect(contra.quote.exact).toBe('Microsoft retains exclusive access to OpenAI’s intellectual property and models through 2030.')
    const report = await new EvidenceService(new FolderLibrary({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models') }), new WorkspaceStore(path)).report()
    expect(report.citations.map((c) => c.orphan)).toEqual([false, false])
    expect(report.clauses).toEqual([{ versionId: '2026-04', clauseId: 'ip-licence', supports: 1, contradicts: 1, context: 0, conflict: true }])
  })

  it('refuses a quote that is not in the source and writes nothing', async () => {
    const { service, path } = await setup()
    await expect(service.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'insights', quote: 'Microsoft owns OpenAI outright', stance: 'supports' })).rejects.toThrow(/quote is not in source "insights"/)
    await expect(readFile(path)).rejects.toThrow(/ENOENT/)
  })

  it('refuses an ambiguous quote, an unknown clause, version or source', async () => {
    const { service } = await setup()
    await expect(service.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'windows-central', quote: 'through 2030', stance: 'supports' })).rejects.toThrow(/occurs \d+ times/)
    await expect(service.cite({ versionId: '2026-04', clauseId: 'nope', sourceId: 'insights', quote: 'Their answer was no.', stance: 'supports' })).rejects.toThrow('version "2026-04" has no clause "nope"')
    await expect(service.cite({ versionId: '1999', clauseId: 'ip-licence', sourceId: 'insights', quote: 'x', stance: 'supports' })).rejects.toThrow('no version with id "1999"')
    await expect(service.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'nope', quote: 'x', stance: 'supports' })).rejects.toThrow('no source with id "nope"')
  })

  it('re-anchors after the source is edited, and lists a deleted passage as an orphan', async () => {
    const sources = await mkdtemp(join(tmpdir(), 'clausewise-sources-'))
    await cp(join(ROOT, 'resources/sources'), sources, { recursive: true })
    const { path, library } = await setup(sources)
    const cited = await new EvidenceService(library, new WorkspaceStore(path)).cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', quote: NO_LONGER, stance: 'supports' })

    const file = join(sources, '003_b95eaca9fd62c0ab.txt')
    const original = await readFile(file, 'utf8')
    await writeFile(file, original.replace('Microsoft retains a license', 'As reported earlier this week, Microsoft retains a license').replace('no longer exclusive', 'no longer exclusiv'))
    const fresh = () => new EvidenceService(new FolderLibrary({ sourcesDir: sources, modelsDir: join(ROOT, 'resources/models') }), new WorkspaceStore(path))
    const moved = (await fresh().report()).citations[0]!
    expect(moved).toMatchObject({ id: cited.id, orphan: false, fuzzy: true })
    expect(moved.start).toBeGreaterThan(cited.start!)

    await writeFile(file, original.replace(/Microsoft retains a license[^.]*\./, ''))
    const gone = (await fresh().report()).citations[0]!
    expect(gone).toMatchObject({ id: cited.id, orphan: true, start: null, end: null })
    expect(gone.quote.exact).toBe(NO_LONGER)
  })

  it('edits and deletes citations, and refuses unknown ids', async () => {
    const { service } = await setup()
    const c = await service.cite({ versionId: '2025-10', clauseId: 'equity-stake', sourceId: 'lean-thomas', quote: 'roughly 27% stake in OpenAI', stance: 'supports' })
    const edited = await service.update(c.id, { stance: 'context', note: '  valuation  ' })
    expect(edited).toMatchObject({ stance: 'context', note: 'valuation' })
    await service.remove(c.id)
    expect((await service.report()).citations).toEqual([])
    await expect(service.remove(c.id)).rejects.toThrow(/no citation with id/)
  })

  it('sets a damaged workspace aside, never overwriting it, and carries on', async () => {
    const { service, path } = await setup()
    const damaged = '{"format": "clausewise-workspace", "schemaVersion": 2, "citations": [{"id": 1}]}'
    await writeFile(path, damaged)
    await service.cite({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', quote: NO_LONGER, stance: 'supports' })
    const { readdir } = await import('node:fs/promises')
    const aside = (await readdir(join(path, '..'))).filter((f) => f.startsWith('work.clausewise.json.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(path, '..', aside[0]!), 'utf8')).toBe(damaged)
  })

})
