import { describe, expect, it } from 'vitest'
import { findDates, inferYear, latestEventDate } from '../../../../src-main/core/sources/dates'

const isos = (text: string) => findDates(text).map((d) => [d.text, d.iso])

describe('findDates', () => {
  it('reads full dates in both orders with their day', () => {
    expect(isos('On February 27, 2026, and on 28 October 2025.')).toEqual([
      ['February 27, 2026', '2026-02-27'],
      ['28 October 2025', '2025-10-28']
    ])
  })

  it('keeps month and year precision without inventing a day', () => {
    expect(isos('In January 2025, Microsoft announced; Mar 8, 2026 followed')).toEqual([
      ['January 2025', '2025-01'],
      ['Mar 8, 2026', '2026-03-08']
    ])
  })

  it('reads bare years but not amounts, percentages or parts of numbers', () => {
    expect(isos('through 2030, a $2030 fee, 2032 billion, 2019%, GPT-2019, since 2019')).toEqual([
      ['2030', '2030'],
      ['2019', '2019']
    ])
  })

  it('marks a month and day without a year as having no ISO date', () => {
    expect(isos('published on February 27 by both')).toEqual([['February 27', null]])
  })

  it('does not take the verb "may" for a month', () => {
    expect(isos('OpenAI may 2 times a year')).toEqual([])
  })

  it('offsets slice back to the date text', () => {
    const text = 'The deal of October 28, 2025 runs to 2032.'
    for (const d of findDates(text)) expect(text.slice(d.start, d.end)).toBe(d.text)
  })
})

describe('latestEventDate', () => {
  it('takes the latest dated event and ignores bare years such as contract terms', () => {
    expect(latestEventDate(findDates('In October 2025 and on February 27, 2026, terms ran to 2032.'))).toBe('2026-02-27')
    expect(latestEventDate(findDates('until 2032'))).toBeNull()
  })

  it('dates a month and day printed without a year in the year its context gives', () => {
    // GadgetBond: the statement "published on February 27" follows "the October 2025 agreement".
    expect(latestEventDate(findDates('published on February 27, after the October 2025 agreement, terms to 2032'))).toBe('2026-02-27')
    // A day on or after the latest dated event stays in that year.
    expect(latestEventDate(findDates('In January 2026 they talked; on March 3 they signed.'))).toBe('2026-03-03')
    expect(latestEventDate(findDates('In February 2026 they talked; on February 27 they signed.'))).toBe('2026-02-27')
  })

  it('infers no year for a month and day when the article dates no event', () => {
    const dates = findDates('published on February 27, terms run through 2032')
    expect(inferYear(dates[0]!, dates)).toBeNull()
    expect(latestEventDate(dates)).toBeNull()
  })
})
