// The one composition root: the app, the CLI and the E2E harness get their core services from
// here, wired by hand the same way, so no entry point assembles its own variant.
import { CompareService } from './core/compare/service'
import { EvidenceService, readOnlyWorkspace, type WorkspaceAccess } from './core/evidence/service'
import { FolderLibrary, type Library, type LibraryPaths } from './core/library'
import type { CompareOptions } from './core/compare/types'
import { matterDirOfReviewFile, reviewFileOf } from './core/matter/layout'
import { MatterLibrary } from './core/matter/library'
import { MatterService } from './core/matter/service'
import { History } from './core/workspace/history'
import { WorkspaceStore } from './core/workspace/store'
import type { ExportFormat } from './core/export/types'
import type { ImportProgress } from './core/matter/service'
import type { DocumentRole, WorkspaceData } from './core/workspace/types'

/** What only the shell can do: native dialogs. The E2E harness supplies stand-ins; the CLI has none. */
export interface ShellDialogs {
  /** A path chosen in a save dialog for an export in `format`, or null when the reviewer cancels. */
  chooseExportPath(suggestedName: string, format: ExportFormat): Promise<string | null>
  /** Shows a file main wrote in the system's file manager. */
  reveal(path: string): void
  /** Files chosen in an open dialog to import, or [] when the reviewer cancels. */
  chooseImportFiles?(role: DocumentRole): Promise<string[]>
  /** A folder for a new matter (`purpose` new, `suggestedName` from its title) or an existing one; null when cancelled. */
  chooseMatterFolder?(purpose: 'new' | 'open', suggestedName: string): Promise<string | null>
  /** Told after another review file is opened: the shell remembers it in Open Recent. */
  opened?(reviewPath: string): void
  /** How far an import has got, forwarded to the renderer's progress bar. */
  importProgress?(progress: ImportProgress): void
}

export interface Services {
  /** The bundled case or, with a matter open, the matter's own documents. */
  library: Library
  /** The bundled case: kept while a matter is open, to go back to it. */
  readonly bundled: Library
  workspace: WorkspaceStore
  evidence: EvidenceService
  compare: CompareService
  history: History
  /** The bundled case's workspace file: File → Open Bundled Case goes back to it. */
  readonly bundledWorkspacePath: string
  /** The open matter's operations; undefined while the bundled case is open. */
  matter: MatterService | undefined
  readonly dialogs?: ShellDialogs
  /** The comparison the renderer asked for last: File → Export PDF exports it. */
  lastComparison?: { baseId: string; targetId: string; options?: Partial<CompareOptions> }
  /** The file the last PDF export of this session wrote: "Show in folder" (revealExport) shows it, and nothing else. */
  lastExport?: string
}

export interface ServicesConfig extends LibraryPaths {
  /** A workspace file of the bundled case, or a matter's review file (`<folder>/matter.clausewise.json`). */
  workspacePath: string
  /** The bundled case's workspace file; `workspacePath` when that is not a matter's. */
  bundledWorkspacePath?: string
  dialogs?: ShellDialogs
}

export function createLibrary(paths: LibraryPaths): Library {
  return new FolderLibrary({ sourcesDir: paths.sourcesDir, modelsDir: paths.modelsDir })
}

export function createServices(config: ServicesConfig): Services {
  const bundled = createLibrary(config)
  const bundledWorkspacePath = config.bundledWorkspacePath ?? config.workspacePath
  if (matterDirOfReviewFile(bundledWorkspacePath) !== null) throw new Error(`the bundled case's workspace cannot be a matter's review file: ${bundledWorkspacePath}`)
  return { bundled, bundledWorkspacePath, ...reviewServices(bundled, config.workspacePath), ...(config.dialogs ? { dialogs: config.dialogs } : {}) }
}

/** The store of one workspace file, for callers that need no evidence over it (annotation export, Save As). */
export function createWorkspaceStore(path: string): WorkspaceStore {
  return new WorkspaceStore(path)
}

/**
 * Makes `path` the open review (its history starts empty): a matter's review file opens the
 * matter with its own documents; any other workspace file reviews the bundled case.
 */
export function openWorkspace(services: Services, path: string): void {
  Object.assign(services, reviewServices(services.bundled, path))
}

/** Opens the matter in folder `dir`. */
export function openMatter(services: Services, dir: string): void {
  openWorkspace(services, reviewFileOf(dir))
}

/** Everything bound to one review file, over the bundled library or the matter's own. */
export function reviewServices(bundled: Library, path: string): Pick<Services, 'library' | 'workspace' | 'evidence' | 'compare' | 'history' | 'matter'> {
  const workspace = createWorkspaceStore(path)
  const dir = matterDirOfReviewFile(path)
  const matterLibrary = dir === null ? undefined : new MatterLibrary(dir, workspace)
  const library = matterLibrary ?? bundled
  return {
    library,
    workspace,
    evidence: new EvidenceService(library, workspace),
    compare: new CompareService(library, workspace),
    history: new History(workspace),
    matter: dir === null || !matterLibrary ? undefined : new MatterService(dir, workspace, matterLibrary)
  }
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
