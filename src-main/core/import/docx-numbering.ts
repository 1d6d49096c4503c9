// Word's automatic numbering resolved into the labels Word prints ("1.1", "(a)", "Article IV"):
// numbering.xml's definitions, plus the running counters, which only exist while the document is
// read in order. Converters that drop numbering lose exactly what a reviewer compares clauses by.
import { child, childVal, childrenNamed, isOn, type XmlElement } from './xml'

interface Level {
  start: number
  format: string
  /** lvlText with its %1..%9 placeholders; '' when Word shows nothing. */
  text: string
  /** w:lvlRestart: undefined = restart after any higher level (the default), 0 = never, n = after level n (1-based) or higher. */
  restart: number | undefined
  /** isLgl: every number in the label printed as a decimal ("Article IV" above, "4.1" here). */
  legal: boolean
  /** Paragraph style tied to this level, for numbering that comes from a style. */
  style: string | undefined
}

interface Abstract {
  levels: Array<Level | undefined>
  /** numStyleLink: the levels live in the abstract of the numbering style this names. */
  styleLink: string | undefined
}

interface Override {
  start: number | undefined
  level: Level | undefined
}

interface Num {
  abstractId: string
  overrides: Map<number, Override>
}

export interface ListLabel {
  /** The printed label, absent for bullets and for levels that print nothing. */
  number: string | undefined
  bullet: boolean
}

const LEVELS = 9

function int(v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  const n = Number.parseInt(v, 10)
  return Number.isFinite(n) ? n : undefined
}

function parseLevel(lvl: XmlElement): Level {
  const lvlText = child(lvl, 'w:lvlText')
  return {
    // ECMA-376 17.9.25: an omitted start is zero.
    start: int(childVal(lvl, 'w:start')) ?? 0,
    format: childVal(lvl, 'w:numFmt') ?? 'decimal',
    text: lvlText && lvlText.attrs['w:null'] !== '1' && lvlText.attrs['w:null'] !== 'true' ? (lvlText.attrs['w:val'] ?? '') : '',
    restart: int(childVal(lvl, 'w:lvlRestart')),
    legal: isOn(child(lvl, 'w:isLgl')),
    style: childVal(lvl, 'w:pStyle')
  }
}

/**
 * Counters are kept per abstract definition, not per w:num: Word continues one sequence across
 * nums that share an abstractNum (that is how "continue numbering" and heading numbering split
 * over several nums behave), and a num's lvlOverride restarts the shared counter at the level it
 * overrides the first time that num is used at that level (Word's "restart numbering" writes a
 * new num with a startOverride). The override's start is also where that level restarts for
 * that num after a higher level. Same model as LibreOffice and docx renderers that match Word.
 */
export class Numbering {
  private readonly abstracts = new Map<string, Abstract>()
  private readonly nums = new Map<string, Num>()
  private readonly counters = new Map<string, Array<number | undefined>>()
  private readonly seen = new Set<string>()

  /** `numberingStyleNum(styleId)`: the numId a numbering style's pPr names, for numStyleLink. */
  constructor(
    root: XmlElement | undefined,
    private readonly numberingStyleNum: (styleId: string) => string | undefined = () => undefined
  ) {
    for (const a of childrenNamed(root, 'w:abstractNum')) {
      const id = a.attrs['w:abstractNumId']
      if (id === undefined) continue
      const levels: Array<Level | undefined> = []
      for (const lvl of childrenNamed(a, 'w:lvl')) {
        const i = int(lvl.attrs['w:ilvl']) ?? 0
        if (i >= 0 && i < LEVELS) levels[i] = parseLevel(lvl)
      }
      this.abstracts.set(id, { levels, styleLink: childVal(a, 'w:numStyleLink') })
    }
    for (const n of childrenNamed(root, 'w:num')) {
      const id = n.attrs['w:numId']
      const abstractId = childVal(n, 'w:abstractNumId')
      if (id === undefined || abstractId === undefined) continue
      const overrides = new Map<number, Override>()
      for (const o of childrenNamed(n, 'w:lvlOverride')) {
        const i = int(o.attrs['w:ilvl']) ?? 0
        const lvl = child(o, 'w:lvl')
        overrides.set(i, { start: int(childVal(o, 'w:startOverride')), level: lvl ? parseLevel(lvl) : undefined })
      }
      this.nums.set(id, { abstractId, overrides })
    }
  }

  /** Whether numId names a list (numId 0, or one numbering.xml lacks, means "not numbered"). */
  has(numId: string): boolean {
    return this.nums.has(numId) && this.abstractOf(numId) !== undefined
  }

  /** The level of the list tied to a paragraph style (w:lvl/w:pStyle), for numbering from styles. */
  levelOfStyle(numId: string, styleId: string): number | undefined {
    const found = this.abstractOf(numId)
    if (!found) return undefined
    const i = found.abstract.levels.findIndex((l) => l?.style === styleId)
    return i < 0 ? undefined : i
  }

