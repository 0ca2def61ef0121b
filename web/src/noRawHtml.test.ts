// A lint of the sources: markup in a string is how an unescaped tooltip starts, and v-html,
// innerHTML & co. are how data becomes markup. The app writes no HTML from strings at all: every
// text, chart tooltips and labels included (components/SvgChart.vue, ChartTooltip.vue), reaches the
// page through Vue's text interpolation, which escapes it.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

describe('the app writes no HTML from strings', () => {
  const root = fileURLToPath(new URL('.', import.meta.url))
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? files(path) : [path]
    })
  const sources = files(root).filter((f) => /\.(ts|vue)$/.test(f) && !/\.test\.ts$/.test(f))
  const TAG_IN_STRING = /(['"`])[^'"`\n]*<\/?(a|b|br|i|p|em|strong|span|div|img|svg|script|style|iframe|table|tr|td|ul|ol|li|hr|sup|sub|font|u|s)\b[^'"`\n]*\1/i
  const COMMENT = /^\s*(\/\/|\/?\*)/
  const HTML_SINKS = /\bv-html\b|innerHTML|outerHTML|insertAdjacentHTML|document\.write|dangerouslyUseHTMLString|raw-content|rawContent/

  it('finds the sources', () => {
    expect(sources.some((f) => f.endsWith(join('charts', 'gantt.ts')))).toBe(true)
  })

  it('has no HTML tag in a string', () => {
    const hits = sources.flatMap((f) => {
      const script = f.endsWith('.vue') ? (readFileSync(f, 'utf8').match(/<script[^>]*>([\s\S]*?)<\/script>/)?.[1] ?? '') : readFileSync(f, 'utf8')
      return script.split('\n').flatMap((line, i) => (!COMMENT.test(line) && TAG_IN_STRING.test(line) ? [`${relative(root, f)}:${i + 1}: ${line.trim()}`] : []))
    })
    expect(hits).toEqual([])
  })

  it('uses no raw-HTML sink (v-html, innerHTML, dangerouslyUseHTMLString …)', () => {
    const hits = sources.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (HTML_SINKS.test(line) ? [`${relative(root, f)}:${i + 1}: ${line.trim()}`] : [])),
    )
    expect(hits).toEqual([])
  })

  it('would catch the old Gantt tooltip', () => {
    expect(TAG_IN_STRING.test('        return `${p.project}<br/>${what}`')).toBe(true)
    expect(HTML_SINKS.test('<div v-html="note" />')).toBe(true)
  })
})
