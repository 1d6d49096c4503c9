// The shell's side of ShellDialogs: native dialogs for export, import and matter folders, and the
// import progress sent to the window (the page's bar and the taskbar's). Services call these; the
// renderer never names a path.
import { join } from 'node:path'
import { app, dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { IMPORT_EXTENSIONS } from '../core/import/read'
import { safeFileName } from '../core/io/file-name'
import type { ExportFormat } from '../core/export/types'
import type { ImportProgress } from '../core/matter/service'
import type { DocumentRole } from '../core/workspace/types'
import type { ShellDialogs } from '../services'
import { sendEvent } from './ipc'

const IMPORT_TITLE: Record<DocumentRole, string> = { version: 'Import agreement version', source: 'Import source' }

// The second filter lets a reviewer pick a .doc or .rtf anyway and be told why it cannot be read.
const IMPORT_FILTERS = [
  { name: 'Documents (Word, PDF, text, Markdown, HTML)', extensions: [...IMPORT_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] }
]

export class AppDialogs implements ShellDialogs {
  constructor(
    private readonly window: () => BrowserWindow | undefined,
    private readonly onOpened: (reviewPath: string) => void
  ) {}

  async chooseExportPath(suggestedName: string, format: ExportFormat): Promise<string | null> {
    const word = format === 'docx'
    const { canceled, filePath } = await this.save({
      title: word ? 'Export Word Redline' : 'Export PDF',
      defaultPath: join(app.getPath('documents'), suggestedName),
      filters: [word ? { name: 'Word document', extensions: ['docx'] } : { name: 'PDF', extensions: ['pdf'] }]
    })
    return canceled || !filePath ? null : filePath
  }

  reveal(path: string): void {
    shell.showItemInFolder(path)
  }

  async chooseImportFiles(role: DocumentRole): Promise<string[]> {
    const { canceled, filePaths } = await this.open({ title: IMPORT_TITLE[role], buttonLabel: 'Import', properties: ['openFile', 'multiSelections'], filters: IMPORT_FILTERS })
    return canceled ? [] : filePaths
  }

  /** A new matter is a new folder named in a save dialog (created by createMatter); an existing one is a folder chosen. */
  async chooseMatterFolder(purpose: 'new' | 'open', suggestedName: string): Promise<string | null> {
    if (purpose === 'new') {
      const { canceled, filePath } = await this.save({ title: 'New matter', buttonLabel: 'Create Matter', defaultPath: join(app.getPath('documents'), safeFileName(suggestedName, 100, 'New matter')), properties: ['createDirectory'] })
      return canceled || !filePath ? null : filePath
    }
    const { canceled, filePaths } = await this.open({ title: 'Open matter', buttonLabel: 'Open Matter', properties: ['openDirectory'] })
    return canceled ? null : (filePaths[0] ?? null)
  }

  opened(reviewPath: string): void {
    this.onOpened(reviewPath)
  }

  importProgress(progress: ImportProgress): void {
    const win = this.window()
    if (!win) return
    sendEvent(win.webContents, { type: 'import-progress', progress })
    win.setProgressBar(progress.stage === 'done' ? -1 : progress.fraction)
  }

  /** After an import call, whatever its outcome: a file that failed sends no 'done'. */
  importEnded(): void {
    this.window()?.setProgressBar(-1)
  }

  private save(options: SaveDialogOptions) {
    const win = this.window()
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)
  }

  private open(options: OpenDialogOptions) {
    const win = this.window()
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)
  }
}
