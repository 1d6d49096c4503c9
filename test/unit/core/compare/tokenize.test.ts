import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { countWords, tokenizeChars, tokenizeWords, WORD_TOKEN_PATTERN } from '../../../../src-main/core/compare/tokenize'

const texts = (words: string) => tokenizeWords(words).map((t) => t.text)

describe('tokenizeWords', () => {
  it('keeps amounts, percentages, dates, hyphenated and apostrophised words whole', () => {
    expect(texts('a 27% stake at $135 billion')).toEqual(['a', ' ', '27%', ' ', 'stake', ' ', 'at', ' ', '$135 billion'])
    expect(texts('on May 12, 2020 and 1 January 2021')).toEqual(['on', ' ', 'May 12, 2020', ' ', 'and', ' ', '1 January 2021'])
    expect(texts("a non-exclusive licence, the party's and OpenAI’s")).toEqual(['a', ' ', 'non-exclusive', ' ', 'licence', ',', ' ', 'the', ' ', "party's", ' ', 'and', ' ', 'OpenAI’s'])
    expect(texts('café naïve 日本')).toEqual(['café', ' ', 'naïve', ' ', '日本'])
  })

  it('tells words, spaces and punctuation apart', () => {
    expect(tokenizeWords('$5 $ x,\u00a0y')).toEqual([
      { text: '$5', kind: 'word' },
      { text: ' ', kind: 'space' },
      { text: '$', kind: 'punct' },
      { text: ' ', kind: 'space' },
      { text: 'x', kind: 'word' },
      { text: ',', kind: 'punct' },
      { text: '\u00a0', kind: 'space' },
      { text: 'y', kind: 'word' }
    ])
  })

  it('finds exactly the matches of its defining expression, for any text', () => {
    // The common ASCII cases are scanned by hand; this holds them to the expression.
    const pieces = fc.constantFrom('a', 'Ab', 'z9', ' ', '  ', '\n', '\t', '\u00a0', ',', '.', "'", '’', '-', '‐', '$', '$5', '€5', '5 %', '12 million', '1.5', '1,000.25', 'May', 'May 2020', 'Sept 3, 2021', '1 June 2020', 'Jan', 'D', 'é', 'e\u0301', '日本', '😀', '\ud800', '\u2028', '\v')
    const text = fc.oneof(fc.array(pieces, { maxLength: 30 }).map((xs) => xs.join('')), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }))
    fc.assert(
      fc.property(text, (s) => {
        expect(texts(s)).toEqual(s.match(new RegExp(WORD_TOKEN_PATTERN, 'gu')) ?? [])
      }),
      { numRuns: 5000 }
    )
  })
})

describe('tokenizeChars', () => {
  it('keeps a character outside the Basic Multilingual Plane whole', () => {
    expect(tokenizeChars('a😀 ,')).toEqual([
      { text: 'a', kind: 'word' },
      { text: '😀', kind: 'punct' },
      { text: ' ', kind: 'space' },
      { text: ',', kind: 'punct' }
    ])
  })
})

describe('countWords', () => {
  it('counts an amount or a date as one word', () => {
    expect(countWords('signed on May 12, 2020 for $5 million, non-exclusive.')).toBe(6)
    expect(countWords('')).toBe(0)
  })
})
