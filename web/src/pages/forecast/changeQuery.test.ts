import { describe, expect, it } from 'vitest'
import type { FirmChange, WhatIfChange } from '../../api/client'
import { changesOf, decodeChange, encodeChange, MAX_CHANGES } from './changeQuery'

// What vue-router does to a query value on the way into the address and back out of it.
const throughAddress = (value: string): string => {
  const u = new URL('http://x/forecast')
  u.searchParams.set('change', value)
  return new URL(u.toString()).searchParams.get('change')!
}

describe('a firm in the address', () => {
  const firm: FirmChange = { kind: 'firm', segment: 'seg', output: 5e9, from: '2024-03' }

  it('is its segment, output in yuan and month, then what else it names', () => {
    expect(encodeChange(firm)).toBe('firm:seg:5000000000:2024-03')
    expect(encodeChange({ ...firm, zone: 'z1', county: 'c1', candidate: 'k1', name: 'Acme' })).toBe('firm:seg:5000000000:2024-03:zone=z1:county=c1:candidate=k1:name=Acme')
    expect(decodeChange('firm:seg:5000000000:2024-03')).toEqual(firm)
  })

  it('travels there and back with any name', () => {
    const names = ['a:b', 'x::y:', '新能源电池项目（一期）', 'A=B & C #1 + 50%', '%3A literal', '100%', ' spaced ', 'line\nbreak', '😀 emoji', 'zone=z9']
    for (const name of names) {
      const c: FirmChange = { ...firm, zone: 'z:1', candidate: 'cand%1', name }
      const text = encodeChange(c)
      expect(decodeChange(text), name).toEqual(c)
      expect(decodeChange(throughAddress(text)), name).toEqual(c)
    }
  })

  it('keeps ids with colons and percent signs, and odd numbers', () => {
    const c: FirmChange = { kind: 'firm', segment: 'a:b%c', output: 123.5, from: '2030-12', county: 'x:y' }
    expect(decodeChange(encodeChange(c))).toEqual(c)
    expect(decodeChange(encodeChange({ ...firm, output: 1e21 }))).toEqual({ ...firm, output: 1e21 })
    // Ranges are the server's to judge: a negative output or a month 13 still travel.
    expect(decodeChange('firm:seg:-5:2024-13')).toEqual({ kind: 'firm', segment: 'seg', output: -5, from: '2024-13' })
  })

  it('sits beside the other changes', () => {
    const list: WhatIfChange[] = [
      { kind: 'cancel', project: 'p:1' },
      { ...firm, name: '甲:乙' },
      { kind: 'growth', segment: 's', growth: 0.1 },
      { kind: 'delay', project: 'p2', months: 3 },
    ]
    expect(changesOf({ change: list.map(encodeChange) })).toEqual(list)
  })

  it('is dropped when malformed, without a throw', () => {
    const bad = [
      'firm:',
      'firm:seg',
      'firm:seg:5e9',
      'firm::5e9:2024-03',
      'firm:seg::2024-03',
      'firm:seg:abc:2024-03',
      'firm:seg:Infinity:2024-03',
      'firm:seg:NaN:2024-03',
      'firm:seg:5e9:2024-3',
      'firm:seg:5e9:2024-03-01',
      'firm:seg:5e9:',
      'firm:seg:5e9:2024-03:',
      'firm:seg:5e9:2024-03:zone',
      'firm:seg:5e9:2024-03:=x',
      'firm:seg:5e9:2024-03:zone=',
      'firm:seg:5e9:2024-03:colour=red',
      'firm:seg:5e9:2024-03:zone=a:zone=b',
      'firm:seg:5e9:2024-03:name=x:zone=a',
      'firm:seg:5e9:2024-03:name=%',
      'firm:seg:5e9:2024-03:name=%E6',
      'firm:%zz:5e9:2024-03',
      'Firm:seg:5e9:2024-03',
    ]
    for (const text of bad) expect(decodeChange(text), text).toBeNull()
    expect(changesOf({ change: [...bad, 'cancel:q', 42, null] })).toEqual([{ kind: 'cancel', project: 'q' }])
  })

  it('counts towards the limit of changes', () => {
    const many = Array.from({ length: MAX_CHANGES + 3 }, (_, i) => encodeChange({ ...firm, output: i + 1 }))
    expect(changesOf({ change: many })).toHaveLength(MAX_CHANGES)
  })
})
