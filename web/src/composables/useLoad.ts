import { onBeforeUnmount, ref, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue'
import { session, settings } from '../state'

export interface Load<T> {
  data: ShallowRef<T | null>
  error: ShallowRef<unknown>
  loading: Ref<boolean>
  reload: () => Promise<void>
}

/**
 * Runs `loader` now and again whenever the global switches (plan, as_of, sample), who is signed in
 * (what the server shows depends on it) or `deps` change; a newer run cancels an older one, so a
 * slow answer never overwrites a newer one.
 */
export function useLoad<T>(loader: (signal: AbortSignal) => Promise<T>, deps: WatchSource[] = []): Load<T> {
  const data = shallowRef<T | null>(null)
  const error = shallowRef<unknown>(null)
  const loading = ref(true)
  let controller: AbortController | null = null

  async function reload(): Promise<void> {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    loading.value = true
    error.value = null
    try {
      const value = await loader(mine.signal)
      if (mine.signal.aborted) return
      data.value = value
    } catch (e) {
      if (mine.signal.aborted) return
      error.value = e
      data.value = null
    } finally {
      if (controller === mine) loading.value = false
    }
  }

  watch([() => settings.plan, () => settings.asOf, () => settings.sample, () => session.epoch, ...deps], () => void reload(), { immediate: true })
  onBeforeUnmount(() => controller?.abort())
  return { data, error, loading, reload }
}
