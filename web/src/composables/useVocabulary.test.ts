// The words of a plan's records are named by the plan (GET /plan `vocabularies`), never by the
// app: a fictional plan's words, which no message file knows, show with that plan's names.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { afterEach, describe, expect, it } from 'vitest'
import type { Plan, Vocabularies } from '../api/client'
import { i18n } from '../i18n'
import zhCN from '../i18n/zh-CN'
import en from '../i18n/en'
import { currentPlan } from '../state'
import { termName, termOptions, useVocabulary } from './useVocabulary'

// A fictional plan: body and interior parts, harbour zones, relocation projects.
const vocabularies: Vocabularies = {
  segment: [
    { id: 'body', name: { zh: '车身件', en: 'Body parts' } },
    { id: 'interior', name: { zh: '内饰件', en: '' } },
  ],
  zone_kind: [{ id: 'harbour', name: { zh: '港区', en: 'Harbour zone' } }],
  project_type: [
    { id: 'relocation', name: { zh: '搬迁入园', en: 'Relocation' } },
    { id: 'upgrade', name: { zh: '技术改造', en: 'Upgrade' } },
  ],
  carrier_kind: [{ id: 'pilot-plant', name: { zh: '中试基地', en: 'Pilot plant' } }],
  candidate_kind: [],
}

const plan = (v: Vocabularies) => ({ id: 'qinghe-2030', vocabularies: v }) as unknown as Plan

describe('termName', () => {
  it("names a word by the plan, in the reader's language", () => {
    expect(termName(vocabularies, 'segment', 'body', 'zh-CN')).toBe('车身件')
    expect(termName(vocabularies, 'segment', 'body', 'en')).toBe('Body parts')
    expect(termName(vocabularies, 'zone_kind', 'harbour', 'zh-CN')).toBe('港区')
    expect(termName(vocabularies, 'project_type', 'relocation', 'en')).toBe('Relocation')
    expect(termName(vocabularies, 'carrier_kind', 'pilot-plant', 'zh-CN')).toBe('中试基地')
  })
  it('falls back to the Chinese name, then to the id; no word is a dash', () => {
    expect(termName(vocabularies, 'segment', 'interior', 'en')).toBe('内饰件')
    expect(termName(vocabularies, 'segment', 'chassis', 'zh-CN')).toBe('chassis')
    expect(termName(vocabularies, 'candidate_kind', 'oem', 'zh-CN')).toBe('oem')
    expect(termName(null, 'segment', 'body', 'zh-CN')).toBe('body')
    expect(termName(vocabularies, 'segment', '', 'zh-CN')).toBe('—')
    expect(termName(vocabularies, 'segment', null, 'zh-CN')).toBe('—')
  })
  it('reads each kind from its own list', () => {
    expect(termName(vocabularies, 'zone_kind', 'body', 'zh-CN')).toBe('body')
  })
})

describe('termOptions', () => {
  it("lists the plan's words in its order, named", () => {
    expect(termOptions(vocabularies, 'segment', 'zh-CN')).toEqual([
      { value: 'body', label: '车身件' },
      { value: 'interior', label: '内饰件' },
    ])
    expect(termOptions(vocabularies, 'project_type', 'en').map((o) => o.label)).toEqual(['Relocation', 'Upgrade'])
    expect(termOptions(vocabularies, 'candidate_kind', 'zh-CN')).toEqual([])
    expect(termOptions(undefined, 'segment', 'zh-CN')).toEqual([])
  })
})

describe('useVocabulary', () => {
  afterEach(() => {
    currentPlan.value = null
    i18n.global.locale.value = 'zh-CN'
  })

  // A stand-in for a page: a record's segment and the segment filter's options.
  const Page = {
    setup() {
      const { term, terms, options } = useVocabulary()
      return () =>
        h('div', [
          h('span', { class: 'cell' }, term('segment', 'body')),
          h('span', { class: 'count' }, String(terms('segment').length)),
          ...options('segment').map((o) => h('option', { value: o.value }, o.label)),
        ])
    },
  }
  async function render(): Promise<string> {
    const app = createSSRApp({ render: () => h(Page) })
    app.use(i18n)
    return renderToString(app)
  }

  it("shows the current plan's names in the cells and the filter", async () => {
    currentPlan.value = plan(vocabularies)
    const html = await render()
    expect(html).toContain('<span class="cell">车身件</span>')
    expect(html).toContain('<span class="count">2</span>')
    expect(html).toContain('<option value="body">车身件</option><option value="interior">内饰件</option>')
  })

  it('follows the language', async () => {
    currentPlan.value = plan(vocabularies)
    i18n.global.locale.value = 'en'
    expect(await render()).toContain('<option value="body">Body parts</option><option value="interior">内饰件</option>')
  })

  it('follows the plan: another plan names the same word its own way', async () => {
    currentPlan.value = plan({ ...vocabularies, segment: [{ id: 'body', name: { zh: '白车身', en: 'Body in white' } }] })
    const html = await render()
    expect(html).toContain('<span class="cell">白车身</span>')
    expect(html).not.toContain('车身件')
  })

  it('shows the ids, and no options, until the plan has arrived', async () => {
    const html = await render()
    expect(html).toContain('<span class="cell">body</span>')
    expect(html).not.toContain('<option')
  })
})

describe('the app names no plan word itself', () => {
  it('has no message dictionary of segments, project types or zone kinds', () => {
    for (const messages of [zhCN, en]) {
      for (const key of ['segment', 'projectType', 'zoneKind', 'carrierKind', 'candidateKind']) expect(Object.keys(messages)).not.toContain(key)
    }
  })

  it('labels no record word from the message files', () => {
    const root = fileURLToPath(new URL('..', import.meta.url))
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name)
        return statSync(path).isDirectory() ? files(path) : [path]
      })
    const USE = /\blabel\(\s*['"`](segment|projectType|zoneKind|carrierKind|candidateKind)['"`]/
    const hits = files(root)
      .filter((f) => /\.(ts|vue)$/.test(f) && !/\.test\.ts$/.test(f))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .flatMap((line, i) => (USE.test(line) ? [`${relative(root, f)}:${i + 1}: ${line.trim()}`] : [])),
      )
    expect(hits).toEqual([])
  })
})
