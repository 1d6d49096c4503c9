// A user's agreement file read and split into clauses in one call, and seen as a Version, so
// that `segment`, `compare --base FILE` and a matter's import share one path from file to clauses.
import { basename, extname } from 'node:path'
import type { Version } from '../models/types'
import { readDocumentFile } from './read'
import { segment, type SegmentedClause } from './segment'
import type { DocumentFormat, DocumentMeta } from './types'

export interface ImportedDocument {
  /** The file's name, without its folder. */
  file: string
  format: DocumentFormat
  /** The document's own title (properties, first heading), else its file name without extension. */
  title: string
  meta: DocumentMeta
  clauses: SegmentedClause[]
  /** What the reader left out and what segmentation doubted, in words for the reviewer. */
  warnings: string[]
}

export async function importDocumentFile(path: string): Promise<ImportedDocument> {
  const read = await readDocumentFile(path)
  const file = basename(path)
  const seg = segment(read)
  const title = (read.meta.title ?? seg.title ?? '').trim() || basename(file, extname(file))
  return { file, format: read.format, title, meta: read.meta, clauses: seg.clauses, warnings: [...read.warnings, ...seg.warnings] }
}

/** The document as a version to compare: its clauses keep their derived ids, labels and headings. */
export function documentVersion(doc: ImportedDocument, id: string): Version {
  return {
    id,
    title: doc.title,
    date: doc.meta.date ?? '',
    kind: 'agreement',
    summary: '',
    file: doc.file,
    clauseCount: doc.clauses.length,
    clauses: doc.clauses.map((c) => ({ id: c.id, idDerived: true as const, ...(c.label === undefined ? {} : { label: c.label }), heading: c.heading, text: c.text }))
  }
}
