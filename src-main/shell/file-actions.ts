// File-menu actions: the matter commands (carried out by the renderer, told on the event channel),
// Open Recent, workspace new/open/save as, and annotation export/import. Files are chosen in
// native dialogs here in main; the renderer never names a path. After a switch made here the
// window reloads, so every store reads the newly opened review; a switch the renderer asked for
// (new/open matter, bundled case) only updates Open Recent.
import { stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import writeFileAtomic from 'write-file-atomic'
import type { MenuCommand } from '../api/contract'
import { createWorkspaceStore, openWorkspace, type Services } from '../services'
import { exportComparison, FORMATS, suggestedExportName, type ExportFormat } from '../core/export/service'
import { mergeCitations, parseAnnotations, readAnnotationFile, toAnnotationCollection } from '../core/workspace/annotations'
import { sendEvent } from './ipc'
import { forgetRecent, readRecent, recentEntries, rememberBundledCase, rememberRecent, type RecentEntry } from './recent'

const FILTERS = [{ name: 'Clausewise workspace', extensions: ['json'] }]

/** Open Recent and the matter to reopen at start (the file keeps its first name: lists saved before matters still load). */
export function recentListFile(): string {
  return join(app.getPath('userData'), 'recent-workspaces.json')
}

export class WorkspaceActions {
  private readonly recentFile = recentListFile()

  constructor(
    private readonly services: Services,
    private readonly window: () => BrowserWindow | undefined,
    /** Rebuilds the application menu (Open Recent). */
    private readonly rebuildMenu: () => void
  ) {}

  async recent(): Promise<RecentEntry[]> {
    return recentEntries(await readRecent(this.recentFile))
  }

  /** A File-menu command the renderer carries out with the same API calls as its buttons. */
  command(command: MenuCommand): void {
    const win = this.window()
    if (win) sendEvent(win.webContents, { type: 'menu', command })
  }

  /** Told by the API after it switched review (new or open matter, bundled case): Open Recent follows. */
  async opened(reviewPath: string): Promise<void> {
    try {
      if (reviewPath === this.services.bundledWorkspacePath) await rememberBundledCase(this.recentFile)
      else await rememberRecent(this.recentFile, reviewPath)
    } catch (err) {
      console.error('clausewise: the recent list could not be saved', err)
    }
    this.rebuildMenu()
  }

  /** An Open Recent entry: a matter's review file opens that matter (services decide by the name). */
  async openRecent(path: string): Promise<void> {
    const found = await stat(path).then((s) => s.isFile(), () => false)
    if (!found) {
      await forgetRecent(this.recentFile, path)
      this.rebuildMenu()
      const win = this.window()
      const [entry] = recentEntries([path])
      const message = `${entry?.kind === 'matter' ? `The matter “${entry.label}”` : `“${basename(path)}”`} is no longer where it was.`
      if (win) await dialog.showMessageBox(win, { type: 'warning', message, detail: `${path}\n\nIt was taken out of Open Recent. If it was moved, open it from its new place.` })
      return
    }
    await this.switchTo(path)
  }

  async newWorkspace(): Promise<void> {
    const win = this.window()
    const { canceled, filePath } = win
      ? await dialog.showSaveDialog(win, { title: 'New workspace', defaultPath: 'Untitled review.clausewise.json', filters: FILTERS })
      : { canceled: true, filePath: undefined }
    if (canceled || !filePath) return
    await this.switchTo(filePath)
  }

  async open(): Promise<void> {
    const win = this.window()
    if (!win) return
    const { canceled, filePaths } = await dialog.showOpenDialog(win, { title: 'Open workspace', properties: ['openFile'], filters: FILTERS })
    const chosen = filePaths[0]
    if (!canceled && chosen) await this.switchTo(chosen)
  }

  /** Writes the current work to a new file and continues there. */
  async saveAs(): Promise<void> {
    const win = this.window()
    if (!win) return
    if (this.services.matter) {
      // A copy would keep the citations but not the matter's documents they cite.
      await dialog.showMessageBox(win, { type: 'info', message: 'A matter is saved as you work, in its own folder.', detail: `To copy it, copy the folder ${this.services.matter.dir} with everything in it.` })
      return
    }
    const { canceled, filePath } = await dialog.showSaveDialog(win, { title: 'Save workspace as', defaultPath: this.services.workspace.name, filters: FILTERS })
    if (canceled || !filePath) return
    await this.services.workspace.flush()
    const data = await this.services.workspace.read()
    const copy = createWorkspaceStore(filePath)
    await copy.update((draft) => {
      draft.settings = structuredClone(data.settings)
      draft.citations = structuredClone(data.citations)
    })
    await this.switchTo(filePath)
  }

  async exportAnnotations(): Promise<void> {
    const win = this.window()
    if (!win) return
    const { canceled, filePath } = await dialog.showSaveDialog(win, { title: 'Export annotations', defaultPath: `${basename(this.services.workspace.name, '.json')}.jsonld`, filters: [{ name: 'W3C Web Annotations', extensions: ['jsonld', 'json'] }] })
    if (canceled || !filePath) return
    const data = await this.services.workspace.read()
    await writeFileAtomic(filePath, JSON.stringify(toAnnotationCollection(data), null, 2) + '\n', { fsync: true })
    await dialog.showMessageBox(win, { type: 'info', message: `Exported ${data.citations.length} citations.`, detail: filePath })
  }

  async importAnnotations(): Promise<void> {
    const win = this.window()
    if (!win) return
    const { canceled, filePaths } = await dialog.showOpenDialog(win, { title: 'Import annotations', properties: ['openFile'], filters: [{ name: 'W3C Web Annotations', extensions: ['jsonld', 'json'] }] })
    const file = filePaths[0]
    if (canceled || !file) return
    try {
      const { citations, skipped } = await parseAnnotations(await readAnnotationFile(file), this.services.library)
      const merged = await this.services.history.record('Import annotations', () => this.services.workspace.update((ws) => mergeCitations(ws, citations)))
      const detail = skipped.map((s) => `Entry ${s.index}${s.id ? ` (${s.id})` : ''}: ${s.reason}`).join('\n')
      await dialog.showMessageBox(win, { type: skipped.length ? 'warning' : 'info', message: `Imported ${merged.added} new and ${merged.updated} updated citations; skipped ${skipped.length}.`, detail })
      win.webContents.reload()
    } catch (err) {
      await dialog.showMessageBox(win, { type: 'error', message: 'The annotations could not be imported.', detail: err instanceof Error ? err.message : String(err) })
    }
  }

  /** Exports the comparison on screen (the last one the renderer asked for) in `format`, with progress in the taskbar. */
  async exportAs(format: ExportFormat): Promise<void> {
    const win = this.window()
    const last = this.services.lastComparison
    if (!win) return
    const failed = `The ${FORMATS[format].kind} could not be exported.`
    if (!last) {
      await dialog.showMessageBox(win, { type: 'info', message: 'Open a comparison first.', detail: 'Export exports the comparison on screen.' })
      return
    }
    let suggested: string
    try {
      const [base, target] = await Promise.all([this.services.library.version(last.baseId), this.services.library.version(last.targetId)])
      suggested = suggestedExportName(base, target, format)
    } catch (err) {
      await dialog.showMessageBox(win, { type: 'error', message: failed, detail: err instanceof Error ? err.message : String(err) })
      return
    }
    const out = await this.services.dialogs?.chooseExportPath(suggested, format)
    if (!out) return
    win.setProgressBar(2) // indeterminate
    try {
      const reviewer = (await this.services.workspace.read()).settings.reviewerName
      await exportComparison(this.services, { format, baseId: last.baseId, targetId: last.targetId, out, options: last.options }, reviewer)
      // The menu's export has no message in the page to offer "Show in folder" from: it shows the file at once.
      this.services.lastExport = out
      this.services.dialogs?.reveal(out)
    } catch (err) {
      await dialog.showMessageBox(win, { type: 'error', message: failed, detail: err instanceof Error ? err.message : String(err) })
    } finally {
      win.setProgressBar(-1)
    }
  }

  /** Saves what is pending in the open workspace (on quit and when the renderer goes away). */
  flush(): Promise<void> {
    return this.services.workspace.flush()
  }

  private async switchTo(path: string): Promise<void> {
    if (this.services.matter?.importing) {
      const win = this.window()
      if (win) await dialog.showMessageBox(win, { type: 'info', message: 'An import is running.', detail: 'Open another matter or workspace when it has finished: the files being imported belong to this matter.' })
      return
    }
    await this.services.workspace.flush()
    openWorkspace(this.services, path)
    this.services.lastComparison = undefined
    await rememberRecent(this.recentFile, path)
    this.rebuildMenu()
    this.window()?.webContents.reload()
  }
}
