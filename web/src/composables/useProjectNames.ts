import { shallowRef, watch } from 'vue'
import { api } from '../api'
import type { I18nText } from '../api/client'
import { settings } from '../state'

// The names of the plan's projects by id (GET /projects), for lines that carry only project ids
// (a final target's missed projects). Fetched once per plan and sample switch when first asked
// for, and shared; a failed fetch leaves the ids showing and is retried by the next ask.
const names = shallowRef<Map<string, I18nText>>(new Map())
let loadedFor: string | null = null
let pending: Promise<void> | null = null
let pendingFor: string | null = null

const keyOf = () => `${settings.plan ?? ''}|${settings.sample}`

function load(): void {
  const key = keyOf()
  if (loadedFor === key || (pending && pendingFor === key)) return
  pendingFor = key
  const mine = api
    .projects({ limit: 500 })
    .then((list) => {
      if (keyOf() !== key) return
      names.value = new Map(list.items.map((p) => [p.id, p.name]))
      loadedFor = key
    })
    .catch(() => undefined)
    .finally(() => {
      if (pending === mine) pending = null
    })
  pending = mine
}

/**
 * A reactive id → name map (empty until the projects have arrived). `wanted` says whether the
 * caller needs names at all (the list is read only then), and again after a plan switch.
 */
export function useProjectNames(wanted: () => boolean) {
  watch(
    [wanted, () => settings.plan, () => settings.sample],
    ([w]) => {
      if (w) load()
    },
    { immediate: true },
  )
  return names
}
