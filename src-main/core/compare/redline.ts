// Redlines one clause: tokens are aligned with Myers' diff over comparison keys (as jsdiff's
// diffArrays aligns them), the text between aligned tokens becomes delete/insert runs, and a
// semantic cleanup merges the fragments a lawyer would read as one rewritten phrase.
import { AlignedTokens, numberKeys } from './keys'
import { matchRuns } from './myers'
import { PUNCT_KIND, SPACE_KIND, TokenList, tokenizeCharsInto, tokenizeWordsInto } from './tokenize'
import type { CompareOptions, Part } from './types'

// Whitespace is never part of the alignment, only words and (unless ignored) punctuation are
// (AlignedTokens.select). Spaces match everywhere, and letting Myers anchor on them is what
// produces the alternating one-word fragments a reader cannot follow. The whitespace between
// two aligned tokens is compared as a whole afterwards, so a whitespace change is still shown
// (or marked ignored).

export function redlineText(base: string, target: string, options: CompareOptions): Part[] {
  if (base === target) return base === '' ? [] : [{ op: 'equal', text: base }]
  // Edits in a clause are usually few and local: set the shared head and tail aside before
  // tokenizing, which is most of the work. The cut points are chosen so that no token (an
  // amount, a date, a whitespace run) can straddle them; see safeCut.
  const head = safeCut(base, target, commonPrefix(base, target), 'head')
  const tail = safeCut(base, target, commonSuffix(base, target, head), 'tail')
  // The head and tail are the first and last runs; the cleanup only folds an equality lying
  // between two changes, so it treats them as it would without them.
  const runs = Runs.start()
  runs.add(EQUAL, head, head)
  redlineMiddle(runs, base, target, head, base.length - tail, head, target.length - tail, options)
  runs.add(EQUAL, base.length, target.length)
  semanticCleanup(runs)
  return toParts(runs, base, target)
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  let i = 0
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++
  return i
}

function commonSuffix(a: string, b: string, reserved: number): number {
  const n = Math.min(a.length, b.length) - reserved
  let i = 0
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++
  return i
}

const LETTER = /\p{L}/u

/**
 * Shrinks a shared head (or tail) of `length` characters to end at a single space with a
 * letter on each side, in both texts. Tokens only cross spaces next to digits (amounts, dates)
 * and whitespace runs are single there, so the middle tokenizes exactly as it would in place.
 */
function safeCut(a: string, b: string, length: number, end: 'head' | 'tail'): number {
  const fromHead = end === 'head'
  for (let k = length - 1; k >= 1; k--) {
    // k indexes the space: inside the shared run on both sides, the character after it must also be a letter in both.
    if (charFrom(a, k, fromHead) !== ' ' || !LETTER.test(charFrom(a, k - 1, fromHead))) continue
    if (LETTER.test(charFrom(a, k + 1, fromHead)) && LETTER.test(charFrom(b, k + 1, fromHead))) return k + 1
  }
  return 0
}

/**
 * The k-th character of s from its start or from its end. A function, not a closure in safeCut:
 * tsx and esbuild's keepNames define a `name` property on every closure made, which here cost
 * more than the rest of redlining a short heading.
 */
function charFrom(s: string, k: number, fromHead: boolean): string {
  return fromHead ? s.charAt(k) : s.charAt(s.length - 1 - k)
}

const EQUAL = 0
const CHANGE = 1
const IGNORED = 2

/**
 * A redline under construction, as runs that tile both texts in order: run i covers the base
 * from the previous run's end to aEnd[i], and the target likewise to bEnd[i]. An equal run is
 * the same text on both sides, a change run one deletion and its insertion, an ignored run a
 * difference the options ignore. The texts are cut from the two strings only at the end.
 */
class Runs {
  private static shared = new Runs()
  kind = new Uint8Array(64)
  aEnd = new Int32Array(64)
  bEnd = new Int32Array(64)
  count = 0
  private a = 0
  private b = 0

  /**
   * An empty redline. The same arrays serve every redline (a comparison makes thousands, and
   * redlineText runs to completion before the next starts), unless the last one grew them a lot.
   */
  static start(): Runs {
    if (Runs.shared.kind.length > LARGE) Runs.shared = new Runs()
    const runs = Runs.shared
    runs.count = 0
    runs.a = 0
    runs.b = 0
    return runs
  }

