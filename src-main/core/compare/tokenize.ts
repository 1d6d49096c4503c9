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
/** The definition of a word-mode token; tokenizeWords finds exactly its matches, in order. */
export const WORD_TOKEN_PATTERN = `(?=[\\d$€£¥JFMASOND])(?:${DATE}|${AMOUNT})|${WORD}|\\s+|[^]`
const WORD_TOKENS = new RegExp(WORD_TOKEN_PATTERN, 'gu')

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u
const SPACE = /\s/u
const CURRENCY = /[$€£¥]/u

/** Token kinds as small integers, for the redline's packed token lists. */
export const WORD_KIND = 0
export const SPACE_KIND = 1
export const PUNCT_KIND = 2
const KIND_NAMES: readonly TokenKind[] = ['word', 'space', 'punct']

/**
 * A text's tokens, packed into typed arrays that a caller may reuse from one text to the next
 * (the redline tokenizes two texts per row, thousands of rows per comparison): token i is
 * `text.slice(starts[i], starts[i + 1])`, of kind `kinds[i]` (a *_KIND constant), for i below
 * `count`; `starts[count]` is the text's length. Tokens tile the text, so tokens i..j-1
 * together are `text.slice(starts[i], starts[j])`.
 */
export class TokenList {
  text = ''
  count = 0
  starts: Int32Array
  kinds: Uint8Array

  constructor(capacity = 64) {
    this.starts = new Int32Array(capacity + 1)
    this.kinds = new Uint8Array(capacity)
  }

  get capacity(): number {
    return this.kinds.length
  }

  reset(text: string): void {
    this.text = text
    this.count = 0
  }

  push(start: number, kind: number): void {
    if (this.count === this.kinds.length) {
      const starts = new Int32Array(2 * this.kinds.length + 1)
      starts.set(this.starts)
      const kinds = new Uint8Array(2 * this.kinds.length)
      kinds.set(this.kinds)
      this.starts = starts
      this.kinds = kinds
    }
    this.starts[this.count] = start
    this.kinds[this.count++] = kind
  }

  close(): this {
    this.starts[this.count] = this.text.length
    return this
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
}

function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57)
}

/** The ASCII characters `\s` matches. */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13)
}

/** ASCII characters that may begin a date or an amount: WORD_TOKENS' lookahead, [\d$JFMASOND]. */
const MAY_BEGIN_DATE_OR_AMOUNT = new Uint8Array(128)
for (const ch of '0123456789$JFMASOND') MAY_BEGIN_DATE_OR_AMOUNT[ch.charCodeAt(0)] = 1

/** The kind of the token text.slice(start, end), as tokenizeWords has always decided it. */
function kindAt(text: string, start: number, end: number): number {
  const c = text.charCodeAt(start)
  if (c < 128) {
    if (isAsciiSpace(c)) return SPACE_KIND
    // '$' is a word only as the start of an amount; alone it is punctuation.
    return isAsciiAlnum(c) || (c === 36 && end - start > 1) ? WORD_KIND : PUNCT_KIND
  }
  const token = text.slice(start, end)
  const first = token[0]!
  if (SPACE.test(first)) return SPACE_KIND
  if (token.length === 1 || (token.length === 2 && token.codePointAt(0)! > 0xffff)) return LETTER_OR_DIGIT.test(token) ? WORD_KIND : PUNCT_KIND
  return LETTER_OR_DIGIT.test(first) || CURRENCY.test(first) ? WORD_KIND : PUNCT_KIND
}

/**
 * The word-mode token starting at p (p < text.length), as (end × 4 + kind): the match of
 * WORD_TOKENS there. Plain ASCII words, spaces and punctuation (most of a clause) are scanned
 * by hand; anything else (a possible date or amount, a hyphen or apostrophe inside a word, a
 * non-ASCII character) is left to the expression. Every position matches WORD_TOKENS (its
 * last alternative takes any character), so a search from p always matches at p.
 */
function scanWord(text: string, p: number): number {
  const n = text.length
  const c = text.charCodeAt(p)
  if (c < 128 && MAY_BEGIN_DATE_OR_AMOUNT[c] === 0) {
    if (isAsciiLetter(c)) {
      let e = p + 1
      while (e < n && isAsciiAlnum(text.charCodeAt(e))) e++
      const next = e < n ? text.charCodeAt(e) : 0
      // A non-ASCII letter, mark or digit may continue the word, and ' or - may join it to the next.
      if (next < 128 && next !== 39 && next !== 45) return e * 4 + WORD_KIND
    } else if (isAsciiSpace(c)) {
      let e = p + 1
      while (e < n && isAsciiSpace(text.charCodeAt(e))) e++
      if (e === n || text.charCodeAt(e) < 128) return e * 4 + SPACE_KIND
    } else return (p + 1) * 4 + PUNCT_KIND // ASCII punctuation: the last alternative, one character
  }
  WORD_TOKENS.lastIndex = p
  WORD_TOKENS.test(text)
  const end = WORD_TOKENS.lastIndex
  return end * 4 + kindAt(text, p, end)
}

export function tokenizeWordsInto(text: string, list = new TokenList()): TokenList {
  list.reset(text)
  for (let p = 0; p < text.length; ) {
    const token = scanWord(text, p)
    list.push(p, token & 3)
    p = token >>> 2
  }
  return list.close()
}

export function tokenizeCharsInto(text: string, list = new TokenList()): TokenList {
  list.reset(text)
  const n = text.length
  for (let p = 0; p < n; ) {
    const c = text.charCodeAt(p)
    const end = c >= 0xd800 && c <= 0xdbff && p + 1 < n && (text.charCodeAt(p + 1) & 0xfc00) === 0xdc00 ? p + 2 : p + 1
    list.push(p, kindAt(text, p, end))
    p = end
  }
  return list.close()
}

function unpack(list: TokenList): Token[] {
  const tokens: Token[] = []
  for (let i = 0; i < list.count; i++) tokens.push({ text: list.text.slice(list.starts[i], list.starts[i + 1]), kind: KIND_NAMES[list.kinds[i]!]! })
  return tokens
}

export function tokenizeWords(text: string): Token[] {
  return unpack(tokenizeWordsInto(text))
}

export function tokenizeChars(text: string): Token[] {
  return unpack(tokenizeCharsInto(text))
}

/** Number of words in `text`, counting an amount or a date as one word, as the redline does. */
export function countWords(text: string): number {
  let n = 0
  for (let p = 0; p < text.length; ) {
    const token = scanWord(text, p)
    if ((token & 3) === WORD_KIND) n++
    p = token >>> 2
  }
  return n
}
