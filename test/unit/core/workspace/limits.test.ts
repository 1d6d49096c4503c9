import { describe, expect, it } from 'vitest'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatch } from '../../../../src-main/api/handlers'
import { MAX_NOTE_CHARS, MAX_REVIEWER_CHARS } from '../../../../src-main/core/workspace/schema'
import { createServices } from '../../../../src-main/services'

const ROOT = join(__dirname, '../../../..')
const CITE = { versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', stance: 'supports', start: 1497, end: 1532 }

describe('field limits at the API', () => {
  it('refuses a 150,000-character note and a 300-character reviewer name, naming the limit, with the workspace unchanged', async () => {
    const workspacePath = join(await mkdtemp(join(tmpdir(), 'clausewise-limits-')), 'w.json')
    const dispatch = createDispatch(createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath }))
    const cited = await dispatch('cite', CITE)
    expect(cited.ok).toBe(true)
    const before = await readFile(workspacePath, 'utf8')

    expect(await dispatch('cite', { ...CITE, note: 'n'.repeat(150_000) })).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'cite: note: is longer than 100,000 characters' } })
    const id = cited.ok ? (cited.value as { id: string }).id : ''
    expect(await dispatch('updateCitation', { id, note: 'n'.repeat(150_000) })).toMatchObject({ ok: false, error: { message: 'updateCitation: note: is longer than 100,000 characters' } })
    expect(await dispatch('updateSettings', { reviewerName: 'r'.repeat(300) })).toEqual({ ok: false, error: { code: 'invalid-argument', message: 'updateSettings: reviewerName: is longer than 200 characters' } })
    expect(await readFile(workspacePath, 'utf8')).toBe(before)

    // The limits are the file's own: a value at the limit is accepted and reads back.
    expect(await dispatch('updateCitation', { id, note: 'n'.repeat(MAX_NOTE_CHARS) })).toMatchObject({ ok: true })
    expect(await dispatch('updateSettings', { reviewerName: 'r'.repeat(MAX_REVIEWER_CHARS) })).toMatchObject({ ok: true })
    const reopened = createDispatch(createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath }))
    expect(await reopened('getWorkspaceStatus', undefined)).toMatchObject({ ok: true, value: { notices: [], citations: 1 } })
  })
})
