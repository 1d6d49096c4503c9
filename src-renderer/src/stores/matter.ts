// The open matter in the renderer: which one (null = the bundled case), switching matters,
// importing files (dialog, drop or File menu) with progress and per-file results, correcting a
// document's details, and the segmentation review of one draft.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type {
  ApiEvent,
  DocumentReview,
  DocumentRole,
  DroppedFile,
  EditSegmentationArgs,
  ImportProgress,
  ImportReport,
  MatterDocument,
  MatterView,
  MenuCommand,
  SwitchOutcome,
  UpdateDocumentArgs
} from '../../../src-main/api/contract'
import { api, errorMessage, onApiEvent } from '../api'
import { router } from '../router'
import { useEvidenceStore } from './evidence'
import { useLibraryStore } from './library'
import { useWorkspaceStore } from './workspace'

export const ROLE_WORDS: Record<DocumentRole, { one: string; many: string }> = {
  version: { one: 'draft', many: 'drafts' },
  source: { one: 'source', many: 'sources' }
}

export const STAGE_WORDS: Record<ImportProgress['stage'], string> = {
  reading: 'Reading the file',
  extracting: 'Extracting the text',
  segmenting: 'Finding the clauses',
  saving: 'Saving into the matter',
  done: 'Imported'
}

export const FORMAT_LABEL: Record<MatterDocument['format'], string> = { docx: 'Word', pdf: 'PDF', text: 'Text', markdown: 'Markdown', html: 'HTML' }

/** The last import, as the library shows it until the reviewer dismisses it. */
export interface ImportRun {
  as: DocumentRole
  /** True until main answers. */
  running: boolean
  /** The newest progress event; null before the first. */
  progress: ImportProgress | null
  /** Files that have reported progress, in order: "file 2 of 3" when several were dropped. */
  files: string[]
  /** How many files were handed over, when the page knows (a drop); null for a dialog. */
  expected: number | null
  report: ImportReport | null
  /** The whole import failed (no matter open, the dialog could not open). */
  error: string | null
}

