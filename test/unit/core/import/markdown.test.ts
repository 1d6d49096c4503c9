import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClausewiseError } from '../../../../src-main/core/errors'
import { readMarkdown } from '../../../../src-main/core/import/markdown'
import type { Block } from '../../../../src-main/core/import/types'

const DOCS = join(__dirname, '../../../fixtures/documents')
const read = (text: string) => readMarkdown(text, 'test.md')
const texts = (text: string) => read(text).blocks.map((b) => b.text)
/** A block as a line: kind, level, number, text. */
const show = (b: Block) => [b.kind, b.level ?? '', b.number ?? '', b.text].join(' | ')

describe('readMarkdown on a small agreement', () => {
  const result = readMarkdown(readFileSync(join(DOCS, 'md-services-agreement.md'), 'utf8'), 'md-services-agreement.md')

  it('gives back the agreement block by block: headings, numbered and nested items, table rows, code', () => {
    expect(result.blocks.map(show)).toEqual([
      'heading | 1 |  | Software Services Agreement',
      'paragraph |  |  | This Software Services Agreement (the "Agreement") is made on 14 March 2025 between Northwind Traders Ltd ("Customer") and Contoso Systems LLC ("Supplier"), each a "Party".',
      'heading | 2 |  | Background',
      'paragraph |  |  | The Customer wishes to obtain, and the Supplier agrees to provide, the Services on the terms of this Agreement.',
      'heading | 2 |  | 1. Definitions',
      'paragraph |  |  | In this Agreement:',
      'list-item | 1 | 1. | "Services" means the services described in the Schedule;',
      'list-item | 1 | 2. | "Fees" means the amounts set out in the table in clause 3; and',
      'list-item | 1 | 3. | "Confidential Information" means information disclosed by a Party that is marked confidential or that a reasonable person would treat as confidential.',
      'heading | 2 |  | 2. Services',
      'list-item | 1 | 3. | The Supplier shall provide the Services:',
      'list-item | 2 |  | with reasonable skill and care;',
      'list-item | 2 |  | in accordance with good industry practice; and',
      'list-item | 3 | 1) | using suitably qualified personnel, and',
      "list-item | 3 | 2) | at the Customer's premises when the Customer asks.",
      "list-item | 1 | 4. | The Supplier shall not subcontract the Services without the Customer's prior written consent, which shall not be unreasonably withheld.",
      'paragraph |  |  | Any consent given under this clause does not relieve the Supplier of its obligations.',
      'heading | 2 |  | 3. Fees',
      'table-row |  |  | Item\tFee (EUR)\tDue',
      'table-row |  |  | Set-up\t5,000\ton signature',
      'table-row |  |  | Monthly support\t1,200\tin advance | monthly',
      'paragraph |  |  | Fees are exclusive of VAT. The Customer shall pay each invoice within 30 days.',
      'heading | 2 |  | 4. Liability',
      'paragraph |  |  | Neither Party limits its liability for death or personal injury caused by its negligence, or for fraud.',
      "paragraph |  |  | Each Party's total liability under this Agreement is limited to the Fees paid in the twelve months before the claim. See also clause 1 & the Schedule, and the placeholder <Customer signatory>.",
      'paragraph |  |  | Signed: ____________________ For and on behalf of Supplier'
    ])
    expect(result.blocks.map((b) => b.paragraph)).toEqual(result.blocks.map((_, i) => i + 1))
  })

  it('takes title, authors and date from the front matter, and leaves it out of the text', () => {
    expect(result.meta).toEqual({ title: 'Software Services Agreement', author: 'Northwind Legal, A. Reviewer', date: '2025-03-14' })
    expect(result.format).toBe('markdown')
    expect(result.warnings).toEqual([])
    expect(result.blocks.some((b) => /status|draft|Fixture/.test(b.text))).toBe(false)
  })
})

