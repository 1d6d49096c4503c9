// The open workspace as the reviewer sees it: its name, whether a change is being saved,
// notices from opening it (recovery, migration, read-only) or from reloading it after another
// program changed it, and undo/redo.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { HistoryState, WorkspaceStatus } from '../../../src-main/api/contract'
import { api, errorMessage } from '../api'

export const useWorkspaceStore = defineStore('workspace', () => {
  const status = shallowRef<WorkspaceStatus | null>(null)
  const history = shallowRef<HistoryState>({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null })
  const pending = ref(0)
  const error = ref<string | null>(null)
  /** Why the last undo or redo was refused (shown under the top bar until dismissed or the next one works). */
  const historyError = ref<string | null>(null)
  /** Notices the reviewer dismissed; a later notice (another reload) shows again. */
  const dismissed = shallowRef<ReadonlySet<string>>(new Set())

  const saving = computed(() => pending.value > 0)
  const name = computed(() => status.value?.name ?? null)
  const notices = computed(() => (status.value?.notices ?? []).filter((n) => !dismissed.value.has(n)))

  function dismiss(): void {
    dismissed.value = new Set([...dismissed.value, ...notices.value])
  }

  async function load(): Promise<void> {
    try {
      status.value = await api.getWorkspaceStatus()
      history.value = await api.getHistory()
    } catch (err) {
      error.value = errorMessage(err)
    }
  }

  /**
   * Asks main for the workspace's status again (main reloads the file if another program
   * changed it). True when there are new notices: the caller then reloads what it shows.
   */
  async function refresh(): Promise<boolean> {
    const before = JSON.stringify(status.value?.notices ?? [])
    try {
      status.value = await api.getWorkspaceStatus()
    } catch (err) {
      error.value = errorMessage(err)
      return false
    }
    return JSON.stringify(status.value.notices) !== before
  }

  /** Runs a change that main saves before answering; the title says "saving" meanwhile. */
  async function track<T>(change: Promise<T>): Promise<T> {
    pending.value++
    try {
      return await change
    } finally {
      pending.value--
      history.value = await api.getHistory().catch(() => history.value)
      // A save may have merged another program's changes: their notice shows now.
      await refresh()
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

  return { status, history, saving, name, notices, error, historyError, dismiss, load, refresh, track, undo, redo }
})
