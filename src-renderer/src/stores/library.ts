// The reference library in the renderer: the index (sources, versions, load problems) and a
// cache of opened sources and versions. The bundled case never changes while the app runs; a
// matter's does (imports, corrected details and clauses, undo), and the matter store reloads it.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { LibraryIndex, Source, Version } from '../../../src-main/api/contract'
import { api, errorMessage } from '../api'

export const useLibraryStore = defineStore('library', () => {
  const index = shallowRef<LibraryIndex | null>(null)
  const error = ref<string | null>(null)
  const loading = ref(false)
  const sourceCache = new Map<string, Promise<Source>>()
  const versionCache = new Map<string, Promise<Version>>()

  const versions = computed(() => index.value?.versions ?? [])
  const sources = computed(() => index.value?.sources ?? [])
  const problems = computed(() => index.value?.problems ?? [])

  let generation = 0

  async function fetchIndex(): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const answer = await api.getLibrary()
      if (mine === generation) index.value = answer
    } catch (err) {
      if (mine === generation) error.value = errorMessage(err)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  async function load(): Promise<void> {
    if (index.value || loading.value) return
    await fetchIndex()
  }

  /** Forgets the index and every cached document, then loads the index again (a later answer wins). */
  async function reload(): Promise<void> {
    sourceCache.clear()
    versionCache.clear()
    await fetchIndex()
  }

  /** Cached per id; a failed load is forgotten so that a retry asks again. */
  function cached<T>(cache: Map<string, Promise<T>>, id: string, fetch: (id: string) => Promise<T>): Promise<T> {
    let pending = cache.get(id)
    if (!pending) {
      pending = fetch(id)
      cache.set(id, pending)
      pending.catch(() => cache.delete(id))
    }
    return pending
  }

  const source = (id: string): Promise<Source> => cached(sourceCache, id, api.getSource)
  const version = (id: string): Promise<Version> => cached(versionCache, id, api.getVersion)

  return { index, error, loading, versions, sources, problems, load, reload, source, version }
})
