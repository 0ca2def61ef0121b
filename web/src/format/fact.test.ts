import { describe, expect, it } from 'vitest'
import { factText, formatFactValue } from './fact'

describe('formatFactValue', () => {
  it('writes money in the plan units with its qualifier', () => {
    expect(formatFactValue({ value: 2719000000, unit: 'yuan', qualifier: 'about' }, 'zh-CN')).toBe('约27.19亿元')
    expect(formatFactValue({ value: 4000000000, unit: 'yuan', qualifier: 'over' }, 'zh-CN')).toBe('超40亿元')
    expect(formatFactValue({ value: 4000000000, unit: 'yuan', qualifier: 'over' }, 'en')).toBe('over ¥4 billion')
  })
  it('writes percentages, ranks, years, tonnes and counts', () => {
    expect(formatFactValue({ value: 68.35, unit: 'percent', qualifier: 'exact' }, 'zh-CN')).toBe('68.35%')
    expect(formatFactValue({ value: 12, unit: 'rank' }, 'zh-CN')).toBe('第12位')
    expect(formatFactValue({ value: 12, unit: 'rank' }, 'en')).toBe('No. 12')
    expect(formatFactValue({ value: 2016, unit: 'year' }, 'en')).toBe('2016')
    expect(formatFactValue({ value: 15000, unit: 't' }, 'zh-CN')).toBe('15,000吨')
    expect(formatFactValue({ value: 6300, unit: 'count', qualifier: 'about' }, 'en')).toBe('about 6,300')
  })
  it('keeps a value written as text', () => {
    expect(formatFactValue({ value: '1—2', unit: 'count' }, 'zh-CN')).toBe('1—2')
  })
})

describe('factText', () => {
  it('prefers the plan quote in Chinese and the note in English', () => {
    const f = { quote: '园区总产值不低于40亿元', note: 'park output at least 4 billion yuan' }
    expect(factText(f, 'zh-CN')).toBe('园区总产值不低于40亿元')
    expect(factText(f, 'en')).toBe('park output at least 4 billion yuan')
    expect(factText({ quote: '', note: 'only a note' }, 'zh-CN')).toBe('only a note')
  })
})
