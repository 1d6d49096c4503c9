// Where a matter keeps what on disk, in one place: the review file, its backups beside it, and
// the document store. Moving or sharing the folder moves everything.
import { basename, dirname, join } from 'node:path'

/** The small review file: citations, pairings, settings, the documents' entries and edits. */
export const REVIEW_FILE = 'matter.clausewise.json'
/** Imported documents, one folder each, named by the SHA-256 of the original file. */
export const DOCUMENTS_DIR = 'documents'
/**
 * What the reader and the segmenter made of the file, beside the original: one per format it was
 * read as, since the same bytes read as text or as Markdown give different structures.
 */
export function structureFileOf(format: string): string {
  return `structure.${format}.json`
}

export function reviewFileOf(matterDir: string): string {
  return join(matterDir, REVIEW_FILE)
}

export function documentDirOf(matterDir: string, sha256: string): string {
  return join(matterDir, DOCUMENTS_DIR, sha256)
}

/** The matter folder a review file belongs to, or null for a workspace file of the bundled case. */
export function matterDirOfReviewFile(path: string): string | null {
  return basename(path) === REVIEW_FILE ? dirname(path) : null
}

/** The original's name in the store: `original.<ext>` with the ending it came with, made safe. */
export function originalNameOf(file: string): string {
  const ext = /\.([A-Za-z0-9]{1,10})$/.exec(file)?.[1]?.toLowerCase()
  return ext ? `original.${ext}` : 'original'
}
