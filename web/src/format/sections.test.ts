import { describe, expect, it } from 'vitest'
import { chaptersText, chineseNumber, planChapters } from './sections'

describe('chineseNumber', () => {
  it('writes chapter numbers as a plan does', () => {
    expect([1, 4, 10, 12, 20, 23].map(chineseNumber)).toEqual(['一', '四', '十', '十二', '二十', '二十三'])
  })
})

describe('planChapters', () => {
  it('takes the chapter of every plan section, once, in order, and nothing else', () => {
    expect(planChapters(['plan §7(1)', 'plan §2', ['plan §2', 'sample'], 'public: x §9', 'plan §3(1)1; public: y', null])).toEqual([2, 3, 7])
    expect(planChapters(['sample', 'user: someone'])).toEqual([])
  })
})

describe('chaptersText', () => {
  it('names the chapters in the reader\'s language', () => {
    expect(chaptersText([2, 7], 'zh-CN')).toBe('第二章、第七章')
    expect(chaptersText([2, 7], 'en')).toBe('chapters 2 and 7')
    expect(chaptersText([2, 3, 7], 'en')).toBe('chapters 2, 3 and 7')
    expect(chaptersText([5], 'en')).toBe('chapter 5')
    expect(chaptersText([], 'zh-CN')).toBe('')
  })
})
