import { describe, expect, it } from 'vitest'
import { readDocx } from '../../../../src-main/core/import/docx'
import { formatNumber } from '../../../../src-main/core/import/docx-numbering'
import { list, makeDocx, numbered, p } from './make-docx'

const labels = (bytes: Uint8Array) => readDocx(bytes, 'a.docx').blocks.map((b) => b.number ?? '-')

describe('numbering formats', () => {
  it('prints numbers as Word does in each format', () => {
    expect([1, 4, 9, 14, 40, 1999].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIX'])
    expect([1, 4, 9].map((n) => formatNumber(n, 'lowerRoman'))).toEqual(['i', 'iv', 'ix'])
    // Word repeats the letter after z (aa, bb), it does not count in base 26 (aa, ab).
    expect([1, 26, 27, 28, 53].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'bb', 'aaa'])
    expect(formatNumber(3, 'upperLetter')).toBe('C')
    expect([3, 10].map((n) => formatNumber(n, 'decimalZero'))).toEqual(['03', '10'])
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map((n) => formatNumber(n, 'ordinal'))).toEqual(
      ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']
    )
    expect([1, 12, 21, 40].map((n) => formatNumber(n, 'cardinalText'))).toEqual(['One', 'Twelve', 'Twenty-one', 'Forty'])
    expect([1, 2, 5, 12, 20, 23].map((n) => formatNumber(n, 'ordinalText'))).toEqual(['First', 'Second', 'Fifth', 'Twelfth', 'Twentieth', 'Twenty-third'])
    expect(formatNumber(7, 'none')).toBe('')
    // Scripts legal documents do not use fall back to decimal rather than vanish.
    expect(formatNumber(7, 'ideographDigital')).toBe('7')
  })
})

