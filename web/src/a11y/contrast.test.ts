import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { contrast } from './contrast'

// The colours the app's stylesheet sets for grey text and the 示例 tag, read from styles.css
// itself, against the backgrounds they sit on: each pair must reach WCAG AA for text (4.5:1).
const css = readFileSync(fileURLToPath(new URL('../styles.css', import.meta.url)), 'utf8')
function cssVar(name: string): string {
  const m = new RegExp(`${name}:\\s*(#[0-9a-fA-F]{3,6})\\s*;`).exec(css)
  if (!m) throw new Error(`styles.css sets no colour for ${name}`)
  return m[1]
}

describe('WCAG contrast', () => {
  it('computes known ratios', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5)
    expect(contrast('#fff', '#fff')).toBe(1)
    // Element Plus' own grey text and warning colour on white: what the issue measured.
    expect(contrast('#909399', '#fff')).toBeCloseTo(3.08, 2)
    expect(contrast('#e6a23c', '#fff')).toBeCloseTo(2.19, 2)
  })

  const white = '#ffffff'
  const pageBg = cssVar('--atlas-page-bg')
  const pairs: [string, string, string][] = [
    ['grey text on a card', cssVar('--atlas-text-secondary'), white],
    ['grey text on the page', cssVar('--atlas-text-secondary'), pageBg],
    ['grey text on a striped row', cssVar('--atlas-text-secondary'), '#fafafa'],
    ['示例 tag', cssVar('--atlas-sample-fg'), cssVar('--atlas-sample-bg')],
    ['示例 tag on a delayed row', cssVar('--atlas-sample-fg'), '#fdf6ec'],
    // A field's error and the alerts of the sign-in pages (.atlas-alert), on white and on the
    // alert's background (Element's --el-color-<type>-light-9).
    ['an error under a field', cssVar('--atlas-danger-text'), white],
    ['an error alert', cssVar('--atlas-danger-text'), '#fef0f0'],
    ['a warning alert', cssVar('--atlas-warning-text'), '#fdf6ec'],
    ['a notice alert', cssVar('--atlas-info-text'), '#f4f4f5'],
    ['a success alert', cssVar('--atlas-success-text'), '#f0f9eb'],
  ]
  it.each(pairs)('%s reaches 4.5:1', (_what, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5)
  })
  it('Element reads the grey text from the app’s value', () => {
    expect(css).toMatch(/--el-text-color-secondary:\s*var\(--atlas-text-secondary\)/)
    expect(css).toMatch(/\.el-tag\.sample-tag\s*\{[^}]*--el-tag-text-color:\s*var\(--atlas-sample-fg\)/)
  })
})
