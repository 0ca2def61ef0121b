import { describe, expect, it } from 'vitest'
import { buildFigureOption } from './figures'

type Any = any

const labels = { name: '工业总产值', months: (n: number) => `${n} 个月`, sample: '示例', countUnit: '人' }

describe('buildFigureOption', () => {
  const option = buildFigureOption({
    unit: 'yuan',
    annual: [
      { year: 2022, value: 2200000000, months: 12, sample: true },
      { year: 2021, value: 1987000000, months: 12, sample: false },
      { year: 2023, value: 1500000000, months: 9, sample: true },
    ],
    locale: 'zh-CN',
    labels,
  })
  const data = (option.series as Any[])[0].data

  it('orders the years and scales money to 亿元', () => {
    expect((option.xAxis as Any).data).toEqual(['2021', '2022', '2023'])
    expect((option.yAxis as Any).name).toBe('亿元')
    expect(data.map((d: Any) => d.value)).toEqual([19.87, 22, 15])
  })

  it('draws a partial year lighter with its months as a label', () => {
    expect(data[2].itemStyle.opacity).toBeLessThan(1)
    expect(data[2].label.formatter).toBe('9 个月')
    expect(data[0].label).toBeUndefined()
  })

  it('hatches sample values and names them in the tooltip', () => {
    expect(data[0].itemStyle.decal).toBeUndefined()
    expect(data[1].itemStyle.decal).toBeDefined()
    const text = (option.tooltip as Any).formatter({ name: '2023', data: data[2] })
    expect(text).toBe('2023: 15亿元 · 9 个月 · 示例')
  })

  it('keeps counts unscaled with the count unit', () => {
    const o = buildFigureOption({ unit: 'count', annual: [{ year: 2025, value: 1200, months: 12, sample: false }], locale: 'zh-CN', labels })
    expect((o.yAxis as Any).name).toBe('人')
    expect((o.series as Any[])[0].data[0].value).toBe(1200)
  })
})
