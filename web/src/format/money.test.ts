import { describe, expect, it } from 'vitest'
import { formatCount, formatGoal, formatMoney, formatPercent, formatValue, moneyScale, scaled } from './money'

describe('formatMoney in Chinese', () => {
  it('writes amounts of 1亿 or more in 亿元 with up to two decimals', () => {
    expect(formatMoney(2719000000, 'zh-CN')).toBe('27.19亿元')
    expect(formatMoney(10000000000, 'zh-CN')).toBe('100亿元')
    expect(formatMoney(1987000000, 'zh-CN')).toBe('19.87亿元')
  })
  it('writes amounts between 1万 and 1亿 in 万元', () => {
    expect(formatMoney(306490000, 'zh-CN')).toBe('3.06亿元')
    expect(formatMoney(50000000, 'zh-CN')).toBe('5,000万元')
    expect(formatMoney(486570000 / 10, 'zh-CN')).toBe('4,865.7万元')
  })
  it('writes small amounts in 元 and keeps the sign', () => {
    expect(formatMoney(1234, 'zh-CN')).toBe('1,234元')
    expect(formatMoney(-2719000000, 'zh-CN')).toBe('-27.19亿元')
    expect(formatMoney(0, 'zh-CN')).toBe('0元')
  })
  it('shows a dash without a value', () => {
    expect(formatMoney(null, 'zh-CN')).toBe('—')
    expect(formatMoney(undefined, 'en')).toBe('—')
  })
})

describe('formatMoney in English', () => {
  it('writes billions and millions of yuan with the yuan sign', () => {
    expect(formatMoney(2719000000, 'en')).toBe('¥2.719 billion')
    expect(formatMoney(10000000000, 'en')).toBe('¥10 billion')
    expect(formatMoney(834000000, 'en')).toBe('¥834 million')
    expect(formatMoney(50000000, 'en')).toBe('¥50 million')
    expect(formatMoney(1234, 'en')).toBe('¥1,234')
  })
})

describe('formatValue and formatGoal', () => {
  it('formats counts as plain numbers and money in the plan units', () => {
    expect(formatValue(19, 'count', 'zh-CN')).toBe('19')
    expect(formatValue(1500000000, 'yuan', 'zh-CN')).toBe('15亿元')
  })
  it('turns the goal operator into a symbol and the value into the display unit', () => {
    expect(formatGoal({ text: '>= 100亿', value: 10000000000 }, 'yuan', 'zh-CN')).toBe('≥ 100亿元')
    expect(formatGoal({ text: '>= 100亿', value: 10000000000 }, 'yuan', 'en')).toBe('≥ ¥10 billion')
    expect(formatGoal({ text: '>= 15', value: 15 }, 'count', 'en')).toBe('≥ 15')
    expect(formatGoal({ text: '15', value: 15 }, 'count', 'en')).toBe('15')
    expect(formatGoal(null, 'count', 'en')).toBe('—')
  })
})

describe('formatCount and formatPercent', () => {
  it('groups digits and rounds percentages', () => {
    expect(formatCount(12345, 'en')).toBe('12,345')
    expect(formatPercent(0.834)).toBe('83%')
    expect(formatPercent(1.267, 1)).toBe('126.7%')
    expect(formatPercent(null)).toBe('—')
  })
})

describe('moneyScale', () => {
  it('chooses 亿元 or 万元 for a Chinese axis', () => {
    expect(moneyScale(10000000000, 'zh-CN')).toEqual({ divisor: 1e8, unit: '亿元' })
    expect(moneyScale(5000000, 'zh-CN')).toEqual({ divisor: 1e4, unit: '万元' })
    expect(moneyScale(10, 'zh-CN')).toEqual({ divisor: 1, unit: '元' })
  })
  it('chooses billion or million yuan for an English axis', () => {
    expect(moneyScale(10000000000, 'en')).toEqual({ divisor: 1e9, unit: 'billion yuan' })
    expect(moneyScale(500000000, 'en')).toEqual({ divisor: 1e6, unit: 'million yuan' })
  })
  it('scales values for chart data without float noise', () => {
    expect(scaled(2719000000, { divisor: 1e8, unit: '亿元' })).toBe(27.19)
  })
})
