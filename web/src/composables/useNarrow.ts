import { onBeforeUnmount, ref, type Ref } from 'vue'

/** Below Element Plus' md breakpoint (992 px) the header's controls fold into a menu. */
export const NARROW_QUERY = '(max-width: 991.98px)'

/** True while the window is narrower than the `md` breakpoint; follows resizes and rotation. */
export function useNarrow(query = NARROW_QUERY): Ref<boolean> {
  const mql = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null
  const narrow = ref(mql?.matches ?? false)
  const update = (e: MediaQueryListEvent) => {
    narrow.value = e.matches
  }
  mql?.addEventListener('change', update)
  onBeforeUnmount(() => mql?.removeEventListener('change', update))
  return narrow
}
