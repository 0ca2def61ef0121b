import { describe, expect, it } from 'vitest'
import { columnMagnitude, contributorUnit, countedSet, declaredUnitWord, formatDeclared, indicatorSet, formatCountOf, formatMoneyIn, formatTargetValue, formatYuan, moneyMagnitude, nounOfSet, withUnit } from './units'
import type { Unit } from '../api/client'

describe('money in one magnitude per column', () => {
  it('picks the magnitude from the largest value of the column', () => {
    expect(columnMagnitude([105000000, 95000000, null], 'zh-CN').unit).toBe('亿元')
    expect(columnMagnitude([95000000, 5000000], 'zh-CN').unit).toBe('万元')
    expect(columnMagnitude([null, undefined], 'zh-CN').unit).toBe('元')
  })
  it('writes every cell of a column in that magnitude (no 1.05亿元 next to 9,500万元)', () => {
    const m = columnMagnitude([105000000, 95000000], 'zh-CN')
    expect(formatMoneyIn(105000000, m, 'zh-CN')).toBe('1.05亿元')
    expect(formatMoneyIn(95000000, m, 'zh-CN')).toBe('0.95亿元')
    expect(formatMoneyIn(300000, m, 'zh-CN')).toBe('0.003亿元')
    expect(formatMoneyIn(null, m, 'zh-CN')).toBe('—')
  })
  it('uses billions and millions of yuan in English', () => {
    const m = moneyMagnitude(2480000000, 'en')
    expect(m.unit).toBe('billion yuan')
    expect(formatMoneyIn(2480000000, m, 'en')).toBe('¥2.48 billion')
    expect(formatYuan(95000000, 'en')).toBe('¥95 million')
    expect(formatYuan(1660000000, 'zh-CN')).toBe('16.6亿元')
  })
})

describe('counts with their noun', () => {
  it('counts enterprises in 家, projects in 项 and anything else in 个', () => {
    expect(formatCountOf(3, 'enterprise', 'zh-CN')).toBe('3家')
    expect(formatCountOf(15, 'project', 'zh-CN')).toBe('15项')
    expect(formatCountOf(2, 'other', 'zh-CN')).toBe('2个')
  })
  it('chooses singular or plural in English', () => {
    expect(formatCountOf(1, 'enterprise', 'en')).toBe('1 enterprise')
    expect(formatCountOf(3, 'enterprise', 'en')).toBe('3 enterprises')
    expect(formatCountOf(2, 'other', 'en')).toBe('2')
  })
  it('reads the counted set from an indicator', () => {
    expect(countedSet('count(enterprises) where output_value > 10亿 in 2025')).toBe('enterprises')
    expect(countedSet('sum(output_value) in 2025')).toBeNull()
    expect(nounOfSet('projects')).toBe('project')
    expect(nounOfSet('carriers')).toBe('other')
    expect(formatCountOf(7, nounOfSet('supplier_entries'), 'zh-CN')).toBe('7项')
    expect(formatCountOf(7, nounOfSet('supplier_entries'), 'en')).toBe('7 products')
  })
  it('formats a target value in the target unit', () => {
    expect(formatTargetValue(3, 'count', 'count(enterprises) where output_value > 1亿 in 2025', 'zh-CN')).toBe('3家')
    expect(formatTargetValue(1660000000, 'yuan', 'sum(output_value) in 2025', 'zh-CN')).toBe('16.6亿元')
  })
  it('puts the unit into a header', () => {
    expect(withUnit('投资额', '元', 'zh-CN')).toBe('投资额（元）')
    expect(withUnit('Investment', 'yuan', 'en')).toBe('Investment (yuan)')
  })
})

describe('contributorUnit', () => {
  it('gives yuan for the contributors of a count over an amount threshold, not the count unit', () => {
    expect(contributorUnit('count', 'count(enterprises) where output_value > 10亿 in 2025', 'enterprises')).toBe('yuan')
    expect(contributorUnit('yuan', 'sum(output_value) in 2025', 'enterprises')).toBe('yuan')
    expect(contributorUnit('count', 'count(carriers) where level >= provincial', 'carriers')).toBe('number')
  })
})

describe('indicatorSet', () => {
  it('names the records an indicator reads, for the noun of its contributors', () => {
    expect(indicatorSet('sum(output_value) in 2025')).toBe('enterprises')
    expect(indicatorSet('sum(investment) where signed in 2021..2025')).toBe('projects')
    expect(indicatorSet('count(carriers) where level >= provincial')).toBe('carriers')
    expect(formatCountOf(35, nounOfSet(indicatorSet('sum(output_value) in 2025')), 'zh-CN')).toBe('35家')
  })
})

describe('a unit the plan declares', () => {
  const vehicle: Unit = {
    id: 'vehicle',
    measure: 'count',
    name: { zh: '辆', en: 'vehicle | vehicles' },
    scales: [
      { factor: 1000, name: { zh: '', en: 'thousand vehicles' } },
      { factor: 10000, name: { zh: '万辆', en: '' } },
      { factor: 1000000, name: { zh: '', en: 'million vehicles' } },
    ],
    provenance: 'sample',
  }

  it('shows a value in the largest scale of the language that it reaches', () => {
    expect(formatDeclared(5300000, vehicle, 'zh-CN')).toBe('530万辆')
    expect(formatDeclared(5300000, vehicle, 'en')).toBe('5.3 million vehicles')
    expect(formatDeclared(26000, vehicle, 'zh-CN')).toBe('2.6万辆')
    expect(formatDeclared(26000, vehicle, 'en')).toBe('26 thousand vehicles')
    expect(formatDeclared(9999, vehicle, 'zh-CN')).toBe('9,999辆')
  })

  it('names one in the singular and shows a number alone in a language the unit has no name for', () => {
    expect(formatDeclared(1, vehicle, 'en')).toBe('1 vehicle')
    expect(formatDeclared(null, vehicle, 'en')).toBe('—')
    const piece: Unit = { id: 'piece', measure: 'count', name: { zh: '个', en: '' }, scales: [], provenance: null }
    expect(formatDeclared(15, piece, 'zh-CN')).toBe('15个')
    expect(formatDeclared(15, piece, 'en')).toBe('15')
  })

  it('is what a target in it shows, never the counted noun', () => {
    expect(formatTargetValue(50000, 'count', 'figure(vehicle_output) of "region:x" in 2027', 'zh-CN', 0, vehicle)).toBe('5万辆')
    expect(formatTargetValue(15, 'count', 'count(projects)', 'zh-CN')).toBe('15项')
    expect(declaredUnitWord(vehicle, 'en')).toBe('vehicles')
  })
})
