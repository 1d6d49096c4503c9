// One valid call of every API method, against the bundled library, in an order that works on a
// fresh workspace (the citation that is edited and deleted is the one created by `cite`). Shared
// by the IPC fuzz test and the boot test of the built main bundle. Dialogs are cancelled in both,
// and with the bundled case open a matter's own methods answer that no matter is open.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { ApiMethod } from '../../src-main/api/contract'

export interface ValidCall {
  method: ApiMethod
  /** The payload, given the values of the calls before it (by method). */
  payload(previous: ReadonlyMap<ApiMethod, unknown>): unknown
  /** A matter's own method: with the bundled case open it answers a typed 'no matter is open' (from its handler). */
  needsMatter?: true
  /** The typed refusal this call answers in these tests (its handler's own, not the schema's). */
  refused?: { code: string; message: RegExp }
}

/** Checks every answer of {@link callEveryMethod}: a value, or for a matter's method the typed 'no matter is open'. */
export function expectEveryAnswer(answers: ReadonlyMap<ApiMethod, unknown>): void {
  expect([...answers.keys()]).toEqual(VALID_CALLS.map((c) => c.method))
  for (const call of VALID_CALLS) {
    const refused = call.refused ?? (call.needsMatter ? { code: 'invalid-argument', message: /^no matter is open/ } : undefined)
    const expected = refused ? { ok: false, error: { code: refused.code, message: expect.stringMatching(refused.message) } } : { ok: true }
    expect(answers.get(call.method), call.method).toMatchObject(expected)
  }
}

function citationId(previous: ReadonlyMap<ApiMethod, unknown>): string {
  const cited = previous.get('cite') as { id?: unknown } | undefined
  if (typeof cited?.id !== 'string') throw new Error('cite must succeed before its citation can be edited or deleted')
  return cited.id
}

export const VALID_CALLS: readonly ValidCall[] = [
  { method: 'getLibrary', payload: () => undefined },
  { method: 'getSource', payload: () => ({ id: 'hamidun-news' }) },
  { method: 'getVersion', payload: () => ({ id: '2026-04' }) },
  { method: 'compare', payload: () => ({ baseId: '2026-02', targetId: '2026-04', options: { granularity: 'word' } }) },
  { method: 'getEvidence', payload: () => ({ versionId: '2026-04' }) },
  { method: 'cite', payload: () => ({ versionId: '2026-04', clauseId: 'ip-licence', sourceId: 'hamidun-news', stance: 'supports', start: 0, end: 40, note: 'from the boot test' }) },
  { method: 'updateCitation', payload: (previous) => ({ id: citationId(previous), stance: 'context' }) },
  { method: 'setPairing', payload: () => ({ baseId: '2026-02', targetId: '2026-04', base: ['ip-licence'], target: [], mode: 'unpair' }) },
  { method: 'forgetStalePairings', payload: () => ({ baseId: '2026-02', targetId: '2026-04' }) },
  { method: 'suggest', payload: () => ({ versionId: '2026-04', clauseId: 'ip-licence', limit: 3 }) },
  { method: 'getSettings', payload: () => undefined },
  { method: 'updateSettings', payload: () => ({ reviewerName: 'A. Reviewer' }) },
  { method: 'undo', payload: () => undefined },
  { method: 'redo', payload: () => undefined },
  { method: 'getHistory', payload: () => undefined },
  { method: 'deleteCitation', payload: (previous) => ({ id: citationId(previous) }) },
  { method: 'getWorkspaceStatus', payload: () => undefined },
  // The save dialog is canceled in the tests, so this answers { saved: false } and writes nothing.
  { method: 'exportComparison', payload: () => ({ baseId: '2026-02', targetId: '2026-04', format: 'pdf' }) },
  // So nothing was exported: "Show in folder" has nothing to show.
  { method: 'revealExport', payload: () => undefined, refused: { code: 'not-found', message: /^nothing has been exported yet$/ } },
  { method: 'getDisagreements', payload: () => ({ versionId: '2026-04' }) },
  { method: 'dismissDisagreement', payload: () => ({ key: '2026-04/ip-licence/term' }) },
  { method: 'restoreDisagreement', payload: () => ({ key: '2026-04/ip-licence/term' }) },
  { method: 'getClauseHistory', payload: () => ({ clauseId: 'ip-licence' }) },
  { method: 'getMatter', payload: () => undefined },
  // Cancelled folder dialogs: { opened: false }, nothing created.
  { method: 'newMatter', payload: () => ({ title: 'Acme / Beta: services agreement' }) },
  { method: 'openMatter', payload: () => undefined },
  { method: 'importDocuments', payload: () => ({ as: 'version' }), needsMatter: true },
  // Never read: the handler refuses before any file is opened.
  { method: 'importPaths', payload: () => ({ as: 'source', paths: [join(tmpdir(), 'clausewise-never-read.pdf')] }), needsMatter: true },
  { method: 'updateDocument', payload: () => ({ id: 'draft-1', title: 'Draft 1', date: '2026-04' }), needsMatter: true },
  { method: 'getDocumentReview', payload: () => ({ id: 'draft-1' }), needsMatter: true },
  { method: 'editSegmentation', payload: () => ({ documentId: 'draft-1', clauseId: 'c-1', op: 'split', at: 10 }), needsMatter: true },
  { method: 'resetSegmentation', payload: () => ({ id: 'draft-1' }), needsMatter: true },
  { method: 'removeDocument', payload: () => ({ id: 'draft-1' }), needsMatter: true },
  // Last: it opens the bundled case's workspace afresh (its history starts empty).
  { method: 'openBundledCase', payload: () => undefined }
]

/** Makes every valid call through `call`, in order; returns each method's answer. */
export async function callEveryMethod(call: (method: ApiMethod, payload: unknown) => Promise<unknown>): Promise<Map<ApiMethod, unknown>> {
  const answers = new Map<ApiMethod, unknown>()
  const values = new Map<ApiMethod, unknown>()
  for (const { method, payload } of VALID_CALLS) {
    const answer = await call(method, payload(values))
    answers.set(method, answer)
    const result = answer as { ok?: unknown; value?: unknown }
    if (result.ok === true) values.set(method, result.value)
  }
  return answers
}
