// Exports a comparison and its evidence as an annotated PDF file. The file is written
// atomically: an unwritable path or a failure mid-way leaves no partial PDF behind.
import { basename, dirname } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { CompareService } from '../compare/service'
import type { CompareOptions } from '../compare/types'
import { ClausewiseError } from '../errors'
import type { EvidenceService } from '../evidence/service'
import type { Library } from '../library'
import type { VersionSummary } from '../models/types'
import { renderPdf } from './export'
import { isChange } from '../compare/describe'
import { safeFileName } from '../io/file-name'

export interface PdfExportRequest {
  baseId: string
  targetId: string
  out: string
  reviewer?: string
  includeUnchanged?: boolean
  options?: Partial<CompareOptions>
  now?: Date
}

export interface PdfExportResult {
  path: string
  bytes: number
  pages: number
  clauses: number
  citations: number
}

export interface PdfServices {
  library: Library
  evidence: EvidenceService
  compare: CompareService
}

export async function exportPdf({ library, evidence, compare }: PdfServices, request: PdfExportRequest, reviewerSetting = ''): Promise<PdfExportResult> {
  // The comparison the reviewer sees: their saved pairings applied.
  const comparison = await compare.compare(request.baseId, request.targetId, request.options)
  const { citations } = await evidence.report()
  const relevant = citations.filter((c) => c.versionId === comparison.base.id || c.versionId === comparison.target.id)
  const includeUnchanged = request.includeUnchanged ?? false
  const index = await library.index()
  const pdf = await renderPdf({
    comparison,
    citations: relevant,
    sources: index.sources,
    versions: index.versions,
    reviewer: request.reviewer?.trim() || reviewerSetting,
    exportedAt: request.now ?? new Date(),
    includeUnchanged
  })
  try {
    await writeFileAtomic(request.out, pdf, { fsync: true })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? `the folder ${dirname(request.out)} does not exist` : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'that path is a folder' : (err as Error).message
    throw new ClausewiseError({ code: 'unreadable', file: basename(request.out), message: `could not write the PDF: ${reason}` })
  }
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length
  return { path: request.out, bytes: pdf.length, pages, clauses: comparison.clauses.filter((c) => includeUnchanged || isChange(c)).length, citations: relevant.length }
}

/**
 * The name the save dialog proposes: the two versions by their dates, as the PDF's title names
 * them ("Redline 2025-10-28 to 2026-04-27.pdf", ISO so a folder of exports sorts by date); by
 * their titles, made safe as a file name on every system, when a version is undated (a matter's
 * drafts until the reviewer dates them) or both share a date.
 */
export function suggestedPdfName(base: Pick<VersionSummary, 'title' | 'date'>, target: Pick<VersionSummary, 'title' | 'date'>): string {
  const byDate = DATE.test(base.date) && DATE.test(target.date) && base.date !== target.date
  const name = (v: Pick<VersionSummary, 'title' | 'date'>): string => (byDate ? v.date : safeFileName(v.title, 60, 'version'))
  return `Redline ${name(base)} to ${name(target)}.pdf`
}

const DATE = /^\d{4}(-\d{2}){0,2}$/
