import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import full from 'spdx-license-list/full.js'
import { ClausewiseError } from '../../../../src-main/core/errors'
import { readText } from '../../../../src-main/core/import/text'

const DOCS = join(__dirname, '../../../fixtures/documents')
const fixture = (name: string) => readFileSync(join(DOCS, name), 'utf8')
const licence = (id: string) => (full as Record<string, { licenseText: string }>)[id]!.licenseText
const texts = (text: string) => readText(text, 'test.txt').blocks.map((b) => b.text)

/** A licence's paragraphs as the package prints them: blank-line-separated, whitespace collapsed. */
const paragraphs = (text: string) => text.split(/\n[ \t]*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean)

/** Each block must be one paragraph or several whole ones in order; returns how many were run together. */
function mergesOf(blocks: readonly string[], expected: readonly string[]): number {
  let k = 0
  let merges = 0
  for (const block of blocks) {
    let text = expected[k++]
    while (text !== undefined && text.length < block.length && k < expected.length) {
      text += ' ' + expected[k++]
      merges++
    }
    expect(block).toBe(text)
  }
  expect(k).toBe(expected.length)
  return merges
}

function failure(run: () => unknown): ClausewiseError {
  try {
    run()
  } catch (err) {
    expect(err).toBeInstanceOf(ClausewiseError)
    return err as ClausewiseError
  }
  throw new Error('expected a ClausewiseError')
}

describe('readText on a hard-wrapped licence (MPL-2.0 as SPDX ships it)', () => {
  const result = readText(fixture('text-mpl-2.0.txt'), 'text-mpl-2.0.txt')
  const blocks = result.blocks.map((b) => b.text)

  it('gives back every paragraph whole, its wrapped lines joined by one space', () => {
    expect(blocks).toContain(
      'means an individual or a legal entity exercising rights under this License. For legal entities, "You" includes any entity that ' +
        'controls, is controlled by, or is under common control with You. For purposes of this definition, "control" means (a) the power, ' +
        'direct or indirect, to cause the direction or management of such entity, whether by contract or otherwise, or (b) ownership of ' +
        'more than fifty percent (50%) of the outstanding shares or beneficial ownership of such entity.'
    )
    expect(blocks).toContain(
      "(b) for infringements caused by: (i) Your and any other third party's modifications of Covered Software, or (ii) the combination " +
        'of its Contributions with other software (except as part of its Contributor Version); or'
    )
    const i = blocks.indexOf('2.1. Grants')
    expect(blocks.slice(i, i + 3)).toEqual([
      '2.1. Grants',
      'Each Contributor hereby grants You a world-wide, royalty-free, non-exclusive license:',
      expect.stringMatching(/^\(a\) under intellectual property rights .* as part of a Larger Work; and$/)
    ])
  })

  it('keeps a numbered definition term on its line apart from the indented text under it', () => {
    const i = blocks.indexOf('1.1. "Contributor"')
    expect(blocks[i + 1]).toBe('means each individual or legal entity that creates, contributes to the creation of, or owns Covered Software.')
    expect(result.blocks[i + 1]!.indent).toBeCloseTo(4 * 7.2)
    expect(result.blocks[i]!.indent).toBe(0)
  })

  it('reads the boxed disclaimers without their frame, and drops underline rules', () => {
    const i = blocks.indexOf('6. Disclaimer of Warranty')
    expect(blocks[i + 1]).toMatch(/^Covered Software is provided under this License on an "as is" basis, .* except under this disclaimer\.$/)
    expect(blocks.filter((b) => /\*|^[-=]+$/.test(b))).toEqual([])
  })

  it('loses and adds no words: the blocks hold the licence text in order', () => {
    const unframed = licence('MPL-2.0')
      .split('\n')
      .map((line) => line.replace(/^\*(.*)\*\s*$/, '$1'))
      .filter((line) => !/^\s*([-=*])\1+\s*$/.test(line))
      .join(' ')
    expect(blocks.join(' ')).toBe(unframed.replace(/\s+/g, ' ').trim())
  })

  it('takes the first line as the title, and gives no pages without form feeds', () => {
    expect(result.meta).toEqual({ title: 'Mozilla Public License Version 2.0' })
    expect(result.format).toBe('text')
    expect(result.blocks.every((b) => b.page === undefined && b.kind === 'paragraph')).toBe(true)
    expect(result.blocks.map((b) => b.paragraph)).toEqual(result.blocks.map((_, i) => i + 1))
  })
})

