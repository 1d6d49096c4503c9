import { describe, expect, it } from 'vitest'
import { markerOffset, termWeights } from '../../../../src-main/core/pdf/markers'

/** The text with "[n]" where the marker goes. */
function marked(text: string, quote: string, corpus: readonly string[] = [text]): string {
  const at = markerOffset(text, quote, termWeights(corpus))
  return `${text.slice(0, at)}[n]${text.slice(at)}`
}

const IP = "Microsoft holds a licence to OpenAI's models and products until 2032; the licence is no longer exclusive."
// Clause texts of a comparison: Microsoft and OpenAI are in every one, so they tell nothing apart.
const CORPUS = [IP, "Microsoft is no longer OpenAI's exclusive cloud provider.", 'Microsoft holds a stake in OpenAI.', 'OpenAI pays Microsoft a share of revenue until 2030.']

describe('where a citation marker goes in its clause text', () => {
  it('goes after the words of the phrase the passage shares most with, British and American spellings alike', () => {
    expect(marked(IP, 'this license is no longer exclusive', CORPUS)).toBe("Microsoft holds a licence to OpenAI's models and products until 2032; the licence is no longer exclusive[n].")
    expect(marked(IP, "OpenAI's models and products", CORPUS)).toBe("Microsoft holds a licence to OpenAI's models and products[n] until 2032; the licence is no longer exclusive.")
  })

  it('puts a passage giving another year for the term on the year the clause gives', () => {
    expect(marked(IP, "Microsoft retains exclusive access to OpenAI's intellectual property and models through 2030.", CORPUS)).toBe(
      "Microsoft holds a licence to OpenAI's models and products until 2032[n]; the licence is no longer exclusive."
    )
  })

  it('gives a year no weight in a phrase that shares no other word with the passage', () => {
    expect(marked('Signed in 2019; fees are fixed.', 'revenue share through 2030', ['Signed in 2019; fees are fixed.', 'Microsoft is a partner.'])).toBe('Signed in 2019; fees are fixed.[n]')
  })

  it('weighs distinctive words over words every clause has', () => {
    const text = 'Microsoft and OpenAI signed in Redmond, and Azure hosts the stateless APIs.'
    // "Microsoft" and "OpenAI" are in every clause; "stateless" only here.
    expect(marked(text, 'Microsoft and OpenAI keep stateless calls', [text, ...CORPUS])).toBe('Microsoft and OpenAI signed in Redmond, and Azure hosts the stateless[n] APIs.')
  })

  it('never splits a word or its closing quote, and falls back to the end of the text', () => {
    expect(marked("Azure keeps OpenAI's APIs.", 'OpenAI', CORPUS)).toBe("Azure keeps OpenAI's[n] APIs.")
    expect(marked('The licence is “non‑exclusive” from now on.', 'a non-exclusive licence')).toBe('The licence is “non‑exclusive”[n] from now on.')
    expect(marked('Payments run to 2030.  ', 'nothing alike here at all')).toBe('Payments run to 2030.[n]  ')
    expect(marked('The parties agree.', 'the of and')).toBe('The parties agree.[n]')
  })

  it('takes the earlier of two equally good phrases', () => {
    expect(marked('Azure hosts the APIs; Azure hosts the models.', 'Azure hosting')).toBe('Azure hosts[n] the APIs; Azure hosts the models.')
  })
})
