// The comparison on screen: which two versions, with which options, the redline itself, the
// reviewer's reading state (filter, layout, current change, current pairing to check) and their
// pairing decisions ("Pair with…", "Unpair", "Automatic").
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ClauseComparison, CompareOptions, Comparison, PairingMode } from '../../../src-main/api/contract'
import { api, errorMessage } from '../api'
import { listChanges, type Change } from '../changes'
import { isChange } from '../format'
import { useWorkspaceStore } from './workspace'

export type Layout = 'side-by-side' | 'inline'

export const DEFAULT_OPTIONS: CompareOptions = { granularity: 'word', ignoreCase: false, ignorePunctuation: false, ignoreWhitespace: false }

export const useCompareStore = defineStore('compare', () => {
  const comparison = shallowRef<Comparison | null>(null)
  const error = ref<string | null>(null)
  const loading = ref(false)
  const changedOnly = ref(false)
  /** Runs of unchanged (or carried-over) clauses shown as one line each until opened. */
  const foldUnchanged = ref(false)
  const layout = ref<Layout>('side-by-side')
  /** The side panel (evidence, articles, changes) shown beside the redline, or collapsed to give it room. */
  const panelOpen = ref(true)
  /** Index into `changes` of the change the reviewer is on, or -1 before the first step. */
  const current = ref(-1)
  /** The clause whose evidence the side panel shows. */
  const selectedClauseId = ref<string | null>(null)
  const panelTab = ref<'changes' | 'evidence' | 'article'>('evidence')
  const readerSourceId = ref<string | null>(null)
  /** Width of the side panel in pixels, set with the splitter (the view draws it narrower on a small window). */
  const panelWidth = ref(440)
  let generation = 0

  const rows = computed<ClauseComparison[]>(() => {
    const all = comparison.value?.clauses ?? []
    return changedOnly.value ? all.filter(isChange) : all
  })
  /** Every change inside the rows, in reading order (a carried-over term is none). */
  const changes = computed<Change[]>(() => listChanges(rows.value))
  const currentChange = computed<Change | null>(() => changes.value[current.value] ?? null)
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
      const place = keepPlace ? whereAmI() : null
      comparison.value = result
      restore(place)
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

  function firstChangeOf(row: number): number {
    return row < 0 ? -1 : changes.value.findIndex((c) => c.row === row)
  }

  /** The clause the reviewer is on: one thing with the current change, and what the evidence panel shows. */
  function focus(row: number, change: number): void {
    focusRow.value = row
    current.value = change
    const clause = rows.value[row]
    if (clause) selectedClauseId.value = clause.clauseId
  }

  /** Moves to the next (+1) or previous (-1) change, wrapping at either end; returns its row. */
  function step(direction: 1 | -1): number {
    const list = changes.value
    const n = list.length
    if (n === 0) return -1
    let next: number
    // From a row reached otherwise (a pairing to check, a clause clicked), go on from where that row stands.
    if (current.value < 0 && focusRow.value >= 0) {
      const after = list.findIndex((c) => (direction === 1 ? c.row > focusRow.value : c.row >= focusRow.value))
      next = direction === 1 ? (after < 0 ? 0 : after) : after <= 0 ? n - 1 : after - 1
    } else next = current.value < 0 ? (direction === 1 ? 0 : n - 1) : (current.value + direction + n) % n
    focus(list[next]!.row, next)
    return focusRow.value
  }

  /** Goes to a change by its number (the change list, the overview); returns its row. */
  function goToChange(index: number): number {
    const change = changes.value[index]
    if (!change) return -1
    focus(change.row, index)
    return change.row
  }

  /** Makes a row the one the reviewer is on (a click, a Find match), on its first change when it has one. */
  function selectRow(row: number): void {
    if (row < 0 || row >= rows.value.length) return
    focus(row, focusRow.value === row && currentChange.value?.row === row ? current.value : firstChangeOf(row))
  }

  /** Moves to the next (+1) or previous (-1) pairing to check, wrapping; returns its row. */
  function stepReview(direction: 1 | -1): number {
    const list = reviews.value
    if (list.length === 0) return -1
    const from = focusRow.value
    const next = direction === 1 ? (list.find((i) => i > from) ?? list[0]!) : ([...list].reverse().find((i) => i < from) ?? list[list.length - 1]!)
    focus(next, firstChangeOf(next))
    return next
  }

  /** Toggles the filter, staying on the same row when there is one. */
  function setChangedOnly(value: boolean): void {
    const place = whereAmI()
    changedOnly.value = value
    restore(place)
  }

  /** The reviewer's place: the clause, and the change inside it (which the rows' indexes do not survive). */
  interface Place {
    clauseId: string
    where: Change['where'] | null
    hunk: number
  }
  function whereAmI(): Place | null {
    const clauseId = focusRow.value >= 0 ? rows.value[focusRow.value]?.clauseId : undefined
    if (clauseId === undefined) return null
    const c = currentChange.value
    return { clauseId, where: c && c.row === focusRow.value ? c.where : null, hunk: c?.hunk ?? 0 }
  }
  /** Back to the same clause and the same change in it, after the rows were read again or filtered. */
  function restore(place: Place | null): void {
    focusRow.value = place ? rows.value.findIndex((r) => r.clauseId === place.clauseId) : -1
    const same = place?.where ? changes.value.findIndex((c) => c.row === focusRow.value && c.where === place.where && c.hunk === place.hunk) : -1
    current.value = same >= 0 ? same : firstChangeOf(focusRow.value)
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

  return {
    forgetStalePairings,
    comparison,
    error,
    loading,
    changedOnly,
    foldUnchanged,
    layout,
    current,
    currentChange,
    selectedClauseId,
    panelTab,
    panelOpen,
    readerSourceId,
    panelWidth,
    rows,
    changes,
    reviews,
    currentRow,
    load,
    reload,
    step,
    goToChange,
    selectRow,
    stepReview,
    setChangedOnly,
    setPairing
  }
})
