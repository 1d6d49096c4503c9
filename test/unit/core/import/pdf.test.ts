import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import spdx from 'spdx-license-list/full'
import { ClausewiseError } from '../../../../src-main/core/errors'
import { readPdf } from '../../../../src-main/core/import/pdf'

const DIR = join(__dirname, '../../../fixtures/documents')
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)))
const expected = (name: string) => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as { pages?: number; paragraphs: string[] }

/** A PDF drawn by pdfkit in the test. */
function pdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 72, ...options })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    draw(doc)
    doc.end()
  })
}

/** A PDF from its objects with a correct cross-reference table, for what pdfkit cannot write. */
function rawPdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}

async function problem(bytes: Uint8Array, file: string) {
  const e = await readPdf(bytes, file).then(() => undefined, (err: unknown) => err)
  expect(e).toBeInstanceOf(ClausewiseError)
  return (e as ClausewiseError).problem
}

describe('readPdf on an agreement set with running heads, hanging indents and hyphenation', async () => {
  const result = await readPdf(fixture('pdf-agreement.pdf'), 'pdf-agreement.pdf')
  const truth = expected('pdf-agreement.expected.json')
  const block = (start: string) => result.blocks.find((b) => b.text.startsWith(start))!

  it('gives back every paragraph of the licence exactly, in order', () => {
    expect(result.format).toBe('pdf')
    expect(result.blocks.map((b) => b.text)).toEqual(truth.paragraphs)
    expect(result.blocks.map((b) => b.paragraph)).toEqual(truth.paragraphs.map((_, i) => i + 1))
    expect(result.blocks.every((b) => b.kind === 'paragraph')).toBe(true)
  })

  it('removes the running header and the "Page N of M" footer and says how many lines went', () => {
    const all = result.blocks.map((b) => b.text).join('\n')
    expect(all).not.toMatch(/Page \d of \d|Execution copy|Licence Agreement/)
    expect(truth.pages).toBe(3)
    expect(result.warnings).toEqual(['headers, footers and page numbers are not compared (6 lines removed)'])
  })

  it('joins words hyphenated at line ends, and paragraphs that run on over a page break', () => {
    // "gran-/ting", "control-/led", "conver-/sions" are broken in the PDF (see pdftotext -layout).
    expect(block('"Licensor"').text).toContain('that is granting the License')
    expect(block('"Legal Entity"').text).toContain('are controlled by')
    // Section 3 starts on page 1's last line and goes on on page 2; section 7 is hyphenated across pages 2–3.
    expect(block('3. Grant of Patent License').page).toBe(1)
    expect(block('3. Grant of Patent License').text).toContain('grants to You a perpetual')
    expect(block('7. Disclaimer of Warranty').text).toContain('exercise of permissions under this License.')
    expect(result.blocks.some((b) => /\p{Ll}- \p{Ll}|\p{Ll}-$/u.test(b.text))).toBe(false)
  })

  it('keeps each paragraph\'s page and its indent from the left margin in points', () => {
    expect(block('1. Definitions.')).toMatchObject({ page: 1, indent: 0 })
    expect(block('"License" shall mean')).toMatchObject({ page: 1, indent: 40 }) // text column 22 + first line 18
    expect(block('4. Redistribution.')).toMatchObject({ page: 2, indent: 0 })
    expect(block('(b) You must cause')).toMatchObject({ page: 2, indent: 22 })
    expect(block('8. Limitation of Liability.')).toMatchObject({ page: 3, indent: 0 })
    expect(block('Apache License').indent).toBeGreaterThan(100) // centred
  })

  it('reads title, author and creation date from the info dictionary', () => {
    expect(result.meta).toEqual({ title: 'Apache License, Version 2.0', author: 'The Apache Software Foundation', date: '2004-01-15' })
  })
})