describe('numbering resolution', () => {
  it('builds multi-level labels from lvlText, restarting lower levels after a higher one', () => {
    const numbering = list(1, [['decimal', 'Section %1.'], ['decimal', '%1.%2'], ['lowerLetter', '(%3)']], [1])
    const body = [
      numbered('A', 1, 0), numbered('A1', 1, 1), numbered('A1a', 1, 2), numbered('A1b', 1, 2), numbered('A2', 1, 1),
      numbered('B', 1, 0), numbered('B1', 1, 1), numbered('B1a', 1, 2)
    ].join('')
    const blocks = readDocx(makeDocx({ body, numbering }), 'a.docx').blocks
    expect(blocks.map((b) => b.number)).toEqual(['Section 1.', '1.1', '(a)', '(b)', '1.2', 'Section 2.', '2.1', '(a)'])
    expect(blocks.map((b) => b.level)).toEqual([1, 2, 3, 3, 2, 1, 2, 3])
    expect(blocks.every((b) => b.kind === 'list-item')).toBe(true)
  })

  it('honours w:start and a num\'s startOverride, the override only on the num\'s first use', () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
      `<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>` +
      `<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>`
    const body = [numbered('a', 1), numbered('b', 1), numbered('c', 2), numbered('d', 2), numbered('e', 1)].join('')
    // num 2 restarts the shared counter at 10; num 1 then continues that same counter.
    expect(labels(makeDocx({ body, numbering }))).toEqual(['3.', '4.', '10.', '11.', '12.'])
  })

  it('shares one counter among nums of the same abstractNum that carry no override (Word\'s "continue numbering")', () => {
    const numbering = list(1, [['decimal', '%1.']], [1], [2]) + list(2, [['decimal', '%1)']], [3])
    const body = [numbered('a', 1), numbered('b', 1), p('text'), numbered('c', 2), numbered('x', 3), numbered('d', 1)].join('')
    expect(labels(makeDocx({ body, numbering }))).toEqual(['1.', '2.', '-', '3.', '1)', '4.'])
  })

  it('prints every number in decimal under isLgl: "Article IV" then "4.1"', () => {
    const numbering = list(1, [['upperRoman', 'Article %1'], ['decimal', '%1.%2', '<w:isLgl/>']], [1])
    const body = ['I', 'II', 'III', 'IV'].map((r) => numbered(r, 1, 0)).join('') + numbered('sub', 1, 1)
    expect(labels(makeDocx({ body, numbering }))).toEqual(['Article I', 'Article II', 'Article III', 'Article IV', '4.1'])
  })

  it('restarts a level only after the level lvlRestart names, and never at 0', () => {
    const numbering = list(1, [
      ['decimal', '%1.'],
      ['decimal', '%1.%2'],
      ['lowerLetter', '(%3)', '<w:lvlRestart w:val="1"/>'], // restarts after level 1 only, not after level 2
      ['lowerRoman', '(%4)', '<w:lvlRestart w:val="0"/>'] // never restarts
    ], [1])
    const body = [
      numbered('1', 1, 0), numbered('i', 1, 3), numbered('1.1', 1, 1), numbered('a', 1, 2), numbered('1.2', 1, 1), numbered('b', 1, 2),
      numbered('ii', 1, 3), numbered('2', 1, 0), numbered('a again', 1, 2), numbered('iii', 1, 3)
    ].join('')
    expect(labels(makeDocx({ body, numbering }))).toEqual(['1.', '(i)', '1.1', '(a)', '1.2', '(b)', '(ii)', '2.', '(a)', '(iii)'])
  })

  it('prints no number for bullets but keeps them list items, and drops a level whose label is empty', () => {
    const numbering = list(1, [['bullet', '•'], ['none', '']], [1])
    const blocks = readDocx(makeDocx({ body: numbered('point', 1, 0) + numbered('plain', 1, 1), numbering }), 'a.docx').blocks
    expect(blocks[0]).toMatchObject({ kind: 'list-item', level: 1, text: 'point' })
    expect(blocks[0]?.number).toBeUndefined()
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', text: 'plain' })
  })

  it('counts an empty numbered paragraph, as Word prints its number, but drops the block', () => {
    const numbering = list(1, [['decimal', '%1.']], [1])
    const body = numbered('one', 1) + numbered('', 1) + numbered('three', 1)
    expect(labels(makeDocx({ body, numbering }))).toEqual(['1.', '3.'])
  })

  it('treats numId 0 and unknown numIds as no numbering', () => {
    const numbering = list(1, [['decimal', '%1.']], [1])
    const blocks = readDocx(makeDocx({ body: numbered('zero', 0) + numbered('missing', 7) + numbered('one', 1), numbering }), 'a.docx').blocks
    expect(blocks.map((b) => [b.kind, b.number])).toEqual([['paragraph', undefined], ['paragraph', undefined], ['list-item', '1.']])
  })

  it('takes numbering from the paragraph style, through basedOn, at the level tied to the style', () => {
    const numbering =
      list(1, [['decimal', '%1.', '<w:pStyle w:val="Clause1"/>'], ['decimal', '%1.%2', '<w:pStyle w:val="Clause2"/>']], [5])
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      // numId without ilvl: the level comes from the abstractNum's w:pStyle.
      '<w:style w:type="paragraph" w:styleId="Clause1"><w:name w:val="Clause 1"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Clause2"><w:name w:val="Clause 2"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Clause2Bold"><w:name w:val="Clause 2 Bold"/><w:basedOn w:val="Clause2"/></w:style>'
    const body = p('A', '<w:pStyle w:val="Clause1"/>') + p('A.1', '<w:pStyle w:val="Clause2"/>') + p('A.2', '<w:pStyle w:val="Clause2Bold"/>') +
      p('B', '<w:pStyle w:val="Clause1"/>') + p('off', '<w:pStyle w:val="Clause2"/><w:numPr><w:numId w:val="0"/></w:numPr>')
    const blocks = readDocx(makeDocx({ body, numbering, styles }), 'a.docx').blocks
    expect(blocks.map((b) => [b.number, b.level, b.style])).toEqual([
      ['1.', 1, 'Clause 1'], ['1.1', 2, 'Clause 2'], ['1.2', 2, 'Clause 2 Bold'], ['2.', 1, 'Clause 1'], [undefined, undefined, 'Clause 2']
    ])
  })

  it('follows numStyleLink to the list style that holds the levels', () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="LegalList"/></w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="LegalList"/>' +
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    const styles = '<w:style w:type="numbering" w:styleId="LegalList"><w:name w:val="Legal List"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
    expect(labels(makeDocx({ body: numbered('a', 1) + numbered('b', 1), numbering, styles }))).toEqual(['A.', 'B.'])
  })

  it('keeps a level\'s lvlOverride definition for that num only', () => {
    const numbering = list(1, [['decimal', '%1.']], [1], [2, '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="Part %1"/></w:lvl></w:lvlOverride>'])
    expect(labels(makeDocx({ body: numbered('a', 1) + numbered('b', 2) + numbered('c', 2), numbering }))).toEqual(['1.', 'Part A', 'Part B'])
  })
})
