// Numbers the tokens the redline aligns by their comparison keys (equal keys, equal numbers), so
// the diff compares integers; with no ignore option the key is the token's own text and is
// looked up where it lies in the clause, without cutting a string for every token.
import { foldTypography } from '../text/fold'
import { PUNCT_KIND, WORD_KIND, type TokenList } from './tokenize'
import type { CompareOptions } from './types'

type KeyOptions = Pick<CompareOptions, 'ignoreCase' | 'ignorePunctuation'>

/** Ignoring punctuation also ignores its typography inside words: OpenAI’s = OpenAI's. */
export function keyOf(token: string, options: KeyOptions): string {
  const text = options.ignorePunctuation ? foldTypography(token) : token
  return options.ignoreCase ? text.toLowerCase() : text
}

/**
 * The tokens of one side that take part in the alignment, with their key numbers: aligned
 * token i is token `index[i]` of `tokens`, with key `keys[i]`, for i below `count`. Reusable
 * from one text to the next, like its TokenList.
 */
export class AlignedTokens {
  index = new Int32Array(64)
  keys = new Int32Array(64)
  count = 0

  constructor(readonly tokens: TokenList) {}

  /** Picks the aligned tokens: words, and punctuation unless it is ignored. */
  select(options: KeyOptions): void {
    const { kinds, count } = this.tokens
    if (this.index.length < count) {
      this.index = new Int32Array(count)
      this.keys = new Int32Array(count)
    }
    let n = 0
    for (let i = 0; i < count; i++) {
      const kind = kinds[i]
      if (kind === WORD_KIND || (kind === PUNCT_KIND && !options.ignorePunctuation)) this.index[n++] = i
    }
    this.count = n
  }
}

/** Sets the key numbers of both sides' aligned tokens: two tokens get the same number exactly when their keys are equal. */
export function numberKeys(a: AlignedTokens, b: AlignedTokens, options: KeyOptions): void {
  if (options.ignoreCase || options.ignorePunctuation) {
    const ids = new Map<string, number>()
    numberFolded(a, options, ids)
    numberFolded(b, options, ids)
    return
  }
  const table = TextTable.for(a.count + b.count, a.tokens.text, b.tokens.text)
  table.number(a, 0)
  table.number(b, 1)
}

function numberFolded(side: AlignedTokens, options: KeyOptions, ids: Map<string, number>): void {
  const { text, starts } = side.tokens
  for (let k = 0; k < side.count; k++) {
    const t = side.index[k]!
    const key = keyOf(text.slice(starts[t], starts[t + 1]), options)
    let id = ids.get(key)
    if (id === undefined) {
      id = ids.size
      ids.set(key, id)
    }
    side.keys[k] = id
  }
}

/**
 * An open-addressing hash table of token texts, each held as (side, start, end) of its first
 * occurrence in the two texts being compared: FNV-1a over the UTF-16 code units, linear
 * probing, at most half full, and a code unit comparison on a hash hit. One table serves every
 * call of moderate size (see `for`).
 */
class TextTable {
  private static shared = new TextTable(1 << 10)

  private slots: Int32Array // 0: empty; otherwise 1 + the number stored there
  private mask = 0
  private count = 0
  private hashes: Int32Array = new Int32Array(64)
  private starts: Int32Array = new Int32Array(64)
  private ends: Int32Array = new Int32Array(64)
  private sides: Uint8Array = new Uint8Array(64)
  private textA = ''
  private textB = ''

  private constructor(size: number) {
    this.slots = new Int32Array(size)
  }

  /** An empty table for this many tokens: the shared one unless they are very many. */
  static for(tokens: number, a: string, b: string): TextTable {
    let size = 16
    while (size < tokens * 2) size *= 2
    const table = size <= 1 << 16 ? TextTable.shared : new TextTable(size)
    if (table.slots.length < size) table.slots = new Int32Array(size)
    table.slots.fill(0, 0, size)
    table.mask = size - 1
    table.count = 0
    table.textA = a
    table.textB = b
    return table
  }

  /** Numbers the keys of `side`, which is the table's text 0 (a) or 1 (b). */
  number(side: AlignedTokens, which: number): void {
    const { text, starts } = side.tokens
    for (let k = 0; k < side.count; k++) side.keys[k] = this.id(which, text, starts[side.index[k]!]!, starts[side.index[k]! + 1]!)
  }

  private id(which: number, text: string, start: number, end: number): number {
    let hash = 0x811c9dc5
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.slots[slot]!
      if (entry === 0) return this.add(slot, hash, which, start, end)
      const id = entry - 1
      if (this.hashes[id] === hash && sameText(this.sides[id] === 0 ? this.textA : this.textB, this.starts[id]!, this.ends[id]!, text, start, end)) return id
    }
  }

  private add(slot: number, hash: number, which: number, start: number, end: number): number {
    const id = this.count++
    if (id === this.hashes.length) {
      this.hashes = grown(this.hashes)
      this.starts = grown(this.starts)
      this.ends = grown(this.ends)
      const sides = new Uint8Array(this.sides.length * 2)
      sides.set(this.sides)
      this.sides = sides
    }
    this.slots[slot] = id + 1
    this.hashes[id] = hash
    this.starts[id] = start
    this.ends[id] = end
    this.sides[id] = which
    return id
  }
}

function grown(xs: Int32Array): Int32Array {
  const out = new Int32Array(xs.length * 2)
  out.set(xs)
  return out
}

function sameText(x: string, xStart: number, xEnd: number, y: string, yStart: number, yEnd: number): boolean {
  if (xEnd - xStart !== yEnd - yStart) return false
  for (let i = xStart, j = yStart; i < xEnd; i++, j++) if (x.charCodeAt(i) !== y.charCodeAt(j)) return false
  return true
}