  /** Extends the redline to (aEnd, bEnd) with a run of this kind, merged into the last run if it is of the same kind. */
  add(kind: number, aEnd: number, bEnd: number): void {
    if (aEnd === this.a && bEnd === this.b) return
    const last = this.count - 1
    if (last >= 0 && this.kind[last] === kind) {
      this.aEnd[last] = aEnd
      this.bEnd[last] = bEnd
    } else {
      if (this.count === this.kind.length) this.grow()
      this.kind[this.count] = kind
      this.aEnd[this.count] = aEnd
      this.bEnd[this.count++] = bEnd
    }
    this.a = aEnd
    this.b = bEnd
  }

  private grow(): void {
    const size = this.kind.length * 2
    const kind = new Uint8Array(size)
    kind.set(this.kind)
    const aEnd = new Int32Array(size)
    aEnd.set(this.aEnd)
    const bEnd = new Int32Array(size)
    bEnd.set(this.bEnd)
    this.kind = kind
    this.aEnd = aEnd
    this.bEnd = bEnd
  }
}

/** Past this many tokens or runs, the arrays a redline grew are not kept for the next one. */
const LARGE = 1 << 16

/** The two sides of the middle being redlined, reused from one redline to the next like the runs. */
let sides = newSides()

function newSides(): [AlignedTokens, AlignedTokens] {
  return [new AlignedTokens(new TokenList()), new AlignedTokens(new TokenList())]
}

/** Redlines base[a0, a1) against target[b0, b1) onto `runs`. */
function redlineMiddle(runs: Runs, base: string, target: string, a0: number, a1: number, b0: number, b1: number, options: CompareOptions): void {
  const [aSide, bSide] = sides
  const tokenize = options.granularity === 'char' ? tokenizeCharsInto : tokenizeWordsInto
  const a = tokenize(base.slice(a0, a1), aSide.tokens)
  const b = tokenize(target.slice(b0, b1), bSide.tokens)
  aSide.select(options)
  bSide.select(options)
  numberKeys(aSide, bSide, options)
  const matches = matchRuns(aSide.keys, aSide.count, bSide.keys, bSide.count)

  // Walk the matched runs, emitting the gap before each aligned pair and then the pair itself.
  const ignore = (options.ignoreWhitespace ? IGNORE_SPACE : 0) | (options.ignorePunctuation ? IGNORE_PUNCT : 0)
  const aIdx = aSide.index
  const bIdx = bSide.index
  let ai = 0 // next unconsumed token in a
  let bi = 0
  for (let r = 0; r < matches.length; r += 3) {
    const ak = matches[r]!
    const bk = matches[r + 1]!
    for (let n = 0; n < matches[r + 2]!; n++) {
      const ta = aIdx[ak + n]!
      const tb = bIdx[bk + n]!
      emitGap(runs, a, ai, ta, a0, b, bi, tb, b0, ignore)
      // Aligned tokens differ only under ignore-case or typography folding: an ignored difference.
      runs.add(sameToken(a, ta, b, tb) ? EQUAL : IGNORED, a0 + a.starts[ta + 1]!, b0 + b.starts[tb + 1]!)
      ai = ta + 1
      bi = tb + 1
    }
  }
  emitGap(runs, a, ai, a.count, a0, b, bi, b.count, b0, ignore)
  if (a.capacity > LARGE || b.capacity > LARGE) sides = newSides()
}

/** Whether token i of a and token j of b have the same text. */
function sameToken(a: TokenList, i: number, b: TokenList, j: number): boolean {
  let p = a.starts[i]!
  let q = b.starts[j]!
  const end = a.starts[i + 1]!
  if (end - p !== b.starts[j + 1]! - q) return false
  const x = a.text
  const y = b.text
  while (p < end) if (x.charCodeAt(p++) !== y.charCodeAt(q++)) return false
  return true
}

const IGNORE_SPACE = 1
const IGNORE_PUNCT = 2

/**
 * The tokens between two aligned pairs, [ai, aj) of a and [bi, bj) of b (a0 and b0: where a
 * and b start in the whole texts). Identical leading and trailing tokens stay equal (so the
 * spaces around a replaced word are not part of the change); what remains is one deletion
 * and one insertion, or an ignored difference when it holds only ignorable tokens.
 */
