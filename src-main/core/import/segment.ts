// Turns a read document's blocks into clauses (label, heading, text, level, parent): the step
// between any reader and the pairing engine, so a team's own draft compares like a bundled model.
import { assignClauseIds } from '../models/identity'
import { isFirstValue, readMarker, type Marker, type MarkerCandidate } from './markers'
import type { Block, ReadResult } from './types'

export interface SegmentedClause {
  /** Derived from the text (models/identity.ts): the same document always gives the same ids. */
  id: string
  idDerived: true
  /** The number as printed ("1.1", "(a)", "Article IV"); in a schedule, prefixed with it ("Schedule 1, 2.1"). */
  label?: string
  heading: string
  text: string
  /** 1 = top level. */
  level: number
  /** The id of the clause this one sits under, or null. */
  parent: string | null
  /** Page the clause starts on (PDF). */
  page?: number
  /** The block (1-based, reading order) the clause starts at. */
  paragraph: number
}

export interface Segmentation {
  title?: string
  clauses: SegmentedClause[]
  warnings: string[]
}

/*
 * How numbering is trusted. A paragraph that starts like a number is a clause only when its
 * number fits the numbering so far: the next value of a list already open (a few values may be
 * skipped: drafts delete clauses and keep the numbers), or the first value of a new list ("1",
 * "a", "i", "1.1" under "1"). Its level comes from that context, never from the marker's look:
 * "(a)" under "1." is level 2, and so is "1." under "Article I". So a wrapped line "2.1 of this
 * Agreement…" inside section 5, an address "51 Franklin Street" or a cross-reference "Section 3
 * shall survive…" stays text. "(i)" after "(h)" is the letter; elsewhere it is roman one.
 */
/** A list may skip this many values (4.2 → 4.5) and still continue. */
const MAX_SKIP = 3

interface Placement {
  depth: number
  candidate: MarkerCandidate
  /** The list opens at the top after a heading: the open levels are put aside, not dropped. */
  suspends?: true
  /** The marker continues a level put aside: these levels are open again. */
  resumed?: Level[]
}

interface Level {
  style: string
  value: number
  prefix: number[]
  /** Index into drafts of the clause that opened this level. */
  draft: number
  /** Opened by a block the format marks as a heading. */
  heading: boolean
  /** The marker as printed, for warnings. */
  label: string
}

type DraftKind = 'preamble' | 'numbered' | 'heading' | 'definition' | 'recital' | 'signatures' | 'part' | 'paragraph' | 'footnote'

interface Draft {
  kind: DraftKind
  label?: string
  heading: string
  paras: string[]
  level: number
  parent: number
  page?: number
  paragraph: number
  /** A number printed alone ("ARTICLE IV"): the next short line is its heading. */
  awaitHeading?: boolean
}

