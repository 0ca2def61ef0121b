import { describe, expect, it } from 'vitest'
import { ApiError, networkError, problemToError } from '../api/client'
import { describeError } from './problem'

describe('describeError', () => {
  const unknownEnterprise = problemToError(404, {
    type: '/problems/not-found',
    status: 404,
    code: 'not-found',
    field: 'id',
    detail: 'id: no enterprise "nope"',
    message: { zh: '参数 id 指向的对象不存在：id: no enterprise "nope"', en: 'id: no enterprise "nope"' },
  })
  it('shows an unknown id in Chinese without the server’s English words', () => {
    const d = describeError(unknownEnterprise, 'zh-CN')
    expect(d.message).toBe('未找到所请求的记录，编号可能有误或该记录不存在')
    expect(d.message).not.toMatch(/[A-Za-z]/)
    expect(d.code).toBe('not-found · HTTP 404')
    expect(d.raw).toContain('no enterprise')
  })
  it('uses English in the English UI', () => {
    expect(describeError(unknownEnterprise, 'en').message).toMatch(/^The requested record was not found/)
  })
  it('localises a network failure', () => {
    expect(describeError(networkError(new TypeError('Failed to fetch')), 'zh-CN').message).toBe('无法连接服务器，请检查网络或稍后重试')
    expect(describeError(new TypeError('NetworkError when attempting to fetch resource.'), 'zh-CN').message).toBe('无法连接服务器，请检查网络或稍后重试')
  })
  it('names the parameter of an invalid value and localises a bare HTTP error', () => {
    const bad = problemToError(400, { code: 'invalid-date', field: 'as_of', status: 400, message: { zh: 'x', en: 'x' } })
    expect(describeError(bad, 'zh-CN').message).toBe('请求参数“as_of”的取值无效')
    expect(describeError(problemToError(502, undefined), 'zh-CN').message).toBe('服务器返回错误（HTTP 502）')
    expect(describeError(new ApiError(500, 'internal', { zh: '', en: '' }), 'zh-CN').message).toBe('服务器内部出错，请稍后重试')
  })
})

describe('describeError for the plan of the address', () => {
  it('names an unknown plan and says where to choose one', () => {
    const e = problemToError(404, {
      code: 'not-found',
      field: 'plan',
      status: 404,
      instance: '/api/v1/targets?plan=no-such-plan&sample=true',
      message: { zh: "规划不存在：no plan 'no-such-plan'", en: "no plan 'no-such-plan'" },
    })
    expect(describeError(e, 'zh-CN').message).toBe('本库没有规划“no-such-plan”，请在页眉的规划菜单中选择一个')
    expect(describeError(e, 'en').message).toContain('no-such-plan') // the server's English, which lists the plans
  })
  it('asks for a plan when several have no default', () => {
    const e = problemToError(400, { code: 'invalid-argument', field: 'plan', status: 400, instance: '/api/v1/targets', message: { zh: 'x', en: 'x' } })
    expect(describeError(e, 'zh-CN').message).toBe('本库有多个规划且未设默认规划，请在页眉的规划菜单中选择一个')
  })
})

describe('describeError with a clean server message', () => {
  const injected = problemToError(500, { code: 'internal', status: 500, message: { zh: '端到端测试注入的服务器错误', en: 'Server failure injected' } })
  it('shows the server message of the UI language when it reads as that language', () => {
    expect(describeError(injected, 'zh-CN').message).toBe('端到端测试注入的服务器错误')
    expect(describeError(injected, 'en').message).toBe('Server failure injected')
  })
})