describe('readPdf on a PDF made by LibreOffice (embedded subset fonts, tabs, page fields)', async () => {
  const result = await readPdf(fixture('pdf-libreoffice.pdf'), 'pdf-libreoffice.pdf')

  it('gives back every paragraph, the running header and page footers removed', () => {
    expect(result.blocks.map((b) => b.text)).toEqual(expected('pdf-libreoffice.expected.json').paragraphs)
    expect(result.warnings).toEqual(['headers, footers and page numbers are not compared (8 lines removed)'])
  })

  it('keeps the hyphen of "royalty-free" broken at a line end: LibreOffice breaks only after a hyphen that is there', () => {
    expect(result.blocks.find((b) => b.text.startsWith('Each Contributor hereby grants'))!.text).toContain('world-wide, royalty-free, non-exclusive')
  })

  it('hangs the definitions from their numbers and reads the meta LibreOffice writes', () => {
    expect(result.blocks.find((b) => b.text.startsWith('1.1.'))!.indent).toBe(0)
    expect(result.blocks.find((b) => b.text.startsWith('(a) that the initial'))!.indent).toBeCloseTo(28.3, 0) // 1 cm
    expect(result.meta).toMatchObject({ title: 'Mozilla Public License Version 2.0', author: 'Mozilla Foundation' })
    expect(result.meta.date).toMatch(/^\d{4}-\d{2}-\d{2}$/) // the date it was converted
  })
})

describe('readPdf on other layouts', () => {
  it('reads two columns one after the other, the title across them first', async () => {
    const result = await readPdf(fixture('pdf-columns.pdf'), 'pdf-columns.pdf')
    expect(result.blocks.map((b) => b.text)).toEqual(expected('pdf-columns.expected.json').paragraphs)
  })

  it('removes a bare page number from a one-page document', async () => {
    const bytes = await pdf((doc) => {
      doc.font('Times-Roman').fontSize(11).text('1. The Supplier shall deliver the goods on time.', 72, 72)
      doc.text('2. The Buyer shall pay within thirty days.', 72, 100)
      doc.text('1', 300, 740, { lineBreak: false })
    })
    const result = await readPdf(bytes, 'one.pdf')
    expect(result.blocks.map((b) => b.text)).toEqual(['1. The Supplier shall deliver the goods on time.', '2. The Buyer shall pay within thirty days.'])
    expect(result.warnings).toEqual(['headers, footers and page numbers are not compared (1 line removed)'])
  })

  it('skips a page without text and text at an angle, and says so', async () => {
    const bytes = await pdf((doc) => {
      doc.font('Times-Roman').fontSize(11).text('1. First page text.', 72, 72)
      doc.save().rotate(45, { origin: [300, 400] }).fontSize(60).text('DRAFT', 200, 380, { lineBreak: false }).restore()
      doc.addPage().rect(100, 100, 200, 200).fill('#888')
      doc.addPage().fillColor('black').fontSize(11).text('2. Third page text.', 72, 72)
    })
    const result = await readPdf(bytes, 'mixed.pdf')
    expect(result.blocks.map((b) => [b.text, b.page])).toEqual([['1. First page text.', 1], ['2. Third page text.', 3]])
    expect(result.warnings).toEqual(['page 2 has no text (blank or scanned) and was skipped', 'text at an angle or outside the page was not imported (1 piece: a watermark or margin note?)'])
  })

  it('reads a page whose text is drawn turned a quarter turn', async () => {
    const bytes = await pdf((doc) => {
      doc.rotate(-90, { origin: [0, 0] }).translate(-792, 0)
      doc.font('Times-Roman').fontSize(11).text('1. Landscape clause one.', 72, 72).text('2. Landscape clause two.', 72, 100)
    })
    const result = await readPdf(bytes, 'landscape.pdf')
    expect(result.blocks.map((b) => b.text)).toEqual(['1. Landscape clause one.', '2. Landscape clause two.'])
  })

  it('reads CJK text in a font the PDF names but does not embed, from pdf.js\'s local CMaps', async () => {
    const content = 'BT /F1 12 Tf 72 700 Td <975E72EC53607684306A30E930A430BB30F330B9> Tj ET'
    const bytes = rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>',
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 7 0 R >>',
      '<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>'
    ])
    const result = await readPdf(bytes, 'cjk.pdf')
    expect(result.blocks.map((b) => b.text)).toEqual(['非独占的なライセンス'])
  })

  it('leaves the caller\'s bytes as they were (pdf.js takes over the buffer it is given)', async () => {
    const bytes = fixture('pdf-owner-password.pdf')
    const copy = bytes.slice()
    await readPdf(bytes, 'pdf-owner-password.pdf')
    expect(bytes).toEqual(copy)
  })
})

