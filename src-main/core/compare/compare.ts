// Compares two versions clause by clause: pairing (ids, then content, under a reviewer's links),
// moves, a redline per row, and the summary a reviewer reads first.
import { ClausewiseError } from '../errors'
import { evidenceVersionId } from '../evidence/rules'
import type { Clause, Version } from '../models/types'
import { pairClauses, type ManualLink, type Pairing } from './pair'
import { redlineText } from './redline'
import { countWords } from './tokenize'
import {
  DEFAULT_COMPARE_OPTIONS,
  type ClauseComparison,
  type ClauseSide,
  type ClauseStatus,
  type CompareOptions,
  type Comparison,
  type ComparisonSummary,
  type PairMatch,
  type Part,
  type RowClause
} from './types'

/**
 * A reviewer's link between clauses of the two versions, by clause id: one base clause to one or
 * more target clauses or the reverse; one side empty keeps the named clauses unpaired.
 */
export interface ClauseLink {
  base: readonly string[]
  target: readonly string[]
}

/** Joins the clauses of a split or merged side: the redline and its invariant work on this text. */
export const JOIN = '\n\n'

export function compareVersions(base: Version, target: Version, options: CompareOptions = DEFAULT_COMPARE_OPTIONS, links: readonly ClauseLink[] = []): Comparison {
  if (base.id === target.id) {
    throw new ClausewiseError({ code: 'invalid-argument', message: `base and target are the same version ("${base.id}"): choose two different versions` })
  }
  const notices: string[] = []
  const stale = { count: 0 }
  const manual = resolveLinks(base, target, links, notices, stale)
  const pairings = pairClauses(base.clauses.map(pairInput), target.clauses.map(pairInput), {
    // Only ids the models gave decide pairs: a derived id is a hash of the text, and identical
    // text is the content passes' business (they say so in the row's reason).
    ids: { base: base.clauses.map(modelId), target: target.clauses.map(modelId) },
    manual
  })
  const clauses = pairings.map((p) => row(base, target, p, options))
  return { base: ref(base), target: ref(target), options: { ...options }, summary: summarize(clauses), clauses, notices, stalePairings: stale.count }
}

function row(base: Version, target: Version, p: Pairing, options: CompareOptions): ClauseComparison {
  const baseClauses = p.base.map((i) => rowClause(base.clauses[i]!, i))
  const targetClauses = p.target.map((i) => rowClause(target.clauses[i]!, i))
  const b = joined(baseClauses)
  const t = joined(targetClauses)
  const parts = redlineText(b?.text ?? '', t?.text ?? '', options)
  const headingParts = redlineText(b?.heading ?? '', t?.heading ?? '', options)
  const edited = hasChange(parts) || hasChange(headingParts)
  const clauseId = (targetClauses[0] ?? baseClauses[0])!.id
  const evidenceVersion = evidenceVersionId(base.id, target.id, t !== null)
  return {
    key: `${evidenceVersion}:${clauseId}`,
    clauseId,
    heading: rowHeading(baseClauses, targetClauses, b, t, clauseId),
    evidenceVersionId: evidenceVersion,
    status: statusOf(p, edited, targetClauses),
    edited,
    moved: p.moved,
    renumbered: p.renumbered,
    match: matchOf(p, baseClauses, targetClauses),
    baseClauses,
    targetClauses,
    base: b,
    target: t,
    parts,
    headingParts,
    wordsInserted: wordsIn(parts, 'insert'),
    wordsDeleted: wordsIn(parts, 'delete'),
    ended: p.kind === 'removed' ? (target.removed?.find((r) => r.id === baseClauses[0]?.id) ?? null) : null
  }
}

function statusOf(p: Pairing, edited: boolean, target: readonly RowClause[]): ClauseStatus {
  switch (p.kind) {
    case 'added':
    case 'removed':
    case 'split':
    case 'merged':
      return p.kind
    case 'one-to-one':
      return p.moved ? 'moved' : edited ? 'modified' : target[0]?.carriedFrom ? 'carried-over' : 'unchanged'
  }
}

/**
 * The row's name: a split is named by the one clause that was split, a merge by the one it became
 * (its pieces show their own headings); otherwise as {@link displayHeading}.
 */
function rowHeading(base: readonly RowClause[], target: readonly RowClause[], b: ClauseSide | null, t: ClauseSide | null, clauseId: string): string {
  // Never the hash of an id-less clause: its printed number, else its place.
  const first = (target[0] ?? base[0])!
  const fallback = first.label ? `Clause ${first.label}` : /^c-[0-9a-f]{12}(-\d+)?$/.test(clauseId) ? `Clause ${first.index + 1}` : clauseId
  if (target.length > 1 && base[0]?.heading) return base[0].heading
  if (base.length > 1 && target[0]?.heading) return target[0].heading
  return displayHeading(b, t, fallback)
}

/** A clause's heading as every view shows it; an empty heading falls back to the other side, then the label or id. */
export function displayHeading(base: Pick<ClauseSide, 'heading'> | null, target: Pick<ClauseSide, 'heading'> | null, fallback: string): string {
  return target?.heading || base?.heading || fallback
}

function pairInput(c: Clause): { key: string; label?: string; heading: string; text: string } {
  return c.label === undefined ? { key: c.id, heading: c.heading, text: c.text } : { key: c.id, label: c.label, heading: c.heading, text: c.text }
}

function modelId(c: Clause): string | undefined {
  return c.idDerived ? undefined : c.id
}