describe('readMarkdown: blocks', () => {
  it('reads ATX and setext headings, and drops thematic breaks', () => {
    const md = '# One #\n\nTitle\n=====\n\nSub\n---\n\n***\n\n###### Six\n\n#hashtag is text'
    expect(read(md).blocks.map(show)).toEqual([
      'heading | 1 |  | One',
      'heading | 1 |  | Title',
      'heading | 2 |  | Sub',
      'heading | 6 |  | Six',
      'paragraph |  |  | #hashtag is text'
    ])
  })

  it('keeps ordered numbers as written and nests by indentation', () => {
    const md = '7) seven\n8) eight\n   * under eight\n     10. ten\n9) nine\n\nafter'
    expect(read(md).blocks.map(show)).toEqual([
      'list-item | 1 | 7) | seven',
      'list-item | 1 | 8) | eight',
      'list-item | 2 |  | under eight',
      'list-item | 3 | 10. | ten',
      'list-item | 1 | 9) | nine',
      'paragraph |  |  | after'
    ])
  })

  it('ends a list at an unindented paragraph after a blank line', () => {
    expect(read('1. one\n\nAfter the list.\n  - a new list').blocks.map(show)).toEqual([
      'list-item | 1 | 1. | one',
      'paragraph |  |  | After the list.',
      'list-item | 1 |  | a new list'
    ])
  })

  it('does not start a list inside a paragraph at a number other than 1, as CommonMark', () => {
    expect(texts('The fee rose in\n2024. It is due.')).toEqual(['The fee rose in 2024. It is due.'])
    expect(read('Steps:\n1. first').blocks.map(show)).toEqual(['paragraph |  |  | Steps:', 'list-item | 1 | 1. | first'])
  })

  it('reads code fences as paragraphs, untouched by inline markup', () => {
    expect(texts('~~~\n**not bold** <b>x</b>\n\nsecond\n~~~')).toEqual(['**not bold** <b>x</b>', 'second'])
  })

  it('reads an HTML block through the HTML reader', () => {
    const md = '<table>\n<tr><td>Term</td><td><b>5</b> years</td></tr>\n</table>\n\n<ol start="2"><li>two</li></ol>'
    expect(read(md).blocks.map(show)).toEqual(['table-row |  |  | Term\t5 years', 'list-item | 1 | 2. | two'])
  })

  it('reads a table only under a delimiter row with as many cells', () => {
    expect(read('a | b\n--|--\n1 | 2').blocks.map(show)).toEqual(['table-row |  |  | a\tb', 'table-row |  |  | 1\t2'])
    expect(texts('a | b\n--|--|--\n1 | 2')).toEqual(['a | b --|--|-- 1 | 2'])
  })

  it('reads blockquotes as text and drops link reference definitions', () => {
    expect(texts('> quoted\n> on\n\n[terms]: https://example.com/terms\n[Party A]: to be named')).toEqual(['quoted on', '[Party A]: to be named'])
  })

  it('reads CRLF line ends', () => {
    expect(texts('# Title\r\n\r\nText\r\non two lines')).toEqual(['Title', 'Text on two lines'])
  })
})

describe('readMarkdown: inline markup', () => {
  it('strips emphasis in pairs, keeping lone markers and underscores inside words', () => {
    expect(texts('**bold** and *it* and __b__ and _i_ and ***both*** and ~~struck~~')).toEqual(['bold and it and b and i and both and struck'])
    expect(texts('snake_case_name, 2 * 3 * 4, Price* excl. VAT, a*b*c')).toEqual(['snake_case_name, 2 * 3 * 4, Price* excl. VAT, abc'])
    expect(texts('field_1 and field_')).toEqual(['field_1 and field_'])
  })

  it('leaves links their text and images their alt text', () => {
    expect(texts('[the Schedule](#s "title") and ![Seal of the Company](seal.png) and [![alt](i.png)](u) and [ref][r] and <https://x.example/a>')).toEqual([
      'the Schedule and Seal of the Company and alt and ref and https://x.example/a'
    ])
  })

  it('keeps code spans and escapes as written, and brackets that are not links', () => {
    expect(texts('`**x**` and \\*not emphasis\\* and [Company Name] and a `` ` `` tick')).toEqual([
      '**x** and *not emphasis* and [Company Name] and a ` tick'
    ])
  })

  it('strips inline HTML and decodes entities, keeping placeholders in angle brackets', () => {
    expect(texts('A <span class="x">span</span>, <b>bold</b>, AT&amp;T, &sect; 4, <Party A> and a < b')).toEqual([
      'A span, bold, AT&T, § 4, <Party A> and a < b'
    ])
    expect(texts('x<script>alert(1)</script>y <!-- gone -->z')).toEqual(['xy z'])
  })
})

describe('readMarkdown: front matter', () => {
  it('is left as text when it is not a YAML mapping', () => {
    expect(read('---\nJust a paragraph between rules.\n---\n\nMore.').meta).toEqual({})
    expect(texts('---\nJust a paragraph between rules.\n---\n\nMore.')).toEqual(['Just a paragraph between rules.', 'More.'])
  })

  it('reads a single author, a written date and ignores other fields', () => {
    expect(read('---\nauthor: Jane Roe\ndate: March 14, 2025\ntags: [x]\n---\nText').meta).toEqual({ author: 'Jane Roe', date: '2025-03-14' })
  })
})

describe('readMarkdown: bad and extreme input', () => {
  it('refuses a document without a word, naming the file', () => {
    for (const md of ['', '---\n\n***\n', '---\ntitle: Only front matter\n---\n', '<!-- only a comment -->', '| |\n|-|\n| |']) {
      let err: unknown
      try {
        readMarkdown(md, 'C:\\drafts\\empty.md')
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(ClausewiseError)
      expect((err as ClausewiseError).problem).toEqual({ code: 'invalid-file', file: 'empty.md', message: 'has no text' })
    }
  })

  it('reads a 5 MB line of stray markup in linear time', () => {
    // Every marker opens and none closes: brackets without links, stars and underscores without
    // a partner, angle brackets that are not tags, ampersands that are not entities.
    const line = '[a **b _c <e &f ~g '.repeat(250_000)
    const started = performance.now()
    const [text] = texts('`<i>x</i>' + line)
    console.log(`5 MB line of stray markup read in ${(performance.now() - started).toFixed(0)} ms`)
    expect(text?.length).toBe(line.length + 1)
    expect(text === '`x' + line.trim()).toBe(true)
  })
})
