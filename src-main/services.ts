// The one composition root: the app, the CLI and the E2E harness get their core services from
// here, wired by hand the same way, so no entry point assembles its own variant.
import { CompareService } from './core/compare/service'
import { EvidenceService, readOnlyWorkspace, type WorkspaceAccess } from './core/evidence/service'
import { Library, type LibraryPaths } from './core/library'
import type { CompareOptions } from './core/compare/types'
import { History } from './core/workspace/history'
import { WorkspaceStore } from './core/workspace/store'
import type { WorkspaceData } from './core/workspace/types'

/** What only the shell can do: native dialogs. The E2E harness supplies stand-ins; the CLI has none. */
export interface ShellDialogs {
  /** A path chosen in a save dialog, or null when the reviewer cancels. */
  choosePdfPath(suggestedName: string): Promise<string | null>
  /** Shows the written file in the system's file manager. */
  reveal(path: string): void
}

export interface Services {
  library: Library
  workspace: WorkspaceStore
  evidence: EvidenceService
  compare: CompareService
  history: History
  readonly dialogs?: ShellDialogs
  /** The comparison the renderer asked for last: File → Export PDF exports it. */
  lastComparison?: { baseId: string; targetId: string; options?: Partial<CompareOptions> }
}

export interface ServicesConfig extends LibraryPaths {
  workspacePath: string
  dialogs?: ShellDialogs
}

export function createLibrary(paths: LibraryPaths): Library {
  return new Library({ sourcesDir: paths.sourcesDir, modelsDir: paths.modelsDir })
}

export function createServices(config: ServicesConfig): Services {
  const library = createLibrary(config)
  return { library, ...workspaceServices(library, config.workspacePath), ...(config.dialogs ? { dialogs: config.dialogs } : {}) }
}

/** The store of one workspace file, for callers that need no evidence over it (annotation export, Save As). */
export function createWorkspaceStore(path: string): WorkspaceStore {
  return new WorkspaceStore(path)
}

/** Makes `path` the open workspace (its history starts empty); the library is kept. */
export function openWorkspace(services: Services, path: string): void {
  Object.assign(services, workspaceServices(services.library, path))
}

/** The workspace-bound services over an existing library (the CLI opens one workspace per command). */
export function workspaceServices(library: Library, path: string): Pick<Services, 'workspace' | 'evidence' | 'compare' | 'history'> {
  const workspace = createWorkspaceStore(path)
  return { workspace, evidence: new EvidenceService(library, workspace), compare: new CompareService(library, workspace), history: new History(workspace) }
}

/** Evidence over workspace data held in memory, never written (`workspace check`, export without a workspace). */
export function readOnlyServices(library: Library, data: WorkspaceData): { workspace: WorkspaceAccess; evidence: EvidenceService; compare: CompareService } {
  const workspace = readOnlyWorkspace(data)
  return { workspace, evidence: new EvidenceService(library, workspace), compare: new CompareService(library, workspace) }
}
