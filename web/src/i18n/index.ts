import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export type AppLocale = 'zh-CN' | 'en'
export const LOCALES: AppLocale[] = ['zh-CN', 'en']
const STORAGE_KEY = 'atlas.locale'

/** The address's ?lang=en|zh-CN first (for shared links), then the saved choice, then Chinese. */
function initialLocale(): AppLocale {
  const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('lang')
  if (fromUrl === 'en' || fromUrl === 'zh-CN') return fromUrl
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'zh-CN') return saved
  } catch {
    // storage may be unavailable (private mode); fall back to Chinese
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

/** Switches the language of the whole app (Element Plus follows through App.vue). */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // not persisted; the switch still applies to this visit
  }
}
