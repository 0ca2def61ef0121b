import { describe, expect, it } from 'vitest'
import { formatNumber } from './number'

describe('formatNumber', () => {
  it('groups digits and rounds to the precision asked for, per language', () => {
    expect(formatNumber(1234567.891, 'zh-CN', 2)).toBe('1,234,567.89')
    expect(formatNumber(1234567.891, 'en', 0)).toBe('1,234,568')
    expect(formatNumber(2.5, 'en', 2, 2)).toBe('2.50')
  })
  it('keeps formatters of different precisions apart', () => {
    expect(formatNumber(1.23456, 'zh-CN', 3)).toBe('1.235')
    expect(formatNumber(1.23456, 'zh-CN', 1)).toBe('1.2')
    expect(formatNumber(1.23456, 'zh-CN', 3)).toBe('1.235')
  })
})
