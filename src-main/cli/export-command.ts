// `clausewise export`: the annotated PDF of a comparison, for batch jobs and scripts.
import { ClausewiseError } from '../core/errors'
import { exportPdf } from '../core/pdf/service'
import { emptyWorkspace } from '../core/workspace/types'
import { readOnlyServices } from '../services'
import { guarded, reviewOf, type Scope } from './common'
import { type Out } from './output'

export interface ExportOptions {
  baseId: string
  targetId: string
  out: string
  includeUnchanged: boolean
  reviewer?: string
}

export function exportCommand(scope: Scope, out: Out, o: ExportOptions): Promise<number> {
  const { library } = scope
  return guarded(out, async () => {
    if (scope.workspace !== undefined) {
      const { existsSync } = await import('node:fs')
      if (!existsSync(scope.workspace)) throw new ClausewiseError({ code: 'not-found', file: scope.workspace, message: 'workspace file not found' })
    }
    // Without --workspace or --matter the PDF carries no citations: an empty, read-only workspace stands in.
    const services = (await reviewOf(scope, out)) ?? readOnlyServices(library, emptyWorkspace())
    const reviewerSetting = (await services.workspace.read()).settings.reviewerName
    const r = await exportPdf({ library, ...services }, { baseId: o.baseId, targetId: o.targetId, out: o.out, reviewer: o.reviewer, includeUnchanged: o.includeUnchanged }, reviewerSetting)
    out.stdout(`exported ${r.clauses} clause${r.clauses === 1 ? '' : 's'} and ${r.citations} citation${r.citations === 1 ? '' : 's'} to ${r.path} (${r.pages} pages, ${Math.round(r.bytes / 1024)} KB)\n`)
  })
}
