// Citations as the reviewer sees them: created from a quote or a selection, re-anchored
// against each source's current text on every read, summarised per clause with the conflict
// flag. Nothing is dropped: a passage that cannot be found is returned as an orphan.
import { randomUUID } from 'node:crypto'
import { ClausewiseError, notFound } from '../errors'
import type { Library } from '../library'
import type { Source } from '../sources/types'
import { findFolded } from '../text/fold'
import type { Citation, Stance, WorkspaceData } from '../workspace/types'
import { anchorQuote, describeQuote } from './anchor'
import { isConflict } from './rules'
import { disagreementsOf, type Disagreement } from './disagree'
import { periodsOf } from './period'
import { SuggestionIndex, type Suggestion } from './suggest'

/** What the service needs of a workspace: the WorkspaceStore, or a read-only view of data. */
export interface WorkspaceAccess {
  read(): Promise<WorkspaceData>
  update<T>(change: (draft: WorkspaceData) => T): Promise<T>
}

/** A view of workspace data that refuses every change (for checks and previews). */
export function readOnlyWorkspace(data: WorkspaceData): WorkspaceAccess {
  return {
    read: () => Promise.resolve(data),
    update: () => Promise.reject(new ClausewiseError({ code: 'invalid-argument', message: 'this view of the workspace is read-only' }))
  }
}

export interface ResolvedCitation extends Citation {
  /** Where the quote is in the source's current text; null for an orphan. */
  start: number | null
  end: number | null
  orphan: boolean
  /** Re-anchored approximately: the source text changed around or inside the quote. */
  fuzzy: boolean
}

export interface ClauseEvidence {
  versionId: string
  clauseId: string
  supports: number
  contradicts: number
  context: number
  /** The clause has both supporting and contradicting citations. */
  conflict: boolean
}

export interface EvidenceReport {
  citations: ResolvedCitation[]
  clauses: ClauseEvidence[]
}

export interface NewCitation {
  versionId: string
  clauseId: string
  sourceId: string
  stance: Stance
  note?: string
  reviewer?: string
  /** Either the quote, found in the source through typography folding, or a selection. */
  quote?: string
  start?: number
  end?: number
}

export interface CitationChanges {
  stance?: Stance
  note?: string
  clauseId?: string
}

export class EvidenceService {
  /** Built for one sources array: a matter's library answers a new array after an import. */
  private suggestionIndex: { sources: readonly Source[]; index: SuggestionIndex } | undefined

  constructor(
    private readonly library: Library,
    private readonly store: WorkspaceAccess,
    private readonly now: () => Date = () => new Date()
  ) {}

  async report(filter: { versionId?: string } = {}): Promise<EvidenceReport> {
    const { citations } = await this.store.read()
    const chosen = citations.filter((c) => !filter.versionId || c.versionId === filter.versionId)
    const sources = new Map((await this.library.loadSources()).sources.map((s) => [s.id, s]))
    const resolved = chosen.map((c) => resolve(c, sources.get(c.sourceId)))
    return { citations: resolved, clauses: summarizeByClause(resolved) }
  }

  async cite(input: NewCitation): Promise<ResolvedCitation> {
    const version = await this.library.version(input.versionId)
    if (!version.clauses.some((c) => c.id === input.clauseId)) {
      throw new ClausewiseError({ code: 'not-found', message: `version "${version.id}" has no clause "${input.clauseId}"` })
    }
    const source = await this.library.source(input.sourceId)
    const { start, end } = locate(source, input)
    const { quote, position } = describeQuote(source.text, start, end)
    const reviewer = input.reviewer?.trim() || (await this.store.read()).settings.reviewerName
    const time = this.now().toISOString()
    const citation: Citation = {
      id: randomUUID(),
      created: time,
      modified: time,
      versionId: version.id,
      clauseId: input.clauseId,
      sourceId: source.id,
      stance: input.stance,
      note: input.note?.trim() ?? '',
      reviewer,
      quote,
      position
    }
    await this.store.update((ws) => ws.citations.push(citation))
    return resolve(citation, source)
  }

  async update(id: string, changes: CitationChanges): Promise<ResolvedCitation> {
    const current = (await this.store.read()).citations.find((c) => c.id === id)
    if (!current) throw notFound('citation', id)
    if (changes.clauseId !== undefined) {
      const version = await this.library.version(current.versionId)
      if (!version.clauses.some((c) => c.id === changes.clauseId)) {
        throw new ClausewiseError({ code: 'not-found', message: `version "${version.id}" has no clause "${changes.clauseId}"` })
      }
    }
    const updated = await this.store.update((ws) => {
      // Re-found on the data as saved now: another program may have deleted it meanwhile.
      const c = ws.citations.find((x) => x.id === id)
      if (!c) throw notFound('citation', id)
      if (changes.stance !== undefined) c.stance = changes.stance
      if (changes.note !== undefined) c.note = changes.note.trim()
      if (changes.clauseId !== undefined) c.clauseId = changes.clauseId
      c.modified = this.now().toISOString()
      return { ...c }
    })
    const source = (await this.library.loadSources()).sources.find((s) => s.id === updated.sourceId)
    return resolve(updated, source)
  }

