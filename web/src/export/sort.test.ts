import { describe, expect, it } from 'vitest'
import { byRaw, compareRaw } from './sort'

describe('sorting on raw values', () => {
  it('orders amounts by value, not by their formatted text', () => {
    const rows = [{ v: 95000000 }, { v: 105000000 }, { v: null }, { v: 2000 }]
    expect([...rows].sort(byRaw((r) => r.v)).map((r) => r.v)).toEqual([2000, 95000000, 105000000, null])
  })
  it('puts missing values last and compares names the Chinese way', () => {
    expect(compareRaw(null, 1)).toBeGreaterThan(0)
    expect(compareRaw('b', 'a')).toBeGreaterThan(0)
    expect(compareRaw(true, false)).toBeGreaterThan(0)
  })
})
