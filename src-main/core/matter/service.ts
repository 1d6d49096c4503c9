// A matter's operations: create one, import a file into it as a draft or as evidence, correct a
// document's details or its clauses. Every import reads, checks and splits the whole file before
// anything is written, so a file that cannot be read leaves the matter exactly as it was.
import { randomUUID } from 'node:crypto'
import { mkdir, readdir, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { ClausewiseError, notFound } from '../errors'
import { readDocumentBytes, readImportBytes } from '../import/read'
import { segment } from '../import/segment'
import type { DocumentRole, MatterDocument, SegmentationChange, SegmentationEdit, WorkspaceData } from '../workspace/types'
import type { WorkspaceStore } from '../workspace/store'
import { sha256Of, storeDocument, STRUCTURE_FORMAT, STRUCTURE_SCHEMA_VERSION, type StoredStructure } from './document-store'
import { reviewFileOf, REVIEW_FILE } from './layout'
import { MatterDocumentSchema } from '../workspace/schema'
import type { MatterLibrary } from './library'
import { checkEdit, type EditedClause } from './segmentation'

export type ImportStage = 'reading' | 'extracting' | 'segmenting' | 'saving' | 'done'

/** How far an import has got, for a progress bar: `fraction` runs from 0 to 1 over the whole import. */
export interface ImportProgress {
  file: string
  stage: ImportStage
  fraction: number
}

export interface ImportRequest {
  as: DocumentRole
  /** The reviewer's title; else the document's own, else the file name. */
  title?: string
  /** YYYY, YYYY-MM or YYYY-MM-DD; else the date the document gives, if any. */
  date?: string
}

export interface ImportOutcome {
  document: MatterDocument
  /** Clauses found (a version) or paragraphs (a source). */
  parts: number
  /** What the reader left out and what segmentation doubted, in words for the reviewer. */
  warnings: string[]
}

export interface DocumentDetails {
  title?: string
  date?: string
  author?: string | null
  publisher?: string | null
}

/** A draft as the segmentation review shows it: its clauses after the reviewer's edits. */
export interface DocumentReview {
  document: MatterDocument
  clauses: EditedClause[]
  /** The reader's and the segmenter's warnings, then edits that no longer apply. */
  warnings: string[]
  edits: number
}

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/
const MAX_TITLE = 500

/** Makes `dir` a new, empty matter titled `title`; refuses a folder that holds other files. */
export async function createMatter(dir: string, title: string): Promise<void> {
  const name = title.trim()
  if (!name) throw new ClausewiseError({ code: 'invalid-argument', field: 'title', message: 'a matter needs a title' })
  if (name.length > MAX_TITLE) throw new ClausewiseError({ code: 'invalid-argument', field: 'title', message: `is longer than ${MAX_TITLE} characters` })
  const existing = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[]
    if (err.code === 'ENOTDIR') throw new ClausewiseError({ code: 'invalid-argument', file: basename(dir), message: 'is a file, not a folder' })
    throw new ClausewiseError({ code: 'unreadable', file: basename(dir), message: err.message })
  })
  if (existing.includes(REVIEW_FILE)) throw new ClausewiseError({ code: 'invalid-argument', file: basename(dir), message: 'is already a matter: open it instead' })
  if (existing.some((f) => !f.startsWith('.'))) throw new ClausewiseError({ code: 'invalid-argument', file: basename(dir), message: 'is not empty: choose a new or empty folder for the matter' })
  await mkdir(dir, { recursive: true })
  const { WorkspaceStore } = await import('../workspace/store')
  await new WorkspaceStore(reviewFileOf(dir)).update((ws) => {
    ws.matter = { title: name }
  })
}

/** True when `dir` holds a matter's review file. */
export async function isMatterDir(dir: string): Promise<boolean> {
  return stat(reviewFileOf(dir)).then((s) => s.isFile(), () => false)
}

export class MatterService {
  /** Imports run one at a time: two at once could both pass the same-file check. */
  private imports: Promise<unknown> = Promise.resolve()
  private pending = 0

  constructor(
    readonly dir: string,
    private readonly store: WorkspaceStore,
    private readonly library: MatterLibrary,
    private readonly now: () => Date = () => new Date()
  ) {}

  /**
   * Reads `path`, splits it into clauses, stores the file and its structure, and adds it to the
   * matter. Everything that can fail on the file fails before the first write.
   */
  importFile(path: string, request: ImportRequest, onProgress: (p: ImportProgress) => void = () => undefined): Promise<ImportOutcome> {
    this.pending++
    const run = this.imports.then(() => this.importOne(path, request, onProgress)).finally(() => this.pending--)
    this.imports = run.catch(() => undefined)
    return run
  }

