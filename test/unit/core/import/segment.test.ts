// Clause segmentation: numbering styles, levels from context, sequence checks, and the parts of an
// agreement that are not numbered clauses (preamble, recitals, definitions, signatures, schedules).
import { describe, expect, it } from 'vitest'
import { segment, type Segmentation } from '../../../../src-main/core/import/segment'
import type { Block, ReadResult } from '../../../../src-main/core/import/types'

function doc(paras: Array<string | Partial<Block>>): ReadResult {
  const blocks = paras.map((p, i): Block => (typeof p === 'string' ? { kind: 'paragraph', text: p, paragraph: i + 1 } : { kind: 'paragraph', text: '', paragraph: i + 1, ...p }))
  return { format: 'text', meta: {}, blocks, warnings: [] }
}

/** One line per clause: indentation by level, then "label | heading | start of text". */
function outline(s: Segmentation, textChars = 0): string[] {
  return s.clauses.map((c) => `${'  '.repeat(c.level - 1)}${c.label ?? '-'} | ${c.heading}${textChars ? ` | ${c.text.slice(0, textChars)}` : ''}`)
}

describe('segment: numbering styles', () => {
  it('reads every common legal numbering style, each level from context', () => {
    const s = segment(
      doc([
        'ARTICLE I',
        'DEFINITIONS AND INTERPRETATION',
        'Section 1.01 Defined Terms. Capitalised words have the meanings below.',
        'Section 1.02 Headings. Headings do not affect interpretation.',
        'ARTICLE II',
        'LICENCE',
        'Section 2.01 Grant. The Licensor grants a licence.',
        '(a) the licence is non-exclusive;',
        '(b) the licence is worldwide; and',
        '(i) includes affiliates;',
        '(ii) excludes competitors.',
        '(c) the licence is perpetual.',
        'The Licensee pays the fees.'
      ])
    )
    expect(outline(s)).toEqual([
      'ARTICLE I | DEFINITIONS AND INTERPRETATION',
      '  Section 1.01 | Defined Terms',
      '  Section 1.02 | Headings',
      'ARTICLE II | LICENCE',
      '  Section 2.01 | Grant',
      '    (a) | ',
      '    (b) | ',
      '      (i) | ',
      '      (ii) | ',
      '    (c) | '
    ])
    expect(s.clauses[4]!.text).toBe('The Licensor grants a licence.')
    expect(s.clauses[9]!.text).toBe('the licence is perpetual.\n\nThe Licensee pays the fees.')
    // Parents are ids of the clauses above.
    expect(s.clauses[5]!.parent).toBe(s.clauses[4]!.id)
    expect(s.clauses[7]!.parent).toBe(s.clauses[6]!.id)
    expect(s.clauses[0]!.parent).toBeNull()
  })

  it('reads decimal numbering at three depths, with no space or a tab after the number', () => {
    const s = segment(doc(['1.Definitions', '1.1\tAgreement means this agreement.', '1.1.1 It includes its schedules.', '1.2 Party means a party.', '2. Term', '2.1 The term is one year.']))
    expect(outline(s)).toEqual(['1 | Definitions', '  1.1 | ', '    1.1.1 | ', '  1.2 | ', '2 | Term', '  2.1 | '])
    expect(s.clauses[1]!.text).toBe('Agreement means this agreement.')
  })

  it('"(i)" after "(h)" is the letter i, elsewhere roman one', () => {
    const letters = 'abcdefghij'.split('').map((l) => `(${l}) item ${l}.`)
    const s = segment(doc(['1. Items', ...letters]))
    expect(outline(s).slice(-3)).toEqual(['  (h) | ', '  (i) | ', '  (j) | '])
    const r = segment(doc(['1. Items', '(a) first.', '(i) roman one.', '(ii) roman two.', '(b) second.']))
    expect(outline(r)).toEqual(['1 | Items', '  (a) | ', '    (i) | ', '    (ii) | ', '  (b) | '])
  })

  it('reads "1)" lists and § numbers', () => {
    expect(outline(segment(doc(['§ 1 Scope', 'This applies.', '§ 2 Fees', '1) Fees are due.', '2) Fees are net.'])))).toEqual(['§ 1 | Scope', '§ 2 | Fees', '  1) | ', '  2) | '])
  })

  it('takes Clause N, upper-case letters and roman numerals', () => {
    const s = segment(doc(['Clause 1 Scope', 'A. The first point.', 'B. The second point.', 'Clause 2 Price', 'I. Part one.', 'II. Part two.']))
    expect(outline(s)).toEqual(['Clause 1 | Scope', '  A | ', '  B | ', 'Clause 2 | Price', '  I | ', '  II | '])
  })
})

