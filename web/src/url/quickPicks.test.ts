import { describe, expect, it } from 'vitest'
import { quickPickDate, quickPickShortcuts } from './quickPicks'

describe('quickPickDate', () => {
  it('picks the end of the last month, quarter and year', () => {
    const today = new Date(2026, 4, 17) // 2026-05-17
    expect(quickPickDate('monthEnd', today)).toBe('2026-04-30')
    expect(quickPickDate('quarterEnd', today)).toBe('2026-03-31')
    expect(quickPickDate('yearEnd', today)).toBe('2025-12-31')
  })
  it('crosses the year and knows leap Februaries', () => {
    expect(quickPickDate('monthEnd', new Date(2026, 0, 5))).toBe('2025-12-31')
    expect(quickPickDate('quarterEnd', new Date(2026, 1, 28))).toBe('2025-12-31')
    expect(quickPickDate('monthEnd', new Date(2024, 2, 1))).toBe('2024-02-29')
    expect(quickPickDate('monthEnd', new Date(2025, 2, 31))).toBe('2025-02-28')
  })
  it('on the first day of a quarter picks the quarter before, never today', () => {
    expect(quickPickDate('quarterEnd', new Date(2026, 6, 1))).toBe('2026-06-30')
    expect(quickPickDate('quarterEnd', new Date(2026, 11, 31))).toBe('2026-09-30')
  })
})

describe('quickPickShortcuts', () => {
  it('labels the three picks in order and gives local dates', () => {
    const shortcuts = quickPickShortcuts((p) => `label:${p}`, () => new Date(2026, 4, 17))
    expect(shortcuts.map((s) => s.text)).toEqual(['label:monthEnd', 'label:quarterEnd', 'label:yearEnd'])
    const d = shortcuts[1].value()
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2026, 2, 31])
  })
})
