// Redlines one clause: tokens are aligned with jsdiff's Myers diff over comparison keys, the
// text between aligned tokens becomes delete/insert runs, and a semantic cleanup merges the
// fragments a lawyer would read as one rewritten phrase.
import { diffArrays } from 'diff'
import { foldTypography } from '../text/fold'
import { tokenizeChars, tokenizeWords, type Token } from './tokenize'
import type { CompareOptions, Part } from './types'

/**
 * Whitespace is never part of the alignment, only words and (unless ignored) punctuation are.
 * Spaces match everywhere, and letting Myers anchor on them is what produces the alternating
 * one-word fragments a reader cannot follow. The whitespace between two aligned tokens is
 * compared as a whole afterwards, so a whitespace change is still shown (or marked ignored).
 */
function isAligned(token: Token, options: CompareOptions): boolean {
  return token.kind === 'word' || (token.kind === 'punct' && !options.ignorePunctuation)
}

/** Ignoring punctuation also ignores its typography inside words: OpenAI’s = OpenAI's. */
function keyOf(token: Token, options: CompareOptions): string {
  const text = options.ignorePunctuation ? foldTypography(token.text) : token.text
  return options.ignoreCase ? text.toLowerCase() : text
}

export function redlineText(base: string, target: string, options: CompareOptions): Part[] {
  if (base === target) return base === '' ? [] : [{ op: 'equal', text: base }]
  // Edits in a clause are usually few and local: set the shared head and tail aside before
  // tokenizing, which is most of the work. The cut points are chosen so that no token (an
  // amount, a date, a whitespace run) can straddle them; see safeCut.
  const head = safeCut(base, target, commonPrefix(base, target), 'head')
  const tail = safeCut(base, target, commonSuffix(base, target, head), 'tail')
  const parts = redlineMiddle(base.slice(head, base.length - tail), target.slice(head, target.length - tail), options)
  if (head > 0) parts.unshift({ op: 'equal', text: base.slice(0, head) })
  if (tail > 0) parts.push({ op: 'equal', text: base.slice(base.length - tail) })
  return mergeEqualNeighbours(parts)
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
  const at = (s: string, k: number): string => (end === 'head' ? s.charAt(k) : s.charAt(s.length - 1 - k))
  for (let k = length - 1; k >= 1; k--) {
    // k indexes the space: inside the shared run on both sides, the character after it must also be a letter in both.
    if (at(a, k) !== ' ' || !LETTER.test(at(a, k - 1))) continue
    if (LETTER.test(at(a, k + 1)) && LETTER.test(at(b, k + 1))) return k + 1
  }
  return 0
}

function mergeEqualNeighbours(parts: Part[]): Part[] {
  const out: Part[] = []
  for (const p of parts) {
    const last = out[out.length - 1]
    if (last && last.op === 'equal' && p.op === 'equal') last.text += p.text
    else out.push(p)
  }
  return out
}

function redlineMiddle(base: string, target: string, options: CompareOptions): Part[] {
  if (base === target) return base === '' ? [] : [{ op: 'equal', text: base }]
  const tokenize = options.granularity === 'char' ? tokenizeChars : tokenizeWords
  const a = tokenize(base)
  const b = tokenize(target)
  const aIdx = alignedIndexes(a, options)
  const bIdx = alignedIndexes(b, options)
  const changes = diffArrays(
    aIdx.map((i) => keyOf(a[i]!, options)),
    bIdx.map((i) => keyOf(b[i]!, options))
  )

  // Walk the diff, emitting the gap before each aligned pair and then the pair itself.
  const out = new PartBuilder()
  let ai = 0 // next unconsumed token in a
  let bi = 0
  let ak = 0 // next aligned key index in aIdx
  let bk = 0
  for (const change of changes) {
    if (change.removed) {
      ak += change.count
      continue
    }
    if (change.added) {
      bk += change.count
      continue
    }
    for (let n = 0; n < change.count; n++, ak++, bk++) {
      const ta = aIdx[ak]!
      const tb = bIdx[bk]!
      emitGap(out, a.slice(ai, ta), b.slice(bi, tb), options)
      const x = a[ta]!.text
      const y = b[tb]!.text
      if (x === y) out.push('equal', x)
      else out.pushIgnored(x, y) // equal only under ignore-case or typography folding
      ai = ta + 1
      bi = tb + 1
    }
  }
  emitGap(out, a.slice(ai), b.slice(bi), options)
  return semanticCleanup(out.parts)
}

