// One valid call of every API method, against the bundled library, in an order that works on a
// fresh workspace (the citation that is edited and deleted is the one created by `cite`). Shared
// by the IPC fuzz test and the boot test of the built main bundle.
import type { ApiMethod } from '../../src-main/api/contract'

export interface ValidCall {
  method: ApiMethod
  /** The payload, given the values of the calls before it (by method). */
  payload(previous: ReadonlyMap<ApiMethod, unknown>): unknown
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
  { method: 'exportPdf', payload: () => ({ baseId: '2026-02', targetId: '2026-04' }) }
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