  /**
   * Counts one numbered paragraph and returns its label. Call for every numbered paragraph in
   * reading order, empty ones too: Word prints (and counts) a number on an empty paragraph.
   */
  next(numId: string, ilvl: number): ListLabel | undefined {
    const found = this.abstractOf(numId)
    const num = this.nums.get(numId)
    if (!found || !num) return undefined
    const level = Math.min(Math.max(ilvl, 0), LEVELS - 1)
    const levelAt = (i: number) => num.overrides.get(i)?.level ?? found.abstract.levels[i]
    const startAt = (i: number) => num.overrides.get(i)?.start ?? levelAt(i)?.start ?? 0
    const def = levelAt(level)
    if (!def) return undefined

    let counters = this.counters.get(found.id)
    if (!counters) this.counters.set(found.id, (counters = []))
    const key = `${numId}:${level}`
    const override = num.overrides.get(level)
    if (!this.seen.has(key) && override && (override.start !== undefined || override.level)) {
      counters[level] = startAt(level)
    } else {
      const current = counters[level]
      counters[level] = current === undefined ? startAt(level) : current + 1
    }
    this.seen.add(key)
    for (let deeper = level + 1; deeper < LEVELS; deeper++) {
      const r = levelAt(deeper)?.restart
      // lvlRestart n: restart when level n (1-based) or a higher one is used; a value naming
      // this level or a deeper one is ignored (ECMA-376 17.9.10), so the default applies.
      const restarts = r === undefined || r > deeper ? true : r === 0 ? false : level <= r - 1
      if (restarts) counters[deeper] = undefined
    }

    if (def.format === 'bullet') return { number: undefined, bullet: true }
    const label = def.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1
      const lvl = levelAt(i)
      const value = counters[i] ?? startAt(i)
      if (!lvl || lvl.format === 'bullet') return ''
      return formatNumber(value, def.legal ? 'decimal' : lvl.format)
    }).trim()
    return { number: label === '' ? undefined : label, bullet: false }
  }

  private abstractOf(numId: string): { id: string; abstract: Abstract } | undefined {
    let id = this.nums.get(numId)?.abstractId
    // numStyleLink → numbering style → its num → the abstract that holds the levels (styleLink).
    for (let hops = 0; id !== undefined && hops < 4; hops++) {
      const abstract = this.abstracts.get(id)
      if (!abstract) return undefined
      if (!abstract.styleLink) return { id, abstract }
      const linkedNum = this.numberingStyleNum(abstract.styleLink)
      const next = linkedNum === undefined ? undefined : this.nums.get(linkedNum)?.abstractId
      if (next === undefined || next === id) return { id, abstract }
      id = next
    }
    return undefined
  }
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']
]

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n)
  const out: string[] = []
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out.push(letters)
      n -= value
    }
  }
  return out.join('')
}

/** Word's letters: a..z, then aa..zz, aaa.. (the letter repeated, not base 26). */
function letters(n: number): string {
  if (n <= 0) return String(n)
  const letter = String.fromCharCode(97 + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

function ordinalSuffix(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return 'th'
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'
}

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const ORDINAL_WORDS: Record<string, string> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth'
}

function cardinalWords(n: number): string | undefined {
  if (n <= 0 || n >= 100) return undefined
  if (n < 20) return ONES[n]
  const one = n % 10
  return TENS[Math.floor(n / 10)] + (one ? `-${ONES[one]}` : '')
}

function ordinalWords(n: number): string | undefined {
  const words = cardinalWords(n)
  if (!words) return undefined
  const parts = words.split('-')
  const last = parts.pop() ?? ''
  const ordinal = ORDINAL_WORDS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`)
  return [...parts, ordinal].join('-')
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const CHICAGO = ['*', '†', '‡', '§']

/** One number in a numFmt. Formats Word has but legal documents do not use fall back to decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
    case 'bullet':
      return ''
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n)
    case 'upperRoman':
      return roman(n)
    case 'lowerRoman':
      return roman(n).toLowerCase()
    case 'upperLetter':
      return letters(n).toUpperCase()
    case 'lowerLetter':
      return letters(n)
    case 'ordinal':
      return n > 0 ? `${n}${ordinalSuffix(n)}` : String(n)
    case 'cardinalText': {
      const w = cardinalWords(n)
      return w ? capitalise(w) : String(n)
    }
    case 'ordinalText': {
      const w = ordinalWords(n)
      return w ? capitalise(w) : String(n)
    }
    case 'chicago':
      return n > 0 ? (CHICAGO[(n - 1) % 4] ?? '*').repeat(Math.floor((n - 1) / 4) + 1) : String(n)
    case 'decimalEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n)
    default:
      return String(n)
  }
}
