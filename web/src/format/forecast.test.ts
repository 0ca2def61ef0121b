import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zhCN from '../i18n/zh-CN'
import en from '../i18n/en'
import { ApiError, type TargetForecast, type Unit } from '../api/client'
import {
  anyOpen,
  changesOf,
  decodeChange,
  encodeChange,
  forecastView,
  growthRate,
  growthText,
  missedText,
  monthText,
  probabilityColour,
  probabilityDelta,
  probabilityText,
  suggestedAsOf,
  tookText,
  whatIfProblem,
  withChange,
} from './forecast'

const tr = (locale: 'zh-CN' | 'en') => createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } }).global.t as (k: string, n?: Record<string, unknown>) => string

const open: Pick<TargetForecast, 'final' | 'deadline' | 'form' | 'unsupported' | 'probability' | 'took' | 'status' | 'settled'> = {
  final: false,
  deadline: 2025,
  form: 'sum',
  unsupported: null,
  probability: 0.54,
  took: null,
  status: 'on-track',
  settled: false,
}

describe('forecastView', () => {
  it('shows an open target’s probability before its deadline', () => {
    expect(forecastView(open, '2023-06-30')).toBe('open')
    expect(forecastView(open, '2025-06-30')).toBe('open')
  })
  it('says what a final target would have taken, and nothing for a passed deadline without a result', () => {
    const took = { from_year: 2020, from_value: 1, growth_needed: 0.3, growth_achieved: 0.2, shortfall: 5, missed: [] }
    expect(forecastView({ ...open, final: true, probability: 0, settled: true, took }, '2026-12-07')).toBe('took')
    expect(forecastView({ ...open, final: false, status: 'no-data', probability: 0, settled: true }, '2026-12-07')).toBe('none')
  })
  it('says "met" for a goal met already in every run, and "not forecast" for an unsupported form', () => {
    expect(forecastView({ ...open, probability: 1, status: 'met' }, '2023-06-30')).toBe('met-already')
    expect(forecastView({ ...open, probability: 1, status: 'on-track' }, '2023-06-30')).toBe('open')
    expect(forecastView({ ...open, form: 'unsupported', unsupported: 'a ratio', probability: null }, '2023-06-30')).toBe('unsupported')
  })
})

describe('probabilities', () => {
  it('never round an uncertain result to 0% or 100%', () => {
    expect(probabilityText(0.54)).toBe('54%')
    expect(probabilityText(0.072)).toBe('7%')
    expect(probabilityText(0)).toBe('<1%')
    expect(probabilityText(0.004)).toBe('<1%')
    expect(probabilityText(0.996)).toBe('>99%')
    expect(probabilityText(1)).toBe('>99%')
    expect(probabilityText(1, true)).toBe('100%')
    expect(probabilityText(0, true)).toBe('0%')
    expect(probabilityText(null)).toBe('—')
  })
  it('take the status colours by band', () => {
    expect(probabilityColour(0.9)).toBe('green')
    expect(probabilityColour(0.7)).toBe('green')
    expect(probabilityColour(0.5)).toBe('yellow')
    expect(probabilityColour(0.1)).toBe('red')
    expect(probabilityColour(null)).toBe('grey')
  })
  it('differ in percentage points', () => {
    expect(probabilityDelta(0.501, 0.0835, 'zh-CN')).toBe('-41.75个百分点')
    expect(probabilityDelta(0.2, 0.25, 'en')).toBe('+5 pt')
    expect(probabilityDelta(0.5, 0.5, 'en')).toBe('±0')
    expect(probabilityDelta(null, 0.5, 'en')).toBe('—')
  })
})

describe('what it would have taken', () => {
  const money = { unit: 'yuan' as const, indicator: 'sum(output_value) in 2025', declared_unit: null }
  const firms: Unit = { id: 'firm', measure: 'count', name: { zh: '家', en: 'firm | firms' }, scales: [], provenance: null }
  const count = { unit: 'count' as const, indicator: 'count(enterprises) where output_value > 1e9 in 2025', declared_unit: firms }
  it('gives a sum’s shortfall and the yearly growth needed beside the growth achieved, one decimal', () => {
    const took = { from_year: 2020, from_value: 2719000000, growth_needed: 0.2975322425, growth_achieved: 0.2177115752, shortfall: 2720000000, missed: [] }
    expect(tookText(money, took, 'zh-CN', tr('zh-CN'))).toBe('还差 27.2亿元：需自 2020 年起年均增长 +29.8%，实际 +21.8%')
    expect(tookText(money, took, 'en', tr('en'))).toBe('¥2.72 billion short: needed +29.8% a year from 2020, achieved +21.8%')
  })
  it('gives a count’s shortfall in the plan’s unit, and "met" when nothing was missing', () => {
    const took = { from_year: null, from_value: null, growth_needed: null, growth_achieved: null, shortfall: 3, missed: [] }
    expect(tookText(count, took, 'zh-CN', tr('zh-CN'))).toBe('还差 3家')
    expect(tookText(count, took, 'en', tr('en'))).toBe('3 firms short')
    expect(tookText(count, { ...took, shortfall: 0 }, 'zh-CN', tr('zh-CN'))).toBe('已达成目标')
    expect(tookText(money, { from_year: 2021, from_value: 1, growth_needed: 0.09, growth_achieved: 0.0953, shortfall: 0, missed: [] }, 'en', tr('en'))).toBe('Met (+9.5% a year from 2021)')
  })
  it('names a missed project’s planned month, that it was not commissioned in time, and what it would have added', () => {
    const m = { project: 'p', planned: '2021-03', commissioned: null, output: 1180000000 }
    expect(missedText(money, m, 2025, 'zh-CN', tr('zh-CN'))).toEqual({ lead: '计划 2021年3月 投产、期限前未投产：', gain: ' — 按期可在 2025 年增加 11.8亿元' })
    expect(missedText(money, m, 2025, 'en', tr('en'))).toEqual({
      lead: 'Planned for March 2021, not commissioned by the deadline: ',
      gain: ' — on time it would have added ¥1.18 billion in 2025',
    })
    const late = { ...m, commissioned: '2026-05-01' }
    expect(missedText(money, late, 2025, 'zh-CN', tr('zh-CN')).lead).toBe('计划 2021年3月 投产、2026年5月1日 才投产（已过期限）：')
    expect(missedText(money, late, 2025, 'en', tr('en')).lead).toBe('Planned for March 2021, commissioned 2026-05-01, after the deadline: ')
    expect(tr('zh-CN')('forecast.missedMore', { n: 3 })).toBe('另有 3 个项目')
    expect(tr('en')('forecast.missedMore', { n: 3 })).toBe('and 3 more')
  })
  it('writes a month the sentence’s way', () => {
    expect(monthText('2021-03', 'zh-CN')).toBe('2021年3月')
    expect(monthText('2021-12', 'en')).toBe('December 2021')
    expect(monthText('2021', 'en')).toBe('2021')
    expect(monthText('2021-13', 'en')).toBe('2021-13')
  })
  it('writes growth with its sign', () => {
    expect(growthText(0.2975)).toBe('+29.8%')
    expect(growthText(-0.03)).toBe('-3.0%')
    expect(growthText(0)).toBe('0.0%')
    expect(growthText(null)).toBe('—')
  })
})