describe('segment: what is not a clause number', () => {
  it('keeps a wrapped line, an address, a year, an amount and a cross-reference as text', () => {
    const s = segment(
      doc([
        '5. Notices',
        '5.1 Notices go to the addresses below.',
        '2.1 of this Agreement applies to every notice.',
        '51 Franklin Street, Fifth Floor, Boston',
        '2020. was the year of signature',
        'Section 3 shall survive termination.',
        '5.2 Notices by email are valid.'
      ])
    )
    expect(outline(s)).toEqual(['5 | Notices', '  5.1 | ', '  5.2 | '])
    expect(s.clauses[1]!.text).toBe(
      ['Notices go to the addresses below.', '2.1 of this Agreement applies to every notice.', '51 Franklin Street, Fifth Floor, Boston', '2020. was the year of signature', 'Section 3 shall survive termination.'].join('\n\n')
    )
  })

  it('reads "Section N" followed by lower-case words as a cross-reference, even where N is next', () => {
    const s = segment(doc(['Section 1 Term', 'One year.', 'Section 2 Survival', 'Section 3 shall survive termination.', 'Section 3 Notices', 'By email.']))
    expect(outline(s)).toEqual(['Section 1 | Term', 'Section 2 | Survival', 'Section 3 | Notices'])
    expect(s.clauses[1]!.text).toBe('Section 3 shall survive termination.')
  })

  it('does not lose the numbering after a paragraph wrongly taken for a heading', () => {
    const s = segment(
      doc(['4. Warranty', '4.1 The Software is provided as is.', 'ENTIRE RISK', '(a) the quality;', '(b) the performance.', '4.2 No advice creates a warranty.', '5. Term', '5.1 One year.'])
    )
    // The capitals line opens a new list at the top ("(a)" takes it as its heading); "4.2" then
    // takes back the numbering it interrupted.
    expect(outline(s)).toEqual(['4 | Warranty', '  4.1 | ', '(a) | ENTIRE RISK', '(b) | ', '  4.2 | ', '5 | Term', '  5.1 | '])
    // A sentence in capitals is emphasis, not a heading: it stays in its clause.
    const t = segment(doc(['1. Warranty', '1.1 Provided as is.', 'THE ENTIRE RISK AS TO THE QUALITY OF THE SOFTWARE IS WITH YOU.', '(a) quality;', '1.2 No advice.']))
    expect(outline(t)).toEqual(['1 | Warranty', '  1.1 | ', '    (a) | ', '  1.2 | '])
  })

  it('does not open a clause for a number that fits no sequence, and says where numbers skip or restart', () => {
    const s = segment(doc(['1. One', 'Text.', '2. Two', '7. Seven is a cross-reference', '4. Four', '1. One Again']))
    expect(outline(s)).toEqual(['1 | One', '2 | Two', '4 | Four', '1 | One Again'])
    expect(s.clauses[1]!.text).toContain('7. Seven is a cross-reference')
    expect(s.warnings).toEqual(['numbering skips from 2 to 4 (paragraph 5)', 'numbering restarts at 1 after 4 (paragraph 6)'])
  })
})

