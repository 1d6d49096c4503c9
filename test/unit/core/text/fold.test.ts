import { describe, expect, it } from 'vitest'
import { findFolded, fold, foldTypography } from '../../../../src-main/core/text/fold'

describe('fold', () => {
  it('folds curly quotes, the non-breaking hyphen, dashes, NBSP and case', () => {
    expect(fold('Microsoft’s “Crown\u2011Jewel” IP\u00A0— Azure')).toBe('microsoft\'s "crown-jewel" ip - azure')
  })

  it('keeps the length of every input, so folded offsets are original offsets', () => {
    const samples = ['İstanbul ﬁnance', 'multi\u2011billion\u2011dollar', '한국어日本語 “quoted”', 'ǅ ẞ Σ ς', 'emoji 👩‍⚖️ …']
    for (const s of samples) expect(fold(s)).toHaveLength(s.length)
  })

  it('leaves letters alone when typography only is folded', () => {
    expect(foldTypography('Azure’s API')).toBe("Azure's API")
  })
})

describe('findFolded', () => {
  const text = 'Microsoft retains exclusive access to OpenAI’s intellectual property'

  it('finds a quote typed with a straight apostrophe in text with a curly one', () => {
    const [start] = findFolded(text, "openai's intellectual")
    expect(start).toBeDefined()
    expect(text.slice(start, start! + "openai's intellectual".length)).toBe('OpenAI’s intellectual')
  })

  it('returns every occurrence and nothing for an empty needle', () => {
    expect(findFolded('a-b a–b a‑b', 'a-b')).toEqual([0, 4, 8])
    expect(findFolded(text, '')).toEqual([])
  })
})
