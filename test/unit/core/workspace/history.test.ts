import { describe, expect, it } from 'vitest'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDispatch } from '../../../../src-main/api/handlers'
import { createServices } from '../../../../src-main/services'
import { WorkspaceStore } from '../../../../src-main/core/workspace/store'

const ROOT = join(__dirname, '../../../..')

async function setup() {
  const workspacePath = join(await mkdtemp(join(tmpdir(), 'clausewise-history-')), 'w.json')
  const services = createServices({ sourcesDir: join(ROOT, 'resources/sources'), modelsDir: join(ROOT, 'resources/models'), workspacePath })
  const dispatch = createDispatch(services)
  const call = async (method: string, args?: unknown) => {
    const r = await dispatch(method, args)
    if (!r.ok) throw new Error(r.error.message)
    return r.value as Record<string, unknown>
  }
  const saved = async () => JSON.parse(await readFile(workspacePath, 'utf8')) as { citations: Array<{ id: string; note: string }>; settings: { reviewerName: string } }
  return { call, saved, workspacePath }
}

const CITE = { versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', stance: 'supports', start: 1497, end: 1532 }

describe('undo and redo', () => {
  it('undoes and redoes adding, editing and deleting citations, each saved to the file', async () => {
    const { call, saved } = await setup()
    const { id } = await call('cite', CITE)
    await call('updateCitation', { id, note: 'first note' })
    await call('updateCitation', { id, note: 'second note' })
    expect(await call('getHistory')).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Edit citation', redoLabel: null })

    await call('undo')
    expect((await saved()).citations[0]!.note).toBe('first note')
    await call('undo')
    await call('undo')
    expect((await saved()).citations).toEqual([])
    expect(await call('getHistory')).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'Add citation' })

    await call('redo')
    await call('redo')
    expect((await saved()).citations.map((c) => c.note)).toEqual(['first note'])

    await call('deleteCitation', { id })
    expect((await saved()).citations).toEqual([])
    expect(await call('getHistory')).toMatchObject({ canRedo: false, undoLabel: 'Delete citation' })
    await call('undo')
    expect((await saved()).citations.map((c) => c.id)).toEqual([id])
  })

  it('undoes a change of reviewer name, and says so when there is nothing to undo', async () => {
    const { call, saved } = await setup()
    await expect(call('undo')).rejects.toThrow('nothing to undo')
    await call('updateSettings', { reviewerName: 'A. Reviewer' })
    await call('undo')
    expect((await saved()).settings.reviewerName).toBe('')
  })

  it('records nothing when a change fails', async () => {
    const { call } = await setup()
    await expect(call('cite', { ...CITE, clauseId: 'no-such-clause' })).rejects.toThrow()
    expect(await call('getHistory')).toMatchObject({ canUndo: false })
  })
})

describe('undo and redo with another program writing the same file', () => {
  it('undo reverts only what this window did: citations another program added stay', async () => {
    const { call, saved, workspacePath } = await setup()
    const { id } = await call('cite', CITE)
    // A CLI run adds a citation of its own while the app is open.
    const cli = new WorkspaceStore(workspacePath)
    const theirs = await cli.update((ws) => {
      const c = { ...ws.citations[0]!, id: 'from-the-cli', note: 'cited in a terminal' }
      ws.citations.push(c)
      return c.id
    })
    await call('updateCitation', { id, note: 'app note' })
    expect((await saved()).citations.map((c) => c.id)).toEqual([id, theirs])

    await call('undo')
    expect((await saved()).citations.map((c) => [c.id, c.note])).toEqual([[id, ''], [theirs, 'cited in a terminal']])
    await call('undo')
    expect((await saved()).citations.map((c) => c.id)).toEqual([theirs])
    await call('redo')
    expect((await saved()).citations.map((c) => c.id).sort()).toEqual([id, theirs].sort())
    // The app said that the file changed under it.
    const status = await call('getWorkspaceStatus')
    expect(status['notices']).toEqual([expect.stringMatching(/w\.json changed on disk \(another program\) at .*; reloaded: 1 citation added\./)])
  })

  it('editing a citation another program deleted meanwhile says it is gone, and changes nothing', async () => {
    const { call, saved, workspacePath } = await setup()
    const { id } = await call('cite', CITE)
    await call('getEvidence', {})
    await new WorkspaceStore(workspacePath).update((ws) => {
      ws.citations = []
    })
    await expect(call('updateCitation', { id, note: 'too late' })).rejects.toThrow(`no citation with id "${id}"`)
    expect((await saved()).citations).toEqual([])
  })

  it("undo keeps another program's saved edit of the same citation, and says so", async () => {
    const { call, saved, workspacePath } = await setup()
    const { id } = await call('cite', CITE)
    await call('updateCitation', { id, note: 'app note' })
    // A CLI run edits the same citation; the app window has not looked since.
    await new WorkspaceStore(workspacePath).update((ws) => {
      ws.citations[0]!.note = 'their note'
    })
    await call('undo')
    expect((await saved()).citations.map((c) => c.note)).toEqual(['their note'])
    const status = await call('getWorkspaceStatus')
    expect(status['notices']).toContainEqual(expect.stringMatching(/^Undo of "Edit citation" in w\.json kept the citation "this license is no longer exclusive" \(ip-licence\): changed by another program since\.$/))
    // Redo puts back only what is still as the undo left it: their note stays.
    await call('redo')
    expect((await saved()).citations.map((c) => c.note)).toEqual(['their note'])
  })
})

describe('undo and redo asked for quickly, one after another', () => {
  it('two undos at once revert two steps, each once', async () => {
    const { call, saved } = await setup()
    const { id } = await call('cite', CITE)
    await call('updateCitation', { id, note: 'first note' })
    await call('updateCitation', { id, note: 'second note' })
    await Promise.all([call('undo'), call('undo')])
    expect((await saved()).citations.map((c) => c.note)).toEqual([''])
    expect(await call('getHistory')).toEqual({ canUndo: true, canRedo: true, undoLabel: 'Add citation', redoLabel: 'Edit citation' })
    await Promise.all([call('redo'), call('redo')])
    expect((await saved()).citations.map((c) => c.note)).toEqual(['second note'])
    expect(await call('getHistory')).toMatchObject({ canRedo: false, undoLabel: 'Edit citation' })
  })

  it('an undo asked for while an edit is saving reverts that edit', async () => {
    const { call, saved } = await setup()
    const { id } = await call('cite', CITE)
    await Promise.all([call('updateCitation', { id, note: 'quick edit' }), call('undo')])
    expect((await saved()).citations.map((c) => [c.id, c.note])).toEqual([[id, '']])
    expect(await call('getHistory')).toEqual({ canUndo: true, canRedo: true, undoLabel: 'Add citation', redoLabel: 'Edit citation' })
  })
})
