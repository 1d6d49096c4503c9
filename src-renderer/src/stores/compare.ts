// The comparison on screen: which two versions, with which options, the redline itself, the
// reviewer's reading state (filter, layout, current change, current pairing to check) and their
// pairing decisions ("Pair with…", "Unpair", "Automatic").
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ClauseComparison, CompareOptions, Comparison, PairingMode } from '../../../src-main/api/contract'
import { api, errorMessage } from '../api'
import { isChange } from '../format'
import { useWorkspaceStore } from './workspace'

export type Layout = 'side-by-side' | 'inline'

export const DEFAULT_OPTIONS: CompareOptions = { granularity: 'word', ignoreCase: false, ignorePunctuation: false, ignoreWhitespace: false }

export const useCompareStore = defineStore('compare', () => {
  const comparison = shallowRef<Comparison | null>(null)
  const error = ref<string | null>(null)
  const loading = ref(false)
  const changedOnly = ref(false)
  const layout = ref<Layout>('side-by-side')
  /** Index into `changes` of the change the reviewer is on, or -1 before the first step. */
  const current = ref(-1)
  /** The clause whose evidence the side panel shows. */
  const selectedClauseId = ref<string | null>(null)
  const panelTab = ref<'evidence' | 'article'>('evidence')
  const readerSourceId = ref<string | null>(null)
  /** Width of the side panel in pixels, set with the splitter. */
  const panelWidth = ref(440)
  let generation = 0

  const rows = computed<ClauseComparison[]>(() => {
    const all = comparison.value?.clauses ?? []
    return changedOnly.value ? all.filter(isChange) : all
  })
  /** Row indexes (into `rows`) of every clause that changed, in reading order (a carried-over term did not). */
  const changes = computed(() => rows.value.flatMap((c, i) => (isChange(c) ? [i] : [])))
  /** Row indexes (into `rows`) of every pairing under the review threshold, in reading order. */
  const reviews = computed(() => rows.value.flatMap((c, i) => (c.match?.review ? [i] : [])))
  /** The row the reviewer is on: set by change navigation and by pairing-check navigation. */
  const focusRow = ref(-1)
  const currentRow = computed(() => focusRow.value)
  let last: { baseId: string; targetId: string; options: CompareOptions } | null = null

  async function load(baseId: string, targetId: string, options: CompareOptions, keepPlace = false): Promise<void> {
    const mine = ++generation
    last = { baseId, targetId, options: { ...options } }
    loading.value = true
    error.value = null
    try {
      const result = await api.compare({ baseId, targetId, options })
      if (mine !== generation) return
      // Lets the benchmark tell the renderer's share of the time from the engine's and the IPC's.
      performance.mark('clausewise:comparison-received')
      const onClause = keepPlace && focusRow.value >= 0 ? rows.value[focusRow.value]?.clauseId : undefined
      comparison.value = result
      focusRow.value = onClause === undefined ? -1 : rows.value.findIndex((r) => r.clauseId === onClause)
      current.value = changes.value.indexOf(focusRow.value)
    } catch (err) {
      if (mine !== generation) return
      comparison.value = null
      error.value = errorMessage(err)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** The comparison again (after an undo, a redo or a pairing decision), staying on the same clause. */
  async function reload(): Promise<void> {
    if (last) await load(last.baseId, last.targetId, last.options, true)
  }

  /** Moves to the next (+1) or previous (-1) change, wrapping at either end; returns its row. */
  function step(direction: 1 | -1): number {
    const n = changes.value.length
    if (n === 0) return -1
    // From a row reached otherwise (a pairing to check), go on from where that row stands.
    if (current.value < 0 && focusRow.value >= 0) {
      const after = changes.value.findIndex((i) => (direction === 1 ? i > focusRow.value : i >= focusRow.value))
      current.value = direction === 1 ? (after < 0 ? 0 : after) : after <= 0 ? n - 1 : after - 1
    } else current.value = current.value < 0 ? (direction === 1 ? 0 : n - 1) : (current.value + direction + n) % n
    focusRow.value = changes.value[current.value] ?? -1
    return focusRow.value
  }

  /** Moves to the next (+1) or previous (-1) pairing to check, wrapping; returns its row. */
  function stepReview(direction: 1 | -1): number {
    const list = reviews.value
    if (list.length === 0) return -1
    const from = focusRow.value
    const next = direction === 1 ? (list.find((i) => i > from) ?? list[0]!) : ([...list].reverse().find((i) => i < from) ?? list[list.length - 1]!)
    focusRow.value = next
    current.value = changes.value.indexOf(next)
    return next
  }

  /** Toggles the filter, staying on the same row when there is one. */
  function setChangedOnly(value: boolean): void {
    const clauseId = focusRow.value >= 0 ? rows.value[focusRow.value]?.clauseId : undefined
    changedOnly.value = value
    focusRow.value = clauseId === undefined ? -1 : rows.value.findIndex((r) => r.clauseId === clauseId)
    current.value = changes.value.indexOf(focusRow.value)
  }

  /** Saves a pairing decision (undoable like any change) and shows the comparison with it applied. */
  async function setPairing(base: string[], target: string[], mode: PairingMode): Promise<void> {
    const c = comparison.value
    if (!c) return
    await useWorkspaceStore().track(api.setPairing({ baseId: c.base.id, targetId: c.target.id, base, target, mode }))
    await reload()
  }

  /** Removes the saved pairings the comparison reported as stale (undoable); answers how many. */
  async function forgetStalePairings(): Promise<number> {
    const c = comparison.value
    if (!c) return 0
    const { removed } = await useWorkspaceStore().track(api.forgetStalePairings(c.base.id, c.target.id))
    await reload()
    return removed
  }

  return { forgetStalePairings, comparison, error, loading, changedOnly, layout, current, selectedClauseId, panelTab, readerSourceId, panelWidth, rows, changes, reviews, currentRow, load, reload, step, stepReview, setChangedOnly, setPairing }
})