  /** Ranked passages for a clause, leaving out sentences already cited for it. */
  async suggest(versionId: string, clauseId: string, limit = 5): Promise<Suggestion[]> {
    const version = await this.library.version(versionId)
    const clause = version.clauses.find((c) => c.id === clauseId)
    if (!clause) throw new ClausewiseError({ code: 'not-found', message: `version "${version.id}" has no clause "${clauseId}"` })
    const { index, sources: loaded } = await this.currentIndex()
    const { citations } = await this.report({ versionId })
    const sources = new Map(loaded.map((s) => [s.id, s]))
    const cited = new Set<string>()
    for (const c of citations) {
      if (c.clauseId !== clauseId || c.start === null) continue
      const sentence = sources.get(c.sourceId)?.sentences.find((s) => s.start <= c.start! && c.start! < s.end)
      if (sentence) cited.add(`${c.sourceId}:${sentence.start}`)
    }
    const period = periodsOf((await this.library.loadModels()).versions).get(version.id)
    return index.suggest(clause, limit, cited, period)
  }

  /**
   * Where the sources disagree about a term, before any citation: every clause of one version (or
   * of all), its strongest passages compared (disagree.ts).
   */
  async disagreements(versionId?: string): Promise<Disagreement[]> {
    const { versions } = await this.library.loadModels()
    const chosen = versionId === undefined ? versions : [await this.library.version(versionId)]
    const { index, sources: loaded } = await this.currentIndex()
    const sources = new Map(loaded.map((s) => [s.id, s]))
    const periods = periodsOf(versions)
    return chosen.flatMap((v) => v.clauses.flatMap((c) => disagreementsOf(v.id, c, sources, index, periods.get(v.id))))
  }

  /** The disagreements with whether a reviewer dismissed each. */
  async disagreementReport(versionId?: string): Promise<Array<Disagreement & { dismissed: boolean }>> {
    const [found, ws] = await Promise.all([this.disagreements(versionId), this.store.read()])
    const dismissed = new Set(ws.dismissed.map((d) => d.key))
    return found.map((d) => ({ ...d, dismissed: dismissed.has(d.key) }))
  }

  /** Sets a disagreement flag aside (saved; undoable through History). */
  async dismiss(key: string, reviewer = ''): Promise<void> {
    const [versionId] = key.split('/')
    if (!(await this.disagreements(versionId)).some((d) => d.key === key)) throw notFound('disagreement', key)
    await this.store.update((ws) => {
      if (ws.dismissed.some((d) => d.key === key)) return
      ws.dismissed.push({ id: randomUUID(), key, created: this.now().toISOString(), reviewer: reviewer || ws.settings.reviewerName })
    })
  }

  /** Shows a dismissed disagreement flag again. */
  async restore(key: string): Promise<void> {
    if (!(await this.store.read()).dismissed.some((d) => d.key === key)) throw notFound('dismissed disagreement', key)
    await this.store.update((ws) => {
      ws.dismissed = ws.dismissed.filter((d) => d.key !== key)
    })
  }

  /** The suggestion index over the sources as they are now: rebuilt when the library answers new sources (a matter's import). */
  private async currentIndex(): Promise<{ index: SuggestionIndex; sources: readonly Source[] }> {
    const loaded = (await this.library.loadSources()).sources
    if (this.suggestionIndex?.sources !== loaded) this.suggestionIndex = { sources: loaded, index: new SuggestionIndex(loaded) }
    return this.suggestionIndex
  }

  async remove(id: string): Promise<void> {
    if (!(await this.store.read()).citations.some((c) => c.id === id)) throw notFound('citation', id)
    await this.store.update((ws) => {
      ws.citations = ws.citations.filter((c) => c.id !== id)
    })
  }
}

/** The offsets of a new citation: a selection is checked; a quote must occur exactly once. */
function locate(source: Source, input: NewCitation): { start: number; end: number } {
  if (input.quote !== undefined) {
    const quote = input.quote.trim()
    if (quote.length === 0) throw new ClausewiseError({ code: 'invalid-argument', field: 'quote', message: 'the quote is empty' })
    const hits = findFolded(source.text, quote)
    if (hits.length === 0) {
      throw new ClausewiseError({ code: 'not-found', field: 'quote', message: `the quote is not in source "${source.id}": "${ellipsis(quote)}"` })
    }
    if (hits.length > 1) {
      throw new ClausewiseError({ code: 'invalid-argument', field: 'quote', message: `the quote occurs ${hits.length} times in source "${source.id}"; quote a longer passage` })
    }
    return { start: hits[0]!, end: hits[0]! + quote.length }
  }
  const { start, end } = input
  if (start === undefined || end === undefined || !(start >= 0 && end > start && end <= source.text.length)) {
    throw new ClausewiseError({ code: 'invalid-argument', message: `a citation needs a quote or a selection inside source "${source.id}" (0–${source.text.length})` })
  }
  if (source.text.slice(start, end).trim() === '') throw new ClausewiseError({ code: 'invalid-argument', message: 'the selection holds only whitespace' })
  return { start, end }
}

function resolve(c: Citation, source: Source | undefined): ResolvedCitation {
  const anchor = source ? anchorQuote(source.text, c.quote, c.position) : null
  return anchor
    ? { ...c, start: anchor.start, end: anchor.end, orphan: false, fuzzy: anchor.fuzzy }
    : { ...c, start: null, end: null, orphan: true, fuzzy: false }
}

export function summarizeByClause(citations: readonly ResolvedCitation[]): ClauseEvidence[] {
  const byKey = new Map<string, ClauseEvidence>()
  for (const c of citations) {
    const key = `${c.versionId}\u0000${c.clauseId}`
    let e = byKey.get(key)
    if (!e) {
      e = { versionId: c.versionId, clauseId: c.clauseId, supports: 0, contradicts: 0, context: 0, conflict: false }
      byKey.set(key, e)
    }
    e[c.stance]++
    e.conflict = isConflict(e)
  }
  return [...byKey.values()]
}

function ellipsis(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s
}
