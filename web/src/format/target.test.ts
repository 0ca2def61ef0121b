import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zhCN from '../i18n/zh-CN'
import en from '../i18n/en'
import type { Target } from '../api/client'
import { baselineText, basisText, gapOf, gapText, partialYearOnYear, progressOf, samePeriodLastYear, sortTargets, yearOnYear, yoyText } from './target'

function tr(locale: 'zh-CN' | 'en') {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })
  return (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {})
}
const zh = tr('zh-CN')

function target(over: Partial<Target>): Target {
  return {
    id: 'x',
    title: { zh: 'x', en: 'x' },
    indicator: 'sum(output_value) in 2025',
    unit: 'yuan',
    goal: { text: '>= 100亿', value: 10000000000 },
    deadline: 2025,
    baseline: null,
    latest: { value: 8340000000, period: '2024', contributors: 40 },
    progress: 0.834,
    status: 'at-risk',
    status_zh: '存在风险',
    final: false,
    projected: null,
    path_value: 8800000000,
    growth_needed_per_year: null,
    count_needed_per_year: null,
    sample: false,
    provenance: [],
    target_provenance: '',
    quote: '',
    problem: null,
    ...over,
  }
}

describe('the gap to the goal', () => {
  it('is in the target unit: 差 16.6亿元 for money, 差 3家 for a count of enterprises', () => {
    expect(gapText(target({}), 'zh-CN', zh)).toBe('差 16.6亿元')
    const count = target({ unit: 'count', indicator: 'count(enterprises) where output_value > 1亿 in 2025', goal: { text: '>= 15', value: 15 }, latest: { value: 12, period: '2024', contributors: 12 } })
    expect(gapText(count, 'zh-CN', zh)).toBe('差 3家')
    expect(gapText(count, 'en', tr('en'))).toBe('3 enterprises short')
  })
  it('uses the annualised value of a partial year, never the raw year to date', () => {
    const partial = target({ latest: { value: 6000000000, period: '2025-01~06', contributors: 40 }, projected: 12000000000 })
    expect(gapOf(partial)).toEqual({ gap: 0, reached: true, annualised: true })
    expect(progressOf(partial)).toBeCloseTo(1.2)
    const behind = target({ latest: { value: 4500000000, period: '2025-01~06', contributors: 40 }, projected: 9000000000 })
    expect(gapText(behind, 'zh-CN', zh)).toBe('按年化值差 10亿元')
    expect(progressOf(behind)).toBeCloseTo(0.9)
  })
  it('says the goal is reached and has none without a reading', () => {
    expect(gapText(target({ latest: { value: 10000000000, period: '2025', contributors: 1 } }), 'zh-CN', zh)).toBe('已达到目标')
    expect(gapText(target({ latest: null }), 'zh-CN', zh)).toBe('')
  })
})

describe('the status basis in words', () => {
  it('names the full-year reading and the plan path it is below', () => {
    expect(basisText(target({}), 'zh-CN', zh)).toBe('按2024年全年值计，低于规划路径要求的 88亿元')
  })
  it('names an annualised partial year', () => {
    const t = target({ latest: { value: 4500000000, period: '2025-01~06', contributors: 40 }, projected: 9000000000, path_value: 10000000000 })
    expect(basisText(t, 'zh-CN', zh)).toBe('按2025年1—6月年化值 90亿元 计，低于规划路径要求的 100亿元（2025年）')
  })
  it('names a cumulative count to a date against the linear path', () => {
    const t = target({ unit: 'count', indicator: 'count(projects) where signed in 2021..2025', goal: { text: '>= 15', value: 15 }, latest: { value: 9, period: '2021..2024-06-30', contributors: 9 }, path_value: 10.5 })
    expect(basisText(t, 'zh-CN', zh)).toBe('截至 2024年6月30日 累计 9项，低于规划路径要求的 10.5项')
  })
  it('states a final result against the goal', () => {
    const t = target({ final: true, status: 'missed', latest: { value: 8340000000, period: '2025', contributors: 40 } })
    expect(basisText(t, 'zh-CN', zh)).toBe('2025年全年值 83.4亿元，未达到目标 100亿元')
  })
})

