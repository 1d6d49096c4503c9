// The open workspace as the reviewer sees it: its name, whether a change is being saved,
// notices from opening it (recovery, migration, read-only), and undo/redo.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { HistoryState, WorkspaceStatus } from '../../../src-main/api/contract'
import { api, errorMessage } from '../api'

export const useWorkspaceStore = defineStore('workspace', () => {
  const status = shallowRef<WorkspaceStatus | null>(null)
  const history = shallowRef<HistoryState>({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null })
  const pending = ref(0)
  const error = ref<string | null>(null)
  const dismissed = ref(false)

  const saving = computed(() => pending.value > 0)
  const name = computed(() => status.value?.name ?? null)
  const notices = computed(() => (dismissed.value ? [] : (status.value?.notices ?? [])))

  async function load(): Promise<void> {
    try {
      status.value = await api.getWorkspaceStatus()
      history.value = await api.getHistory()
    } catch (err) {
      error.value = errorMessage(err)
    }
  }

  /** Runs a change that main saves before answering; the title says "saving" meanwhile. */
  async function track<T>(change: Promise<T>): Promise<T> {
    pending.value++
    try {
      return await change
    } finally {
      pending.value--
      history.value = await api.getHistory().catch(() => history.value)
    }
  }

  async function undo(): Promise<boolean> {
    if (!history.value.canUndo) return false
    history.value = await track(api.undo())
    return true
  }

  async function redo(): Promise<boolean> {
    if (!history.value.canRedo) return false
    history.value = await track(api.redo())
    return true
  }

  return { status, history, saving, name, notices, error, dismissed, load, track, undo, redo }
})
