// What every workspace-touching CLI command shares: the scope it works in (the bundled library
// with an optional --workspace file, or a --matter folder's own documents and review file),
// opened as the app opens it (recovery notices on stderr), and a ClausewiseError turned into one
// line and exit status 1.
import { stat } from 'node:fs/promises'
import { ClausewiseError } from '../core/errors'
import type { Library } from '../core/library'
import { REVIEW_FILE, reviewFileOf } from '../core/matter/layout'
import type { MatterService } from '../core/matter/service'
import type { WorkspaceStore } from '../core/workspace/store'
import { createWorkspaceStore, reviewServices, workspaceServices, type Services } from '../services'
import type { Out } from './output'

/** The services bound to one review file. */
export type ReviewServices = Pick<Services, 'workspace' | 'evidence' | 'compare' | 'history'>

/** A matter opened from the command line: its own library and review file behind one store. */
export interface OpenMatter extends ReviewServices {
  dir: string
  library: Library
  matter: MatterService
}

/**
 * Where a command's versions, sources and citations come from: `library` with the review file
 * `workspace` (--workspace FILE, opened when the command needs it), or an open matter, whose
 * library is `library` and whose review file replaces --workspace.
 */
export interface Scope {
  library: Library
  workspace?: string
  matter?: OpenMatter
}

export async function openStore(path: string, out: Out): Promise<WorkspaceStore> {
  const store = createWorkspaceStore(path)
  await reportNotices(store, out)
  return store
}

/** The scope's review file as a store: the matter's, or --workspace's (opened); main.ts has checked that one was named. */
export async function storeOf(scope: Scope, out: Out): Promise<WorkspaceStore> {
  if (scope.matter) return scope.matter.workspace
  if (scope.workspace === undefined) throw new Error('no review file: --workspace or --matter is required')
  return openStore(scope.workspace, out)
}

/** The scope's review services: the matter's, or a workspace's from the composition root; null when the command named neither. */
export async function reviewOf(scope: Scope, out: Out): Promise<ReviewServices | null> {
  if (scope.matter) return scope.matter
  return scope.workspace === undefined ? null : openWorkspaceServices(scope.library, scope.workspace, out)
}

/** {@link reviewOf} for the commands that need a review file (main.ts has checked that one was named). */
export async function requireReview(scope: Scope, out: Out): Promise<ReviewServices> {
  const review = await reviewOf(scope, out)
  if (!review) throw new Error('no review file: --workspace or --matter is required')
  return review
}

/** A workspace's services from the composition root, opened as the app opens them. */
export async function openWorkspaceServices(library: Library, path: string, out: Out): Promise<ReviewServices> {
  const services = workspaceServices(library, path)
  await reportNotices(services.workspace, out)
  return services
}

/**
 * `--matter DIR`: the matter in folder `dir` (`named` as the user wrote it, for messages), opened
 * as the app opens it. A folder without a review file is refused, never made a matter.
 */
export async function openMatterScope(bundled: Library, dir: string, named: string, out: Out): Promise<Scope & { matter: OpenMatter }> {
  const found = await stat(dir).catch(() => null)
  if (!found) throw new ClausewiseError({ code: 'not-found', file: named, message: 'no such matter folder' })
  if (!found.isDirectory()) throw new ClausewiseError({ code: 'invalid-argument', file: named, message: 'is a file, not a matter folder' })
  const review = await stat(reviewFileOf(dir)).catch(() => null)
  if (!review?.isFile()) throw new ClausewiseError({ code: 'invalid-argument', file: named, message: `is not a matter: it has no ${REVIEW_FILE} (make one with \`clausewise matter new DIR --title TITLE\`)` })
  const services = reviewServices(bundled, reviewFileOf(dir))
  if (!services.matter) throw new Error(`${dir}: the review file did not open as a matter`)
  await reportNotices(services.workspace, out)
  return { library: services.library, matter: { ...services, dir, matter: services.matter } }
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
