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

  it('shows a renumbered heading as its number replaced', () => {
    expect(show(redlineText('Clause 12', 'Clause 13', WORD))).toBe('Clause [-12-]{+13+}')
    expect(show(redlineText('Clause 9', 'Clause 10', WORD))).toBe('Clause [-9-]{+10+}')
  })

  it('never aligns on spaces alone: unrelated words are one deletion and one insertion', () => {
    expect(show(redlineText('fees are due', 'rights may lapse', WORD))).toBe('[-fees are due-]{+rights may lapse+}')
  })

  it('keeps the unchanged words between far-apart edits of a long clause', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`)
    const edited = [...words]
    edited[10] = 'ten'
    edited[290] = 'late'
    expect(show(redlineText(words.join(' '), edited.join(' '), WORD))).toBe(
      `${words.slice(0, 10).join(' ')} [-w10-]{+ten+} ${words.slice(11, 290).join(' ')} [-w290-]{+late+} ${words.slice(291).join(' ')}`
    )
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

  it('holds for a clause and an edited copy of it (words replaced, inserted, deleted), for every option set', () => {
    const piece = fc.constantFrom('the', 'The', 'party', 'shall', 'pay', 'a', 'fee', 'of', '$135 billion', '2030', 'May 2020', 'non-exclusive', 'OpenAI’s', "OpenAI's", ',', '.', ';', '(a)', 'é', '日本')
    const space = fc.constantFrom(' ', ' ', ' ', '  ', '\n', ', ', '\u00a0')
    const words = fc.array(piece, { maxLength: 60 })
    const edit = fc.tuple(fc.nat(200), fc.integer({ min: 0, max: 3 }), piece)
    const pair = fc.tuple(words, fc.array(edit, { maxLength: 10 }), fc.array(space, { minLength: 70, maxLength: 70 })).map(([ws, edits, spaces]) => {
      const edited: string[] = [...ws]
      for (const [at, op, w] of edits) {
        const i = edited.length === 0 ? 0 : at % edited.length
        if (op === 0) edited.splice(i, 1)
        else if (op === 1) edited.splice(i, 0, w)
        else if (op === 2) edited[i] = w
        else edited[i] = (edited[i] ?? w).toUpperCase()
      }
      const join = (xs: string[]) => xs.map((x, i) => (i === 0 ? x : spaces[i % spaces.length] + x)).join('')
      return [join(ws), join(edited)] as const
    })
    fc.assert(
      fc.property(pair, options, ([a, b], opts) => {
        const parts = redlineText(a, b, opts)
        expect(sides(parts)).toEqual({ base: a, target: b })
        expect(parts.every((p) => p.text.length > 0)).toBe(true)
        // Parts alternate: no two neighbours of the same kind, which a reader would see as one.
        for (let i = 1; i < parts.length; i++) expect([parts[i]!.op, parts[i]!.ignored]).not.toEqual([parts[i - 1]!.op, parts[i - 1]!.ignored])
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
