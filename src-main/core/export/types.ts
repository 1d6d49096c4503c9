// What every export format is given and answers: one comparison with its evidence, rendered by the
// PDF (inline, side by side) or the Word redline, so the option handling lives in one place (service.ts).
import type { Comparison } from '../compare/types'
import type { ResolvedCitation } from '../evidence/service'
import type { VersionSummary } from '../models/types'
import type { SourceSummary } from '../sources/types'

/** Every format, in the order menus offer them; the CLI and the API schema check against this list. */
export const EXPORT_FORMATS = ['pdf', 'pdf-side-by-side', 'docx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportInput {
  comparison: Comparison
  /** Citations of the two compared versions. */
  citations: readonly ResolvedCitation[]
  sources: readonly SourceSummary[]
  /** Who exports: the author of the tracked changes and the cover's reviewer ('' when not named). */
  reviewer: string
  exportedAt: Date
  /** Unchanged and carried-over clauses too, not only the changed ones. */
  includeUnchanged: boolean
  /** The library's versions: kind and summary of the two compared, and the dates of the versions a carried-over term comes from. */
  versions?: readonly VersionSummary[]
}

/** A rendered export: its bytes and, for a paged format, how many pages. */
export interface Rendered {
  bytes: Buffer
  pages?: number
}
