// Word-based similarity between clauses for content pairing: TF-IDF vectors over folded,
// stemmed words and word pairs, compared by cosine, plus a containment measure for splits.
import { stemmer } from 'stemmer'
import { eng } from 'stopword'
import { fold } from '../text/fold'

const STOP_WORDS = new Set(eng)
const WORD = /[\p{L}\p{N}]+/gu
/** Any UTF-16 code unit outside ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/
const DIGIT = /\d/

/**
 * {@link fold}, fast on ASCII text: every typographic fold maps a non-ASCII character, and
 * lower-casing ASCII text whole is lower-casing it character by character. Same result.
 */
export function foldFast(text: string): string {
  return NON_ASCII.test(text) ? fold(text) : text.toLowerCase()
}

/** The content word a folded word stands for, or null when it is not one (stop word, list marker). */
function contentWord(w: string): string | null {
  if (STOP_WORDS.has(w)) return null
  // Single letters are list markers ("(a)") more often than words; numbers are kept
  // whole because amounts and years are what tell two otherwise alike clauses apart.
  const digits = DIGIT.test(w)
  if (w.length < 2 && !digits) return null
  return digits ? w : stemmer(w)
}

/**
 * The words that carry a clause's meaning, in order: folded (case, typography), stop words
 * dropped, stemmed, so "Licensee shall" and "licensees shall" weigh the same.
 */
export function contentWords(text: string): string[] {
  const out: string[] = []
  for (const w of foldFast(text).match(WORD) ?? []) {
    const c = contentWord(w)
    if (c !== null) out.push(c)
  }
  return out
}

/**
 * A clause as term counts: its distinct term ids (in the order first met) and their counts.
 * Parallel arrays, not maps: the pairing builds thousands of these, and what it does with them
 * (dot products, containment) goes through one dense array indexed by term id. Plain arrays,
 * not typed ones: V8 makes a small plain array several times faster than a small typed array.
 */
export interface Counts {
  readonly ids: readonly number[]
  readonly counts: readonly number[]
}

/** A unit-length TF-IDF vector: distinct term ids and their weights. */
export interface Vector {
  readonly ids: readonly number[]
  readonly weights: readonly number[]
}

/** Spreads a hash over the bits a power-of-two table uses. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b)
  return h ^ (h >>> 16)
}

/**
 * Term ids of word pairs, keyed by the two word term ids: an open-addressing table over typed
 * arrays, because a clause has as many pairs as words and a Map keyed by a number above 2^31
 * hashes a boxed double for each.
 */
class PairTable {
  private first = new Int32Array(1024).fill(-1)
  private second = new Int32Array(1024)
  private value = new Int32Array(1024)
  private count = 0

  /** The id of the pair (a, b), made by `make` the first time. */
  get(a: number, b: number, make: () => number): number {
    const mask = this.first.length - 1
    let h = mix(Math.imul(a, 0x9e3779b1) ^ b) & mask
    for (let f = this.first[h]!; f !== -1; f = this.first[h]!) {
      if (f === a && this.second[h] === b) return this.value[h]!
      h = (h + 1) & mask
    }
    const id = make()
    this.first[h] = a
    this.second[h] = b
    this.value[h] = id
    if (++this.count * 2 > this.first.length) this.grow()
    return id
  }

  private grow(): void {
    const [first, second, value] = [this.first, this.second, this.value]
    this.first = new Int32Array(first.length * 2).fill(-1)
    this.second = new Int32Array(first.length * 2)
    this.value = new Int32Array(first.length * 2)
    const mask = this.first.length - 1
    for (let i = 0; i < first.length; i++) {
      if (first[i] === -1) continue
      let h = mix(Math.imul(first[i]!, 0x9e3779b1) ^ second[i]!) & mask
      while (this.first[h] !== -1) h = (h + 1) & mask
      this.first[h] = first[i]!
      this.second[h] = second[i]!
      this.value[h] = value[i]!
    }
  }
}

/**
 * Word term ids looked up by a hash of the word's characters, taken while scanning the text,
 * and checked against the word in place: no string is cut out for a word seen before, and a
 * clause is mostly words seen before.
 */
class WordTable {
  private words: Array<string | undefined> = new Array<string | undefined>(1024)
  private hashes = new Int32Array(1024)
  private value = new Int32Array(1024)
  private count = 0

  /** The value stored for text[from, to) with this hash, or undefined. */
  find(text: string, from: number, to: number, hash: number): number | undefined {
    const mask = this.words.length - 1
    for (let h = hash & mask; ; h = (h + 1) & mask) {
      const w = this.words[h]
      if (w === undefined) return undefined
      if (this.hashes[h] === hash && w.length === to - from && text.startsWith(w, from)) return this.value[h]!
    }
  }