/** Words that stay lowercase in a Title Case heading. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', 'without', 'under', 'upon', 'not', 'nor', 'per', 'vs', 'via', 'its', 'their', 'your', 'our', 'this'])
const STRUCTURAL = /^(preamble|recitals?|background|definitions?|defined terms|interpretation)\b/i
const DEFINITIONS_HEADING = /\b(definitions?|defined terms|interpretation)\b/i
// '"Licence" means', '“Affiliate” shall mean', '"Package" refers to', '"You" (or "Your") shall mean'.
const DEFINED_TERM = /^["“'‘]([^"”’\n]{1,80})["”’](?:\s*\([^)]{0,80}\))?,?\s+(?:shall\s+|will\s+)?(?:means?|has the meaning|have the meaning|includes?|refers? to|is defined)\b/i
const PART_START = /^(schedule|exhibit|annex|annexure|appendix|attachment|addendum)\b(?:[\s:.\u2013\u2014-]+([A-Z]|\d{1,3}|[IVXLC]{1,6})\b)?/i

export function segment(doc: ReadResult): Segmentation {
  return new Segmenter(doc).run()
}

class Segmenter {
  private readonly drafts: Draft[] = []
  private stack: Level[] = []
  private current = -1
  /** An unnumbered heading waiting to see whether a numbered clause (which takes it) follows. */
  private pending: Block | null = null
  /** After an unnumbered heading or "NOW, THEREFORE": a new list starts at the top, not nested. */
  private afterBreak = true
  /**
   * The levels a list opened at the top after a heading put aside. A heading can be wrong (an
   * all-capitals sentence a PDF set apart), so a later number that continues one of them
   * ("4.14" after "4.13") takes them back instead of being lost for the rest of the document.
   */
  private suspended: Level[] = []
  private part: { name: string; draft: number } | null = null
  private signatures = false
  private numbered = 0
  private readonly warnings: string[] = []
  private title: string | undefined

  constructor(private readonly doc: ReadResult) {
    this.title = doc.meta.title
  }

  run(): Segmentation {
    const footnotes: Block[] = []
    for (const block of this.doc.blocks) {
      const text = block.text.trim()
      if (text === '' && block.number === undefined) continue
      if (block.kind === 'footnote') footnotes.push(block)
      else this.take(block, text)
    }
    this.flushPending()
    for (const f of footnotes) this.open({ kind: 'footnote', heading: `Footnote ${f.number ?? ''}`.trim(), paras: [f.text.trim()], level: 1, parent: -1, ...where(f) })
    if (this.numbered === 0) this.paragraphsAsClauses()
    return { ...(this.title === undefined ? {} : { title: this.title }), clauses: this.finish(), warnings: this.warnings }
  }

  private take(block: Block, text: string): void {
    if (this.startsPart(block, text)) return
    if (this.signatures) return this.append(block, text)
    if (/^IN WITNESS WHEREOF\b/i.test(text)) {
      this.flushPending()
      this.signatures = true
      this.open({ kind: 'signatures', heading: 'Signatures', paras: [text], level: this.part ? 2 : 1, parent: this.part?.draft ?? -1, ...where(block) })
      return
    }
    if (this.numberedClause(block, text)) return
    if (this.isHeading(block, text)) {
      const cur = this.drafts[this.current]
      if (cur?.awaitHeading) {
        cur.heading = stripEnd(text)
        cur.awaitHeading = false
        return
      }
      if (this.inPreamble() && !STRUCTURAL.test(text)) {
        // Before the first clause a heading is the document's title or a cover line: the
        // preamble's text (compared like any other), and the first one is the title.
        this.title ??= stripEnd(text)
        return this.append(block, text)
      }
      this.flushPending()
      this.pending = { ...block, text }
      this.afterBreak = true
      return
    }
    const cur = this.drafts[this.current]
    if (cur?.awaitHeading) cur.awaitHeading = false
    if (this.pending) this.openHeadingClause()
    if (/^WHEREAS\b/i.test(text)) {
      this.open({ kind: 'recital', heading: 'Recitals', paras: [text], level: 1, parent: -1, ...where(block) })
      return
    }
    if (/^NOW,?\s+THEREFORE\b/i.test(text)) {
      this.append(block, text)
      this.stack = []
      this.afterBreak = true
      return
    }
    const defs = this.definitionsClause()
    const term = defs === -1 ? null : DEFINED_TERM.exec(text)
    if (term) {
      this.open({ kind: 'definition', heading: term[1]!.trim(), paras: [text], level: this.drafts[defs]!.level + 1, parent: defs, ...where(block) })
      return
    }
    this.append(block, text)
  }

  /** A block starting with a number that fits the numbering so far opens a clause. */
  private numberedClause(block: Block, text: string): boolean {
    const given = block.number?.trim()
    const read = given ? (readMarker(`${given} `) ?? wordMarker(given, block.level)) : readMarker(text)
    if (!read) return false
    // An HTML or Markdown list counts on its own: its "1." under a heading "1. Definitions" is a
    // first item, not a restart of the headings' numbering. Word's numbering is the clauses' own.
    const ownList = given !== undefined && block.kind === 'list-item' && (this.doc.format === 'markdown' || this.doc.format === 'html')
    const marker = ownList ? { ...read, candidates: read.candidates.map((c) => ({ ...c, style: `list:${c.style}` })) } : read
    const placed = this.place(marker, given !== undefined, block)
    if (!placed) return false
    const rest = given ? text : marker.rest
    const split = splitHeading(rest, block)
    const body = split.body
    let heading = split.heading
    const alone = heading === '' && body === ''
    // A heading line just before a clause that has none of its own is that clause's heading.
    if (this.pending && heading === '') {
      heading = stripEnd(this.pending.text.trim())
      this.pending = null
    } else this.flushPending()
    if (placed.resumed) this.suspended = []
    else if (placed.suspends && this.stack.length > 0) this.suspended = this.stack
    this.stack = (placed.resumed ?? this.stack).slice(0, placed.depth)
    const parent = placed.depth > 0 ? this.stack[placed.depth - 1]!.draft : (this.part?.draft ?? -1)
    const level = (placed.depth > 0 ? this.drafts[parent]!.level : this.part ? 1 : 0) + 1
    const label = this.part ? `${this.part.name}, ${marker.label}` : marker.label
    const index = this.open({ kind: 'numbered', label: label.slice(0, 64), heading, paras: body === '' ? [] : [body], level, parent, ...where(block), ...(alone && heading === '' ? { awaitHeading: true } : {}) })
    this.stack.push({ style: placed.candidate.style, value: placed.candidate.value, prefix: placed.candidate.prefix, draft: index, heading: block.kind === 'heading', label: marker.label })
    this.afterBreak = false
    this.numbered++
    return true
  }

  /**
   * Where a marker fits: the deepest open list it continues, else a new list (nested under the
   * open clause, or at the top after a heading), else a restart of an open list at its first
   * value. `given` markers (Word's own numbering) are clauses even when they fit nowhere.
   */
  private place(m: Marker, given: boolean, block: Block): Placement | null {
    const weak = !m.strongStart && !given
    if (weak && m.keyword) return null // "Section 3 shall survive…": a cross-reference
    for (let d = this.stack.length - 1; d >= 0; d--) {
      const level = this.stack[d]!
      for (const c of m.candidates) {
        const step = successorStep(level, c)
        if (step === 0 || (weak && c.style.includes('decimal') && step !== 1)) continue
        if (step > 1) this.warnings.push(`numbering skips from ${shown(level)} to ${m.label} (paragraph ${block.paragraph})`)
        return { depth: d, candidate: c }
      }
    }
    for (let d = this.suspended.length - 1; d >= 0; d--) {
      const c = m.candidates.find((x) => successorStep(this.suspended[d]!, x) === 1)
      if (c) return { depth: d, candidate: c, resumed: this.suspended }
    }
    if (weak && m.candidates.every((c) => c.style.includes('decimal'))) return null
    for (const c of m.candidates) {
      if (!isFirstValue(c) || this.stack.some((l) => l.style === c.style)) continue
      if (c.prefix.length > 0 && !this.prefixFits(c)) continue
      return this.afterBreak ? { depth: 0, candidate: c, suspends: true } : { depth: this.stack.length, candidate: c }
    }
    for (const c of m.candidates) {
      const d = this.stack.findIndex((l) => l.style === c.style)
      if (d === -1 || !isFirstValue(c) || !m.strongStart || c.prefix.some((p) => p > 1)) continue
      this.warnings.push(`numbering restarts at ${m.label} after ${shown(this.stack[d]!)} (paragraph ${block.paragraph})`)
      return { depth: d, candidate: c }
    }
    // An excerpt may start anywhere ("5. Notices" first): the first number of a document opens its list.
    if (this.numbered === 0 && this.stack.length === 0 && m.strongStart && m.candidates[0]!.prefix.length === 0 && m.candidates[0]!.value <= 50) return { depth: 0, candidate: m.candidates[0]! }
    if (given) {
      // Nothing fits: the format's own level decides, counted below the headings a list sits
      // under ("3." of a list in "## 2. Services" is a child of 2, whatever its number).
      const under = block.kind === 'list-item' ? this.stack.filter((l) => l.heading).length : 0
      const depth = Math.min(Math.max(under + (block.level ?? 1) - 1, 0), this.stack.length)
      return { depth, candidate: m.candidates[0]! }
    }
    return null
  }

  /** "2.1" may open a list under "2." (or where no one-part number is open), not under "5.". */
  private prefixFits(c: MarkerCandidate): boolean {
    const wrap = c.style.replace(/decimal\d+$/, '')
    const parentStyle = `${wrap}decimal${c.prefix.length}`
    const parent = [...this.stack].reverse().find((l) => l.style === parentStyle)
    // No "2." open: "Section 2.01" may open under "Article II", whatever the style of the level above.
    if (!parent) return c.prefix.every((p) => p <= 1) || this.stack.length === 0 || this.afterBreak || c.prefix[0] === this.stack[this.stack.length - 1]!.value
    return sameParts([...parent.prefix, parent.value], c.prefix)
  }

  private startsPart(block: Block, text: string): boolean {
    const m = PART_START.exec(text)
    if (!m) return false
    const words = text.split(/\s+/).length
    const alone = block.kind === 'heading' || m[1] === m[1]!.toUpperCase() || (words <= 8 && !/[.;,]$/.test(text))
    if (!alone || words > 14) return false
    this.flushPending()
    this.signatures = false
    this.stack = []
    this.afterBreak = true
    const name = [m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase(), m[2]].filter(Boolean).join(' ')
    const index = this.open({ kind: 'part', heading: stripEnd(text), paras: [], level: 1, parent: -1, ...where(block) })
    this.part = { name, draft: index }
    return true
  }

  /** A heading: marked so by the format, or a short line in capitals or Title Case that ends no sentence. */
  private isHeading(block: Block, text: string): boolean {
    if (block.kind === 'heading') return true
    if (block.kind !== 'paragraph' || text.length > 100) return false
    if (/[,;]$/.test(text) || /[.!?]\s/.test(text)) return false
    // Title Case alone is weaker evidence than capitals: names and addresses are Title Case too ("51 Franklin Street, Boston").
    // A sentence in capitals ("THE ENTIRE RISK … IS WITH YOU.") is emphasis, not a heading.
    const words = text.split(/\s+/).length
    if (isAllCaps(text)) return words <= 12 && (!text.endsWith('.') || words <= 4)
    return isTitleCase(stripEnd(text)) && !/[.:]$/.test(text) && !/[\d,]/.test(text)
  }

  /** Nothing but the opening text so far: no clause, heading or part opened. */
  private inPreamble(): boolean {
    return this.drafts.every((d) => d.kind === 'preamble')
  }

  /** The definitions clause the current paragraph is in, or -1. */
  private definitionsClause(): number {
    const cur = this.drafts[this.current]
    if (!cur) return -1
    if (cur.kind === 'definition') return cur.parent
    return (cur.kind === 'numbered' || cur.kind === 'heading') && DEFINITIONS_HEADING.test(cur.heading) ? this.current : -1
  }

  private flushPending(): void {
    if (!this.pending) return
    this.openHeadingClause()
  }

  /** The pending heading opens a clause of its own (unnumbered: "Preamble", "Definitions", "TERMINATION"). */
  private openHeadingClause(): void {
    const block = this.pending!
    this.pending = null
    const top = this.part ? 2 : 1
    const level = Math.max(top, block.kind === 'heading' && block.level !== undefined ? Math.min(block.level, this.stack.length + 1) : top)
    const parentDepth = level - top - 1
    const parent = parentDepth >= 0 && this.stack[parentDepth] ? this.stack[parentDepth].draft : (this.part?.draft ?? -1)
    this.open({ kind: 'heading', heading: stripEnd(block.text), paras: [], level, parent, ...where(block) })
  }

  private append(block: Block, text: string): void {
    if (this.pending) this.openHeadingClause()
    if (this.current === -1) this.open({ kind: 'preamble', heading: 'Preamble', paras: [], level: 1, parent: -1, ...where(block) })
    this.drafts[this.current]!.paras.push(text)
  }

  private open(d: Draft): number {
    this.drafts.push(d)
    this.current = this.drafts.length - 1
    return this.current
  }

  /** A document with no numbering at all (a memo, a letter): each paragraph is a clause. */
  private paragraphsAsClauses(): void {
    const drafts = this.drafts.splice(0)
    for (const d of drafts) {
      if (d.kind !== 'preamble') {
        this.drafts.push(d)
        continue
      }
      d.paras.forEach((p, i) => this.drafts.push({ kind: 'paragraph', heading: '', paras: [p], level: 1, parent: -1, ...(d.page === undefined ? {} : { page: d.page }), paragraph: d.paragraph + i }))
    }
    if (this.drafts.length > 1) this.warnings.push('no numbered clauses found: each paragraph is compared as a clause')
  }

  private finish(): SegmentedClause[] {
    const raw = this.drafts.map((d) => {
      // A heading with no text of its own ("1. Definitions." before its terms) compares by its heading.
      // Tabs and runs of spaces are layout (table cells, a tab after a number, justified PDF
      // lines), not wording: one space, so a DOCX and the PDF printed from it compare equal.
      const text = (d.paras.length > 0 ? d.paras.join('\n\n') : d.heading || d.label || '').replace(/[ \t]+/g, ' ')
      return { ...(d.label === undefined ? {} : { label: d.label }), heading: d.heading, text, level: d.level, page: d.page, paragraph: d.paragraph, parentIndex: d.parent }
    })
    const withIds = assignClauseIds(raw)
    return withIds.map((c) => ({
      id: c.id,
      idDerived: true as const,
      ...(c.label === undefined ? {} : { label: c.label }),
      heading: c.heading,
      text: c.text,
      level: c.level,
      parent: c.parentIndex === -1 ? null : withIds[c.parentIndex]!.id,
      ...(c.page === undefined ? {} : { page: c.page }),
      paragraph: c.paragraph
    }))
  }
}

