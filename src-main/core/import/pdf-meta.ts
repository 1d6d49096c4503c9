// What a PDF says about itself (its info dictionary, else its XMP metadata) as a DocumentMeta:
// title, author and the creation date as an ISO date with the precision the file gives.
import type { DocumentMeta } from './types'

/** The part of pdf.js's Metadata (XMP) this reader uses. */
export interface XmpLike {
  get(name: string): unknown
}

function text(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find((v) => typeof v === 'string' && v.trim() !== '') : value
  if (typeof first !== 'string') return undefined
  const t = first.replace(/\s+/g, ' ').trim()
  return t === '' ? undefined : t
}

/**
 * A PDF date ("D:20240305103000+01'00'", the "D:" and everything after the year optional) or an
 * XMP one ("2024-03-05T10:30:00Z") as YYYY, YYYY-MM or YYYY-MM-DD: the date as written where it
 * was made, not moved to UTC.
 */
export function pdfDate(value: unknown): string | undefined {
  const s = text(value)
  if (!s) return undefined
  const m = /^(?:D:)?(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?/.exec(s)
  if (!m) return undefined
  const [, y, mo, d] = m
  if (Number(y) < 1000) return undefined
  if (!mo || Number(mo) < 1 || Number(mo) > 12) return y
  if (!d || Number(d) < 1 || Number(d) > 31) return `${y}-${mo}`
  return `${y}-${mo}-${d}`
}

/** Word's PDF export puts "Microsoft Word - file.docx" in the title: that names a file, not the document. */
function title(value: unknown): string | undefined {
  const t = text(value)
  return t && /^Microsoft Word - /.test(t) ? undefined : t
}

export function pdfMeta(info: Record<string, unknown>, xmp: XmpLike | null): DocumentMeta {
  const meta: DocumentMeta = {}
  const t = title(info.Title) ?? title(xmp?.get('dc:title'))
  const author = text(info.Author) ?? text(xmp?.get('dc:creator'))
  const date = pdfDate(info.CreationDate) ?? pdfDate(xmp?.get('xmp:createdate'))
  if (t) meta.title = t
  if (author) meta.author = author
  if (date) meta.date = date
  return meta
}