describe('readText on a licence wrapped with no blank lines (GPL-2.0, CRLF, form feeds)', () => {
  const result = readText(fixture('text-gpl-2.0-wrapped.txt'), 'text-gpl-2.0-wrapped.txt')
  const blocks = result.blocks.map((b) => b.text)
  const expected = paragraphs(licence('GPL-2.0-only'))

  it('never cuts a paragraph, and runs few together', () => {
    const merges = mergesOf(blocks, expected)
    console.log(`GPL-2.0 wrapped without blank lines: ${expected.length} paragraphs → ${blocks.length} blocks (${merges} run into the one before)`)
    // A paragraph whose last line fills the width and that starts with no number runs into the
    // one before it (see text.ts); today 8 do.
    expect(merges).toBeLessThanOrEqual(8)
  })

  it('starts a block at every numbered section and at the headings in capitals', () => {
    for (let n = 0; n <= 12; n++) expect(blocks.some((b) => b.startsWith(`${n}. `))).toBe(true)
    expect(blocks).toContain('NO WARRANTY')
    expect(blocks).toContain('TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION')
  })

  it('counts pages at form feeds and leaves no carriage return in the text', () => {
    const page = (text: string) => result.blocks.find((b) => b.text === text)?.page
    expect(result.blocks[0]!.page).toBe(1)
    expect(page('NO WARRANTY')).toBe(2)
    expect(page('How to Apply These Terms to Your New Programs')).toBe(3)
    expect(blocks.some((b) => /[\r\f]/.test(b))).toBe(false)
  })

  it('does not count a form feed before any text as a page', () => {
    expect(readText('\f\nOne\fTwo', 'a.txt').blocks.map((b) => [b.text, b.page])).toEqual([['One', 1], ['Two', 2]])
  })
})

describe('readText on one clause per line (Apache-2.0 without its blank lines)', () => {
  it('reads every line as a paragraph', () => {
    const text = fixture('text-apache-2.0-lines.txt')
    const result = readText(text, 'text-apache-2.0-lines.txt')
    expect(result.blocks.map((b) => b.text)).toEqual(text.split('\n').map((l) => l.trim()).filter(Boolean))
    expect(result.meta.title).toBe('Apache License')
  })
})

