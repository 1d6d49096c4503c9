import { describe, expect, it } from 'vitest'
import { buildParagraphs } from '../../../../src-main/core/import/pdf-paragraphs'
import type { PdfLine } from '../../../../src-main/core/import/pdf-lines'

const SIZE = 11
const LEADING = 13
const CHAR = 5 // points a character, near enough for Times at 11 pt
const RIGHT = 540

/**
 * Lines as a PDF would give them: `|` at the start of a line means "runs to the right margin"
 * (justified), otherwise the line ends where its characters end. Options per line: x, extra gap
 * above, page, size.
 */
function lines(spec: Array<string | [string, Partial<{ x: number; gap: number; page: number; size: number; stops: number[] }>]>): PdfLine[] {
  const out: PdfLine[] = []
  let y = 700
  let page = 1
  for (const item of spec) {
    const [raw, o] = typeof item === 'string' ? [item, {}] : item
    if (o.page && o.page !== page) [page, y] = [o.page, 700]
    else if (out.length > 0) y -= LEADING + (o.gap ?? 0)
    const full = raw.startsWith('|')
    const text = full ? raw.slice(1) : raw
    const x = o.x ?? 72
    const first = /^\S+/.exec(text)![0]
    out.push({ page, column: 0, x, end: full ? RIGHT : x + text.length * CHAR, y, size: o.size ?? SIZE, text, stops: o.stops ?? [], firstWord: first.length * CHAR })
  }
  return out
}

const texts = (ls: PdfLine[]) => buildParagraphs(ls).map((b) => b.text)

