// File-menu workspace actions: new, open, save as, recent, and annotation export/import.
// Files are chosen in native dialogs here in main; the renderer never names a path. After a
// switch the window reloads, so every store reads the newly opened workspace.
import { basename, join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import writeFileAtomic from 'write-file-atomic'
import { createWorkspaceStore, openWorkspace, type Services } from '../services'
import { exportPdf } from '../core/pdf/service'
import { mergeCitations, parseAnnotations, readAnnotationFile, toAnnotationCollection } from '../core/workspace/annotations'
import { readRecent, rememberRecent } from './recent'

const FILTERS = [{ name: 'Clausewise workspace', extensions: ['json'] }]

export class WorkspaceActions {
  private readonly recentFile = join(app.getPath('userData'), 'recent-workspaces.json')

  constructor(
    private readonly services: Services,
    private readonly window: () => BrowserWindow | undefined,
    private readonly onChange: () => void
  ) {}

  recent(): Promise<string[]> {
    return readRecent(this.recentFile)
  }

  async newWorkspace(): Promise<void> {
    const win = this.window()
    const { canceled, filePath } = win
      ? await dialog.showSaveDialog(win, { title: 'New workspace', defaultPath: 'Untitled review.clausewise.json', filters: FILTERS })
      : { canceled: true, filePath: undefined }
    if (canceled || !filePath) return
    await this.switchTo(filePath)
  }

  async open(path?: string): Promise<void> {
    const win = this.window()
    let chosen = path
    if (!chosen && win) {
      const { canceled, filePaths } = await dialog.showOpenDialog(win, { title: 'Open workspace', properties: ['openFile'], filters: FILTERS })
      if (canceled) return
      chosen = filePaths[0]
    }
    if (chosen) await this.switchTo(chosen)
  }

  /** Writes the current work to a new file and continues there. */
  async saveAs(): Promise<void> {
    const win = this.window()
    if (!win) return
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
      this.onChange()
    } catch (err) {
      await dialog.showMessageBox(win, { type: 'error', message: 'The annotations could not be imported.', detail: err instanceof Error ? err.message : String(err) })
    }
  }

  /** Exports the comparison on screen (the last one the renderer asked for), with progress in the taskbar. */
  async exportPdf(): Promise<void> {
    const win = this.window()
    const last = this.services.lastComparison
    if (!win) return
    if (!last) {
      await dialog.showMessageBox(win, { type: 'info', message: 'Open a comparison first.', detail: 'Export PDF exports the comparison on screen.' })
      return
    }
    const out = await this.services.dialogs?.choosePdfPath(`Redline ${last.baseId} to ${last.targetId}.pdf`)
    if (!out) return
    win.setProgressBar(2) // indeterminate
    try {
      const reviewer = (await this.services.workspace.read()).settings.reviewerName
      await exportPdf(this.services, { baseId: last.baseId, targetId: last.targetId, out, options: last.options }, reviewer)
      this.services.dialogs?.reveal(out)
    } catch (err) {
      await dialog.showMessageBox(win, { type: 'error', message: 'The PDF could not be exported.', detail: err instanceof Error ? err.message : String(err) })
    } finally {
      win.setProgressBar(-1)
    }
  }

  /** Saves what is pending in the open workspace (on quit and when the renderer goes away). */
  flush(): Promise<void> {
    return this.services.workspace.flush()
  }

  private async switchTo(path: string): Promise<void> {
    await this.services.workspace.flush()
    openWorkspace(this.services, path)
    await rememberRecent(this.recentFile, path)
    this.onChange()
  }
}
