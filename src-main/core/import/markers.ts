// Reads the printed number at the start of a paragraph ("1.1", "(a)", "ARTICLE IV", "§ 4") as
// candidate list markers with a style and a value, so that segmentation can check sequences.

/**
 * A family of markers that count together. Two markers continue one list only when their styles
 * are equal: "(a)" and "a)" are different lists, as are "1." and "1.1" (decimal depth 1 and 2).
 * Keyword styles carry their word: "Section 3" and "Article 3" are different lists.
 */
export type MarkerStyle = string

export interface MarkerCandidate {
  style: MarkerStyle
  /** 1 for "1", "a", "i", "A", "I"; for decimal "3.2" the last part (2), the prefix in `prefix`. */
  value: number
  /** Decimal markers of more than one part: the parts before the last ("3.2" → [3]). */
  prefix: number[]
}

export interface Marker {
  /** As printed, without the terminator dot: "1.1", "(a)", "a)", "Article IV", "§ 4". */
  label: string
  /** Every reading of the marker: "(i)" is both roman one and the letter after "(h)". */
  candidates: MarkerCandidate[]
  /** The paragraph's text after the marker, leading spaces and tabs removed. */
  rest: string
  /** True when the marker is followed by nothing, a tab or 2+ spaces, or a capital, quote or bracket: how headings and items start. */
  strongStart: boolean
  /** Keyword markers ("Section", "Article", "§", "Clause"). */
  keyword: boolean
}

const ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i

export function romanValue(s: string): number | null {
  if (s === '' || !ROMAN.test(s)) return null
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 }
  let total = 0
  const t = s.toLowerCase()
  for (let i = 0; i < t.length; i++) {
    const cur = v[t[i]!]!
    const next = i + 1 < t.length ? v[t[i + 1]!]! : 0
    total += cur < next ? -cur : cur
  }
  return total
}

/** "a" → 1, "z" → 26, "aa" → 27 (Word's and most drafters' way after z); null for other text. */
function alphaValue(s: string): number | null {
  if (/^[a-z]$/i.test(s)) return s.toLowerCase().charCodeAt(0) - 96
  if (/^([a-z])\1$/i.test(s)) return s.toLowerCase().charCodeAt(0) - 96 + 26
  return null
}

/** Readings of one list token ("iv", "b", "IV", "12") under a style prefix ("paren", "dot", …). */
function readings(token: string, wrap: string): MarkerCandidate[] {
  const out: MarkerCandidate[] = []
  if (/^\d+$/.test(token)) return [{ style: `${wrap}:decimal`, value: Number(token), prefix: [] }]
  const upper = token === token.toUpperCase()
  const alpha = alphaValue(token)
  if (alpha !== null) out.push({ style: `${wrap}:${upper ? 'ALPHA' : 'alpha'}`, value: alpha, prefix: [] })
  const roman = romanValue(token)
  if (roman !== null) out.push({ style: `${wrap}:${upper ? 'ROMAN' : 'roman'}`, value: roman, prefix: [] })
  return out
}

// Keyword markers: "Section 3", "SECTION 3.2", "Article IV", "ARTICLE 4", "Clause 7", "§ 4", "§§ 4".
const KEYWORD = /^(section|article|clause|paragraph|part|§{1,2})[ \t\u00a0]*(\d+(?:\.\d+)*|[IVXLC]+|[ivxlc]+|[A-Z])(\([0-9a-z]+\))?(\.(?!\d))?/i
// "1.", "1.1", "1.1.1", "1.1.", "1)", "1.1)", and a bare "1" followed by a tab or two spaces.
const DECIMAL = /^(\d{1,3}(?:\.\d{1,3})*)(\.(?!\d)|\))?/
// "(a)", "(iv)", "(1)", "(A)", "(IV)", "(aa)".
const PAREN = /^\(([a-z]{1,2}|[ivxlc]{1,6}|[A-Z]{1,2}|[IVXLC]{1,6}|\d{1,3})\)/
// "a.", "a)", "iv.", "IV.", "A.", "A)".
const LETTER = /^([a-z]{1,2}|[ivxlc]{1,6}|[A-Z]{1,2}|[IVXLC]{1,6})([.)])/

/**
 * The marker at the start of `text`, or null. Every reading is returned; the segmenter keeps the
 * one its sequence expects. A bare number needs a tab or two spaces after it ("1\tDefinitions"):
 * with one space it is a count or an address ("51 Franklin Street", "30 days").
 */
export function readMarker(text: string): Marker | null {
  let m: RegExpExecArray | null
  let label: string
  let candidates: MarkerCandidate[]
  let keyword = false
  if ((m = KEYWORD.exec(text))) {
    const word = m[1]!.startsWith('§') ? '§' : m[1]!.toLowerCase()
    const num = m[2]!
    keyword = true
    label = m[0].replace(/\.$/, '').replace(/[ \t\u00a0]+/g, ' ')
    if (/^\d+(\.\d+)*$/.test(num)) {
      const parts = num.split('.').map(Number)
      candidates = [{ style: `kw-${word}:decimal${parts.length}`, value: parts[parts.length - 1]!, prefix: parts.slice(0, -1) }]
    } else candidates = readings(num, `kw-${word}`)
  } else if ((m = DECIMAL.exec(text))) {
    const num = m[1]!
    const parts = num.split('.').map(Number)
    const term = m[2] ?? ''
    const after = text.slice(m[0].length)
    if (term === '' && parts.length === 1 && !/^(\t| {2,})\S/.test(after)) return null
    if (term === '' && /^[\d%$]/.test(after)) return null
    // "2020." or "1.5 million": a year or an amount, not a clause number.
    if (parts.length === 1 && parts[0]! > 300) return null
    label = term === ')' ? `${num})` : num
    candidates = [{ style: `${term === ')' ? 'paren-close' : 'dot'}:decimal${parts.length}`, value: parts[parts.length - 1]!, prefix: parts.slice(0, -1) }]
  } else if ((m = PAREN.exec(text))) {
    label = m[0]
    candidates = readings(m[1]!, 'paren')
  } else if ((m = LETTER.exec(text))) {
    // "I." alone is a pronoun start ("I. Smith") only with a space and a capital; "e.g." is no marker.
    const after = text.slice(m[0].length)
    if (m[2] === '.' && /^[a-z]\./i.test(after)) return null
    label = m[2] === ')' ? m[0] : m[1]!
    candidates = readings(m[1]!, m[2] === ')' ? 'close' : 'dot')
  } else return null
  if (candidates.length === 0) return null
  const matched = m[0]
  const after = text.slice(matched.length)
  // The marker must end where a word ends: "1.5%" and "Sections" are not markers.
  if (after !== '' && !/^[\s\u00a0]/.test(after) && !/^[A-Z"“'‘(]/.test(after)) return null
  const rest = after.replace(/^[\s\u00a0.:\u2013\u2014-]*/, '').trim()
  const strongStart = rest === '' || /^(\t| {2,})/.test(after) || /^[\p{Lu}"“'‘(\d[]/u.test(rest)
  return { label, candidates, rest, strongStart, keyword }
}

/** The first value of a list in a style: where a new list may start. Decimal lists also start at 0 (GPL's "0."). */
export function isFirstValue(c: MarkerCandidate): boolean {
  return c.value === 1 || (c.value === 0 && /decimal/.test(c.style))
}
