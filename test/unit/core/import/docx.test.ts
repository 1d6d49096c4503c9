import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocx } from '../../../../src-main/core/import/docx'
import type { Block } from '../../../../src-main/core/import/types'
import { list, makeDocx, numbered, p } from './make-docx'

const FIXTURES = join(__dirname, '../../../fixtures/documents')
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)))
const read = (name: string) => readDocx(fixture(name), name)
const hasTool = (tool: string) => ['/usr/bin', '/usr/local/bin'].some((d) => existsSync(join(d, tool)))

/** The blocks an .expected.txt lists (written by make-docx-fixtures.mjs, labels checked against LibreOffice's print). */
function expected(name: string): Block[] {
  return readFileSync(join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line, i) => {
      const [kind, level, number, style, ...text] = line.split('\t')
      const block: Block = { kind: kind as Block['kind'], text: text.join('\t'), paragraph: i + 1 }
      if (number) block.number = number
      if (level) block.level = Number(level)
      if (style) block.style = style
      return block
    })
}

describe('readDocx on the Apache License agreement drafts', () => {
  it.each(['apache-2.0-v1', 'apache-2.0-v2'])('%s gives back exactly the expected blocks', (name) => {
    const result = read(`${name}.docx`)
    expect(result.format).toBe('docx')
    expect(result.blocks).toEqual(expected(`${name}.expected.txt`))
  })

  it('reads the printed labels, headings by style, the table, the footnote and the metadata', () => {
    const { blocks, meta, warnings } = read('apache-2.0-v1.docx')
    const numbers = blocks.filter((b) => b.number && b.kind !== 'footnote').map((b) => b.number)
    expect(numbers.slice(0, 13)).toEqual(['Section 1.', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', 'Section 2.', '2.1'])
    expect(numbers.slice(numbers.indexOf('Section 4.'), numbers.indexOf('Section 5.'))).toEqual(['Section 4.', '4.1', '(a)', '(b)', '(c)', '(d)', '4.2'])
    expect(blocks.find((b) => b.number === 'Section 3.')).toMatchObject({ kind: 'heading', level: 1, style: 'Heading 1', text: 'Grant of Patent License' })
    expect(blocks[0]).toMatchObject({ kind: 'heading', style: 'Title', text: 'Apache License' })
    expect(blocks.filter((b) => b.kind === 'table-row').map((b) => b.text)).toEqual([
      'Licence\tApache License, Version 2.0', 'Published\tJanuary 2004', 'Source\thttp://www.apache.org/licenses/'
    ])
    // The footnote's mark is not left in the body text; the note comes after the body with its number.
    expect(blocks[1]?.text).toBe('Version 2.0, January 2004')
    expect(blocks.at(-1)).toMatchObject({ kind: 'footnote', number: '1' })
    // The notice's printed lines are one paragraph, joined by spaces.
    expect(blocks.some((b) => b.text.startsWith('Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file'))).toBe(true)
    expect(meta).toEqual({ title: 'Apache License, Version 2.0', author: 'Clausewise fixtures', date: '2026-01-15' })
    expect(warnings).toEqual(['headers and footers are not compared (1 header and 1 footer found)'])
  })

  it('second draft: the inserted definition renumbers the rest, the split and merged clauses are numbered anew', () => {
    const blocks = read('apache-2.0-v2.docx').blocks
    const text = (n: string) => blocks.find((b) => b.number === n)?.text ?? ''
    expect(text('1.3')).toMatch(/^"Affiliate" shall mean/)
    expect(text('1.4')).toMatch(/^"Legal Entity"/)
    expect(text('1.11')).toMatch(/^"Contributor"/)
    expect(text('3.2')).toMatch(/^If You institute patent litigation/)
    const items = blocks.filter((b) => b.level === 3).map((b) => b.number)
    expect(items).toEqual(['(a)', '(b)', '(c)'])
    expect(blocks.find((b) => b.number === '(a)')?.text).toMatch(/a copy of this License, and you must cause any modified files/)
    expect(read('apache-2.0-v2.docx').meta.date).toBe('2026-03-02')
  })

  // The cross-check the issue asks for: the same DOCX printed by LibreOffice shows these labels,
  // each before the start of its text, in this order (notes print on the page that cites them).
  it.skipIf(!hasTool('pdftotext')).each(['apache-2.0-v1', 'apache-2.0-v2'])('%s: every label is the one LibreOffice prints', (name) => {
    const printed = execFileSync('pdftotext', ['-layout', join(FIXTURES, `${name}.pdf`), '-']).toString('utf8').replace(/\s+/g, ' ')
    let at = 0
    const numbered = read(`${name}.docx`).blocks.filter((b) => b.number)
    expect(numbered.length).toBeGreaterThan(30)
    for (const b of numbered) {
      const start = `${b.number} ${b.text.split(/\s+/).slice(0, 3).join(' ')}`
      const found = printed.indexOf(start, b.kind === 'footnote' ? 0 : at)
      expect(found, start).toBeGreaterThanOrEqual(0)
      if (b.kind !== 'footnote') at = found + 1
    }
  })
})

describe('readDocx on the edge-case fixtures', () => {
  it('restarts with startOverride and continues a new num that has none', () => {
    const rows = read('docx-numbering-restart.docx').blocks.map((b) => `${b.number ?? ''} ${b.text}`.trim())
    expect(rows).toEqual([
      'First list:', '1. Alpha', '2. Beta', '(a) Beta one', '(b) Beta two', '3. Gamma', '(a) Gamma one',
      'Second list, restarted:', '1. Delta', '2. Epsilon',
      'Third list, starting at 5:', '5. Zeta', '6. Eta',
      'Fourth list, a new num on the same definition without a restart:', '7. Theta', '(a) Theta one'
    ])
  })

  it('reads tracked changes as accepted and says so', () => {
    const { blocks, warnings } = read('docx-tracked-changes.docx')
    expect(blocks.map((b) => `${b.number} ${b.text}`)).toEqual([
      '1. The Supplier shall deliver the Goods within thirty days after the Order Date.',
      // The deleted clause is gone and took no number; the deleted paragraph mark joined two paragraphs.
      '2. The Buyer shall pay the Price on delivery.',
      '3. This Agreement is governed by the laws of England.'
    ])
    expect(warnings).toEqual(['tracked changes were read as accepted (2 insertions, 4 deletions)'])
  })

  it('prints Article IV in upper roman and, under legal numbering, 4.1', () => {
    const blocks = read('docx-article-roman.docx').blocks
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.number)).toEqual(['Article I', 'Article II', 'Article III', 'Article IV', 'Article V'])
    expect(blocks.filter((b) => b.kind === 'list-item').map((b) => b.number)).toEqual(['1.1', '2.1', '2.2', '3.1', '4.1', '(i)', '(ii)', '(iii)', '5.1'])
  })

  it('takes numbering and headings from styles', () => {
    const blocks = read('docx-style-numbering.docx').blocks
    expect(blocks.map((b) => [b.kind, b.level, b.number, b.style])).toEqual([
      ['heading', 1, '1.', 'Clause Heading'],
      ['list-item', 2, '1.1', 'Clause Text'],
      ['list-item', 2, '1.2', 'Clause Text Indented'],
      ['paragraph', undefined, undefined, 'Clause Text'],
      ['heading', 1, '2.', 'Clause Heading'],
      ['list-item', 2, '2.1', 'Clause Text'],
      ['heading', 2, undefined, undefined]
    ])
  })

  it('reads a macro-enabled document\'s text and reports its macros, unrun', () => {
    const result = readDocx(fixture('docx-macro.docm'), 'docx-macro.docm', { macroEnabled: true })
    expect(result.blocks.map((b) => b.text)).toEqual(['A document that carries a VBA project.'])
    expect(result.warnings).toEqual(['macros were not run or imported'])
    // Found from the package itself too, whatever the file is called.
    expect(readDocx(fixture('docx-macro.docm'), 'renamed.docx').warnings).toEqual(['macros were not run or imported'])
    expect(readDocx(makeDocx({ body: p('x') }), 'a.docm', { macroEnabled: true }).warnings).toEqual(['macros were not run or imported'])
  })
})

