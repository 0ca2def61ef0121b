import { describe, expect, it } from 'vitest'
import { chaptersText, chineseNumber, planChapters } from './sections'

describe('chineseNumber', () => {
  it('writes chapter numbers as a plan does', () => {
    expect([1, 4, 10, 12, 20, 23].map(chineseNumber)).toEqual(['一', '四', '十', '十二', '二十', '二十三'])
  })
})

describe('planChapters', () => {
  it('takes the chapter of every plan section, once, in order, and nothing else', () => {
    expect(planChapters(['plan §6(1)', 'plan §4', ['plan §4', 'sample'], 'public: x §9', 'plan §3(1)1; public: y', null])).toEqual([3, 4, 6])
    expect(planChapters(['sample', 'user: someone'])).toEqual([])
  })
})

describe('chaptersText', () => {
  it('names the chapters in the reader\'s language', () => {
    expect(chaptersText([4, 6], 'zh-CN')).toBe('第四章、第六章')
    expect(chaptersText([4, 6], 'en')).toBe('chapters 4 and 6')
    expect(chaptersText([3, 4, 6], 'en')).toBe('chapters 3, 4 and 6')
    expect(chaptersText([5], 'en')).toBe('chapter 5')
    expect(chaptersText([], 'zh-CN')).toBe('')
  })
})