function where(b: Block): { page?: number; paragraph: number } {
  return b.page === undefined ? { paragraph: b.paragraph } : { page: b.page, paragraph: b.paragraph }
}

/** How far `c` moves on from `level` in the same list: 1 for the next value, up to 1 + MAX_SKIP; 0 when it does not continue it. */
function successorStep(level: Level, c: MarkerCandidate): number {
  if (c.style !== level.style) return 0
  if (sameParts(c.prefix, level.prefix)) {
    const step = c.value - level.value
    return step >= 1 && step <= 1 + MAX_SKIP ? step : 0
  }
  // "2.1" after "1.4": the section above moved on and this list starts again.
  const n = c.prefix.length
  if (n === 0 || !isFirstValue(c) || !sameParts(c.prefix.slice(0, -1), level.prefix.slice(0, -1))) return 0
  const step = c.prefix[n - 1]! - level.prefix[n - 1]!
  return step >= 1 && step <= 1 + MAX_SKIP ? step : 0
}

function sameParts(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function shown(l: Level): string {
  return l.label
}

/** Word numbering that reads as no list marker ("•", "1st", "Step 1"): a list of its own per level. */
function wordMarker(label: string, level: number | undefined): Marker {
  return { label, candidates: [{ style: `word:${label.replace(/\d+/g, '#')}:${level ?? 1}`, value: 1, prefix: [] }], rest: '', strongStart: true, keyword: false }
}

/**
 * A clause's opening words as its heading: all of `rest` when it is a short Title Case or
 * capitals phrase ("Definitions."), or its first sentence when that is one ("Grant of
 * Copyright License. Subject to…"). Otherwise no heading: the words are the clause's text.
 */
export function splitHeading(rest: string, block: Block): { heading: string; body: string } {
  if (rest === '') return { heading: '', body: '' }
  const whole = stripEnd(rest)
  if (!/[.!?;]\s/.test(rest) && whole.split(/\s+/).length <= 12 && (isTitleCase(whole) || isAllCaps(whole) || block.kind === 'heading')) return { heading: whole, body: '' }
  const stop = /^(.{2,90}?)[.:]\s+(?=[\p{Lu}"“(])/u.exec(rest)
  if (stop && !stop[1]!.includes('.') && stop[1]!.split(/\s+/).length <= 10 && (isTitleCase(stop[1]!) || isAllCaps(stop[1]!)) && /\p{L}{2}/u.test(stop[1]!)) {
    return { heading: stop[1]!.trim(), body: rest.slice(stop[0].length).trim() }
  }
  return { heading: '', body: rest }
}

function stripEnd(text: string): string {
  return text.replace(/[\s.:\u2013\u2014-]+$/, '').trim()
}

export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
}

export function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w))
  if (words.length === 0 || words.length > 14) return false
  if (!/^[\p{Lu}"“'‘(]/u.test(words[0]!)) return false
  return words.every((w, i) => {
    const bare = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
    return bare === '' || /^\p{Lu}/u.test(bare) || (i > 0 && SMALL_WORDS.has(bare.toLowerCase()))
  })
}
