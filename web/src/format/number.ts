// Number formatting with Intl.NumberFormat, one formatter per language and precision, made once:
// creating an Intl.NumberFormat costs far more than using one, and a page formats hundreds of
// numbers (a target card alone several). Used by money.ts and units.ts.

const formatters = new Map<string, Intl.NumberFormat>()

/** `value` with digit grouping in the language's style, between minDigits and maxDigits decimals. */
export function formatNumber(value: number, locale: string, maxDigits: number, minDigits = 0): string {
  const tag = locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US'
  const key = `${tag}|${maxDigits}|${minDigits}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.NumberFormat(tag, { maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits })
    formatters.set(key, f)
  }
  return f.format(value)
}