describe('paragraphs from PDF lines', () => {
  it('breaks at a wider gap, a change of font size and a short last line; joins full lines', () => {
    const ls = lines([
      '|The Supplier shall deliver the goods to the Buyer at the place',
      'named in the order.',
      '|The Buyer shall pay the price within thirty days of the date of',
      '|the invoice, without set-off or deduction of any kind, by bank',
      ['transfer', { gap: 0 }],
      ['|Payment is made when the funds reach the account of the Supplier', { gap: 8 }],
      'and not before.',
      ['SCHEDULE 1', { size: 14, gap: 10 }]
    ])
    // "transfer" stops short but ends no sentence: "Payment…" after it is still a new paragraph (8 pt gap).
    expect(texts(ls)).toEqual([
      'The Supplier shall deliver the goods to the Buyer at the place named in the order.',
      'The Buyer shall pay the price within thirty days of the date of the invoice, without set-off or deduction of any kind, by bank transfer',
      'Payment is made when the funds reach the account of the Supplier and not before.',
      'SCHEDULE 1'
    ])
  })

  it('reads indentation: a first-line indent, a hanging indent, an indented block that ends', () => {
    const ls = lines([
      ['|This Agreement is made between the parties named below and takes', { x: 108 }],
      '|effect on the date of the last signature, and continues until it',
      'ends.',
      ['|1.1 The Licensor grants the Licensee a licence to use the Software', { stops: [94] }],
      ['|for its internal business purposes in the Territory during the', { x: 94 }],
      ['Term.', { x: 94 }],
      ['|(a) the Licensee may make one copy of the Software for back-up', { x: 94, stops: [116] }],
      ['purposes; and', { x: 116 }],
      '|Nothing in this clause gives the Licensee any right to the source code.'
    ])
    expect(texts(ls)).toEqual([
      'This Agreement is made between the parties named below and takes effect on the date of the last signature, and continues until it ends.',
      '1.1 The Licensor grants the Licensee a licence to use the Software for its internal business purposes in the Territory during the Term.',
      '(a) the Licensee may make one copy of the Software for back-up purposes; and',
      'Nothing in this clause gives the Licensee any right to the source code.'
    ])
    const blocks = buildParagraphs(ls)
    expect(blocks.map((b) => b.indent)).toEqual([36, 0, 22, 0])
  })

  it('goes on over a page break only after a full line that ends no sentence, into a line neither indented nor numbered', () => {
    const ls = lines([
      '|The Licensee shall keep the Software confidential and shall not',
      ['|disclose it to any third party except its employees who need to', { page: 2 }],
      'know it.',
      '|The Licensee shall return the Software when this Agreement ends.',
      ['|This obligation survives the end of this Agreement for five years', { page: 3 }],
      'after it.',
      '|The Licensor may end this Agreement at once by notice if the',
      ['2. The Licensee may end this Agreement on thirty days notice.', { page: 4 }],
      '|A notice is given when it is received at the address of the party',
      ['|to which it is sent, as that party has last notified the other', { page: 5, x: 108 }],
      'party.'
    ])
    expect(texts(ls)).toEqual([
      'The Licensee shall keep the Software confidential and shall not disclose it to any third party except its employees who need to know it.',
      'The Licensee shall return the Software when this Agreement ends.',
      'This obligation survives the end of this Agreement for five years after it.',
      'The Licensor may end this Agreement at once by notice if the',
      '2. The Licensee may end this Agreement on thirty days notice.',
      'A notice is given when it is received at the address of the party',
      'to which it is sent, as that party has last notified the other party.'
    ])
    expect(buildParagraphs(ls).map((b) => b.page)).toEqual([1, 2, 3, 3, 4, 4, 5])
  })

  it('goes on after the footnotes at the foot of a page, which stay after the paragraph they interrupt', () => {
    const ls = lines([
      '|The Licensee shall indemnify the Licensor¹ against every claim of a',
      ['¹ Including its Affiliates.', { size: 8, gap: 20 }],
      ['|third party arising from the use of the Software by the Licensee', { page: 2 }],
      'or its staff.',
      '|The Licensor shall defend any claim of infringement at its own cost',
      ['9. Notices. Every notice is given in writing.', { page: 3 }]
    ])
    expect(texts(ls)).toEqual([
      'The Licensee shall indemnify the Licensor¹ against every claim of a third party arising from the use of the Software by the Licensee or its staff.',
      '¹ Including its Affiliates.',
      'The Licensor shall defend any claim of infringement at its own cost',
      '9. Notices. Every notice is given in writing.'
    ])
  })

  it('joins words a typesetter hyphenated at line ends, and keeps a hyphen the word has', () => {
    const ls = lines([
      '|This agree-',
      '|ment is a non-',
      '|exclusive licence; each non-exclusive right and the self-',
      '|assessment by the Micro-',
      '|Soft licensee, version 2-',
      '|3 of the stan-',
      '|dard, the indemni-',
      '|fication, the termi-',
      '|nation, and the co-operation of the co-',
      '|operation clause and the royalty-',
      'free fee.'
    ])
    // Four rests that are no words ("ment", "dard", "fication", "nation") against two compounds:
    // this producer hyphenates, so "royalty-free", which the text prints nowhere else, is joined too.
    expect(texts(ls)).toEqual(['This agreement is a non-exclusive licence; each non-exclusive right and the self-assessment by the Micro-Soft licensee, version 2-3 of the standard, the indemnification, the termination, and the co-operation of the co-operation clause and the royaltyfree fee.'])
  })

  it('keeps every hyphen at a line end when the producer does not hyphenate words (Word, LibreOffice)', () => {
    const ls = lines(['|Each Contributor grants You a world-wide, royalty-', '|free, non-exclusive licence under its patent and copyright claims for the', '|whole term of the patents, and a fee-', 'based service.'])
    expect(texts(ls)).toEqual(['Each Contributor grants You a world-wide, royalty-free, non-exclusive licence under its patent and copyright claims for the whole term of the patents, and a fee-based service.'])
  })

  it('drops a soft hyphen at a line end', () => {
    expect(texts(lines(['|indemni\u00ad', 'fication.']))).toEqual(['indemnification.'])
  })
})
