// One term across every version, oldest first: what each version says of it (or that it carries
// it over, or never had it), the redline from the stage before, and the evidence for each — the
// question a reviewer actually asks: "when did the licence stop being exclusive, and who says so?"
import type { ResolvedCitation } from '../evidence/service'
import { notFound } from '../errors'
import type { Basis, Version } from '../models/types'
import { redlineText } from './redline'
import { DEFAULT_COMPARE_OPTIONS, type Part } from './types'

/**
 * - stated: the version states the term itself;
 * - carried-over: it does not restate it, and the term continues as an earlier version states it;
 * - ended: a source says the term ended with this version or before;
 * - absent: the version has no such term (not yet agreed, or not reported).
 */
export type StageState = 'stated' | 'carried-over' | 'ended' | 'absent'

export interface ClauseStage {
  versionId: string
  title: string
  date: string
  state: StageState
  label: string | null
  heading: string
  text: string
  /** For a carried-over term: the version whose text this is. */
  carriedFrom: string | null
  basis: Basis[]
  /** Redline from the last earlier stage that had the term (empty text for its first stage); null when this stage has none. */
  parts: Part[] | null
  /** The version whose text the redline starts from; null for the first stage or when absent. */
  sinceVersionId: string | null
  /** This version's citations of the term. */
  citations: ResolvedCitation[]
}

export interface ClauseHistory {
  clauseId: string
  /** The latest heading the term has. */
  heading: string
  stages: ClauseStage[]
}

/** `versions` oldest first (as the library serves them, with effective terms). */
export function clauseHistory(clauseId: string, versions: readonly Version[], citations: readonly ResolvedCitation[]): ClauseHistory {
  if (!versions.some((v) => v.clauses.some((c) => c.id === clauseId))) throw notFound('clause', clauseId)
  const stages: ClauseStage[] = []
  let last: { versionId: string; text: string } | null = null
  for (const v of versions) {
    const clause = v.clauses.find((c) => c.id === clauseId)
    const cited = citations.filter((c) => c.versionId === v.id && c.clauseId === clauseId)
    if (!clause) {
      const ended = v.removed?.find((r) => r.id === clauseId)
      stages.push({ versionId: v.id, title: v.title, date: v.date, state: ended ? 'ended' : 'absent', label: null, heading: '', text: '', carriedFrom: null, basis: ended?.basis ?? [], parts: null, sinceVersionId: null, citations: cited })
      continue
    }
    const parts = redlineText(last?.text ?? '', clause.text, DEFAULT_COMPARE_OPTIONS)
    stages.push({
      versionId: v.id,
      title: v.title,
      date: v.date,
      state: clause.carriedFrom ? 'carried-over' : 'stated',
      label: clause.label ?? null,
      heading: clause.heading,
      text: clause.text,
      carriedFrom: clause.carriedFrom ?? null,
      basis: clause.basis ?? [],
      parts,
      sinceVersionId: last?.versionId ?? null,
      citations: cited
    })
    last = { versionId: v.id, text: clause.text }
  }
  const heading = [...stages].reverse().find((s) => s.heading !== '')?.heading ?? clauseId
  return { clauseId, heading, stages }
}
