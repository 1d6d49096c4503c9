// The contract's matter methods: new, open and switch back, import (dialog or drop) with
// progress, document details and segmentation edits. Undoable changes go through History.
import { basename } from 'node:path'
import { ClausewiseError, formatProblem } from '../core/errors'
import { reviewFileOf } from '../core/matter/layout'
import { createMatter, isMatterDir, type MatterService } from '../core/matter/service'
import type { DocumentRole } from '../core/workspace/types'
import { openMatter, openWorkspace, type Services } from '../services'
import type { ApiMethod, ArgsOf, ImportReport, SwitchOutcome, ValueOf } from './contract'

type MatterMethod = 'getMatter' | 'newMatter' | 'openMatter' | 'openBundledCase' | 'importDocuments' | 'importPaths' | 'updateDocument' | 'removeDocument' | 'getDocumentReview' | 'editSegmentation' | 'resetSegmentation'
type Handlers = { [M in MatterMethod & ApiMethod]: (args: ArgsOf<M>) => Promise<ValueOf<M>> }

const EDIT_LABEL = { merge: 'Merge clauses', split: 'Split clause', heading: 'Edit heading' } as const

export function matterHandlers(services: Services, log: (message: string, err: unknown) => void = console.error): Handlers {
  const matter = (): MatterService => {
    if (!services.matter) throw new ClausewiseError({ code: 'invalid-argument', message: 'no matter is open: create or open a matter to import your own documents (the bundled case is read-only)' })
    return services.matter
  }
  const dialog = <K extends 'chooseImportFiles' | 'chooseMatterFolder'>(name: K): NonNullable<NonNullable<Services['dialogs']>[K]> => {
    const fn = services.dialogs?.[name]
    if (!fn) throw new ClausewiseError({ code: 'internal', message: 'choosing files needs the app window' })
    return fn.bind(services.dialogs) as NonNullable<NonNullable<Services['dialogs']>[K]>
  }
  const switchTo = async (reviewPath: string, open: () => void): Promise<SwitchOutcome> => {
    refuseWhileImporting(services, 'switch')
    await services.workspace.flush()
    open()
    const { data } = await services.workspace.open()
    services.lastComparison = undefined
    services.dialogs?.opened?.(reviewPath)
    // A matter whose review file was restored empty (damaged, no backup) is still that matter.
    const title = data.matter?.title ?? (services.matter ? basename(services.matter.dir) : 'Microsoft–OpenAI partnership (bundled case)')
    return { opened: true, title }
  }
  const importAll = async (paths: readonly string[], as: DocumentRole): Promise<ImportReport> => {
    // The matter and its history are taken once: every file of this call goes to the matter it was
    // asked for, and its undo step to that matter's history (switching is refused meanwhile).
    const m = matter()
    const history = services.history
    const report: ImportReport = { imported: [], failed: [] }
    // One at a time: each file's progress runs 0 → 1 and each import is its own undo step.
    for (const path of paths) {
      const file = basename(path)
      try {
        const outcome = await history.record(`Import ${file}`, () => m.importFile(path, { as }, (p) => services.dialogs?.importProgress?.(p)))
        report.imported.push(outcome)
      } catch (err) {
        if (!(err instanceof ClausewiseError)) log(`clausewise: importing ${file} failed`, err)
        report.failed.push({ file, message: err instanceof ClausewiseError ? formatProblem(err.problem) : `${file}: could not be imported (the details are in the application log)` })
      }
    }
    return report
  }

  return {
    getMatter: async () => {
      if (!services.matter) return null
      const ws = await services.workspace.read()
      const folder = basename(services.matter.dir)
      return { title: ws.matter?.title ?? folder, folder, documents: ws.documents }
    },
    newMatter: async ({ title }) => {
      const dir = await dialog('chooseMatterFolder')('new', title.trim())
      if (!dir) return { opened: false }
      await createMatter(dir, title)
      return switchTo(reviewFileOf(dir), () => openMatter(services, dir))
    },
    openMatter: async () => {
      const dir = await dialog('chooseMatterFolder')('open', '')
      if (!dir) return { opened: false }
      if (!(await isMatterDir(dir))) throw new ClausewiseError({ code: 'invalid-argument', file: basename(dir), message: 'is not a Clausewise matter: it has no matter.clausewise.json' })
      return switchTo(reviewFileOf(dir), () => openMatter(services, dir))
    },
    openBundledCase: () => switchTo(services.bundledWorkspacePath, () => openWorkspace(services, services.bundledWorkspacePath)),
    importDocuments: async ({ as }) => {
      matter()
      const paths = await dialog('chooseImportFiles')(as)
      return importAll(paths, as)
    },
    importPaths: ({ as, paths }) => importAll(paths, as),
    updateDocument: ({ id, ...details }) => services.history.record('Edit document details', () => matter().updateDocument(id, details)),
    removeDocument: ({ id }) => services.history.record('Remove document', () => matter().removeDocument(id)),
    getDocumentReview: ({ id }) => matter().review(id),
    editSegmentation: (args) => services.history.record(EDIT_LABEL[args.op], () => matter().editSegmentation(args)),
    resetSegmentation: ({ id }) => services.history.record('Reset clauses', () => matter().resetSegmentation(id))
  }
}

/**
 * Switching matters or undoing while an import runs is refused: the import would land in the
 * matter left behind, or the undo (queued behind the import) would take back the import instead
 * of the step its button names.
 */
export function refuseWhileImporting(services: Pick<Services, 'matter'>, what: 'switch' | 'undo or redo'): void {
  if (services.matter?.importing) throw new ClausewiseError({ code: 'invalid-argument', message: `an import is running: ${what} when it has finished` })
}
