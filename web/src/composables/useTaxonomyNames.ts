import { shallowRef } from 'vue'
import { api } from '../api'
import type { I18nText, TaxonomyNode } from '../api/client'

// The names of the product taxonomy's nodes by code, for pages whose records carry only class
// codes (a project's products). Fetched once per visit and shared; a failed fetch leaves the codes
// showing and is retried by the next page that asks.
const names = shallowRef<Map<string, I18nText>>(new Map())
let pending: Promise<void> | null = null

function index(nodes: TaxonomyNode[], into: Map<string, I18nText>): Map<string, I18nText> {
  for (const n of nodes) {
    into.set(n.code, n.name)
    index(n.children, into)
  }
  return into
}

/** A reactive code → name map (empty until the taxonomy has arrived). */
export function useTaxonomyNames() {
  if (!names.value.size && !pending) {
    pending = api
      .taxonomy()
      .then((t) => {
        names.value = index(t.categories, new Map())
      })
      .catch(() => undefined)
      .finally(() => {
        pending = null
      })
  }
  return names
}
