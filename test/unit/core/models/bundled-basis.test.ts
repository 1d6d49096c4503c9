// The bundled models say only what the articles say: every term a version states names the
// passages that state it, each found word for word in its source, and the CLI passes them on.
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { FolderLibrary } from '../../../../src-main/core/library'
import type { Basis, Clause, Version } from '../../../../src-main/core/models/types'
import type { Source } from '../../../../src-main/core/sources/types'
import { fold } from '../../../../src-main/core/text/fold'
import { main } from '../../../../src-main/cli/main'
import type { Out } from '../../../../src-main/cli/output'

const ROOT = join(__dirname, '../../../..')
const library = new FolderLibrary({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models') })

/** Typography, case and runs of whitespace folded, as the loader compares a quote with its source. */
const folded = (s: string): string => fold(s.replace(/\s+/g, ' ').trim())

async function load(): Promise<{ versions: Version[]; sources: Source[] }> {
  const [{ versions, problems }, { sources, problems: sourceProblems }] = await Promise.all([library.loadModels(), library.loadSources()])
  expect([...sourceProblems, ...problems]).toEqual([])
  return { versions, sources }
}

const own = (v: Version): Clause[] => v.clauses.filter((c) => c.carriedFrom === undefined)
const clause = (v: Version, id: string): Clause | undefined => v.clauses.find((c) => c.id === id)
const byId = (versions: Version[], id: string): Version => versions.find((v) => v.id === id)!

describe('the bundled models’ basis', () => {
  it('loads with no problem, and every clause a version states has one to three passages that anchor in their source', async () => {
    const { versions, sources } = await load()
    expect(versions.map((v) => v.id)).toEqual(['2019', '2025-01', '2025-10', '2026-02', '2026-04'])
    const text = new Map(sources.map((s) => [s.id, s.text]))
    for (const v of versions) {
      expect(own(v).length).toBeGreaterThan(0)
      for (const c of own(v)) {
        const where = `${v.id} ${c.id}`
        expect(c.basis?.length ?? 0, where).toBeGreaterThanOrEqual(1)
        expect(c.basis!.length, where).toBeLessThanOrEqual(3)
        for (const b of c.basis!) {
          expect(text.has(b.sourceId), `${where}: ${b.sourceId}`).toBe(true)
          expect(b.start, `${where}: ${b.quote}`).not.toBeNull()
          expect(b.end, `${where}: ${b.quote}`).not.toBeNull()
          expect(folded(text.get(b.sourceId)!.slice(b.start!, b.end!)), where).toBe(folded(b.quote))
        }
      }
    }
  })

  it('keeps a carried-over term’s text and basis as the version it comes from states them', async () => {
    const { versions } = await load()
    for (const v of versions) {
      for (const c of v.clauses.filter((x) => x.carriedFrom !== undefined)) {
        const from = clause(byId(versions, c.carriedFrom!), c.id)
        expect(from?.carriedFrom, `${v.id} ${c.id}`).toBeUndefined()
        expect(c.text).toBe(from!.text)
        expect(c.basis).toEqual(from!.basis)
      }
    }
  })

  it('states for October 2025 only what an article reports for it: the cloud terms, compute elsewhere and third-party partnerships carry over', async () => {
    const { versions } = await load()
    const october = byId(versions, '2025-10')
    expect(october.title).toBe('October 2025 agreement')
    expect(own(october).map((c) => c.id)).toEqual(['equity-stake', 'stateless-api', 'ip-licence', 'revenue-share-to-microsoft', 'agi-clause', 'frontier-model-access', 'open-weight-and-non-api'])
    for (const id of ['cloud-exclusivity', 'right-of-first-refusal', 'compute-elsewhere', 'azure-use']) expect(clause(october, id)?.carriedFrom, id).toBe('2025-01')
    expect(clause(october, 'first-party-hosting')).toBeUndefined()
  })

  it('does not read the April 2026 article backwards into October 2025 and February 2026', async () => {
    const { versions, sources } = await load()
    const april = sources.find((s) => s.id === 'hamidun-news')!.text
    for (const id of ['2025-10', '2026-02']) {
      const v = byId(versions, id)
      expect(clause(v, 'revenue-share-to-openai'), id).toBeUndefined()
      expect(v.clauses.filter((c) => /\bdepend/i.test(c.text)).map((c) => c.id), id).toEqual([])
      // The April article is a basis for these versions only in its paragraph on October 2025.
      for (const b of own(v).flatMap((c) => c.basis!).filter((x) => x.sourceId === 'hamidun-news')) {
        const paragraph = april.slice(april.lastIndexOf('\n', b.start!) + 1, april.indexOf('\n', b.end!))
        expect(paragraph, b.quote).toContain('October 28, 2025')
      }
    }
  })

  it('keeps the February 2026 disagreement on the IP licence’s term visible: 2030 and 2032, each with the article that gives it', async () => {
    const { versions } = await load()
    const ip = clause(byId(versions, '2026-02'), 'ip-licence')!
    expect(ip.text).toMatch(/through 2030\b.*until 2032\b/s)
    const giving = (year: string): Basis[] => ip.basis!.filter((b) => b.quote.includes(year))
    expect(giving('2030').map((b) => b.sourceId)).toEqual(['windows-central'])
    expect(giving('2032').map((b) => b.sourceId)).toEqual(['lean-thomas'])
  })

  it('gives April 2026’s cloud terms as the article words them: its own products, the one exception, "should still prioritize"', async () => {
    const { versions } = await load()
    const april = byId(versions, '2026-04')
    expect(clause(april, 'cloud-exclusivity')!.text).toMatch(/when it comes to delivering its own products.*only one exception: if Microsoft cannot or does not want to support/s)
    expect(clause(april, 'first-party-hosting')!.text).toBe("OpenAI's products should still prioritize launching on Azure.")
  })

  it('adds what February 2026’s articles report: Amazon’s distribution of Frontier and stateful runtime, APIs bought from either, a new Azure commitment', async () => {
    const { versions } = await load()
    const feb = byId(versions, '2026-02')
    expect(clause(feb, 'amazon-partnership')!.text).toMatch(/stateful runtime environment.*Amazon Bedrock.*exclusive third-party cloud distributor for OpenAI's Frontier/s)
    expect(clause(feb, 'stateless-api')!.text).toContain('can be purchased from OpenAI or from Microsoft')
    expect(clause(feb, 'first-party-azure-commitment')!.basis!.map((b) => b.sourceId)).toEqual(['windows-central'])
    expect(clause(byId(versions, '2019'), 'revenue-sharing')!.basis!.map((b) => b.sourceId)).toEqual(['lean-thomas'])
  })

  it('removes no term, since no article says one ended', async () => {
    const { versions } = await load()
    expect(versions.flatMap((v) => v.removed ?? [])).toEqual([])
  })
})

describe('clausewise versions --json', () => {
  it('gives every clause of every version its basis, anchored, carried-over ones with the version they come from', async () => {
    let stdout = ''
    let stderr = ''
    const out: Out = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false }
    expect(await main(['versions', '--json'], out)).toBe(0)
    expect(stderr).toBe('')
    const versions = JSON.parse(stdout) as Array<{ id: string; clauses: Array<{ id: string; carriedFrom?: string; basis?: Array<{ sourceId: string; quote: string; start: number | null; end: number | null }> }> }>
    expect(versions).toHaveLength(5)
    let carried = 0
    for (const v of versions) {
      for (const c of v.clauses) {
        expect(c.basis?.length ?? 0, `${v.id} ${c.id}`).toBeGreaterThanOrEqual(1)
        for (const b of c.basis!) {
          expect(b.sourceId).toMatch(/^[a-z-]+$/)
          expect(b.quote.length).toBeGreaterThan(0)
          expect(typeof b.start).toBe('number')
          expect(typeof b.end).toBe('number')
        }
        if (c.carriedFrom !== undefined) carried++
      }
    }
    expect(carried).toBeGreaterThan(0)
  })
})
