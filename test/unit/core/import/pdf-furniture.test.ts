import { describe, expect, it } from 'vitest'
import { findFurniture, type PdfPageLines } from '../../../../src-main/core/import/pdf-furniture'
import type { PdfLine } from '../../../../src-main/core/import/pdf-lines'
import { pdfDate, pdfMeta } from '../../../../src-main/core/import/pdf-meta'

const line = (page: number, y: number, text: string): PdfLine => ({ page, column: 0, x: 72, end: 72 + text.length * 5, y, size: 11, text, stops: [], firstWord: 20 })

const WORDS = ['Licensor', 'Licensee', 'Supplier', 'Buyer', 'Agent', 'Seller', 'Lender', 'Borrower']

/** Pages of a Letter-size document: `head` and `foot` lines per page, body lines between. */
function pages(count: number, head: (n: number) => string | undefined, foot: (n: number) => string | undefined, body: (n: number) => string[] = (n) => [`${WORDS[n]} shall deliver the goods.`, `The ${WORDS[n + 1]} shall pay for them.`]): PdfPageLines[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1
    const lines: PdfLine[] = []
    const h = head(n)
    if (h !== undefined) lines.push(line(n, 750, h))
    body(n).forEach((t, j) => lines.push(line(n, 700 - j * 13, t)))
    const f = foot(n)
    if (f !== undefined) lines.push(line(n, 40, f))
    return { page: n, lines, top: 792, bottom: 0 }
  })
}

const removed = (ps: PdfPageLines[]) => [...findFurniture(ps)].map((l) => `${l.page}:${l.text}`)

describe('running headers, footers and page numbers', () => {
  it('finds a header on half the pages and a "Page N of M" footer, numbers aside', () => {
    const ps = pages(4, (n) => (n === 1 ? undefined : 'ACME / Globex — Supply Agreement'), (n) => `Page ${n} of 4`)
    expect(removed(ps).sort()).toEqual(['1:Page 1 of 4', '2:ACME / Globex — Supply Agreement', '2:Page 2 of 4', '3:ACME / Globex — Supply Agreement', '3:Page 3 of 4', '4:ACME / Globex — Supply Agreement', '4:Page 4 of 4'])
  })

  it('finds a Bates number that counts with the pages, but not a heading that opens many pages', () => {
    const ps = pages(4, (n) => `ARTICLE ${[1, 4, 7, 9][n - 1]}`, (n) => `ACME${String(1040 + n).padStart(6, '0')}`)
    expect(removed(ps).sort()).toEqual(['1:ACME001041', '2:ACME001042', '3:ACME001043', '4:ACME001044'])
  })

  it('keeps body text that repeats in the middle of pages, and a line on too few pages', () => {
    const body = (n: number) => Array.from({ length: 30 }, (_, i) => (i === 15 ? 'Initials: ____' : `${WORDS[(i * 7 + n) % 8]} and ${WORDS[(i * 3 + 2 * n) % 8]} agree.`))
    const ps = pages(4, (n) => (n === 2 ? 'Draft' : undefined), () => undefined, body)
    expect(removed(ps)).toEqual([])
  })

  it('takes a bare page number at the top or bottom of a page, even on one page', () => {
    expect(removed(pages(1, () => undefined, () => '- 1 -'))).toEqual(['1:- 1 -'])
    expect(removed(pages(1, () => 'iii', () => undefined))).toEqual(['1:iii'])
    expect(removed(pages(1, () => undefined, () => 'Signed: 2024'))).toEqual([])
  })
})

describe('PDF meta', () => {
  it('reads PDF dates at the precision given, as written where they were made', () => {
    expect(pdfDate("D:20240305233000+01'00'")).toBe('2024-03-05')
    expect(pdfDate('D:202403')).toBe('2024-03')
    expect(pdfDate('2024')).toBe('2024')
    expect(pdfDate('2024-03-05T10:00:00Z')).toBe('2024-03-05')
    expect(pdfDate('D:20241305')).toBe('2024')
    expect(pdfDate('yesterday')).toBeUndefined()
  })

  it('takes the info dictionary first, XMP for what it lacks, and no Word file name for a title', () => {
    const xmp = new Map<string, unknown>([['dc:title', 'Master Services Agreement'], ['dc:creator', ['Jane Counsel']], ['xmp:createdate', '2023-11-02T09:00:00Z']])
    expect(pdfMeta({ Title: 'Microsoft Word - MSA v3.docx', CreationDate: 'D:20231101' }, xmp)).toEqual({ title: 'Master Services Agreement', author: 'Jane Counsel', date: '2023-11-01' })
    expect(pdfMeta({ Title: '  ', Author: 'A. Lawyer' }, null)).toEqual({ author: 'A. Lawyer' })
  })
})
