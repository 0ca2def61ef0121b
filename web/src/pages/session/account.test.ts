import { describe, expect, it } from 'vitest'
import { problemToError } from '../../api/client'
import { localTime, lockedUntil, passwordBytes, passwordProblem, safeRedirect, serverMessage, setupToken, validUserName } from './account'

describe('safeRedirect', () => {
  it('keeps a path of this site, with its query and hash', () => {
    expect(safeRedirect('/forecast?as_of=2023-06-30&change=cancel%3Ap1')).toBe('/forecast?as_of=2023-06-30&change=cancel%3Ap1')
    expect(safeRedirect('/enterprises/a%2Fb#figures')).toBe('/enterprises/a%2Fb#figures')
    expect(safeRedirect(['/projects', '/zones'])).toBe('/projects')
  })
  it('goes to the start page for anything that could leave the site', () => {
    for (const bad of ['//evil.example/x', '/\\evil.example', '\\\\evil.example', 'https://evil.example/', 'javascript:alert(1)', 'evil.example', '/\t/evil.example', '/\n/evil.example', '', undefined, null, 42, ['//evil.example']]) {
      expect(safeRedirect(bad)).toBe('/')
    }
  })
  it('does not come back to the sign-in or setup page', () => {
    expect(safeRedirect('/login')).toBe('/')
    expect(safeRedirect('/login?redirect=%2Fzones')).toBe('/')
    expect(safeRedirect('/setup#token=x')).toBe('/')
    expect(safeRedirect('/loginhelp')).toBe('/loginhelp')
  })
})

describe('the account rules', () => {
  it('takes 2–64 of a-z 0-9 . _ - @ starting with a letter or digit as a user name', () => {
    for (const ok of ['li.ming', 'ab', '0admin', 'ent-a', 'a@b.example', 'x'.repeat(64)]) expect(validUserName(ok)).toBe(true)
    for (const bad of ['a', '', 'Li.Ming', 'li ming', '.li', '-li', '@li', '李明', 'x'.repeat(65), 'li/ming']) expect(validUserName(bad)).toBe(false)
  })
  it('counts a password in UTF-8 bytes: 10 to 1024', () => {
    expect(passwordBytes('密码')).toBe(6)
    expect(passwordProblem('123456789')).toBe('short')
    expect(passwordProblem('1234567890')).toBeNull()
    expect(passwordProblem('密码密码')).toBeNull() // 12 bytes, 4 characters
    expect(passwordProblem('x'.repeat(1024))).toBeNull()
    expect(passwordProblem('x'.repeat(1025))).toBe('long')
    expect(passwordProblem('密'.repeat(342))).toBe('long') // 1026 bytes
  })
})

describe('the setup link', () => {
  it('reads the token after #', () => {
    expect(setupToken('#token=JdDDKp5dOS3ZOKodJfBdVDsenXdzDvl7gPqcHG6b-CA')).toBe('JdDDKp5dOS3ZOKodJfBdVDsenXdzDvl7gPqcHG6b-CA')
    expect(setupToken('token=a_b-c')).toBe('a_b-c')
    expect(setupToken('')).toBe('')
    expect(setupToken('#other=1')).toBe('')
  })
})

describe('a refusal', () => {
  const locked = problemToError(429, {
    code: 'locked-out',
    status: 429,
    message: {
      zh: '密码错误次数过多，账号已锁定至 2026-12-08T02:09:43Z（15 分钟）；请届时再试，或请管理员重设密码',
      en: 'too many failed sign-ins: this account is locked until 2026-12-08T02:09:43Z (15 min); try again then, or ask an administrator to set a new password',
    },
  })
  it('is the server’s message in the UI language, as a sentence', () => {
    expect(serverMessage(locked, 'zh-CN')).toMatch(/^密码错误次数过多，账号已锁定至 2026-12-08T02:09:43Z/)
    expect(serverMessage(locked, 'en')).toMatch(/^Too many failed sign-ins: this account is locked until 2026-12-08T02:09:43Z/)
  })
  it('of a locked account says until when, also by the local clock', () => {
    const until = lockedUntil(locked.messages.en)
    expect(until?.toISOString()).toBe('2026-12-08T02:09:43.000Z')
    expect(localTime(until!)).toMatch(/^2026-12-0[78] \d{2}:\d{2}$/)
    expect(localTime(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05 07:03')
    expect(lockedUntil('wrong user name or password')).toBeNull()
  })
})
