import { describe, expect, it } from 'vitest'
import { defaultFigureMetric, latestAnnual, orderFigures } from './figure'

const figures = [
  {
    metric: 'employees',
    annual: [
      { year: 2024, value: 1744, months: 12, sample: true },
      { year: 2025, value: 1771, months: 12, sample: true },
      { year: 2026, value: 1790, months: 9, sample: true },
    ],
  },
  { metric: 'output_value', annual: [{ year: 2025, value: 2480000000, months: 12, sample: false }] },
]

describe('latestAnnual', () => {
  it('gives the latest complete year of a metric', () => {
    expect(latestAnnual(figures, 'employees')).toEqual({ year: 2025, value: 1771, months: 12, sample: true })
  })
  it('falls back to the latest partial year when no year is complete', () => {
    expect(latestAnnual([{ metric: 'employees', annual: [{ year: 2026, value: 12, months: 3, sample: false }] }], 'employees')?.year).toBe(2026)
  })
  it('is null for a metric the figures do not have', () => {
    expect(latestAnnual(figures, 'revenue')).toBeNull()
    expect(latestAnnual([], 'employees')).toBeNull()
  })
})

describe('defaultFigureMetric', () => {
  it('opens on output value even when another metric comes first', () => {
    expect(defaultFigureMetric(figures)).toBe('output_value')
  })
  it('keeps a metric the user chose while the figures have it', () => {
    expect(defaultFigureMetric(figures, 'employees')).toBe('employees')
    expect(defaultFigureMetric(figures, 'revenue')).toBe('output_value')
  })
  it('takes the first metric without output value, and nothing without figures', () => {
    expect(defaultFigureMetric([figures[0]])).toBe('employees')
    expect(defaultFigureMetric([])).toBe('')
  })
})

describe('orderFigures', () => {
  it('puts output value first', () => {
    expect(orderFigures(figures).map((f) => f.metric)).toEqual(['output_value', 'employees'])
  })
})