describe('readText: telling a wrapped line from a new paragraph', () => {
  const W = 'x'.repeat(8)
  const line = (words: number) => Array.from({ length: words }, () => W).join(' ') // 9 columns a word

  it('joins lines that fill the width, and ends a paragraph at a line with room for the next word', () => {
    const text = [line(8), line(8), 'short end.', line(8), line(3)].join('\n')
    expect(texts(text)).toEqual([`${line(8)} ${line(8)} short end.`, `${line(8)} ${line(3)}`])
  })

  it('starts a paragraph at an enumerator after a line that ends a clause', () => {
    const text = [`1. ${line(7)}`, `${line(7)} end;`, `(a) ${line(7)}`, `${line(7)} ends; and`, `(b) ${line(7)}`, `${line(7)} 2.1 of`, `${line(8)}.`].join('\n')
    expect(texts(text)).toEqual([
      `1. ${line(7)} ${line(7)} end;`,
      `(a) ${line(7)} ${line(7)} ends; and`,
      `(b) ${line(7)} ${line(7)} 2.1 of ${line(8)}.`
    ])
  })

  it('sets a full-width heading in capitals apart from the paragraphs around it', () => {
    const heading = 'DISCLAIMER OF WARRANTY AND LIMITATION OF LIABILITY FOR THE PROGRAM'
    const text = [line(8), `${line(7)} end.`, heading, line(8), line(3)].join('\n')
    expect(texts(text)).toEqual([`${line(8)} ${line(7)} end.`, heading, `${line(8)} ${line(3)}`])
  })

  it('keeps a disclaimer in capitals whole when it goes on in lower case', () => {
    const text = ['THE PROGRAM IS PROVIDED "AS IS" WITHOUT WARRANTY OF ANY KIND, EITHER', 'EXPRESSED OR IMPLIED. The entire risk is with you.'].join('\n')
    expect(texts(text)).toEqual([text.replace('\n', ' ')])
  })

  it('keeps a hanging indent in one paragraph and starts a new one where the indentation changes again', () => {
    const text = [`(a) ${line(7)}`, `    ${line(7)}`, `    ${line(7)}`, `  ${line(7)}`, `${line(7)}`].join('\n')
    const result = readText(text, 'test.txt')
    expect(result.blocks.map((b) => b.text)).toEqual([`(a) ${line(7)} ${line(7)} ${line(7)}`, `${line(7)} ${line(7)}`])
    expect(result.blocks.map((b) => b.indent)).toEqual([0, 2 * 7.2])
  })

  it('joins a compound broken at its hyphen without a space', () => {
    expect(texts(`${line(7)} non-\nexclusive ${line(7)}\n${line(2)}`)).toEqual([`${line(7)} non-exclusive ${line(7)} ${line(2)}`])
  })

  it('reads CR-only line ends and keeps tabs inside a line', () => {
    expect(texts('Schedule\r\rItem\tPrice\rA\t10')).toEqual(['Schedule', 'Item\tPrice', 'A\t10'])
  })
})

describe('readText: the title', () => {
  it('is none when the first line is a sentence, a copyright line or a numbered clause', () => {
    expect(readText('This Agreement is made on 1 March 2025.\n\nMore.', 'a.txt').meta).toEqual({})
    expect(readText('Copyright (c) 2025 Northwind\n\nText.', 'a.txt').meta).toEqual({})
    expect(readText('1. Definitions\n\nText.', 'a.txt').meta).toEqual({})
  })

  it('is none when the first line runs on into a paragraph', () => {
    const text = `SERVICES AGREEMENT between ${'x'.repeat(40)}\n${'y'.repeat(60)} and ${'z'.repeat(10)}\n${'w'.repeat(30)}.`
    expect(readText(text, 'a.txt').meta).toEqual({})
  })
})

describe('readText: bad and extreme input', () => {
  it('refuses a text without a word, naming the file', () => {
    for (const text of ['', '  \n\t\n', '\f\f', '-----\n=====\n* * *']) {
      const err = failure(() => readText(text, '/drafts/empty.txt'))
      expect(err.problem).toEqual({ code: 'invalid-file', file: 'empty.txt', message: 'has no text' })
    }
  })

  it('reads a 150,000-word agreement hard-wrapped without blank lines', () => {
    const words = 'the supplier shall deliver the goods to the customer on the delivery date'.split(' ')
    const paras: string[] = []
    for (let n = 0, count = 0; count < 150_000; n++) {
      const body = Array.from({ length: 100 }, (_, i) => words[(i + n) % words.length]).join(' ')
      paras.push(`${Math.floor(n / 10) + 1}.${(n % 10) + 1} ${body}.`)
      count += 101
    }
    const text = paras.map((p) => p.replace(/(.{1,72})(?: |$)/g, '$1\n').trimEnd()).join('\n')
    const started = performance.now()
    const result = readText(text, 'large.txt')
    console.log(`150,000 words (${(text.length / 1e6).toFixed(1)} MB, ${paras.length} paragraphs) read in ${(performance.now() - started).toFixed(0)} ms`)
    expect(result.blocks.map((b) => b.text)).toEqual(paras)
  })

  it('reads a single 5 MB line as one paragraph', () => {
    const text = 'word '.repeat(1_000_000)
    const started = performance.now()
    const result = readText(text, 'line.txt')
    console.log(`one 5 MB line read in ${(performance.now() - started).toFixed(0)} ms`)
    expect(result.blocks).toHaveLength(1)
    expect(result.blocks[0]!.text).toHaveLength(text.length - 1)
  })
})
