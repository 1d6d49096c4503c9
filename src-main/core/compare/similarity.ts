// Word-based similarity between clauses for content pairing: TF-IDF vectors over folded,
// stemmed words and word pairs, compared by cosine, plus a containment measure for splits.
import { stemmer } from 'stemmer'
import { eng } from 'stopword'
import { fold } from '../text/fold'

const STOP_WORDS = new Set(eng)
const WORD = /[\p{L}\p{N}]+/gu

/**
 * The words that carry a clause's meaning, in order: folded (case, typography), stop words
 * dropped, stemmed, so "Licensee shall" and "licensees shall" weigh the same.
 */
export function contentWords(text: string): string[] {
  const out: string[] = []
  for (const w of fold(text).match(WORD) ?? []) {
    if (STOP_WORDS.has(w)) continue
    // Single letters are list markers ("(a)") more often than words; numbers are kept
    // whole because amounts and years are what tell two otherwise alike clauses apart.
    if (w.length < 2 && !/\d/.test(w)) continue
    out.push(/\d/.test(w) ? w : stemmer(w))
  }
  return out
}

/** A clause as term counts: term id → count. */
export type Counts = Map<number, number>

/** A unit-length TF-IDF vector: term id → weight. */
export type Vector = Map<number, number>

/**
 * Builds term counts and TF-IDF vectors for a collection of texts. Terms are the content
 * words and every pair of neighbouring content words: single words are shared by most
 * clauses of one agreement ("licence", "party"), word pairs are what make a clause
 * recognisable after a rewrite, and they keep random shared vocabulary from looking similar.
 */
export class TermSpace {
  private readonly ids = new Map<string, number>()
  /** Document frequency per term id. */
  readonly df: number[] = []
  private docs = 0

  /** Counts the terms of one text and records them for the document frequency. */
  add(text: string): Counts {
    const words = contentWords(text)
    const counts: Counts = new Map()
    const bump = (term: string): void => {
      let id = this.ids.get(term)
      if (id === undefined) {
        id = this.df.length
        this.ids.set(term, id)
        this.df.push(0)
      }
      counts.set(id, (counts.get(id) ?? 0) + 1)
    }
    for (let i = 0; i < words.length; i++) {
      bump(words[i]!)
      if (i > 0) bump(`${words[i - 1]!} ${words[i]!}`)
    }
    for (const id of counts.keys()) this.df[id]!++
    this.docs++
    return counts
  }

  /** Inverse document frequency: smoothed so a term in every document still counts a little. */
  idf(id: number): number {
    return Math.log(1 + this.docs / (this.df[id] ?? 1))
  }

  /** Sublinear term frequency times IDF, normalised to unit length (so a dot product is a cosine). */
  vector(counts: Counts): Vector {
    const v: Vector = new Map()
    let norm = 0
    for (const [id, c] of counts) {
      const w = (1 + Math.log(c)) * this.idf(id)
      v.set(id, w)
      norm += w * w
    }
    norm = Math.sqrt(norm)
    if (norm > 0) for (const [id, w] of v) v.set(id, w / norm)
    return v
  }

  /**
   * How much of `part` lies inside `whole`, weighted by IDF: 1 when every term of `part`
   * occurs in `whole` at least as often. Used to find the pieces of a split clause.
   */
  containment(part: Counts, whole: Counts): number {
    let inside = 0
    let total = 0
    for (const [id, c] of part) {
      const idf = this.idf(id)
      total += c * idf
      inside += Math.min(c, whole.get(id) ?? 0) * idf
    }
    return total === 0 ? 0 : inside / total
  }
}

/** Cosine of two unit vectors. */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [id, w] of small) {
    const o = large.get(id)
    if (o !== undefined) dot += w * o
  }
  return Math.min(1, dot)
}

/** The counts of several texts joined. */
export function sumCounts(parts: readonly Counts[]): Counts {
  const out: Counts = new Map()
  for (const p of parts) for (const [id, c] of p) out.set(id, (out.get(id) ?? 0) + c)
  return out
}
