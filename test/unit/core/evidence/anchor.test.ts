import { describe, expect, it } from 'vitest'
import { anchorQuote, describeQuote } from '../../../../src-main/core/evidence/anchor'

const ARTICLE =
  'The cloud language is the key operational detail. Microsoft said Azure remains the exclusive cloud provider ' +
  'for stateless OpenAI APIs, and that any stateless API traffic generated through third-party collaborations, ' +
  'including Amazon, would still run on Azure. At the same time, OpenAI retains flexibility to commit additional ' +
  'compute elsewhere through large-scale initiatives such as Stargate. Microsoft retains a license to OpenAI’s models ' +
  'until 2032, but this license is no longer exclusive.'

function cite(text: string, quote: string) {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`not in text: ${quote}`)
  return describeQuote(text, start, start + quote.length)
}

const QUOTE = 'Azure remains the exclusive cloud provider for stateless OpenAI APIs'

describe('describeQuote', () => {
  it('keeps 32 characters of context on each side and the position', () => {
    const { quote, position } = cite(ARTICLE, QUOTE)
    expect(quote.exact).toBe(QUOTE)
    expect(quote.prefix).toBe('rational detail. Microsoft said ')
    expect(quote.suffix).toHaveLength(32)
    expect(ARTICLE.slice(position.start, position.end)).toBe(QUOTE)
  })
})

describe('anchorQuote', () => {
  const { quote, position } = cite(ARTICLE, QUOTE)

  it('anchors at the stored position in unchanged text', () => {
    expect(anchorQuote(ARTICLE, quote, position)).toEqual({ start: position.start, end: position.end, score: 1, fuzzy: false })
  })

  it('re-anchors exactly after words are inserted before the quote', () => {
    const edited = 'Update: the statement was published on Friday. ' + ARTICLE
    const a = anchorQuote(edited, quote, position)!
    expect(edited.slice(a.start, a.end)).toBe(QUOTE)
    expect(a.fuzzy).toBe(false)
  })

  it('re-anchors fuzzily to the edited passage when a letter inside it changes', () => {
    const edited = 'Update: the statement was published on Friday. ' + ARTICLE.replace('exclusive cloud', 'exclusiv cloud')
    const a = anchorQuote(edited, quote, position)!
    expect(a.fuzzy).toBe(true)
    expect(edited.slice(a.start, a.end)).toBe('Azure remains the exclusiv cloud provider for stateless OpenAI APIs')
  })

  it('follows a passage that moved to another place', () => {
    const sentence = 'Microsoft said Azure remains the exclusive cloud provider for stateless OpenAI APIs, and that any stateless API traffic'
    const moved = ARTICLE.replace(sentence, 'Microsoft said it again, and that any stateless API traffic') + ' Finally: ' + sentence + '.'
    const a = anchorQuote(moved, quote, position)!
    expect(moved.slice(a.start, a.end)).toBe(QUOTE)
    expect(a.start).toBeGreaterThan(position.start)
  })

  it('returns null when the passage was deleted, rather than a wrong passage', () => {
    const deleted = ARTICLE.replace(/Microsoft said Azure remains[^.]*\./, '')
    expect(anchorQuote(deleted, quote, position)).toBeNull()
  })

  it('matches a quote typed with straight apostrophes against curly ones', () => {
    const typed = { type: 'TextQuoteSelector' as const, exact: "license to OpenAI's models until 2032", prefix: '', suffix: '' }
    const a = anchorQuote(ARTICLE, typed)!
    expect(ARTICLE.slice(a.start, a.end)).toBe('license to OpenAI’s models until 2032')
    expect(a.fuzzy).toBe(false)
  })

  it('picks the occurrence whose context matches when the quote repeats', () => {
    const text = 'Azure hosts it. Some context A then stateless APIs here. Other context B then stateless APIs here.'
    const { quote: q } = cite(text, 'stateless APIs')
    const second = { ...q, prefix: 'Other context B then ', suffix: ' here.' }
    const a = anchorQuote(text, second)!
    expect(a.start).toBe(text.lastIndexOf('stateless APIs'))
  })

  it('refuses an empty quote', () => {
    expect(anchorQuote(ARTICLE, { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' })).toBeNull()
  })
})
