// `clausewise export`: the comparison as a document to send (annotated PDF, side-by-side PDF or
// Word redline), for batch jobs and scripts, through the app's one export path.
import type { CompareOptions } from '../core/compare/types'
import { ClausewiseError } from '../core/errors'
import { extname } from 'node:path'
import { exportComparison, FORMATS, isExportFormat, type ExportFormat } from '../core/export/service'
import { EXPORT_FORMATS } from '../core/export/types'
import { emptyWorkspace } from '../core/workspace/types'
import { readOnlyServices } from '../services'
import { guarded, reviewOf, type Scope } from './common'
import { type Out } from './output'

export interface ExportOptions {
  baseId: string
  targetId: string
  out: string
  format: ExportFormat
  includeUnchanged: boolean
  reviewer?: string
  compare?: CompareOptions
}

/** The format asked for, or what is wrong with `--format` and `--out` (a usage error). */
export function exportUsage(format: string, out: string): { format: ExportFormat } | string {
  if (!isExportFormat(format)) return `--format must be ${EXPORT_FORMATS.slice(0, -1).join(', ')} or ${EXPORT_FORMATS.at(-1)}, not "${format}"`
  // A Word file named .pdf would open as a broken PDF: the name must say what the file is.
  const extension = `.${FORMATS[format].extension}`
  if (extname(out).toLowerCase() !== extension) return `--out ${out} must end in ${extension} for --format ${format}`
  return { format }
}

export function exportCommand(scope: Scope, out: Out, o: ExportOptions): Promise<number> {
  const { library } = scope
  return guarded(out, async () => {
    if (scope.workspace !== undefined) {
      const { existsSync } = await import('node:fs')
      if (!existsSync(scope.workspace)) throw new ClausewiseError({ code: 'not-found', file: scope.workspace, message: 'workspace file not found' })
    }
    // Without --workspace or --matter the export carries no citations: an empty, read-only workspace stands in.
    const services = (await reviewOf(scope, out)) ?? readOnlyServices(library, emptyWorkspace())
    const reviewerSetting = (await services.workspace.read()).settings.reviewerName
    const r = await exportComparison(
      { library, ...services },
      { format: o.format, baseId: o.baseId, targetId: o.targetId, out: o.out, reviewer: o.reviewer, includeUnchanged: o.includeUnchanged, ...(o.compare ? { options: o.compare } : {}) },
      reviewerSetting
    )
    const size = `${r.pages !== undefined ? `${r.pages} page${r.pages === 1 ? '' : 's'}, ` : ''}${Math.round(r.bytes / 1024)} KB`
    out.stdout(`exported ${r.clauses} clause${r.clauses === 1 ? '' : 's'} and ${r.citations} citation${r.citations === 1 ? '' : 's'} as ${FORMATS[r.format].label} to ${r.path} (${size})\n`)
  })
}
