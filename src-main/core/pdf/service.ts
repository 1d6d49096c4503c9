// The annotated PDF through the one export path (core/export/service.ts), under the names its
// callers have used since before there were other formats.
import { exportComparison, suggestedExportName, type ExportRequest, type ExportResult, type ExportServices } from '../export/service'
import type { VersionSummary } from '../models/types'

export type PdfExportRequest = Omit<ExportRequest, 'format'>
export type PdfExportResult = ExportResult & { pages: number }
export type PdfServices = ExportServices

export async function exportPdf(services: PdfServices, request: PdfExportRequest, reviewerSetting = ''): Promise<PdfExportResult> {
  const r = await exportComparison(services, { ...request, format: 'pdf' }, reviewerSetting)
  return { ...r, pages: r.pages ?? 0 }
}

export function suggestedPdfName(base: Pick<VersionSummary, 'title' | 'date'>, target: Pick<VersionSummary, 'title' | 'date'>): string {
  return suggestedExportName(base, target, 'pdf')
}
