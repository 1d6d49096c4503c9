import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { redlineText } from '../../../../src-main/core/compare/redline'
import { DEFAULT_COMPARE_OPTIONS, type CompareOptions, type Part } from '../../../../src-main/core/compare/types'

const WORD: CompareOptions = DEFAULT_COMPARE_OPTIONS

/** Renders parts as "equal[-deleted-]{+inserted+}", ignored differences as (-x-)(+y+). */
function show(parts: Part[]): string {
  return parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? (p.ignored ? `(-${p.text}-)` : `[-${p.text}-]`) : p.ignored ? `(+${p.text}+)` : `{+${p.text}+}`)).join('')
}

function sides(parts: Part[]): { base: string; target: string } {
  return {
    base: parts.filter((p) => p.op !== 'insert').map((p) => p.text).join(''),
    target: parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')
  }
}

describe('redlineText', () => {
  it('shows a changed year as one whole token', () => {
    expect(show(redlineText('exclusive through 2030.', 'exclusive through 2032.', WORD))).toBe('exclusive through [-2030-]{+2032+}.')
  })

  it('keeps amounts and percentages whole', () => {
    expect(show(redlineText('a 27% stake valued at $135 billion', 'a 27% stake valued at $225 billion', WORD))).toBe('a 27% stake valued at [-$135 billion-]{+$225 billion+}')
  })

  it('keeps dates whole', () => {
    expect(show(redlineText('signed on October 28, 2025 by both', 'signed on April 27, 2026 by both', WORD))).toBe('signed on [-October 28, 2025-]{+April 27, 2026+} by both')
  })

  it('reads a rewritten phrase as one deletion and one insertion, not alternating fragments', () => {
    const parts = redlineText('the licence is exclusive until 2030 for all models', 'the licence runs non-exclusively to 2032 for all models', WORD)
    expect(show(parts)).toBe('the licence [-is exclusive until 2030-]{+runs non-exclusively to 2032+} for all models')
  })

  it('keeps hyphenated words whole', () => {
    expect(show(redlineText('an exclusive licence', 'a non-exclusive licence', WORD))).toBe('[-an exclusive-]{+a non-exclusive+} licence')
  })

  it('shows an added or removed sentence at the end', () => {
    expect(show(redlineText('Terms hold.', 'Terms hold. Payments are capped.', WORD))).toBe('Terms hold.{+ Payments are capped.+}')
  })

  it('redlines character by character in char mode', () => {
    expect(show(redlineText('licence', 'license', { ...WORD, granularity: 'char' }))).toBe('licen[-c-]{+s+}e')
  })

  it('marks case differences as ignored under ignoreCase, and as changes otherwise', () => {
    expect(show(redlineText('Azure is Primary', 'Azure is primary', WORD))).toBe('Azure is [-Primary-]{+primary+}')
    expect(show(redlineText('Azure is Primary', 'Azure is primary', { ...WORD, ignoreCase: true }))).toBe('Azure is (-Primary-)(+primary+)')
  })

  it('marks punctuation differences as ignored under ignorePunctuation', () => {
    expect(show(redlineText('Azure, OpenAI and AWS', 'Azure OpenAI and AWS.', { ...WORD, ignorePunctuation: true }))).toBe('Azure(-,-) OpenAI and AWS(+.+)')
  })

  it('marks whitespace-only differences as ignored under ignoreWhitespace', () => {
    expect(show(redlineText('Azure  remains\nprimary', 'Azure remains primary', { ...WORD, ignoreWhitespace: true }))).toBe('Azure(-  -)(+ +)remains(-\n-)(+ +)primary')
    expect(show(redlineText('Azure  remains', 'Azure remains', WORD))).toBe('Azure[-  -]{+ +}remains')
  })

  it('folds curly and straight apostrophes only when punctuation is ignored', () => {
    expect(show(redlineText('OpenAI’s models', "OpenAI's models", WORD))).toBe("[-OpenAI’s-]{+OpenAI's+} models")
    expect(show(redlineText('OpenAI’s models', "OpenAI's models", { ...WORD, ignorePunctuation: true }))).toBe("(-OpenAI’s-)(+OpenAI's+) models")
  })

  it('handles empty sides', () => {
    expect(redlineText('', '', WORD)).toEqual([])
    expect(redlineText('', 'New clause.', WORD)).toEqual([{ op: 'insert', text: 'New clause.' }])
    expect(redlineText('Old clause.', '', WORD)).toEqual([{ op: 'delete', text: 'Old clause.' }])
  })
})

describe('the redline invariant', () => {
  const alphabet = fc.constantFrom('a', 'B', 'c', ' ', '  ', '\n', ',', '.', '’', "'", '-', '2030', '2032', '$135 billion', 'licence', 'Licence', 'é', '日本', '27%')
  const text = fc.array(alphabet, { maxLength: 40 }).map((xs) => xs.join(''))
  const options = fc.record({
    granularity: fc.constantFrom('word' as const, 'char' as const),
    ignoreCase: fc.boolean(),
    ignorePunctuation: fc.boolean(),
    ignoreWhitespace: fc.boolean()
  })
  const unicodeText = fc.string({ unit: 'grapheme', maxLength: 60 })

  it('equal+delete rebuild the base and equal+insert rebuild the target, for any texts and options', () => {
    fc.assert(
      fc.property(fc.oneof(text, unicodeText), fc.oneof(text, unicodeText), options, (a, b, opts) => {
        const parts = redlineText(a, b, opts)
        expect(sides(parts)).toEqual({ base: a, target: b })
        expect(parts.every((p) => p.text.length > 0)).toBe(true)
      }),
      { numRuns: 3000 }
    )
  })

  it('finds no unignored change between equal texts, whatever the options', () => {
    fc.assert(
      fc.property(text, options, (a, opts) => {
        expect(redlineText(a, a, opts).every((p) => p.op === 'equal')).toBe(true)
      })
    )
  })
})