const texts = (bytes: Uint8Array) => readDocx(bytes, 'a.docx').blocks.map((b) => b.text)
const run = (inner: string) => `<w:r>${inner}</w:r>`
const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`
const para = (...inner: string[]) => `<w:p>${inner.join('')}</w:p>`

describe('readDocx text', () => {
  it('reads tabs, line breaks, non-breaking hyphens and symbols as printed; drops empty paragraphs', () => {
    const body =
      para(run(t('1.') + '<w:tab/>' + t('Term')), run('<w:br/>' + t('next line') + '<w:cr/>' + t('co') + '<w:noBreakHyphen/>' + t('operate'))) +
      para() + para(run(t('   '))) +
      para(run(t('Fees ') + '<w:sym w:font="Symbol" w:char="F0B3"/>' + t(' 10') + '<w:sym w:font="Wingdings" w:char="F0FC"/>' + '<w:sym w:font="Arial" w:char="00A7"/>' + t('4')))
    expect(texts(makeDocx({ body }))).toEqual(['1.\tTerm next line co-operate', 'Fees ≥ 10§4'])
  })

  it('keeps runs of spaces as printed and trims the ends', () => {
    expect(texts(makeDocx({ body: para(run(t('  two  spaces ')), run(t(' here  '))) }))).toEqual(['two  spaces  here'])
  })

  it('shows a field\'s result, never its code, nested fields included', () => {
    const field = (code: string, result: string) =>
      run('<w:fldChar w:fldCharType="begin"/>') + run(`<w:instrText> ${code} </w:instrText>`) + run('<w:fldChar w:fldCharType="separate"/>') + run(t(result)) + run('<w:fldChar w:fldCharType="end"/>')
    const nested =
      run('<w:fldChar w:fldCharType="begin"/>') + run('<w:instrText>IF </w:instrText>') + field('PAGE', '9') + run('<w:instrText> = 1 "a" "b"</w:instrText>') +
      run('<w:fldChar w:fldCharType="separate"/>') + run(t('b')) + run('<w:fldChar w:fldCharType="end"/>')
    const body =
      para(run(t('See clause ')), field('REF _Ref1 \\r \\h', '4.2'), run(t(' above.'))) +
      para(run(t('Result: ')), nested) +
      para(`<w:fldSimple w:instr=" DATE "><w:r><w:t>1 May 2026</w:t></w:r></w:fldSimple>`) +
      // An index entry has a code and no result: nothing is printed.
      para(run(t('Indexed')), run('<w:fldChar w:fldCharType="begin"/>'), run('<w:instrText> XE "term" </w:instrText>'), run('<w:fldChar w:fldCharType="end"/>'), run(t(' word')))
    expect(texts(makeDocx({ body }))).toEqual(['See clause 4.2 above.', 'Result: b', '1 May 2026', 'Indexed word'])
  })

  it('leaves out the table of contents, which would repeat every numbered heading, and says so', () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/></w:style>'
    const body = p('Contents', '<w:pStyle w:val="TOCHeading"/>') + p('1. Definitions\t3', '<w:pStyle w:val="TOC1"/>') + p('2. Licence\t4', '<w:pStyle w:val="TOC1"/>') + p('1. Definitions') + p('Words mean things.')
    const result = readDocx(makeDocx({ body, styles }), 'a.docx')
    expect(result.blocks.map((b) => b.text)).toEqual(['1. Definitions', 'Words mean things.'])
    expect(result.warnings).toEqual(['the table of contents is not compared (2 entries)'])
  })

  it('warns when a damaged field is never closed, since the text after it is not shown', () => {
    const body = para(run(t('Before')), run('<w:fldChar w:fldCharType="begin"/>'), run('<w:instrText>PAGE</w:instrText>')) + p('Lost')
    const result = readDocx(makeDocx({ body }), 'a.docx')
    expect(result.blocks.map((b) => b.text)).toEqual(['Before'])
    expect(result.warnings).toEqual(['the document is partly damaged: a field is never closed, so text after it may be missing'])
  })

  it('keeps hyperlinks\', content controls\', smart tags\' and text boxes\' text', () => {
    const textBox = `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>${p('Boxed text')}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
    const alternate = `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${textBox.slice(5, -6)}</mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p('Boxed text')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
    const body =
      para(run(t('Visit ')), `<w:hyperlink r:id="rId9"><w:r><w:t>the site</w:t></w:r></w:hyperlink>`, run(t('.'))) +
      `<w:sdt><w:sdtPr><w:alias w:val="Party"/></w:sdtPr><w:sdtContent>${p('Acme Ltd')}</w:sdtContent></w:sdt>` +
      para(`<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>inline control</w:t></w:r></w:sdtContent></w:sdt>`, `<w:smartTag w:element="place"><w:r><w:t> in London</w:t></w:r></w:smartTag>`) +
      para(run(t('Figure')), textBox) +
      para(run(t('Chosen once')), alternate)
    expect(texts(makeDocx({ body }))).toEqual(['Visit the site.', 'Acme Ltd', 'inline control in London', 'Figure', 'Boxed text', 'Chosen once', 'Boxed text'])
  })

  it('accepts moves (moveTo kept, moveFrom dropped) and drops hidden text, saying so', () => {
    const body =
      para(`<w:moveFrom w:id="1" w:author="A"><w:r><w:t>Moved clause.</w:t></w:r></w:moveFrom>`) +
      para(run(t('Stays.'))) +
      para(`<w:moveTo w:id="2" w:author="A"><w:r><w:t>Moved clause.</w:t></w:r></w:moveTo>`) +
      para(run(t('Shown')), `<w:r><w:rPr><w:vanish/></w:rPr><w:t> hidden</w:t></w:r>`, `<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t> shown too</w:t></w:r>`)
    const result = readDocx(makeDocx({ body }), 'a.docx')
    expect(result.blocks.map((b) => b.text)).toEqual(['Stays.', 'Moved clause.', 'Shown shown too'])
    expect(result.warnings).toEqual(['tracked changes were read as accepted (0 insertions, 0 deletions, 1 move)', 'hidden text is not compared (1 passage)'])
  })

  it('reads headings by style name and outline level, with the style\'s display name', () => {
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Schedule"><w:name w:val="Schedule Title"/><w:basedOn w:val="Heading2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/><w:basedOn w:val="Heading2"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>'
    const body = p('Two', '<w:pStyle w:val="Heading2"/>') + p('Three', '<w:pStyle w:val="Heading3"/>') + p('Schedule 1', '<w:pStyle w:val="Schedule"/>') +
      p('Body', '<w:pStyle w:val="Body"/>') + p('Own level', '<w:outlineLvl w:val="3"/>') + p('Plain') + p('Unknown style', '<w:pStyle w:val="Nope"/>')
    const blocks = readDocx(makeDocx({ body, styles }), 'a.docx').blocks
    expect(blocks.map((b) => [b.kind, b.level, b.style])).toEqual([
      ['heading', 2, 'Heading 2'], ['heading', 3, 'Heading 3'], ['heading', 2, 'Schedule Title'],
      ['paragraph', undefined, 'Body Text'], ['heading', 4, undefined], ['paragraph', undefined, undefined], ['paragraph', undefined, undefined]
    ])
  })

  it('reads each table row as one block, cells joined by a tab, nested tables flattened into their cell', () => {
    const cell = (...content: string[]) => `<w:tc>${content.join('')}</w:tc>`
    const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`
    const nested = `<w:tbl>${row(cell(p('x1')), cell(p('x2')))}${row(cell(p('y1')), cell(p('y2')))}</w:tbl>`
    const numbering = list(1, [['decimal', '%1.']], [1])
    const body =
      `<w:tbl><w:tblPr/>${row(cell(p('Party')), cell(p('Role')))}${row(cell(p('Acme'), p('Ltd')), cell(p('Seller'), nested))}` +
      `${row(cell(p('')), cell(p('')))}${row(cell(numbered('Listed', 1)), cell(p('a\tb')))}` +
      `<w:tr><w:trPr><w:del w:id="1" w:author="A"/></w:trPr>${cell(p('Deleted row'))}</w:tr></w:tbl>` + p('After')
    const result = readDocx(makeDocx({ body, numbering }), 'a.docx')
    expect(result.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['table-row', 'Party\tRole'],
      ['table-row', 'Acme Ltd\tSeller x1 x2 y1 y2'],
      ['table-row', '1. Listed\ta b'],
      ['paragraph', 'After']
    ])
    expect(result.blocks.map((b) => b.paragraph)).toEqual([1, 2, 3, 4])
  })
})

