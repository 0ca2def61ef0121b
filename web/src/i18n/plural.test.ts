import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

function translator(locale: 'zh-CN' | 'en') {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })
  return i18n.global
}

describe('count messages', () => {
  const { t } = translator('en')
  it('choose the singular for one and the plural otherwise in English', () => {
    expect(t('taxonomy.enterprisesN', { n: 1 }, 1)).toBe('1 enterprise')
    expect(t('taxonomy.enterprisesN', { n: 7 }, 7)).toBe('7 enterprises')
    expect(t('taxonomy.enterprisesN', { n: 0 }, 0)).toBe('0 enterprises')
    expect(t('taxonomy.planClasses', { n: 1 }, 1)).toBe('1 class in the plan')
    expect(t('projects.projectsN', { n: 1 }, 1)).toBe('1 project')
    expect(t('projects.overdueDays', { n: 1 }, 1)).toBe('overdue by 1 day')
    expect(t('projects.delayDays', { n: 91 }, 91)).toBe('91 days after plan')
    expect(t('enterprises.months', { n: 1 }, 1)).toBe('1 month')
    expect(t('projects.overdueReason', { kind: 'Signed', planned: '2021 Mar', days: 1 }, 1)).toBe('Signed: planned 2021 Mar, overdue by 1 day')
  })
  it('keep the one Chinese form for every count', () => {
    const zh = translator('zh-CN').t
    expect(zh('taxonomy.enterprisesN', { n: 1 }, 1)).toBe('1 家企业')
    expect(zh('taxonomy.enterprisesN', { n: 7 }, 7)).toBe('7 家企业')
    expect(zh('projects.overdueDays', { n: 3 }, 3)).toBe('已逾期 3 天')
  })
})

describe('process labels', () => {
  // The process codes of the enterprise tables (`processes`) and of `atlas gen`.
  const codes = ['casting', 'forging', 'machining', 'stamping', 'assembly', 'welding', 'injection-moulding', 'painting', 'heat-treatment', 'electronics', 'coating']
  it('name every known process code in both languages', () => {
    for (const c of codes) {
      expect(zhCN.process[c as keyof typeof zhCN.process], c).toMatch(/\p{Script=Han}/u)
      expect(en.process[c as keyof typeof en.process], c).toMatch(/^[A-Z]/)
    }
  })
})
