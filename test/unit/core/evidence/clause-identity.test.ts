import { describe, expect, it } from 'vitest'
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices } from '../../../../src-main/services'

const ROOT = join(__dirname, '../../../..')
const DRAFTS = join(ROOT, 'test/fixtures/drafts')
const QUOTE = 'Microsoft retains exclusive access'

describe('a citation of a clause without an id', () => {
  it('stays on its clause when the draft is renumbered and a clause is inserted before it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-identity-'))
    const models = join(dir, 'models')
    await mkdir(models)
    await copyFile(join(DRAFTS, '2026-01-draft.yaml'), join(models, 'draft.yaml'))
    const services = () => createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: models, workspacePath: join(dir, 'review.clausewise.json') })

    const before = await services().library.version('draft-jan')
    const confidentiality = before.clauses.find((c) => c.heading === 'Confidentiality')!
    expect(confidentiality.label).toBe('4')
    await services().evidence.cite({ versionId: 'draft-jan', clauseId: confidentiality.id, sourceId: 'windows-central', quote: QUOTE, stance: 'context' })

    // The draft is re-issued: a new clause 2 goes in, everything after it is renumbered.
    const text = await readFile(join(models, 'draft.yaml'), 'utf8')
    const renumbered = text
      .replace(/label: "(\d+)"/g, (_m, n: string) => `label: "${Number(n) >= 2 ? Number(n) + 1 : n}"`)
      .replace('  - label: "3"\n    heading: Services', '  - label: "2"\n    heading: Scope\n    text: This Agreement covers the hosting services only.\n  - label: "3"\n    heading: Services')
    expect(renumbered).not.toBe(text)
    await writeFile(join(models, 'draft.yaml'), renumbered)

    const after = services()
    const version = await after.library.version('draft-jan')
    expect(version.clauses.find((c) => c.heading === 'Scope')?.label).toBe('2')
    const [citation] = (await after.evidence.report()).citations
    const clause = version.clauses.find((c) => c.id === citation!.clauseId)!
    // Same clause, new number: the citation follows the clause, not "4" (now Fees and payment).
    expect(clause).toMatchObject({ heading: 'Confidentiality', label: '5', text: confidentiality.text })
    expect(version.clauses.find((c) => c.label === '4')!.heading).toBe('Fees and payment')
  })
})
