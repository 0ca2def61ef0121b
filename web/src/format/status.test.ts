import { describe, expect, it } from 'vitest'
import { countByStatus, statusColour, statusHex, statusTagType } from './status'

describe('statusColour', () => {
  it('colours met and on-track targets green', () => {
    expect(statusColour('met')).toBe('green')
    expect(statusColour('on-track')).toBe('green')
  })
  it('colours at-risk targets yellow', () => {
    expect(statusColour('at-risk')).toBe('yellow')
  })
  it('colours missed and off-track targets red', () => {
    expect(statusColour('missed')).toBe('red')
    expect(statusColour('off-track')).toBe('red')
  })
  it('colours no-data and unknown statuses grey', () => {
    expect(statusColour('no-data')).toBe('grey')
    expect(statusColour('something-new')).toBe('grey')
    expect(statusColour(null)).toBe('grey')
  })
  it('maps colours to Element Plus tag types and hex colours', () => {
    expect(statusTagType('met')).toBe('success')
    expect(statusTagType('at-risk')).toBe('warning')
    expect(statusTagType('missed')).toBe('danger')
    expect(statusTagType('no-data')).toBe('info')
    expect(statusHex('missed')).toBe('#f56c6c')
  })
})

describe('countByStatus', () => {
  it('counts statuses worst first and keeps unknown ones at the end', () => {
    expect(countByStatus(['met', 'missed', 'met', 'no-data', 'odd'])).toEqual([
      { status: 'missed', count: 1 },
      { status: 'met', count: 2 },
      { status: 'no-data', count: 1 },
      { status: 'odd', count: 1 },
    ])
  })
})