  /** True while an import is queued or running: switching matters or undoing must wait for it. */
  get importing(): boolean {
    return this.pending > 0
  }

  private async importOne(path: string, request: ImportRequest, onProgress: (p: ImportProgress) => void): Promise<ImportOutcome> {
    const file = basename(path)
    const title = request.title?.trim()
    if (title !== undefined && (title === '' || title.length > MAX_TITLE)) throw new ClausewiseError({ code: 'invalid-argument', field: 'title', message: title === '' ? 'must not be empty' : `is longer than ${MAX_TITLE} characters` })
    if (request.date !== undefined && !ISO_DATE.test(request.date)) throw new ClausewiseError({ code: 'invalid-argument', field: 'date', message: `"${request.date.slice(0, 40)}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD` })
    const ws = await this.writable()

    onProgress({ file, stage: 'reading', fraction: 0 })
    const bytes = await readImportBytes(path)
    const sha256 = sha256Of(bytes)
    const twin = ws.documents.find((d) => d.sha256 === sha256 && d.role === request.as)
    if (twin) throw new ClausewiseError({ code: 'invalid-argument', file, message: `this file is already in the matter as the ${request.as} "${twin.title}"` })
    onProgress({ file, stage: 'extracting', fraction: 0.05 })
    const read = await readDocumentBytes(bytes, file, { onProgress: (f) => onProgress({ file, stage: 'extracting', fraction: 0.05 + 0.75 * f }) })
    onProgress({ file, stage: 'segmenting', fraction: 0.85 })
    const segmentation = segment(read)
    const structure: StoredStructure = { format: STRUCTURE_FORMAT, schemaVersion: STRUCTURE_SCHEMA_VERSION, file, sha256, read, segmentation }

    const heading = read.blocks.find((b) => b.kind === 'heading')?.text
    const own = (title || read.meta.title?.trim() || (request.as === 'version' ? segmentation.title : heading)?.trim() || stripExtension(file).trim() || file).slice(0, MAX_TITLE)
    const entryOf = (draft: WorkspaceData): MatterDocument => {
      // Two drafts of one agreement carry one title: the file name tells them apart in the timeline.
      const twinTitle = !title && draft.documents.some((d) => d.role === request.as && d.title === own)
      return {
        id: uniqueId(slug(title ?? read.meta.title ?? segmentation.title ?? heading ?? stripExtension(file)), draft),
        role: request.as,
        sha256,
        file,
        format: read.format,
        imported: this.now().toISOString(),
        title: twinTitle ? `${own} (${file})`.slice(0, MAX_TITLE) : own,
        // A draft's file dates say when it was saved or printed, not the agreement's date: a draft
        // is undated until the reviewer gives one. A source's metadata date is its publication date.
        date: request.date ?? (request.as === 'source' ? validDate(read.meta.date) : ''),
        author: read.meta.author?.slice(0, MAX_TITLE) ?? null,
        publisher: read.meta.publisher?.slice(0, MAX_TITLE) ?? null
      }
    }
    // Checked before anything is written: an entry the review file would refuse fails here.
    const check = MatterDocumentSchema.safeParse(entryOf(ws))
    if (!check.success) throw new ClausewiseError({ code: 'invalid-file', file, message: `cannot be added: ${check.error.issues[0]?.path.join('.')}: ${check.error.issues[0]?.message}` })

    onProgress({ file, stage: 'saving', fraction: 0.95 })
    const unstore = await storeDocument(this.dir, { bytes, file }, structure)
    let document: MatterDocument
    try {
      document = await this.store.update((draft) => {
        const entry = entryOf(draft)
        draft.documents.push(entry)
        return entry
      })
    } catch (err) {
      // The review file was not written (lock, disk, size cap): take back what was stored, so the
      // folder is as it was.
      await unstore()
      throw err
    }
    onProgress({ file, stage: 'done', fraction: 1 })
    const parts = request.as === 'version' ? segmentation.clauses.length : read.blocks.length
    const warnings = request.as === 'version' ? [...read.warnings, ...segmentation.warnings] : read.warnings
    return { document, parts, warnings }
  }