function alignedIndexes(tokens: readonly Token[], options: CompareOptions): number[] {
  const idx: number[] = []
  tokens.forEach((t, i) => {
    if (isAligned(t, options)) idx.push(i)
  })
  return idx
}

/**
 * The tokens between two aligned pairs. Identical leading and trailing tokens stay equal (so
 * the spaces around a replaced word are not part of the change); what remains is one deletion
 * and one insertion, or an ignored difference when it holds only ignorable tokens.
 */
function emitGap(out: PartBuilder, a: Token[], b: Token[], options: CompareOptions): void {
  let head = 0
  while (head < a.length && head < b.length && a[head]!.text === b[head]!.text) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail]!.text === b[b.length - 1 - tail]!.text) tail++
  out.push('equal', join(a.slice(0, head)))
  const del = a.slice(head, a.length - tail)
  const ins = b.slice(head, b.length - tail)
  if (del.length || ins.length) {
    const ignorable = (t: Token): boolean =>
      (t.kind === 'space' && options.ignoreWhitespace) || (t.kind === 'punct' && options.ignorePunctuation)
    // Whitespace appearing or vanishing next to ignored punctuation ("A, B" / "A B") goes with it.
    const onlyIgnorable = [...del, ...ins].every((t) => ignorable(t) || (t.kind === 'space' && options.ignorePunctuation))
    if (onlyIgnorable) out.pushIgnored(join(del), join(ins))
    else {
      out.push('delete', join(del))
      out.push('insert', join(ins))
    }
  }
  out.push('equal', join(a.slice(a.length - tail)))
}

function join(tokens: readonly Token[]): string {
  let s = ''
  for (const t of tokens) s += t.text
  return s
}

/** Accumulates parts, merging neighbours of the same kind and dropping empty ones. */
class PartBuilder {
  readonly parts: Part[] = []

  push(op: Part['op'], text: string, ignored?: true): void {
    if (text === '') return
    const last = this.parts[this.parts.length - 1]
    if (last && last.op === op && last.ignored === ignored) last.text += text
    else this.parts.push(ignored ? { op, text, ignored } : { op, text })
  }

  pushIgnored(deleted: string, inserted: string): void {
    this.push('delete', deleted, true)
    this.push('insert', inserted, true)
  }
}

/**
 * In the spirit of diff-match-patch's cleanupSemantic: an equality no longer than the changes
 * on both of its sides is folded into them, repeatedly, so "the licence is exclusive until
 * 2030" → "a licence, non-exclusive, runs to 2032" reads as whole phrases replaced rather than
 * a confetti of one-word edits. Ignored differences are left alone: they are not changes.
 */
export function semanticCleanup(parts: Part[]): Part[] {
  const runs = toRuns(parts)
  for (let changed = true; changed; ) {
    changed = false
    for (let i = 1; i < runs.length - 1; i++) {
      const eq = runs[i]!
      const before = runs[i - 1]!
      const after = runs[i + 1]!
      if (eq.kind !== 'equal' || before.kind !== 'change' || after.kind !== 'change') continue
      const len = eq.text.length
      if (len <= Math.max(before.del.length, before.ins.length) && len <= Math.max(after.del.length, after.ins.length)) {
        runs.splice(i - 1, 3, { kind: 'change', del: before.del + eq.text + after.del, ins: before.ins + eq.text + after.ins })
        changed = true
        i--
      }
    }
  }
  const out = new PartBuilder()
  for (const run of runs) {
    if (run.kind === 'equal') out.push('equal', run.text)
    else if (run.kind === 'ignored') out.pushIgnored(run.del, run.ins)
    else {
      out.push('delete', run.del)
      out.push('insert', run.ins)
    }
  }
  return out.parts
}

type Run = { kind: 'equal'; text: string } | { kind: 'change' | 'ignored'; del: string; ins: string }

/** Groups parts into equal runs and change runs (a deletion with its insertion). */
function toRuns(parts: readonly Part[]): Run[] {
  const runs: Run[] = []
  for (const p of parts) {
    if (p.op === 'equal') {
      runs.push({ kind: 'equal', text: p.text })
      continue
    }
    const kind: 'ignored' | 'change' = p.ignored ? 'ignored' : 'change'
    const last = runs[runs.length - 1]
    const run = last && last.kind === kind ? last : { kind, del: '', ins: '' }
    if (run !== last) runs.push(run)
    if (p.op === 'delete') run.del += p.text
    else run.ins += p.text
  }
  return runs
}
