import { nextTick, ref, useTemplateRef } from 'vue'

/**
 * A tooltip made when first wanted (LazyTooltip.vue, SampleTag.vue): `active` turns true on the
 * first `activate()` (the pointer comes over the content, or the keyboard focuses it), the
 * template then puts Element Plus' tooltip (`ref="tooltip"`) in the content's place,
 * and it opens as it would have on that same pointer or focus.
 */
export function useLazyTooltip() {
  const active = ref(false)
  const tooltip = useTemplateRef<{ onOpen: () => void }>('tooltip')
  function activate(): void {
    if (active.value) return
    active.value = true
    void nextTick(() => tooltip.value?.onOpen())
  }
  return { active, activate }
}
