// The reviewer's citations in the renderer: the re-anchored report from main, refreshed after
// every change, per-clause counts for the redline rows, the reviewer's name, and the flags where
// a clause's sources disagree (found before anyone cites; dismissed ones kept, to show again).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { CiteArgs, ClauseEvidence, EvidenceReport, FlaggedDisagreement, ResolvedCitation, Stance, Suggestion } from '../../../src-main/api/contract'
import { api, errorMessage } from '../api'
import { useWorkspaceStore } from './workspace'

export const STANCE_LABEL: Record<Stance, string> = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' }
/** A stance after "Cite as" or "Cited as". */
export const CITE_AS: Record<Stance, string> = { supports: 'supporting', contradicts: 'contradicting', context: 'context' }

export const useEvidenceStore = defineStore('evidence', () => {
  const workspace = useWorkspaceStore()
  const report = shallowRef<EvidenceReport>({ citations: [], clauses: [] })
  const error = ref<string | null>(null)
  const reviewerName = ref('')
  const loaded = ref(false)
  /** Every version's disagreement flags, dismissed ones included. */
  const flags = shallowRef<FlaggedDisagreement[]>([])

  const byClause = computed(() => new Map(report.value.clauses.map((e) => [`${e.versionId}/${e.clauseId}`, e])))

  function clauseEvidence(versionId: string, clauseId: string): ClauseEvidence | undefined {
    return byClause.value.get(`${versionId}/${clauseId}`)
  }

  function citationsFor(versionId: string, clauseId: string): ResolvedCitation[] {
    return report.value.citations.filter((c) => c.versionId === versionId && c.clauseId === clauseId)
  }

  function citationsInSource(sourceId: string): ResolvedCitation[] {
    return report.value.citations.filter((c) => c.sourceId === sourceId && !c.orphan)
  }

  async function refresh(): Promise<void> {
    try {
      report.value = await api.getEvidence()
      error.value = null
    } catch (err) {
      error.value = errorMessage(err)
    }
  }

  function flagsFor(versionId: string, clauseId: string): FlaggedDisagreement[] {
    return flags.value.filter((f) => f.versionId === versionId && f.clauseId === clauseId)
  }

  async function refreshFlags(): Promise<void> {
    try {
      flags.value = await api.getDisagreements()
    } catch (err) {
      error.value = errorMessage(err)
    }
  }

  /** Main answers the flags of the key's version: they replace that version's. */
  async function setDismissed(key: string, dismissed: boolean): Promise<void> {
    const versionId = key.split('/')[0]
    const answer = await workspace.track(dismissed ? api.dismissDisagreement(key) : api.restoreDisagreement(key))
    flags.value = [...flags.value.filter((f) => f.versionId !== versionId), ...answer]
  }

  async function load(): Promise<void> {
    if (loaded.value) return
    loaded.value = true
    await Promise.all([refresh(), refreshFlags()])
    try {
      reviewerName.value = (await api.getSettings()).reviewerName
    } catch (err) {
      error.value = errorMessage(err)
    }
  }

  /** Each change is saved by main first; the report is then re-read so anchors stay exact. */
  async function cite(args: CiteArgs): Promise<ResolvedCitation> {
    const created = await workspace.track(api.cite(args))
    await refresh()
    return created
  }

  async function update(id: string, changes: { stance?: Stance; note?: string }): Promise<void> {
    await workspace.track(api.updateCitation({ id, ...changes }))
    await refresh()
  }

  async function remove(id: string): Promise<void> {
    await workspace.track(api.deleteCitation(id))
    await refresh()
  }

  async function setReviewerName(name: string): Promise<void> {
    reviewerName.value = (await workspace.track(api.updateSettings({ reviewerName: name }))).reviewerName
  }

  function suggestions(versionId: string, clauseId: string): Promise<Suggestion[]> {
    return api.suggest({ versionId, clauseId, limit: 5 })
  }

  /** After undo, redo or a change to the matter: citations and settings may both have changed. */
  async function reload(): Promise<void> {
    await Promise.all([refresh(), refreshFlags()])
    try {
      reviewerName.value = (await api.getSettings()).reviewerName
    } catch (err) {
      error.value = errorMessage(err)
    }
  }

  return { report, error, reviewerName, flags, load, refresh, reload, clauseEvidence, citationsFor, citationsInSource, flagsFor, setDismissed, cite, update, remove, setReviewerName, suggestions }
})
