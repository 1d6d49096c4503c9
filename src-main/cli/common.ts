// What every workspace-touching CLI command shares: opening a workspace as the app does
// (recovery notices on stderr) and turning a ClausewiseError into one line and exit status 1.
import { ClausewiseError } from '../core/errors'
import type { Library } from '../core/library'
import type { WorkspaceStore } from '../core/workspace/store'
import { createWorkspaceStore, workspaceServices, type Services } from '../services'
import type { Out } from './output'

export async function openStore(path: string, out: Out): Promise<WorkspaceStore> {
  const store = createWorkspaceStore(path)
  await reportNotices(store, out)
  return store
}

/** A workspace's services from the composition root, opened as the app opens them. */
export async function openWorkspaceServices(library: Library, path: string, out: Out): Promise<Pick<Services, 'workspace' | 'evidence' | 'compare' | 'history'>> {
  const services = workspaceServices(library, path)
  await reportNotices(services.workspace, out)
  return services
}

async function reportNotices(store: WorkspaceStore, out: Out): Promise<void> {
  for (const notice of (await store.open()).notices) out.stderr(`clausewise: ${notice.message}\n`)
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
