// What every workspace-touching CLI command shares: opening a workspace as the app does
// (recovery notices on stderr) and turning a ClausewiseError into one line and exit status 1.
import { ClausewiseError } from '../core/errors'
import { WorkspaceStore } from '../core/workspace/store'
import type { Out } from './output'

export async function openStore(path: string, out: Out): Promise<WorkspaceStore> {
  const store = new WorkspaceStore(path)
  for (const notice of (await store.open()).notices) out.stderr(`clausewise: ${notice.message}\n`)
  return store
}

export async function guarded(out: Out, run: () => Promise<void>): Promise<number> {
  try {
    await run()
    return 0
  } catch (err) {
    if (err instanceof ClausewiseError) {
      out.stderr(`clausewise: ${err.message}\n`)
      return 1
    }
    throw err
  }
}
