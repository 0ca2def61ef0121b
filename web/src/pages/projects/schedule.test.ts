import { describe, expect, it } from 'vitest'
import { milestoneSchedule, projectSchedule, reasonLines, scheduleReasons, type ScheduleMilestone } from './schedule'

// A project on 2026-11-27: signed and started late, commissioned late, full production overdue.
const project: ScheduleMilestone[] = [
  { kind: 'signed', planned: '2021-06', actual: '2021-08', overdue: false, overdue_days: null, delay_days: 32 },
  { kind: 'started', planned: '2021-10', actual: '2021-12', overdue: false, overdue_days: null, delay_days: 31 },
  { kind: 'commissioned', planned: '2022-12', actual: '2023-05', overdue: false, overdue_days: null, delay_days: 121 },
  { kind: 'full-production', planned: '2025-12', actual: null, overdue: true, overdue_days: 331, delay_days: null },
]

const labels = {
  kind: (k: string) => `<${k}>`,
  period: (d: string) => `[${d}]`,
  overdue: (v: { kind: string; planned: string; days: number }) => `${v.kind} 计划 ${v.planned} 逾期 ${v.days} 天`,
  delayed: (v: { kind: string; planned: string; actual: string; days: number }) => `${v.kind} 计划 ${v.planned} 实际 ${v.actual} 晚 ${v.days} 天`,
}

describe('projectSchedule', () => {
  it('is late before delayed before on time', () => {
    expect(projectSchedule({ late: true, delayed: false })).toBe('late')
    expect(projectSchedule({ late: false, delayed: true })).toBe('delayed')
    expect(projectSchedule({ late: false, delayed: false, milestones: project })).toBe('on-time')
  })

  it('is no-data, never on time, when no milestone has a planned date', () => {
    expect(projectSchedule({ late: false, delayed: false })).toBe('no-data')
    expect(projectSchedule({ late: false, milestones: [] })).toBe('no-data')
    expect(projectSchedule({ late: false, milestones: [{ planned: null }] })).toBe('no-data')
  })

  it("takes the API's schedule when it sends one", () => {
    expect(projectSchedule({ late: false, delayed: false, schedule: 'no-data', milestones: project })).toBe('no-data')
    expect(projectSchedule({ late: false, delayed: false, schedule: 'on-time' })).toBe('on-time')
  })
})

describe('milestoneSchedule', () => {
  it('calls an overdue milestone late and one reached after plan delayed', () => {
    expect(project.map(milestoneSchedule)).toEqual(['delayed', 'delayed', 'delayed', 'late'])
    expect(milestoneSchedule({ overdue: false, delay_days: 0 })).toBe('on-time')
    expect(milestoneSchedule({ overdue: false, delay_days: null })).toBe('on-time')
  })
})

describe('scheduleReasons', () => {
  it('gives a late project only its overdue milestones', () => {
    expect(scheduleReasons(project, 'late')).toEqual([{ kind: 'full-production', planned: '2025-12', actual: null, days: 331, overdue: true }])
  })

  it('gives a delayed project its late milestones, longest delay first', () => {
    const done = project.slice(0, 3)
    expect(scheduleReasons(done, 'delayed').map((r) => [r.kind, r.days])).toEqual([
      ['commissioned', 121],
      ['signed', 32],
      ['started', 31],
    ])
  })

  it('gives nothing for a project on time or a milestone without a plan', () => {
    expect(scheduleReasons(project, 'on-time')).toEqual([])
    expect(scheduleReasons([{ kind: 'commissioned', planned: null, actual: '2021', overdue: false, overdue_days: null, delay_days: null }], 'delayed')).toEqual([])
  })
})

describe('reasonLines', () => {
  it('names the milestone, its dates and the days', () => {
    expect(reasonLines(scheduleReasons(project, 'late'), labels)).toEqual(['<full-production> 计划 [2025-12] 逾期 331 天'])
    expect(reasonLines(scheduleReasons(project.slice(0, 1), 'delayed'), labels)).toEqual(['<signed> 计划 [2021-06] 实际 [2021-08] 晚 32 天'])
  })
})
