// Loads a value that depends on reactive inputs (a route id), exposing data, error and
// loading, and ignoring answers that arrive after the inputs changed again.
import { ref, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue'
import { errorMessage } from '../api'

export interface AsyncState<T> {
  data: ShallowRef<T | null>
  error: Ref<string | null>
  loading: Ref<boolean>
}

export function useAsync<T, K>(key: WatchSource<K>, load: (key: K) => Promise<T>): AsyncState<T> {
  const data = shallowRef<T | null>(null)
  const error = ref<string | null>(null)
  const loading = ref(false)
  let generation = 0
  watch(
    key,
    async (k) => {
      const mine = ++generation
      loading.value = true
      error.value = null
      try {
        const value = await load(k)
        if (mine === generation) data.value = value
      } catch (err) {
        if (mine === generation) {
          data.value = null
          error.value = errorMessage(err)
        }
      } finally {
        if (mine === generation) loading.value = false
      }
    },
    { immediate: true }
  )
  return { data, error, loading }
}
