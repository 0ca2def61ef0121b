import { describe, expect, it } from 'vitest'
import { echartsLocale } from './locale'

describe('echartsLocale', () => {
  it('gives ECharts its Chinese locale for Chinese and English otherwise', () => {
    expect(echartsLocale('zh-CN')).toBe('ZH')
    expect(echartsLocale('en')).toBe('EN')
    expect(echartsLocale('en-GB')).toBe('EN')
  })
})