  set(word: string, hash: number, value: number): void {
    if ((this.count + 1) * 2 > this.words.length) this.grow()
    const mask = this.words.length - 1
    let h = hash & mask
    while (this.words[h] !== undefined) h = (h + 1) & mask
    this.words[h] = word
    this.hashes[h] = hash
    this.value[h] = value
    this.count++
  }

  private grow(): void {
    const [words, hashes, value] = [this.words, this.hashes, this.value]
    this.words = new Array<string | undefined>(words.length * 2)
    this.hashes = new Int32Array(words.length * 2)
    this.value = new Int32Array(words.length * 2)
    this.count = 0
    for (let i = 0; i < words.length; i++) if (words[i] !== undefined) this.set(words[i]!, hashes[i]!, value[i]!)
  }
}

/**
 * Builds term counts and TF-IDF vectors for a collection of texts. Terms are the content
 * words and every pair of neighbouring content words: single words are shared by most
 * clauses of one agreement ("licence", "party"), word pairs are what make a clause
 * recognisable after a rewrite, and they keep random shared vocabulary from looking similar.
 */
export class TermSpace {
  /** Folded word → its word term id, or -1 when it is no content word. Each word is stemmed once. */
  private readonly wordTerm = new Map<string, number>()
  private readonly asciiWords = new WordTable()
  /** Stem → term id (two spellings of one stem are one term). */
  private readonly stemTerm = new Map<string, number>()
  private readonly pairTerm = new PairTable()
  /** Document frequency per term id. */
  readonly df: number[] = []
  private docs = 0
  private idfs: Float64Array | null = null
  /** Term ids of the text being added, with repeats. */
  private scratch = new Int32Array(256)
  /** Per term id: the last document that held it (1-based), and its place in that document's ids. */
  private lastDoc = new Int32Array(1024)
  private place = new Int32Array(1024)
  /** All zero between uses: one vector or count spread over every term id. */
  private dense = new Float64Array(0)
  private readonly newTerm = (): number => {
    this.df.push(0)
    return this.df.length - 1
  }

  /** Number of distinct terms seen so far. */
  get size(): number {
    return this.df.length
  }

  private wordId(w: string): number {
    let id = this.wordTerm.get(w)
    if (id === undefined) {
      const stem = contentWord(w)
      if (stem === null) id = -1
      else {
        id = this.stemTerm.get(stem)
        if (id === undefined) {
          id = this.newTerm()
          this.stemTerm.set(stem, id)
        }
      }
      this.wordTerm.set(w, id)
    }
    return id
  }

  private push(n: number, id: number): number {
    if (n === this.scratch.length) {
      const grown = new Int32Array(n * 2)
      grown.set(this.scratch)
      this.scratch = grown
    }
    this.scratch[n] = id
    return n + 1
  }

  /**
   * Counts the terms of one clause and records them for the document frequency. The clause may
   * come in parts (heading, text): they are read as one text, parts separated by a line break,
   * without building that text.
   */
  add(...parts: string[]): Counts {
    let words = 0
    for (const part of parts) words = NON_ASCII.test(part) ? this.wordIds(fold(part), words) : this.asciiWordIds(part.toLowerCase(), words)
    // Each word, then each pair of neighbouring words.
    let n = words
    for (let i = 1; i < words; i++) n = this.push(n, this.pairTerm.get(this.scratch[i - 1]!, this.scratch[i]!, this.newTerm))
    if (this.lastDoc.length < this.df.length) {
      const size = Math.max(this.df.length, this.lastDoc.length * 2)
      const [lastDoc, place] = [new Int32Array(size), new Int32Array(size)]
      lastDoc.set(this.lastDoc)
      this.lastDoc = lastDoc
      this.place = place
    }
    const doc = ++this.docs
    let distinct = 0
    for (let i = 0; i < n; i++) {
      const id = this.scratch[i]!
      if (this.lastDoc[id] !== doc) {
        this.lastDoc[id] = doc
        this.place[id] = distinct++
      }
    }
    const ids: number[] = []
    const counts: number[] = []
    for (let i = 0; i < n; i++) {
      const id = this.scratch[i]!
      const k = this.place[id]!
      if (k === ids.length) {
        ids.push(id)
        counts.push(1)
        this.df[id]!++
      } else counts[k]!++
    }
    this.idfs = null
    return { ids, counts }
  }

  /** Puts the term ids of the content words of folded text in the scratch from `n` on; returns where they end. */
  private wordIds(folded: string, n: number): number {
    WORD.lastIndex = 0
    for (let m = WORD.exec(folded); m !== null; m = WORD.exec(folded)) {
      const id = this.wordId(m[0])
      if (id >= 0) n = this.push(n, id)
    }
    return n
  }

