import { describe, expect, it } from 'vitest'
import { fitZoom, PRINT_WIDTH_PX } from './print'

describe('print fit', () => {
  it('A4 landscape less 10 mm margins is 1046 CSS pixels', () => {
    expect(PRINT_WIDTH_PX).toBe(1046)
  })
  it('shrinks only what is wider than its box, never enlarges', () => {
    expect(fitZoom(1230, 1000)).toBe(0.813)
    expect(fitZoom(800, 1000)).toBe(1)
    expect(fitZoom(0, 1000)).toBe(1)
    expect(fitZoom(1000, 0)).toBe(1)
  })
})
