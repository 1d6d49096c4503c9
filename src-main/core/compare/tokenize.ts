// Splits clause text into the units a redline changes. In word mode, amounts, percentages and
// dates are single tokens, so "2030" → "2032" or "$135 billion" → "$225 billion" reads as one
// replacement, never as a patch of digits; hyphenated and apostrophised words stay whole.

export type TokenKind = 'word' | 'space' | 'punct'

export interface Token {
  text: string
  kind: TokenKind
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)'
const DATE = `(?:\\d{1,2} ${MONTH} \\d{4}|${MONTH} \\d{1,2}, \\d{4}|${MONTH} \\d{4})`
const AMOUNT = '[$€£¥]?\\d+(?:[.,]\\d+)*(?:\\s?%|\\s(?:billion|million|trillion|thousand)\\b)?'
const WORD = "[\\p{L}\\p{M}\\p{N}]+(?:['’\\u2010\\u2011-][\\p{L}\\p{M}\\p{N}]+)*"

// Order matters: the first alternative that matches at a position wins. No capture groups,
// and a one-character lookahead before the date and amount forms: this runs on every edited
// clause, and most positions start with a lower-case letter that can begin neither.
const WORD_TOKENS = new RegExp(`(?=[\\d$€£¥JFMASOND])(?:${DATE}|${AMOUNT})|${WORD}|\\s+|[^]`, 'gu')

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u
const SPACE = /\s/u
const CURRENCY = /[$€£¥]/u

function kindOf(match: string): TokenKind {
  const first = match[0]!
  if (SPACE.test(first)) return 'space'
  if (match.length === 1 || (match.length === 2 && match.codePointAt(0)! > 0xffff)) return LETTER_OR_DIGIT.test(match) ? 'word' : 'punct'
  return LETTER_OR_DIGIT.test(first) || CURRENCY.test(first) ? 'word' : 'punct'
}

export function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = []
  WORD_TOKENS.lastIndex = 0
  for (let m = WORD_TOKENS.exec(text); m; m = WORD_TOKENS.exec(text)) tokens.push({ text: m[0], kind: kindOf(m[0]) })
  return tokens
}

export function tokenizeChars(text: string): Token[] {
  const tokens: Token[] = []
  for (const ch of text) {
    tokens.push({ text: ch, kind: SPACE.test(ch) ? 'space' : LETTER_OR_DIGIT.test(ch) ? 'word' : 'punct' })
  }
  return tokens
}

/** Number of words in `text`, counting an amount or a date as one word, as the redline does. */
export function countWords(text: string): number {
  let n = 0
  for (const t of tokenizeWords(text)) if (t.kind === 'word') n++
  return n
}