  /** {@link wordIds} for ASCII text: the words of WORD are the runs of a-z and 0-9 (the text is lower case). */
  private asciiWordIds(folded: string, n: number): number {
    let from = -1
    let hash = 0
    for (let i = 0; i <= folded.length; i++) {
      const c = i < folded.length ? folded.charCodeAt(i) : 0
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (from < 0) {
          from = i
          hash = 0
        }
        hash = (Math.imul(hash, 31) + c) | 0
      } else if (from >= 0) {
        const h = mix(hash)
        let id = this.asciiWords.find(folded, from, i, h)
        if (id === undefined) {
          const word = folded.slice(from, i)
          id = this.wordId(word)
          this.asciiWords.set(word, h, id)
        }
        if (id >= 0) n = this.push(n, id)
        from = -1
      }
    }
    return n
  }

  /** Inverse document frequency: smoothed so a term in every document still counts a little. */
  idf(id: number): number {
    return this.idfTable()[id]!
  }

  private idfTable(): Float64Array {
    if (this.idfs === null) {
      this.idfs = new Float64Array(this.df.length)
      for (let id = 0; id < this.df.length; id++) this.idfs[id] = Math.log(1 + this.docs / (this.df[id] || 1))
    }
    return this.idfs
  }

  private denseTable(): Float64Array {
    if (this.dense.length < this.df.length) this.dense = new Float64Array(this.df.length)
    return this.dense
  }

  /** Sublinear term frequency times IDF, normalised to unit length (so a dot product is a cosine). */
  vector(counts: Counts): Vector {
    const idf = this.idfTable()
    const { ids } = counts
    const weights: number[] = []
    let norm = 0
    for (let i = 0; i < ids.length; i++) {
      const c = counts.counts[i]!
      const w = (c === 1 ? 1 : 1 + Math.log(c)) * idf[ids[i]!]!
      weights.push(w)
      norm += w * w
    }
    norm = Math.sqrt(norm)
    if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= norm
    return { ids, weights }
  }

  /** Cosine of two unit vectors of this space. */
  cosine(a: Vector, b: Vector): number {
    const dense = this.denseTable()
    for (let i = 0; i < a.ids.length; i++) dense[a.ids[i]!] = a.weights[i]!
    let dot = 0
    for (let i = 0; i < b.ids.length; i++) dot += dense[b.ids[i]!]! * b.weights[i]!
    for (let i = 0; i < a.ids.length; i++) dense[a.ids[i]!] = 0
    return Math.min(1, dot)
  }

  /**
   * How much of `part` lies inside `whole`, weighted by IDF: 1 when every term of `part`
   * occurs in `whole` at least as often. Used to find the pieces of a split clause.
   */
  containment(part: Counts, whole: Counts): number {
    return this.containments(whole, [part])[0]!
  }

  /** {@link containment} of each of `parts` in one `whole`, spreading the whole out once. */
  containments(whole: Counts, parts: readonly Counts[]): Float64Array {
    const idf = this.idfTable()
    const dense = this.denseTable()
    for (let i = 0; i < whole.ids.length; i++) dense[whole.ids[i]!] = whole.counts[i]!
    const out = new Float64Array(parts.length)
    parts.forEach((part, k) => {
      let inside = 0
      let total = 0
      for (let i = 0; i < part.ids.length; i++) {
        const id = part.ids[i]!
        const c = part.counts[i]!
        total += c * idf[id]!
        inside += Math.min(c, dense[id]!) * idf[id]!
      }
      out[k] = total === 0 ? 0 : inside / total
    })
    for (let i = 0; i < whole.ids.length; i++) dense[whole.ids[i]!] = 0
    return out
  }

  /** The counts of several texts joined. */
  sum(parts: readonly Counts[]): Counts {
    const dense = this.denseTable()
    const order: number[] = []
    for (const p of parts) {
      for (let i = 0; i < p.ids.length; i++) {
        const id = p.ids[i]!
        if (dense[id] === 0) order.push(id)
        dense[id]! += p.counts[i]!
      }
    }
    const counts = order.map((id) => dense[id]!)
    for (const id of order) dense[id] = 0
    return { ids: order, counts }
  }
}

/**
 * One vector spread over every term id, to take its cosine with many others at the cost of
 * their length alone. Load, take the cosines, unload (which clears only what was loaded).
 */
export class Spread {
  private readonly dense: Float64Array
  private loaded: Vector | null = null

  constructor(terms: number) {
    this.dense = new Float64Array(terms)
  }

  load(v: Vector): void {
    this.unload()
    for (let i = 0; i < v.ids.length; i++) this.dense[v.ids[i]!] = v.weights[i]!
    this.loaded = v
  }

  unload(): void {
    if (this.loaded === null) return
    for (const id of this.loaded.ids) this.dense[id] = 0
    this.loaded = null
  }

  /** Cosine of the loaded vector with `v`. */
  cosine(v: Vector): number {
    let dot = 0
    for (let i = 0; i < v.ids.length; i++) dot += this.dense[v.ids[i]!]! * v.weights[i]!
    return Math.min(1, dot)
  }
}
