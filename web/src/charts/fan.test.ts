import { describe, expect, it } from 'vitest'
import { fanGeometry } from './fan'

const fan = [
  { year: 2023, p10: 40, p50: 50, p90: 60 },
  { year: 2024, p10: 50, p50: 66, p90: 74 },
  { year: 2025, p10: 60, p50: 80, p90: 100 },
]

describe('fanGeometry', () => {
  it('spans the box from the first year to the deadline, goal and band within it', () => {
    const g = fanGeometry({ fan, goal: 100 }, 100, 40, 0)!
    // y: 0 at the bottom (40 px), the top value (100) at 0.
    expect(g.band.startsWith('M0,16')).toBe(true) // 2023's P90 (60) at 40 - 60 × 0.4
    expect(g.median).toBe('M0,20L50,13.6L100,8')
    expect(g.goal).toBe('M0,0L100,0')
    expect(g.end).toEqual({ x: 100, y: 8 })
    expect(g.anchor).toBeNull()
  })
  it('starts from the latest figure when it is a whole year before the fan', () => {
    const g = fanGeometry({ fan, goal: 100, anchor: { year: 2022, value: 30 } }, 90, 40, 0)!
    expect(g.anchor).toEqual({ x: 0, y: 28 })
    expect(g.median.startsWith('M0,28L30,20')).toBe(true)
    // An anchor in the fan's years is not drawn.
    expect(fanGeometry({ fan, goal: 100, anchor: { year: 2023, value: 30 } }, 90, 40, 0)!.anchor).toBeNull()
  })
  it('draws one year as a bar at the deadline, and nothing without a year', () => {
    const g = fanGeometry({ fan: [fan[2]], goal: 100 }, 100, 40, 0)!
    expect(g.band).toBe('M98,0h4v16h-4Z')
    expect(g.end).toEqual({ x: 100, y: 8 })
    expect(fanGeometry({ fan: [], goal: 1 }, 100, 40)).toBeNull()
  })
  it('keeps the goal in view when the fan is far below it', () => {
    const g = fanGeometry({ fan: [{ year: 2024, p10: 1, p50: 2, p90: 3 }, { year: 2025, p10: 1, p50: 2, p90: 3 }], goal: 10 }, 100, 40, 0)!
    expect(g.goal).toBe('M0,0L100,0')
  })
})