describe('year on year', () => {
  const series = [
    { period: '2023', year: 2023, value: 5000000000, complete: true },
    { period: '2024', year: 2024, value: 6000000000, complete: true },
    { period: '2025-01~09', year: 2025, value: 5000000000, complete: false },
  ]
  it('compares a complete year with the year before', () => {
    const y = yearOnYear(series, '2024', 'yuan')
    expect(y?.change).toBeCloseTo(0.2)
    expect(yoyText(target({}), y, 'zh-CN', zh)).toBe('同比 +20.0%')
    expect(yearOnYear(series, '2024', 'count')).toEqual({ year: 2024, change: 1000000000, kind: 'diff' })
  })
  it('has none for a partial year or without the year before', () => {
    expect(yearOnYear(series, '2025-01~09', 'yuan')).toBeNull()
    expect(yearOnYear(series, '2023', 'yuan')).toBeNull()
  })
})

describe('percent targets', () => {
  const share = (over: Partial<Target>) =>
    target({ unit: 'percent', indicator: 'sum(rd_spend) / sum(revenue) in 2025', goal: { text: '>= 3%', value: 30000 }, latest: { value: 24500, period: '2024', contributors: 12 }, path_value: 26000, ...over })
  it('shows readings and goals in percent, the gap and a change of a share in points', () => {
    const t = share({})
    expect(gapText(t, 'zh-CN', zh)).toBe('差 0.55个百分点')
    expect(gapText(t, 'en', tr('en'))).toMatch(/0\.55 pt/)
    expect(gapOf(share({ goal: { text: '> 3%', value: 30000 }, latest: { value: 30000, period: '2025', contributors: 3 } }))?.reached).toBe(true)
    const y = yearOnYear([{ period: '2023', year: 2023, value: 22000, complete: true }, { period: '2024', year: 2024, value: 24500, complete: true }], '2024', 'percent')
    expect(yoyText(t, y, 'zh-CN', zh)).toBe('同比 +0.25个百分点')
    expect(yoyText(t, y, 'en', tr('en'))).toBe('Year on year +0.25 pt')
  })
  it('words a baseline as the plan does', () => {
    const over = share({ unit: 'yuan', indicator: 'sum(output_value) in 2025', baseline: { value: 3000000000, qualifier: 'over', text: '超30亿', period: '2020', provenance: 'plan §3' } })
    expect(baselineText(over, 'zh-CN')).toBe('超30亿元')
    expect(baselineText(over, 'en')).toMatch(/^over ¥3/)
    expect(baselineText(share({ baseline: { value: 20000, qualifier: 'exact', text: '2%', period: '2020', provenance: 'sample' } }), 'zh-CN')).toBe('2%')
    expect(baselineText(share({ baseline: null }), 'zh-CN')).toBe('—')
  })
})

describe('sorting cards', () => {
  const a = target({ id: 'a', status: 'on-track', latest: { value: 9000000000, period: '2024', contributors: 1 } })
  const b = target({ id: 'b', status: 'off-track', latest: { value: 1000000000, period: '2024', contributors: 1 } })
  const c = target({ id: 'c', status: 'no-data', latest: null })
  const d = target({ id: 'd', status: 'at-risk', latest: { value: 5000000000, period: '2024', contributors: 1 } })
  it('by severity, by relative gap, or in plan order', () => {
    expect(sortTargets([a, b, c, d], 'severity').map((x) => x.id)).toEqual(['b', 'd', 'a', 'c'])
    expect(sortTargets([a, b, c, d], 'gap').map((x) => x.id)).toEqual(['b', 'd', 'a', 'c'])
    expect(sortTargets([a, b, c, d], 'plan').map((x) => x.id)).toEqual(['a', 'b', 'c', 'd'])
  })
})

describe('year on year of a partial year', () => {
  it('reads the same months a year earlier', () => {
    expect(samePeriodLastYear('sum(output_value) where segment = "body" in 2025', '2024-01~05')).toBe('sum(output_value) where segment = "body" in 2023-01~05')
    expect(samePeriodLastYear('sum(output_value) in 2025', '2024')).toBeNull()
    expect(samePeriodLastYear('count(projects) where signed in 2021..2025', '2024-01~05')).toBeNull()
  })
  it('compares the year to date with the same months a year earlier', () => {
    expect(partialYearOnYear({ value: 1200, period: '2024-01~05' }, 1000, 'yuan')?.change).toBeCloseTo(0.2)
    expect(partialYearOnYear({ value: 1200, period: '2024-01~05' }, 0, 'yuan')).toBeNull()
    expect(partialYearOnYear({ value: 1200, period: '2024' }, 1000, 'yuan')).toBeNull()
  })
})