describe('readPdf on bad input', () => {
  it('a scan: no text on any page', async () => {
    expect(await problem(fixture('pdf-scan.pdf'), 'pdf-scan.pdf')).toEqual({
      code: 'invalid-file',
      file: 'pdf-scan.pdf',
      message: 'this PDF is a scan: it has no text to compare (OCR is not supported)'
    })
  })

  it('a PDF that needs a password to open', async () => {
    expect(await problem(fixture('pdf-encrypted.pdf'), 'some/dir/pdf-encrypted.pdf')).toEqual({
      code: 'invalid-file',
      file: 'pdf-encrypted.pdf',
      message: 'password-protected PDF: open it, remove the password, and import again'
    })
  })

  it('reads a PDF with only an owner password (it opens without one)', async () => {
    const result = await readPdf(fixture('pdf-owner-password.pdf'), 'pdf-owner-password.pdf')
    expect(result.blocks.map((b) => b.text)).toEqual(['1. The parties agree that this side letter is confidential.'])
  })

  it('a damaged PDF, a file that is not a PDF, an empty file', async () => {
    const whole = fixture('pdf-agreement.pdf')
    expect((await problem(whole.subarray(0, 3000), 'cut.pdf')).message).toBe('this PDF is damaged and cannot be read')
    expect((await problem(new TextEncoder().encode('%PDF-1.7\nnot really\n%%EOF'), 'fake.pdf')).message).toBe('this PDF is damaged and cannot be read')
    expect((await problem(new TextEncoder().encode('Dear Sir, this is a letter.'), 'letter.pdf')).message).toBe('this file is not a PDF')
    expect((await problem(new Uint8Array(0), 'empty.pdf')).message).toBe('the file is empty')
  })
})

describe('readPdf on a 300-page agreement', () => {
  it('reads it, headers and page numbers removed, pages in step', { timeout: 120_000 }, async () => {
    // The GPL's words without its own section numbers, so that the only "N." are the test's.
    const words = spdx['GPL-3.0-only']!.licenseText.split(/\s+/).filter((w) => w !== '' && !/^\d+\.$/.test(w))
    let pages = 0
    let paragraphs = 0
    const bytes = await pdf(
      (doc) => {
        const furniture = () => {
          pages++
          const margins = doc.page.margins
          doc.page.margins = { ...margins, top: 0, bottom: 0 }
          doc.font('Helvetica').fontSize(8).text('Master Services Agreement — Confidential', 72, 40, { lineBreak: false })
          doc.text(`Page ${pages}`, 290, 750, { lineBreak: false })
          doc.page.margins = margins
          doc.font('Times-Roman').fontSize(10).text('', 72, 72)
        }
        doc.on('pageAdded', furniture)
        furniture()
        let w = 0
        while (pages < 300) {
          const length = 40 + ((paragraphs * 37) % 120)
          const text = Array.from({ length }, () => words[w++ % words.length]).join(' ')
          doc.text(`${++paragraphs}. ${text}`, { align: 'justify', paragraphGap: 6 })
        }
      },
      { margins: { top: 72, bottom: 72, left: 72, right: 72 } }
    )
    const started = performance.now()
    const result = await readPdf(bytes, 'long.pdf')
    const ms = performance.now() - started
    const wordCount = result.blocks.reduce((n, b) => n + b.text.split(' ').length, 0)
    console.log(`readPdf: ${pages} pages, ${wordCount} words, ${(bytes.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms`)
    expect(result.warnings).toEqual([`headers, footers and page numbers are not compared (${2 * pages} lines removed)`])
    expect(result.blocks.at(-1)!.page).toBeGreaterThanOrEqual(pages - 1)
    // Every numbered paragraph is found; a few more where a page break falls after a full stop.
    const numbered = result.blocks.filter((b) => /^\d+\. /.test(b.text))
    expect(numbered.map((b) => Number(b.text.split('.')[0]))).toEqual(Array.from({ length: paragraphs }, (_, i) => i + 1))
    expect(result.blocks.length).toBeLessThan(paragraphs * 1.02)
    expect(result.blocks.some((b) => /Confidential|Page \d/.test(b.text))).toBe(false)
  })
})
