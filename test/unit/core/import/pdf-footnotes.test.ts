import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { readPdf } from '../../../../src-main/core/import/pdf'

const DIR = join(__dirname, '../../../fixtures/documents')

/** The DOCX's blocks as make-docx-fixtures.mjs wrote them: kind, level, number, style, text. */
function docxBlocks(name: string): Array<{ kind: string; number: string; text: string }> {
  return readFileSync(join(DIR, name), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [kind, , number, , ...text] = l.split('\t')
      return { kind: kind!, number: number!, text: text.join('\t') }
    })
}

describe('footnotes of the PDF LibreOffice printed from a Word draft (apache-2.0-v1.pdf)', async () => {
  const result = await readPdf(new Uint8Array(readFileSync(join(DIR, 'apache-2.0-v1.pdf'))), 'apache-2.0-v1.pdf')
  const docx = docxBlocks('apache-2.0-v1.expected.txt')
  const texts = result.blocks.map((b) => b.text)

  it('gives the note at the foot of page 1 as a footnote block after the body, numbered by its mark', () => {
    const note = docx.find((b) => b.kind === 'footnote')!
    expect(result.blocks.at(-1)).toEqual({ kind: 'footnote', number: note.number, text: note.text, page: 1, paragraph: result.blocks.length })
    expect(result.blocks.filter((b) => b.kind === 'footnote')).toHaveLength(1)
    expect(texts.some((t) => t.includes('SPDX') && !t.startsWith('Licence text'))).toBe(false)
  })

  it('takes the raised reference mark out of the text it cites from', () => {
    expect(texts.slice(0, 2)).toEqual(['Apache License', 'Version 2.0, January 2004'])
    expect(texts.join('\n')).not.toMatch(/License1|20041/)
  })

  it('reads clause 2.1, cut by the page break under which the note stands, whole', () => {
    const clause = docx.find((b) => b.number === '2.1')!
    expect(result.blocks.find((b) => b.text.startsWith('2.1 '))).toMatchObject({ kind: 'paragraph', text: `2.1 ${clause.text}`, page: 1 })
  })
})

/** A PDF drawn by pdfkit in the test. */
function pdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 72 })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    draw(doc)
    doc.end()
  })
}

const [LEFT, RIGHT] = [72, 540]

/**
 * One line with its baseline at `y` (from the top), word by word. "^1" after a word is a raised
 * mark, about two thirds of the line's size and raised a third of it (as Word sets one). A leading
 * "|" spreads the words to the right margin (justified).
 */
function line(doc: PDFKit.PDFDocument, y: number, spec: string, size = 12) {
  const full = spec.startsWith('|')
  const words = (full ? spec.slice(1) : spec).split(' ').map((w) => {
    const [word, mark] = w.split('^') as [string, string | undefined]
    doc.font('Times-Roman').fontSize(size)
    const width = doc.widthOfString(word)
    return { word, mark, width, total: width + (mark ? doc.fontSize(size * 0.64).widthOfString(mark) : 0) }
  })
  doc.font('Times-Roman').fontSize(size)
  const natural = doc.widthOfString(' ')
  const sum = words.reduce((n, w) => n + w.total, 0)
  const gap = full ? (RIGHT - LEFT - sum) / (words.length - 1) : natural
  let x = LEFT
  for (const w of words) {
    doc.fontSize(size).text(w.word, x, y, { lineBreak: false, baseline: 'alphabetic' })
    if (w.mark) doc.fontSize(size * 0.64).text(w.mark, x + w.width, y - size * 0.32, { lineBreak: false, baseline: 'alphabetic' })
    x += w.total + gap
  }
}

describe('footnotes of a PDF with two notes on a page', async () => {
  const bytes = await pdf((doc) => {
    const page = (lines: string[], notes: string[], n: number) => {
      let y = 90
      for (const l of lines) {
        if (l === '') y += 6
        else line(doc, (y += 15), l)
      }
      // The notes in 8 pt under a short rule, the footer below them.
      doc.moveTo(LEFT, 660).lineTo(LEFT + 144, 660).lineWidth(0.5).stroke()
      y = 662
      for (const l of notes) line(doc, (y += 10), l, 8)
      doc.fontSize(9).text(`Page ${n} of 2`, 280, 750, { lineBreak: false })
    }
    page(
      [
        '|1. Indemnity. The Licensee shall indemnify and hold harmless the Licensor^1 and its officers',
        'against every claim brought by a third party.',
        '',
        '|2. Storage. The Licensor shall keep the records of the Licensee in its own archive at a fee of',
        '|EUR 4 per m^3 of archive space a year, as set out in the Order^2 and its price list, and shall',
        '|return them to the Licensee on demand within thirty days of the request, at the cost of the',
        '|Licensee, in the form in which they were first delivered to the Licensor under this Agreement'
      ],
      ['1 Including its Affiliates and their officers.', '|2 As defined in the order form that both parties signed on the same day as the Master Services Agreement, with the price list for the first', '12 months of its term.'],
      1
    )
    doc.addPage()
    page(['together with an index of their contents.', '', '3. Notices. Every notice is given in writing.'], [], 2)
  })
  const result = await readPdf(bytes, 'notes.pdf')

  it('gives each note as a footnote block after the body, numbered by its mark and on its page', () => {
    expect(result.blocks.filter((b) => b.kind === 'footnote').map((b) => [b.number, b.text, b.page])).toEqual([
      ['1', 'Including its Affiliates and their officers.', 1],
      // Its second line begins with a number that cites no note and numbers on from none: text.
      ['2', 'As defined in the order form that both parties signed on the same day as the Master Services Agreement, with the price list for the first 12 months of its term.', 1]
    ])
  })

  it('reads the body without the reference marks and with the exponent, the clause over the page break whole', () => {
    expect(result.blocks.filter((b) => b.kind === 'paragraph').map((b) => [b.text, b.page])).toEqual([
      ['1. Indemnity. The Licensee shall indemnify and hold harmless the Licensor and its officers against every claim brought by a third party.', 1],
      [
        '2. Storage. The Licensor shall keep the records of the Licensee in its own archive at a fee of EUR 4 per m3 of archive space a year, as set out in the Order and its price list, and shall return them to the Licensee on demand within thirty days of the request, at the cost of the Licensee, in the form in which they were first delivered to the Licensor under this Agreement together with an index of their contents.',
        1
      ],
      ['3. Notices. Every notice is given in writing.', 2]
    ])
    expect(result.blocks.map((b) => b.paragraph)).toEqual([1, 2, 3, 4, 5])
    expect(result.warnings).toEqual(['headers, footers and page numbers are not compared (2 lines removed)'])
  })
})

describe('small type at a page foot that no raised mark cites', () => {
  it('stays in the body, and a raised digit stays in a document without notes', async () => {
    const bytes = await pdf((doc) => {
      line(doc, 100, '1. Area. The premises measure 120 m^2 of floor space.')
      line(doc, 115, '2. Rent. The rent is paid monthly in advance.')
      doc.moveTo(LEFT, 660).lineTo(LEFT + 144, 660).lineWidth(0.5).stroke()
      line(doc, 672, '1 This summary is given for information only.', 8)
    })
    const result = await readPdf(bytes, 'small.pdf')
    expect(result.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', '1. Area. The premises measure 120 m2 of floor space.'],
      ['paragraph', '2. Rent. The rent is paid monthly in advance.'],
      ['paragraph', '1 This summary is given for information only.']
    ])
  })
})
