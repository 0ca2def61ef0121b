import { describe, expect, it } from 'vitest'
import { tableNumber } from './chartTable'

describe('tableNumber', () => {
  it('groups digits and keeps at most two decimals, in the page language', () => {
    expect(tableNumber(1234.5678, 'en')).toBe('1,234.57')
    expect(tableNumber(1234.5, 'zh-CN')).toBe('1,234.5')
    expect(tableNumber(22, 'zh-CN')).toBe('22')
  })
})
