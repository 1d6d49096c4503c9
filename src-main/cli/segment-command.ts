// `clausewise segment FILE`: how import reads a user's document and splits it into clauses, for
// checking a draft before comparing it, and for scripts (--json).
import { importDocumentFile, type ImportedDocument } from '../core/import/document'
import { reportError, style, type Out } from './output'

export interface SegmentJson {
  file: string
  format: ImportedDocument['format']
  title: string
  clauses: Array<{ id: string; label: string | null; heading: string; text: string; level: number; page: number | null }>
  warnings: string[]
}

export async function segmentCommand(out: Out, path: string, json: boolean): Promise<number> {
  let doc: ImportedDocument
  try {
    doc = await importDocumentFile(path)
  } catch (err) {
    return reportError(out, err)
  }
  if (json) {
    const body: SegmentJson = {
      file: doc.file,
      format: doc.format,
      title: doc.title,
      clauses: doc.clauses.map((c) => ({ id: c.id, label: c.label ?? null, heading: c.heading, text: c.text, level: c.level, page: c.page ?? null })),
      warnings: doc.warnings
    }
    out.stdout(JSON.stringify(body) + '\n')
    return 0
  }
  for (const w of doc.warnings) out.stderr(`clausewise: ${doc.file}: ${w}\n`)
  out.stdout(`${style(out, doc.title, 'bold')} ${style(out, `(${doc.file}, ${doc.format}, ${doc.clauses.length} clauses)`, 'dim')}\n\n`)
  for (const c of doc.clauses) {
    const indent = '  '.repeat(c.level - 1)
    const head = [c.label, c.heading].filter(Boolean).join(' ')
    const page = c.page === undefined ? '' : style(out, `  p. ${c.page}`, 'dim')
    const words = c.text.split(/\s+/).filter(Boolean).length
    out.stdout(`${indent}${style(out, head || '(no heading)', head ? 'bold' : 'dim')}${page}\n`)
    out.stdout(`${indent}  ${style(out, preview(c.text), 'dim')} ${style(out, `(${words} words)`, 'dim')}\n`)
  }
  return 0
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat
}