export const useMatterStore = defineStore('matter', () => {
  const library = useLibraryStore()
  const workspace = useWorkspaceStore()
  const evidence = useEvidenceStore()

  const matter = shallowRef<MatterView | null>(null)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  /** A switch to another matter is on its way (a folder dialog may be open). */
  const switching = ref(false)
  /** The library's New matter form is open (its button or File → New Matter…). */
  const newMatterFormOpen = ref(false)
  const run = shallowRef<ImportRun | null>(null)
  /** The draft whose clauses the segmentation review shows. */
  const review = shallowRef<DocumentReview | null>(null)
  const reviewError = ref<string | null>(null)

  const importing = computed(() => run.value?.running ?? false)
  /** Another matter may be opened: not while one is opening, nor while an import runs (main refuses too). */
  const canSwitch = computed(() => !switching.value && !importing.value)
  const documents = computed(() => matter.value?.documents ?? [])
  const documentById = computed(() => new Map(documents.value.map((d) => [d.id, d])))

  async function load(): Promise<void> {
    try {
      matter.value = await api.getMatter()
      error.value = null
    } catch (err) {
      error.value = errorMessage(err)
    } finally {
      loaded.value = true
    }
  }

  /**
   * After the matter changed (an import, a removal, corrected details or clauses, an undo or
   * redo, another program's save): everything that shows it is read again from main — the
   * citations (their anchors move with the clauses), the library index with its cached documents
   * (the screens showing one watch the index), the matter, and the review on screen, unless
   * `answer` is the review as the change left it. In the bundled case only citations change.
   */
  async function changed(answer?: DocumentReview): Promise<void> {
    if (answer) {
      reviewGeneration++
      review.value = answer
    }
    const current = answer ? null : review.value
    await Promise.all([
      evidence.reload(),
      matter.value ? load() : Promise.resolve(),
      matter.value ? library.reload() : Promise.resolve(),
      matter.value && current ? loadReview(current.document.id) : Promise.resolve()
    ])
  }

  // --- switching ---------------------------------------------------------------------------

  /**
   * Every store holds data of the review that was open; the honest reset is a fresh page on the
   * library, which asks main for everything again.
   */
  function restart(): void {
    window.location.hash = '#/'
    window.location.reload()
  }

  async function switchTo(open: () => Promise<SwitchOutcome>): Promise<boolean> {
    if (switching.value) return false
    switching.value = true
    error.value = null
    try {
      const outcome = await open()
      if (!outcome.opened) return false
      restart()
      return true
    } catch (err) {
      error.value = errorMessage(err)
      return false
    } finally {
      switching.value = false
    }
  }

  const newMatter = (title: string): Promise<boolean> => switchTo(() => api.newMatter(title))
  const openMatter = (): Promise<boolean> => switchTo(() => api.openMatter())
  const openBundledCase = (): Promise<boolean> => switchTo(() => api.openBundledCase())

  // --- importing ---------------------------------------------------------------------------

  async function runImport(as: DocumentRole, expected: number | null, start: () => Promise<ImportReport>): Promise<ImportReport | null> {
    if (importing.value) return null
    const started: ImportRun = { as, running: true, progress: null, files: [], expected, report: null, error: null }
    run.value = started
    // The results show in the library, beside the documents they add.
    if (router.currentRoute.value.name !== 'library') void router.push({ name: 'library' })
    try {
      const report = await workspace.track(start())
      // A cancelled dialog imports nothing and has nothing to say.
      run.value = report.imported.length === 0 && report.failed.length === 0 ? null : { ...(run.value ?? started), running: false, report }
      if (report.imported.length > 0) await changed()
      return report
    } catch (err) {
      run.value = { ...(run.value ?? started), running: false, error: errorMessage(err) }
      return null
    }
  }

  /** Asks main for files in its open dialog and imports them as `as`. */
  const importFiles = (as: DocumentRole): Promise<ImportReport | null> => runImport(as, null, () => api.importDocuments(as))

  /** Imports files dropped on the window; the preload resolves each to its path. */
  const importDropped = (files: readonly DroppedFile[], as: DocumentRole): Promise<ImportReport | null> =>
    files.length === 0 ? Promise.resolve(null) : runImport(as, files.length, () => api.importDropped(files, as))

  function onProgress(progress: ImportProgress): void {
    const current = run.value
    if (!current?.running) return
    const files = current.files.includes(progress.file) ? current.files : [...current.files, progress.file]
    run.value = { ...current, progress, files }
  }

  function dismissImport(): void {
    if (!importing.value) run.value = null
  }

  // --- documents ---------------------------------------------------------------------------

  async function updateDocument(args: UpdateDocumentArgs): Promise<MatterDocument> {
    const updated = await workspace.track(api.updateDocument(args))
    await changed()
    return updated
  }

  async function removeDocument(id: string): Promise<MatterDocument> {
    const removed = await workspace.track(api.removeDocument(id))
    await changed()
    return removed
  }

  // --- the segmentation review -------------------------------------------------------------

  let reviewGeneration = 0
  async function loadReview(id: string): Promise<void> {
    const mine = ++reviewGeneration
    if (review.value?.document.id !== id) review.value = null
    try {
      const answer = await api.getDocumentReview(id)
      if (mine !== reviewGeneration) return
      review.value = answer
      reviewError.value = null
    } catch (err) {
      if (mine !== reviewGeneration) return
      review.value = null
      reviewError.value = errorMessage(err)
    }
  }

  /** Saves one correction (undoable); the review, the versions and the matter show it at once. */
  async function editSegmentation(args: EditSegmentationArgs): Promise<DocumentReview> {
    const answer = await workspace.track(api.editSegmentation(args))
    await changed(answer)
    return answer
  }

  async function resetSegmentation(id: string): Promise<DocumentReview> {
    const answer = await workspace.track(api.resetSegmentation(id))
    await changed(answer)
    return answer
  }

  // --- events from main ----------------------------------------------------------------------

  function onMenu(command: MenuCommand): void {
    switch (command) {
      case 'new-matter':
        newMatterFormOpen.value = true
        if (router.currentRoute.value.name !== 'library') void router.push({ name: 'library' })
        break
      case 'open-matter':
        void openMatter()
        break
      case 'open-bundled-case':
        void openBundledCase()
        break
      case 'import-version':
        void importFiles('version')
        break
      case 'import-source':
        void importFiles('source')
        break
    }
  }

  /** Listens to main's events for as long as the app runs; returns the function that stops it. */
  function listen(): () => void {
    return onApiEvent((event: ApiEvent) => {
      if (event.type === 'import-progress') onProgress(event.progress)
      else if (event.type === 'menu') onMenu(event.command)
    })
  }

  return {
    matter,
    loaded,
    error,
    switching,
    newMatterFormOpen,
    run,
    importing,
    canSwitch,
    documents,
    documentById,
    review,
    reviewError,
    load,
    changed,
    newMatter,
    openMatter,
    openBundledCase,
    importFiles,
    importDropped,
    dismissImport,
    updateDocument,
    removeDocument,
    loadReview,
    editSegmentation,
    resetSegmentation,
    listen
  }
})