describe('readDocx notes, headers, footers, comments and metadata', () => {
  const note = (kind: 'footnote' | 'endnote', id: number, text: string) =>
    `<w:${kind} w:id="${id}"><w:p><w:r><w:${kind}Ref/></w:r><w:r><w:t xml:space="preserve"> ${text}</w:t></w:r></w:p></w:${kind}>`
  const separators = (kind: string) => `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}><w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>`
  const ref = (kind: 'footnote' | 'endnote', id: number, extra = '') => `<w:r><w:${kind}Reference w:id="${id}"${extra}/></w:r>`

  it('numbers footnotes by the order of their references, and endnotes in lower roman, after the body', () => {
    const body =
      para(run(t('First')), ref('footnote', 7)) + para(run(t('Second')), ref('footnote', 3), run(t(' and')), ref('endnote', 2)) +
      para(run(t('Starred')), `<w:r><w:footnoteReference w:customMarkFollows="1" w:id="5"/><w:t>*</w:t></w:r>`, run(t(' text')), ref('footnote', 4))
    const footnotes = separators('footnote') + note('footnote', 3, 'Note three.') + note('footnote', 4, 'Note four.') + note('footnote', 5, 'Custom.') +
      note('footnote', 7, 'Note seven.') + note('footnote', 9, 'Never cited.')
    const endnotes = separators('endnote') + note('endnote', 2, 'An endnote.')
    const blocks = readDocx(makeDocx({ body, footnotes, endnotes }), 'a.docx').blocks
    expect(blocks.map((b) => [b.kind, b.number, b.text])).toEqual([
      ['paragraph', undefined, 'First'],
      ['paragraph', undefined, 'Second and'],
      ['paragraph', undefined, 'Starred text'],
      ['footnote', '1', 'Note seven.'],
      ['footnote', '2', 'Note three.'],
      ['footnote', '*', 'Custom.'],
      ['footnote', '3', 'Note four.'],
      ['footnote', 'i', 'An endnote.']
    ])
  })

  it('numbers notes in the format and from the start the settings give', () => {
    const settings = '<w:footnotePr><w:numFmt w:val="lowerLetter"/><w:numStart w:val="2"/></w:footnotePr>'
    const body = para(run(t('A')), ref('footnote', 1)) + para(run(t('B')), ref('footnote', 2))
    const footnotes = note('footnote', 1, 'One.') + note('footnote', 2, 'Two.')
    expect(readDocx(makeDocx({ body, footnotes, settings }), 'a.docx').blocks.slice(2).map((b) => b.number)).toEqual(['b', 'c'])
  })

  it('reports headers and footers that print something, and comments, without making blocks of them', () => {
    const result = readDocx(makeDocx({
      body: p('Body'),
      headers: [p('Confidential'), '<w:p/>'],
      footers: [`<w:p><w:fldSimple w:instr=" PAGE "/></w:p>`],
      comments: `<w:comment w:id="0" w:author="A">${p('Check this')}</w:comment><w:comment w:id="1" w:author="B">${p('Agreed')}</w:comment>`
    }), 'a.docx')
    expect(result.blocks.map((b) => b.text)).toEqual(['Body'])
    expect(result.warnings).toEqual(['headers and footers are not compared (1 header and 1 footer found)', 'comments are not imported (2)'])
  })

  it('reads title, author and the date part of the last save, falling back to creation', () => {
    const core = (dates: string) => `<dc:title> Master Services Agreement </dc:title><dc:creator>A. Lawyer</dc:creator>${dates}`
    const modified = '<dcterms:created xsi:type="dcterms:W3CDTF">2019-05-01T10:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-02-03T08:00:00Z</dcterms:modified>'
    expect(readDocx(makeDocx({ body: p('x'), core: core(modified) }), 'a.docx').meta).toEqual({ title: 'Master Services Agreement', author: 'A. Lawyer', date: '2026-02-03' })
    expect(readDocx(makeDocx({ body: p('x'), core: core('<dcterms:created>2019-05-01T10:00:00Z</dcterms:created>') }), 'a.docx').meta.date).toBe('2019-05-01')
    expect(readDocx(makeDocx({ body: p('x'), core: '<dc:title></dc:title><dcterms:created>1601-01-01T00:00:00Z</dcterms:created>' }), 'a.docx').meta).toEqual({})
    expect(readDocx(makeDocx({ body: p('x') }), 'a.docx').meta).toEqual({})
  })

  it('reads a document written with another prefix for the WordprocessingML namespace', () => {
    const documentXml = `<?xml version="1.0"?><x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>Other prefix</x:t></x:r></x:p></x:body></x:document>`
    expect(texts(makeDocx({ body: '', documentXml }))).toEqual(['Other prefix'])
  })
})