  /** Corrects a document's title, date, author or publisher; the stored file is not touched. */
  async updateDocument(id: string, details: DocumentDetails): Promise<MatterDocument> {
    const title = details.title?.trim()
    if (title !== undefined && (title === '' || title.length > MAX_TITLE)) throw new ClausewiseError({ code: 'invalid-argument', field: 'title', message: title === '' ? 'must not be empty' : `is longer than ${MAX_TITLE} characters` })
    if (details.date !== undefined && details.date !== '' && !ISO_DATE.test(details.date)) throw new ClausewiseError({ code: 'invalid-argument', field: 'date', message: 'use YYYY, YYYY-MM or YYYY-MM-DD, or leave it empty' })
    return this.store.update((ws) => {
      const doc = findDocument(ws, id)
      if (title !== undefined) doc.title = title
      if (details.date !== undefined) doc.date = details.date
      if (details.author !== undefined) doc.author = details.author?.trim() || null
      if (details.publisher !== undefined) doc.publisher = details.publisher?.trim() || null
      return { ...doc }
    })
  }

  /** Takes a document out of the matter (undoable); its stored file stays, so undo can bring it back. */
  async removeDocument(id: string): Promise<MatterDocument> {
    return this.store.update((ws) => {
      const doc = findDocument(ws, id)
      ws.documents = ws.documents.filter((d) => d !== doc)
      ws.segmentation = ws.segmentation.filter((e) => e.documentId !== id)
      return doc
    })
  }

  /** A draft's clauses after the reviewer's edits, for the segmentation review. */
  async review(id: string): Promise<DocumentReview> {
    const ws = await this.store.read()
    const document = findDocument(ws, id)
    if (document.role !== 'version') throw new ClausewiseError({ code: 'invalid-argument', message: `"${id}" is a source: only drafts are split into clauses` })
    const structure = await this.library.structure(document)
    const { clauses, warnings } = await this.library.clausesOf(document, ws)
    const edits = ws.segmentation.filter((e) => e.documentId === id).length
    return { document, clauses, warnings: [...structure.read.warnings, ...structure.segmentation.warnings, ...warnings], edits }
  }

  /** Records one correction of a draft's clauses, checked against its clauses as they are now. */
  async editSegmentation(edit: SegmentationChange): Promise<DocumentReview> {
    const ws = await this.writable()
    const doc = findDocument(ws, edit.documentId)
    const { clauses } = await this.library.clausesOf(doc, ws)
    const at = clauses.findIndex((c) => c.id === edit.clauseId)
    const full: SegmentationEdit = { ...edit, id: randomUUID() }
    const problem = at < 0 ? `${doc.title} has no clause "${edit.clauseId}"` : checkEdit(clauses, at, full)
    if (problem) throw new ClausewiseError({ code: at < 0 ? 'not-found' : 'invalid-argument', message: problem })
    await this.store.update((draft) => {
      findDocument(draft, edit.documentId)
      draft.segmentation.push(full)
    })
    return this.review(edit.documentId)
  }

  /** Forgets every edit of a draft's clauses (undoable): back to the split import made. */
  async resetSegmentation(documentId: string): Promise<DocumentReview> {
    await this.store.update((ws) => {
      findDocument(ws, documentId)
      ws.segmentation = ws.segmentation.filter((e) => e.documentId !== documentId)
    })
    return this.review(documentId)
  }

  private async writable(): Promise<WorkspaceData> {
    const opened = await this.store.open()
    if (opened.readOnly) throw new ClausewiseError({ code: 'invalid-argument', file: this.store.name, message: 'the matter is open read-only (written by a newer Clausewise): nothing can be imported or changed' })
    return opened.data
  }
}

function findDocument(ws: WorkspaceData, id: string): MatterDocument {
  const doc = ws.documents.find((d) => d.id === id)
  if (!doc) throw notFound('document', id)
  return doc
}

/** "Master Services Agreement (draft 2)" → "master-services-agreement-draft-2". */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '')
  return s || 'document'
}

/**
 * `base`, or `base-2`, `base-3`…: never an id the matter uses or used. A removed document's id stays
 * taken while citations or pairings name it, or they would attach to the next import of that title.
 */
function uniqueId(base: string, ws: WorkspaceData): string {
  const taken = new Set([
    ...ws.documents.map((d) => d.id),
    ...ws.citations.flatMap((c) => [c.versionId, c.sourceId]),
    ...ws.pairings.flatMap((p) => [p.baseVersionId, p.targetVersionId])
  ])
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

function stripExtension(file: string): string {
  return file.replace(/\.[A-Za-z0-9]{1,10}$/, '')
}

function validDate(date: string | undefined): string {
  return date !== undefined && ISO_DATE.test(date) ? date : ''
}
