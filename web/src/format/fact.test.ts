import { describe, expect, it } from 'vitest'
import { factText, factWords, formatFactPeriod, formatFactValue, noteText } from './fact'

describe('formatFactValue', () => {
  it('writes money in the plan units with its qualifier', () => {
    expect(formatFactValue({ value: 2719000000, unit: 'yuan', qualifier: 'about' }, 'zh-CN')).toBe('约27.19亿元')
    expect(formatFactValue({ value: 4000000000, unit: 'yuan', qualifier: 'over' }, 'zh-CN')).toBe('超40亿元')
    expect(formatFactValue({ value: 4000000000, unit: 'yuan', qualifier: 'over' }, 'en')).toBe('over ¥4 billion')
  })
  it('writes percentages, ranks, years, tonnes and counts', () => {
    expect(formatFactValue({ value: 68.35, unit: 'percent', qualifier: 'exact' }, 'zh-CN')).toBe('68.35%')
    expect(formatFactValue({ value: 12, unit: 'rank' }, 'zh-CN')).toBe('第12位')
    // A unit the plan declares reads in its name and scale.
    const vehicle = { id: 'vehicle', measure: 'count' as const, name: { zh: '辆', en: 'vehicle | vehicles' }, scales: [{ factor: 10000, name: { zh: '万辆', en: '' } }], provenance: null }
    expect(formatFactValue({ value: 26000, unit: 'vehicle', qualifier: 'about' }, 'zh-CN', [vehicle])).toBe('约2.6万辆')
    expect(formatFactValue({ value: 26000, unit: 'vehicle' }, 'en', [vehicle])).toBe('26,000 vehicles')
    expect(formatFactValue({ value: 12, unit: 'rank' }, 'en')).toBe('No. 12')
    expect(formatFactValue({ value: 2016, unit: 'year' }, 'en')).toBe('2016')
    expect(formatFactValue({ value: 2016, unit: 'year' }, 'zh-CN')).toBe('2016年')
    expect(formatFactValue({ value: 15000, unit: 't' }, 'zh-CN')).toBe('15,000吨')
    expect(formatFactValue({ value: 6300, unit: 'count', qualifier: 'about' }, 'en')).toBe('about 6,300')
  })
  it('writes large Chinese counts in 万 as the plan does', () => {
    expect(formatFactValue({ value: 4500000, unit: 'count' }, 'zh-CN')).toBe('450万')
    expect(formatFactValue({ value: 57600, unit: 'count' }, 'zh-CN')).toBe('5.76万')
    expect(formatFactValue({ value: 1000000, unit: 'count', qualifier: 'about' }, 'zh-CN')).toBe('约100万')
    expect(formatFactValue({ value: 6300, unit: 'count' }, 'zh-CN')).toBe('6,300')
    expect(formatFactValue({ value: 4500000, unit: 'count' }, 'en')).toBe('4,500,000')
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

describe('formatFactPeriod', () => {
  it('leaves the period out when a year-valued fact is about that very year', () => {
    expect(formatFactPeriod({ period: '2016', value: 2016, unit: 'year' }, 'zh-CN')).toBe('')
    expect(formatFactPeriod({ period: '2016', value: 2016, unit: 'year' }, 'en')).toBe('')
  })
  it('writes the period of any other fact', () => {
    expect(formatFactPeriod({ period: '2023-01', value: 16, unit: 'count' }, 'zh-CN')).toBe('2023年1月')
    expect(formatFactPeriod({ period: '2023-01', value: 16, unit: 'count' }, 'en')).toBe('2023 Jan')
    expect(formatFactPeriod({ period: '2021', value: 2016, unit: 'year' }, 'zh-CN')).toBe('2021年')
  })
})

describe('factWords', () => {
  const both = { quote: '青禾零部件产业园自2016年启动建设以来', note: 'construction started in 2016' }
  it('shows the plan quote in Chinese and the note in English', () => {
    expect(factWords(both, 'zh-CN')).toEqual({ text: both.quote, foreign: null })
    expect(factWords(both, 'en')).toEqual({ text: both.note, foreign: null })
  })
  it('marks an English note on a Chinese page when there is no quote', () => {
    expect(factWords({ quote: '', note: 'automotive-parts enterprises brought in cumulatively' }, 'zh-CN')).toEqual({
      text: 'automotive-parts enterprises brought in cumulatively',
      foreign: 'en',
    })
  })
  it('marks the Chinese quote on an English page when there is no note', () => {
    expect(factWords({ quote: both.quote, note: '' }, 'en')).toEqual({ text: both.quote, foreign: 'zh' })
  })
  it('has no words and no mark when there are neither', () => {
    expect(factWords({ quote: '', note: '' }, 'zh-CN')).toEqual({ text: '', foreign: null })
    expect(factWords({ note: 'agreement signed' }, 'zh-CN').foreign).toBe('en')
  })
})

describe('notes in both languages ({zh, en})', () => {
  const note = { zh: '动工建设', en: 'construction started' }
  it('shows the Chinese note on a Chinese page, unmarked', () => {
    expect(factWords({ quote: '', note }, 'zh-CN')).toEqual({ text: '动工建设', foreign: null })
    expect(noteText(note, 'zh-CN')).toBe('动工建设')
  })
  it('shows the English note on an English page', () => {
    expect(factWords({ quote: '', note }, 'en')).toEqual({ text: 'construction started', foreign: null })
    expect(noteText(note, 'en')).toBe('construction started')
  })
  it('keeps the plan quote first on a Chinese page', () => {
    expect(factWords({ quote: '预计建成后可实现年产值约12亿元', note }, 'zh-CN').text).toBe('预计建成后可实现年产值约12亿元')
  })
  it('falls back to the other language, marked', () => {
    expect(factWords({ note: { zh: '', en: 'only English' } }, 'zh-CN')).toEqual({ text: 'only English', foreign: 'en' })
    expect(factWords({ note: { zh: '只有中文', en: '' } }, 'en')).toEqual({ text: '只有中文', foreign: 'zh' })
    expect(noteText({ zh: '', en: '' }, 'zh-CN')).toBe('')
    expect(noteText(null, 'en')).toBe('')
  })
})
