// `clausewise export`: the annotated PDF of a comparison, for batch jobs and scripts.
import { ClausewiseError } from '../core/errors'
import type { Library } from '../core/library'
import { exportPdf } from '../core/pdf/service'
import { emptyWorkspace } from '../core/workspace/types'
import { readOnlyServices } from '../services'
import { guarded, openWorkspaceServices } from './common'
import { type Out } from './output'

export interface ExportOptions {
  baseId: string
  targetId: string
  out: string
  workspace?: string
  includeUnchanged: boolean
  reviewer?: string
}

export function exportCommand(library: Library, out: Out, o: ExportOptions): Promise<number> {
  return guarded(out, async () => {
    if (o.workspace) {
      const { existsSync } = await import('node:fs')
      if (!existsSync(o.workspace)) throw new ClausewiseError({ code: 'not-found', file: o.workspace, message: 'workspace file not found' })
    }
    // Without --workspace the PDF carries no citations: an empty, read-only workspace stands in.
    const services = o.workspace ? await openWorkspaceServices(library, o.workspace, out) : readOnlyServices(library, emptyWorkspace())
    const reviewerSetting = (await services.workspace.read()).settings.reviewerName
    const r = await exportPdf({ library, ...services }, { baseId: o.baseId, targetId: o.targetId, out: o.out, reviewer: o.reviewer, includeUnchanged: o.includeUnchanged }, reviewerSetting)
    out.stdout(`exported ${r.clauses} clause${r.clauses === 1 ? '' : 's'} and ${r.citations} citation${r.citations === 1 ? '' : 's'} to ${r.path} (${r.pages} pages, ${Math.round(r.bytes / 1024)} KB)\n`)
  })
}