function rowClause(c: Clause, index: number): RowClause {
  return { id: c.id, label: c.label ?? null, heading: c.heading, text: c.text, index, carriedFrom: c.carriedFrom ?? null }
}

/** The side as one text: several clauses joined in order, headings joined with " / " (empty ones left out). */
function joined(clauses: readonly RowClause[]): ClauseSide | null {
  if (clauses.length === 0) return null
  if (clauses.length === 1) return { heading: clauses[0]!.heading, text: clauses[0]!.text, index: clauses[0]!.index }
  return {
    heading: [...new Set(clauses.map((c) => c.heading).filter((h) => h !== ''))].join(' / '),
    text: clauses.map((c) => c.text).join(JOIN),
    index: clauses[0]!.index
  }
}

function matchOf(p: Pairing, base: readonly RowClause[], target: readonly RowClause[]): PairMatch | null {
  if (p.by === null || p.how === null) return null
  return { by: p.by, how: p.how, confidence: p.confidence, similarity: p.similarity, review: p.review, reason: reason(p, base, target) }
}

/** Why a row's clauses were paired, as the row's tooltip and the CLI say it. */
export function reason(p: Pairing, base: readonly RowClause[], target: readonly RowClause[]): string {
  // The wording similarity itself, never the confidence (which a label or an order may lift).
  const score = p.similarity.toFixed(2)
  switch (p.how) {
    case 'manual':
      return p.base.length === 0 || p.target.length === 0 ? 'kept unpaired by a reviewer' : 'set by a reviewer'
    case 'id':
      return 'same clause id'
    case 'exact':
      return 'identical text'
    case 'folded':
      return 'same text apart from case, typography, spacing or numbering'
    case 'label': {
      const label = base[0]?.label ?? target[0]?.label
      return `same number ${label ?? ''} and similar wording ${score}`.replace('  ', ' ')
    }
    case 'similarity':
      return `similar wording ${score}`
    case 'position':
      return `stands where it stood between the same clauses; little shared wording (${score})`
    case 'split':
      return `split: the ${target.length} clauses together match this one (${score})`
    case 'merge':
      return `merged: these ${base.length} clauses together match this one (${score})`
    case null:
      return ''
  }
}

/**
 * A reviewer's links by clause id, turned into index links; a link naming a clause either version
 * no longer has, or a clause an earlier link already took, is not applied and is reported.
 */
function resolveLinks(base: Version, target: Version, links: readonly ClauseLink[], notices: string[], stale: { count: number }): ManualLink[] {
  const baseIndex = new Map(base.clauses.map((c, i) => [c.id, i]))
  const targetIndex = new Map(target.clauses.map((c, i) => [c.id, i]))
  const usedBase = new Set<number>()
  const usedTarget = new Set<number>()
  const out: ManualLink[] = []
  for (const link of links) {
    const name = describeLink(link)
    const missing = [
      ...link.base.filter((id) => !baseIndex.has(id)).map((id) => `"${id}" is not in ${base.id}`),
      ...link.target.filter((id) => !targetIndex.has(id)).map((id) => `"${id}" is not in ${target.id}`)
    ]
    if (missing.length > 0) {
      notices.push(`The saved pairing ${name} was not applied: clause ${missing.join(', clause ')} (the version changed since it was made).`)
      stale.count++
      continue
    }
    if ((link.base.length === 0 && link.target.length === 0) || (link.base.length > 1 && link.target.length > 1)) {
      notices.push(`The saved pairing ${name} was not applied: a link pairs one clause with one or more.`)
      continue
    }
    const b = link.base.map((id) => baseIndex.get(id)!)
    const t = link.target.map((id) => targetIndex.get(id)!)
    if (new Set(b).size !== b.length || new Set(t).size !== t.length || b.some((i) => usedBase.has(i)) || t.some((i) => usedTarget.has(i))) {
      notices.push(`The saved pairing ${name} was not applied: it names a clause another saved pairing already links.`)
      continue
    }
    for (const i of b) usedBase.add(i)
    for (const i of t) usedTarget.add(i)
    out.push({ base: b, target: t })
  }
  return out
}

function describeLink(link: ClauseLink): string {
  const side = (ids: readonly string[]): string => (ids.length === 0 ? '(none)' : ids.join(' + '))
  return `${side(link.base)} → ${side(link.target)}`
}

function ref(v: Version): Comparison['base'] {
  return { id: v.id, title: v.title, date: v.date }
}

function hasChange(parts: readonly Part[]): boolean {
  return parts.some((p) => p.op !== 'equal' && !p.ignored)
}

function wordsIn(parts: readonly Part[], op: 'insert' | 'delete'): number {
  let n = 0
  for (const p of parts) if (p.op === op && !p.ignored) n += countWords(p.text)
  return n
}

export function summarize(clauses: readonly ClauseComparison[]): ComparisonSummary {
  const s: ComparisonSummary = { unchanged: 0, carriedOver: 0, modified: 0, added: 0, removed: 0, moved: 0, split: 0, merged: 0, renumbered: 0, review: 0, wordsInserted: 0, wordsDeleted: 0 }
  for (const c of clauses) {
    if (c.status === 'carried-over') s.carriedOver++
    else s[c.status]++
    if (c.renumbered) s.renumbered++
    if (c.match?.review) s.review++
    s.wordsInserted += c.wordsInserted
    s.wordsDeleted += c.wordsDeleted
  }
  return s
}
