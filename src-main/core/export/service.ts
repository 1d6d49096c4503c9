// One export path for every format: the comparison the reviewer sees (their pairings applied), the
// citations of its two versions, the options, the atomic write and its errors. A format only renders.
import { basename, dirname } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { isChange } from '../compare/describe'
import type { CompareService } from '../compare/service'
import type { CompareOptions } from '../compare/types'
import { ClausewiseError } from '../errors'
import type { EvidenceService } from '../evidence/service'
import { safeFileName } from '../io/file-name'
import type { Library } from '../library'
import type { VersionSummary } from '../models/types'
import { renderDocx } from '../docx/redline'
import { renderPdf, renderSideBySidePdf } from '../pdf/export'
import { EXPORT_FORMATS, type ExportFormat, type ExportInput, type Rendered } from './types'

export type { ExportFormat }

export interface ExportRequest {
  /** 'pdf' (inline) when not given. */
  format?: ExportFormat
  baseId: string
  targetId: string
  out: string
  reviewer?: string
  includeUnchanged?: boolean
  options?: Partial<CompareOptions>
  now?: Date
}

export interface ExportResult {
  format: ExportFormat
  path: string
  bytes: number
  /** Pages of a PDF; a Word document is paged by Word. */
  pages?: number
  clauses: number
  citations: number
}

export interface ExportServices {
  library: Library
  evidence: EvidenceService
  compare: CompareService
}

/** How each format is named to the reviewer and in files. */
export const FORMATS: Readonly<Record<ExportFormat, { label: string; kind: string; extension: string; suffix: string }>> = {
  pdf: { label: 'PDF (inline)', kind: 'PDF', extension: 'pdf', suffix: '' },
  'pdf-side-by-side': { label: 'PDF (side by side)', kind: 'PDF', extension: 'pdf', suffix: ' side by side' },
  docx: { label: 'Word redline (tracked changes)', kind: 'Word document', extension: 'docx', suffix: '' }
}

/** The formats: each renders the same input. */
const RENDERERS: Readonly<Record<ExportFormat, (input: ExportInput) => Promise<Rendered>>> = {
  pdf: async (input) => {
    const bytes = await renderPdf(input)
    return { bytes, pages: countPages(bytes) }
  },
  'pdf-side-by-side': async (input) => {
    const bytes = await renderSideBySidePdf(input)
    return { bytes, pages: countPages(bytes) }
  },
  docx: renderDocx
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value)
}

export async function exportComparison({ library, evidence, compare }: ExportServices, request: ExportRequest, reviewerSetting = ''): Promise<ExportResult> {
  const format = request.format ?? 'pdf'
  const render = RENDERERS[format]
  // The comparison the reviewer sees: their saved pairings applied.
  const comparison = await compare.compare(request.baseId, request.targetId, request.options)
  const { citations } = await evidence.report()
  const relevant = citations.filter((c) => c.versionId === comparison.base.id || c.versionId === comparison.target.id)
  const includeUnchanged = request.includeUnchanged ?? false
  const index = await library.index()
  const rendered = await render({
    comparison,
    citations: relevant,
    sources: index.sources,
    versions: index.versions,
    // Trimmed here, once, so every format names the reviewer alike.
    reviewer: request.reviewer?.trim() || reviewerSetting.trim(),
    exportedAt: request.now ?? new Date(),
    includeUnchanged
  })
  await writeExport(request.out, rendered.bytes, FORMATS[format].kind)
  const result: ExportResult = {
    format,
    path: request.out,
    bytes: rendered.bytes.length,
    clauses: comparison.clauses.filter((c) => includeUnchanged || isChange(c)).length,
    citations: relevant.length
  }
  if (rendered.pages !== undefined) result.pages = rendered.pages
  return result
}

/** Written atomically (temp file, fsync, rename): an existing file is replaced whole or not at all. */
async function writeExport(out: string, bytes: Buffer, kind: string): Promise<void> {
  try {
    await writeFileAtomic(out, bytes, { fsync: true })
  } catch (err) {
    const reason = whyNotWritten((err as NodeJS.ErrnoException).code, out, (err as Error).message)
    throw new ClausewiseError({ code: 'unreadable', file: basename(out), message: `could not write the ${kind}: ${reason}` })
  }
}

/** Why a file could not be written, in a reviewer's words. */
function whyNotWritten(code: string | undefined, out: string, message: string): string {
  const openElsewhere = 'the file is open in another program; close it and export again'
  switch (code) {
    case 'ENOENT':
      return `the folder ${dirname(out)} does not exist`
    case 'EBUSY':
      return openElsewhere
    case 'EPERM':
      // Windows answers EPERM when Word or Acrobat holds the file open.
      return process.platform === 'win32' ? `permission denied, or ${openElsewhere}` : 'permission denied'
    case 'EACCES':
      return 'permission denied'
    case 'EISDIR':
      return 'that path is a folder'
    default:
      return message
  }
}

function countPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length
}

/**
 * The name the save dialog proposes: the two versions by their dates, as the PDF's title names
 * them ("Redline 2025-10-28 to 2026-04-27.pdf", ISO so a folder of exports sorts by date); by
 * their titles, made safe as a file name on every system, when a version is undated (a matter's
 * drafts until the reviewer dates them) or both share a date.
 */
export function suggestedExportName(base: Pick<VersionSummary, 'title' | 'date'>, target: Pick<VersionSummary, 'title' | 'date'>, format: ExportFormat = 'pdf'): string {
  const byDate = DATE.test(base.date) && DATE.test(target.date) && base.date !== target.date
  const name = (v: Pick<VersionSummary, 'title' | 'date'>): string => (byDate ? v.date : safeFileName(v.title, 60, 'version'))
  return `Redline ${name(base)} to ${name(target)}${FORMATS[format].suffix}.${FORMATS[format].extension}`
}

const DATE = /^\d{4}(-\d{2}){0,2}$/
