// A matter's own documents as a library: its imported drafts as versions (the reviewer's
// segmentation edits applied) and its imported evidence as sources, served like the bundled case
// so compare, evidence and export work on them unchanged.
import { ClausewiseError, type Problem } from '../errors'
import { sourceFromDocument } from '../import/source'
import { Library } from '../library'
import type { ModelsLoad } from '../models/library'
import type { Version } from '../models/types'
import type { SourcesLoad } from '../sources/library'
import type { MatterDocument, WorkspaceData } from '../workspace/types'
import { readStructure, type StoredStructure } from './document-store'
import { applySegmentationEdits, type EditedSegmentation } from './segmentation'

export interface ReviewReader {
  read(): Promise<WorkspaceData>
}

export class MatterLibrary extends Library {
  /** Stored structures never change (content-addressed): each is read once. */
  private readonly structures = new Map<string, Promise<StoredStructure>>()
  private models: { key: string; load: Promise<ModelsLoad> } | undefined
  private sources: { key: string; load: Promise<SourcesLoad> } | undefined

  constructor(
    readonly dir: string,
    private readonly review: ReviewReader
  ) {
    super()
  }

  structure(doc: Pick<MatterDocument, 'sha256' | 'format'>): Promise<StoredStructure> {
    const key = `${doc.sha256}/${doc.format}`
    let found = this.structures.get(key)
    if (!found) {
      found = readStructure(this.dir, doc.sha256, doc.format)
      // A failed read is not remembered: the reviewer may put the missing file back.
      found.catch(() => this.structures.delete(key))
      this.structures.set(key, found)
    }
    return found
  }

  /** Versions from the draft documents, by date (undated last), then in import order. */
  async loadModels(): Promise<ModelsLoad> {
    const ws = await this.review.read()
    const docs = ws.documents.filter((d) => d.role === 'version')
    const key = JSON.stringify([docs, ws.segmentation])
    if (this.models?.key !== key) {
      // A load that could not read a stored document is not kept: the reviewer may put it back.
      const entry: { key: string; load: Promise<ModelsLoad> } = { key, load: this.buildModels(docs, ws, () => this.models === entry && (this.models = undefined)) }
      this.models = entry
    }
    return this.models.load
  }

  async loadSources(): Promise<SourcesLoad> {
    const ws = await this.review.read()
    const docs = ws.documents.filter((d) => d.role === 'source')
    const key = JSON.stringify(docs)
    if (this.sources?.key !== key) {
      const entry: { key: string; load: Promise<SourcesLoad> } = { key, load: this.buildSources(docs, () => this.sources === entry && (this.sources = undefined)) }
      this.sources = entry
    }
    return this.sources.load
  }

  /** A draft's clauses with the reviewer's edits applied, and the edits that no longer apply. */
  async clausesOf(doc: MatterDocument, ws: WorkspaceData): Promise<EditedSegmentation> {
    const structure = await this.structure(doc)
    return applySegmentationEdits(
      structure.segmentation.clauses,
      ws.segmentation.filter((e) => e.documentId === doc.id)
    )
  }

  private async buildModels(docs: MatterDocument[], ws: WorkspaceData, unreadable: () => void): Promise<ModelsLoad> {
    const problems: Problem[] = []
    const versions: Version[] = []
    for (const doc of docs) {
      try {
        const { clauses, warnings } = await this.clausesOf(doc, ws)
        for (const message of warnings) problems.push({ code: 'invalid-argument', file: doc.file, message })
        versions.push({
          id: doc.id,
          title: doc.title,
          date: doc.date,
          kind: 'agreement',
          summary: `Imported from ${doc.file}.`,
          file: doc.file,
          clauseCount: clauses.length,
          clauses: clauses.map((c) => ({ id: c.id, idDerived: true as const, ...(c.label === undefined ? {} : { label: c.label }), heading: c.heading, text: c.text }))
        })
      } catch (err) {
        unreadable()
        problems.push(problemOf(err, doc))
      }
    }
    const order = new Map(docs.map((d, i) => [d.id, i]))
    versions.sort((a, b) => byDate(a.date, b.date) || order.get(a.id)! - order.get(b.id)!)
    return { versions, problems }
  }

  private async buildSources(docs: MatterDocument[], unreadable: () => void): Promise<SourcesLoad> {
    const problems: Problem[] = []
    const sources: SourcesLoad['sources'] = []
    for (const doc of docs) {
      try {
        const structure = await this.structure(doc)
        sources.push(
          sourceFromDocument(structure.read, {
            id: doc.id,
            file: doc.file,
            title: doc.title,
            titleFromLead: false,
            publisher: doc.publisher,
            author: doc.author,
            published: doc.date || null
          })
        )
      } catch (err) {
        unreadable()
        problems.push(problemOf(err, doc))
      }
    }
    return { sources, problems }
  }
}

/** Dated before undated; partial dates by their first day. */
function byDate(a: string, b: string): number {
  if (a === b) return 0
  if (!a) return 1
  if (!b) return -1
  return a < b ? -1 : 1
}

function problemOf(err: unknown, doc: MatterDocument): Problem {
  if (err instanceof ClausewiseError) return { ...err.problem, message: `${doc.title} (${doc.file}): ${err.problem.message}` }
  return { code: 'unreadable', file: doc.file, message: `${doc.title}: ${err instanceof Error ? err.message : String(err)}` }
}