function emitGap(runs: Runs, a: TokenList, ai: number, aj: number, a0: number, b: TokenList, bi: number, bj: number, b0: number, ignore: number): void {
  while (ai < aj && bi < bj && sameToken(a, ai, b, bi)) {
    ai++
    bi++
  }
  runs.add(EQUAL, a0 + a.starts[ai]!, b0 + b.starts[bi]!)
  let ae = aj
  let be = bj
  while (ae > ai && be > bi && sameToken(a, ae - 1, b, be - 1)) {
    ae--
    be--
  }
  if (ae > ai || be > bi) {
    const ignored = onlyIgnorable(a, ai, ae, ignore) && onlyIgnorable(b, bi, be, ignore)
    runs.add(ignored ? IGNORED : CHANGE, a0 + a.starts[ae]!, b0 + b.starts[be]!)
  }
  runs.add(EQUAL, a0 + a.starts[aj]!, b0 + b.starts[bj]!)
}

function onlyIgnorable(tokens: TokenList, from: number, to: number, ignore: number): boolean {
  for (let i = from; i < to; i++) {
    const kind = tokens.kinds[i]!
    // Whitespace appearing or vanishing next to ignored punctuation ("A, B" / "A B") goes with it.
    const ignorable = kind === SPACE_KIND ? ignore !== 0 : kind === PUNCT_KIND && (ignore & IGNORE_PUNCT) !== 0
    if (!ignorable) return false
  }
  return true
}

/**
 * In the spirit of diff-match-patch's cleanupSemantic: an equality no longer than the changes
 * on both of its sides is folded into them, repeatedly, so "the licence is exclusive until
 * 2030" → "a licence, non-exclusive, runs to 2032" reads as whole phrases replaced rather than
 * a confetti of one-word edits. Ignored differences are left alone: they are not changes.
 *
 * Each pass goes left to right and weighs an equality against the change before it as that
 * change has grown so far in the pass; passes repeat until one folds nothing.
 */
function semanticCleanup(runs: Runs): void {
  const { kind, aEnd, bEnd } = runs
  for (let folded = true; folded; ) {
    folded = false
    // Each pass rewrites the runs in place: n runs kept so far, never more than the runs read.
    let n = 0
    let aStart = 0 // where run i starts
    let bStart = 0
    for (let i = 0; i < runs.count; i++) {
      const k = kind[i]!
      const aTo = aEnd[i]!
      const bTo = bEnd[i]!
      if (k === CHANGE && n >= 2 && kind[n - 1] === EQUAL && kind[n - 2] === CHANGE) {
        // before: run n - 2 as kept so far, the equality: run n - 1, after: run i.
        const beforeA = n >= 3 ? aEnd[n - 3]! : 0
        const beforeB = n >= 3 ? bEnd[n - 3]! : 0
        const equalA = aEnd[n - 2]!
        const equalB = bEnd[n - 2]!
        const len = aStart - equalA
        if (len <= Math.max(equalA - beforeA, equalB - beforeB) && len <= Math.max(aTo - aStart, bTo - bStart)) {
          n--
          aEnd[n - 1] = aTo
          bEnd[n - 1] = bTo
          folded = true
          aStart = aTo
          bStart = bTo
          continue
        }
      }
      kind[n] = k
      aEnd[n] = aTo
      bEnd[n++] = bTo
      aStart = aTo
      bStart = bTo
    }
    runs.count = n
  }
}

function toParts(runs: Runs, base: string, target: string): Part[] {
  const parts: Part[] = []
  let a = 0
  let b = 0
  for (let i = 0; i < runs.count; i++) {
    const kind = runs.kind[i]!
    const aEnd = runs.aEnd[i]!
    const bEnd = runs.bEnd[i]!
    if (kind === EQUAL) parts.push({ op: 'equal', text: base.slice(a, aEnd) })
    else if (kind === CHANGE) {
      if (aEnd > a) parts.push({ op: 'delete', text: base.slice(a, aEnd) })
      if (bEnd > b) parts.push({ op: 'insert', text: target.slice(b, bEnd) })
    } else {
      if (aEnd > a) parts.push({ op: 'delete', text: base.slice(a, aEnd), ignored: true })
      if (bEnd > b) parts.push({ op: 'insert', text: target.slice(b, bEnd), ignored: true })
    }
    a = aEnd
    b = bEnd
  }
  return parts
}
