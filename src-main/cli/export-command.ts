// `clausewise export`: the annotated PDF of a comparison, for batch jobs and scripts.
import { ClausewiseError } from '../core/errors'
import { EvidenceService, readOnlyWorkspace } from '../core/evidence/service'
import type { Library } from '../core/library'
import { exportPdf } from '../core/pdf/service'
import { emptyWorkspace } from '../core/workspace/types'
import { guarded, openStore } from './common'
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
    const store = o.workspace ? await openStore(o.workspace, out) : readOnlyWorkspace(emptyWorkspace())
    const evidence = new EvidenceService(library, store)
    const reviewerSetting = (await store.read()).settings.reviewerName
    const r = await exportPdf(library, evidence, { baseId: o.baseId, targetId: o.targetId, out: o.out, reviewer: o.reviewer, includeUnchanged: o.includeUnchanged }, reviewerSetting)
    out.stdout(`exported ${r.clauses} clause${r.clauses === 1 ? '' : 's'} and ${r.citations} citation${r.citations === 1 ? '' : 's'} to ${r.path} (${r.pages} pages, ${Math.round(r.bytes / 1024)} KB)\n`)
  })
}
