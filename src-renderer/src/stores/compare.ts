// The comparison on screen: which two versions, with which options, the redline itself, and
// the reviewer's reading state (filter, layout, current change).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ClauseComparison, CompareOptions, Comparison } from '../../../src-main/api/contract'
import { api, errorMessage } from '../api'

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
    return changedOnly.value ? all.filter((c) => c.status !== 'unchanged') : all
  })
  /** Row indexes (into `rows`) of every clause that changed, in reading order. */
  const changes = computed(() => rows.value.flatMap((c, i) => (c.status === 'unchanged' ? [] : [i])))
  const currentRow = computed(() => (current.value >= 0 ? (changes.value[current.value] ?? -1) : -1))

  async function load(baseId: string, targetId: string, options: CompareOptions): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const result = await api.compare({ baseId, targetId, options })
      if (mine !== generation) return
      // Lets the benchmark tell the renderer's share of the time from the engine's and the IPC's.
      performance.mark('clausewise:comparison-received')
      comparison.value = result
      current.value = -1
    } catch (err) {
      if (mine !== generation) return
      comparison.value = null
      error.value = errorMessage(err)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** Moves to the next (+1) or previous (-1) change, wrapping at either end; returns its row. */
  function step(direction: 1 | -1): number {
    const n = changes.value.length
    if (n === 0) return -1
    current.value = current.value < 0 ? (direction === 1 ? 0 : n - 1) : (current.value + direction + n) % n
    return currentRow.value
  }

  /** Toggles the filter, staying on the same change when there is one. */
  function setChangedOnly(value: boolean): void {
    const clauseId = currentRow.value >= 0 ? rows.value[currentRow.value]?.clauseId : undefined
    changedOnly.value = value
    current.value = clauseId === undefined ? -1 : changes.value.findIndex((i) => rows.value[i]?.clauseId === clauseId)
  }

  return { comparison, error, loading, changedOnly, layout, current, selectedClauseId, panelTab, readerSourceId, panelWidth, rows, changes, currentRow, load, step, setChangedOnly }
})