describe('the date a what-if starts from', () => {
  it('is the middle of the year before the earliest deadline, when that is before the as-of date', () => {
    expect(suggestedAsOf([2025, 2025, 2027], '2026-12-07')).toBe('2024-06-30')
    expect(suggestedAsOf([2030], '2026-12-07')).toBeNull()
    expect(suggestedAsOf([], '2026-12-07')).toBeNull()
  })
  it('is needed only when no target is open', () => {
    expect(anyOpen([{ final: true, deadline: 2025 }], '2026-01-01')).toBe(false)
    expect(anyOpen([{ final: false, deadline: 2025 }], '2026-01-01')).toBe(false)
    expect(anyOpen([{ final: false, deadline: 2025 }], '2025-06-30')).toBe(true)
  })
})

describe('changes', () => {
  it('travel in the address and back', () => {
    const list = [
      { kind: 'cancel', project: 'a:b' },
      { kind: 'delay', project: 'p1', months: 6 },
      { kind: 'growth', segment: 's', growth: -0.25 },
    ] as const
    const encoded = list.map(encodeChange)
    expect(encoded).toEqual(['cancel:a:b', 'delay:6:p1', 'growth:-0.25:s'])
    expect(changesOf({ change: encoded })).toEqual(list)
    expect(changesOf({ change: 'cancel:x' })).toEqual([{ kind: 'cancel', project: 'x' }])
    expect(changesOf({})).toEqual([])
  })
  it('drop a malformed one', () => {
    expect(decodeChange('grow:1:x')).toBeNull()
    expect(decodeChange('delay:x:p')).toBeNull()
    expect(decodeChange('delay:6:')).toBeNull()
    expect(decodeChange('cancel:')).toBeNull()
    expect(changesOf({ change: ['delay::p', 'cancel:q'] })).toEqual([{ kind: 'cancel', project: 'q' }])
  })
  it('replace the earlier change of the same project or segment', () => {
    const one = withChange([], { kind: 'delay', project: 'p', months: 3 })
    expect(withChange(one, { kind: 'cancel', project: 'p' })).toEqual([{ kind: 'cancel', project: 'p' }])
    expect(withChange(one, { kind: 'growth', segment: 'p', growth: 0.1 })).toHaveLength(2)
  })
  it('take a growth in percent within −100 % … +1000 %', () => {
    expect(growthRate('15')).toBe(0.15)
    expect(growthRate('-100')).toBe(-1)
    expect(growthRate('1000%')).toBe(10)
    expect(growthRate('12.5')).toBe(0.125)
    expect(growthRate('1001')).toBeNull()
    expect(growthRate('-101')).toBeNull()
    expect(growthRate('abc')).toBeNull()
    expect(growthRate('')).toBeNull()
  })
})

describe('a refused what-if', () => {
  it('names the change at fault, with the server’s words in the user’s language', () => {
    const e = new ApiError(400, 'invalid-value', { zh: '成员 changes[1].growth：年增长率须在 -1（-100%）至 10（+1000%）之间', en: 'changes[1].growth: a yearly growth rate from -1 (-100 %) to 10 (+1000 %)' }, { field: 'changes[1].growth' })
    expect(whatIfProblem(e, 'zh-CN')).toEqual({ index: 1, message: '年增长率须在 -1（-100%）至 10（+1000%）之间' })
    expect(whatIfProblem(e, 'en')).toEqual({ index: 1, message: 'a yearly growth rate from -1 (-100 %) to 10 (+1000 %)' })
    expect(whatIfProblem(new ApiError(400, 'invalid-value', { zh: 'x', en: 'x' }, { field: 'runs' }), 'en')).toBeNull()
    expect(whatIfProblem(new Error('x'), 'en')).toBeNull()
  })
})
