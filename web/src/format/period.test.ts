import { describe, expect, it } from 'vitest'
import { formatPeriod, periodStart } from './period'

describe('formatPeriod', () => {
  it('writes a year-to-date period as months of the year', () => {
    expect(formatPeriod('2026-01~09', 'zh-CN')).toBe('2026年1—9月')
    expect(formatPeriod('2026-01~09', 'en')).toBe('2026 Jan–Sep')
    expect(formatPeriod('2026-03~03', 'en')).toBe('2026 Mar')
  })
  it('writes years, months and ranges of years', () => {
    expect(formatPeriod('2025', 'zh-CN')).toBe('2025年')
    expect(formatPeriod('2025', 'en')).toBe('2025')
    expect(formatPeriod('2021-03', 'zh-CN')).toBe('2021年3月')
    expect(formatPeriod('2021..2025', 'zh-CN')).toBe('2021—2025年')
    expect(formatPeriod('2021..2025', 'en')).toBe('2021–2025')
  })
  it('writes a range that ends on a day, as a cumulative count read at a date', () => {
    expect(formatPeriod('2021..2023-06-30', 'zh-CN')).toBe('2021年至2023年6月30日')
    expect(formatPeriod('2021..2023-06-30', 'en')).toBe('2021 – 2023-06-30')
    expect(formatPeriod('2023-06-30', 'zh-CN')).toBe('2023年6月30日')
  })
  it('leaves unknown shapes alone and shows a dash for none', () => {
    expect(formatPeriod('Q3 2025', 'en')).toBe('Q3 2025')
    expect(formatPeriod(null, 'en')).toBe('—')
  })
})

describe('periodStart', () => {
  it('reads dates of day, month and year precision as their first day', () => {
    expect(periodStart('2021-03-15')).toBe(Date.UTC(2021, 2, 15))
    expect(periodStart('2021-03')).toBe(Date.UTC(2021, 2, 1))
    expect(periodStart('2023')).toBe(Date.UTC(2023, 0, 1))
  })
  it('gives null for no date or an unreadable one', () => {
    expect(periodStart(null)).toBeNull()
    expect(periodStart('soon')).toBeNull()
  })
})