describe('segment: the parts of an agreement', () => {
  it('finds the preamble, recitals, definitions (one clause per term), signatures and a schedule that restarts at 1', () => {
    const s = segment(
      doc([
        { kind: 'heading', level: 1, text: 'MASTER SERVICES AGREEMENT' },
        'This Agreement is made on 1 March 2026 between Alpha Ltd and Beta LLC.',
        'RECITALS',
        'WHEREAS, Alpha provides services;',
        'WHEREAS, Beta wishes to buy them;',
        'NOW, THEREFORE, the parties agree as follows:',
        '1. Definitions',
        '"Services" means the services in Schedule 1.',
        '“Fees” shall mean the fees in Schedule 2.',
        '2. Services',
        '2.1 Alpha provides the Services.',
        'IN WITNESS WHEREOF the parties have signed this Agreement.',
        'By: ____________',
        'Name: Jane Doe',
        'SCHEDULE 1',
        'SERVICE LEVELS',
        '1. Availability',
        '1.1 The service is available 99.9% of the time.'
      ])
    )
    expect(s.title).toBe('MASTER SERVICES AGREEMENT')
    expect(outline(s)).toEqual([
      '- | Preamble',
      '- | RECITALS',
      '- | Recitals',
      '- | Recitals',
      '1 | Definitions',
      '  - | Services',
      '  - | Fees',
      '2 | Services',
      '  2.1 | ',
      '- | Signatures',
      '- | SCHEDULE 1',
      '  - | SERVICE LEVELS',
      '  Schedule 1, 1 | Availability',
      '    Schedule 1, 1.1 | '
    ])
    expect(s.clauses[0]!.text).toBe('MASTER SERVICES AGREEMENT\n\nThis Agreement is made on 1 March 2026 between Alpha Ltd and Beta LLC.')
    expect(s.clauses[3]!.text).toBe('WHEREAS, Beta wishes to buy them;\n\nNOW, THEREFORE, the parties agree as follows:')
    expect(s.clauses[9]!.text).toBe('IN WITNESS WHEREOF the parties have signed this Agreement.\n\nBy: ____________\n\nName: Jane Doe')
    expect(s.clauses[12]!.parent).toBe(s.clauses[10]!.id)
  })

  it('gives a heading printed on its own line to the numbered clause after it', () => {
    const s = segment(doc(['(1) You may copy.', 'Distribution of Modified Versions', '(2) You may distribute.', '(3) You may sell.']))
    expect(outline(s, 20)).toEqual(['(1) |  | You may copy.', '(2) | Distribution of Modified Versions | You may distribute.', '(3) |  | You may sell.'])
  })

  it('takes the heading from the first sentence only when it reads as one', () => {
    const s = segment(doc(['1. Grant of Licence. Subject to these terms, the Licensor grants a licence.', '2. The Licensee shall pay. Payment is due monthly.', '3. U.S. Government Users. Rights are restricted.']))
    expect(outline(s, 30)).toEqual(['1 | Grant of Licence | Subject to these terms, the Li', '2 |  | The Licensee shall pay. Paymen', '3 |  | U.S. Government Users. Rights '])
  })

  it('makes each paragraph a clause when a document has no numbering, and says so', () => {
    const s = segment(doc(['A memo about the deal.', 'It has two paragraphs and no numbers.']))
    expect(s.clauses.map((c) => c.text)).toEqual(['A memo about the deal.', 'It has two paragraphs and no numbers.'])
    expect(s.warnings).toEqual(['no numbered clauses found: each paragraph is compared as a clause'])
  })

  it('trusts Word numbering given apart from the text, placing it by context', () => {
    const s = segment(
      doc([
        { kind: 'heading', level: 1, number: 'Article I', text: 'Definitions' },
        { kind: 'list-item', level: 1, number: '(a)', text: 'first item' },
        { kind: 'list-item', level: 1, number: '(b)', text: 'second item' },
        { kind: 'heading', level: 1, number: 'Article II', text: 'Term' },
        { kind: 'list-item', level: 2, number: '•', text: 'a bullet Word numbers with a symbol' }
      ])
    )
    expect(outline(s)).toEqual(['Article I | Definitions', '  (a) | ', '  (b) | ', 'Article II | Term', '  • | '])
  })

  it('counts a Markdown or HTML list on its own, under the numbered heading it sits in', () => {
    const md: ReadResult = {
      ...doc([
        { kind: 'heading', level: 2, text: '1. Definitions' },
        { kind: 'list-item', level: 1, number: '1.', text: '"Services" means the services.' },
        { kind: 'list-item', level: 1, number: '2.', text: '"Fees" means the fees.' },
        { kind: 'heading', level: 2, text: '2. Services' },
        { kind: 'list-item', level: 1, number: '3.', text: 'The Supplier provides the Services.' },
        { kind: 'list-item', level: 2, number: '1)', text: 'with care.' }
      ]),
      format: 'markdown'
    }
    const s = segment(md)
    expect(outline(s)).toEqual(['1 | Definitions', '  1 | ', '  2 | ', '2 | Services', '  3 | ', '    1) | '])
    expect(s.warnings).toEqual([])
  })

  it('gives the same ids for the same document, and different ones when a clause changes', () => {
    const a = segment(doc(['1. One', 'Text one.', '2. Two', 'Text two.']))
    const b = segment(doc(['1. One', 'Text one.', '2. Two', 'Text two.']))
    const c = segment(doc(['1. One', 'Text one changed.', '2. Two', 'Text two.']))
    expect(a.clauses.map((x) => x.id)).toEqual(b.clauses.map((x) => x.id))
    expect(c.clauses[0]!.id).not.toBe(a.clauses[0]!.id)
    expect(c.clauses[1]!.id).toBe(a.clauses[1]!.id)
  })

  it('keeps footnotes as clauses after the body', () => {
    const s = segment(doc(['1. Term', 'One year.', { kind: 'footnote', number: '1', text: 'Renewable once.' }]))
    expect(outline(s, 20)).toEqual(['1 | Term | One year.', '- | Footnote 1 | Renewable once.'])
  })
})
