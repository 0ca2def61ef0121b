// A project's schedule as the API judges it (docs/api.md, "Schedule"): late (滞后, red) when a
// milestone is overdue now, delayed (延期完成, amber) when it is not late but some milestone was
// reached after its planned date, else on time (按期) — but only when some milestone has a planned
// date: without one there is nothing to judge by, and it reads 无进度数据 (no-data), never 按期.
// Pure functions, unit-tested.

export type Schedule = 'late' | 'delayed' | 'on-time' | 'no-data'

export interface ScheduleMilestone {
  kind: string
  planned: string | null
  actual: string | null
  overdue: boolean
  overdue_days: number | null
  delay_days: number | null
}

/** Element Plus tag type and chart colour of each schedule. */
export const SCHEDULE_TAG: Record<Schedule, 'danger' | 'warning' | 'info'> = { late: 'danger', delayed: 'warning', 'on-time': 'info', 'no-data': 'info' }
export const SCHEDULE_COLOURS: Record<Schedule, string> = { late: '#f56c6c', delayed: '#e6a23c', 'on-time': '#1d4ed8', 'no-data': '#909399' }

/**
 * The project's schedule: the API's `schedule` when it sends one; else from the flags and the
 * milestones (no milestone with a planned date: no-data).
 */
export function projectSchedule(p: { late: boolean; delayed?: boolean; schedule?: string; milestones?: { planned: string | null }[] }): Schedule {
  if (p.schedule === 'late' || p.schedule === 'delayed' || p.schedule === 'on-time' || p.schedule === 'no-data') return p.schedule
  if (p.late) return 'late'
  if (p.delayed) return 'delayed'
  return (p.milestones ?? []).some((m) => !!m.planned) ? 'on-time' : 'no-data'
}

/** A milestone's own schedule: overdue (late), reached after plan (delayed), or neither. */
export function milestoneSchedule(m: Pick<ScheduleMilestone, 'overdue' | 'delay_days'>): Schedule {
  if (m.overdue) return 'late'
  return (m.delay_days ?? 0) > 0 ? 'delayed' : 'on-time'
}

/** One reason behind a project's flag: a milestone and how many days it is overdue or was late. */
export interface ScheduleReason {
  kind: string
  planned: string
  actual: string | null
  days: number
  overdue: boolean
}

/**
 * Why a project has its flag: for a late project its overdue milestones, for a delayed one the
 * milestones reached after plan; longest first. Empty for a project on time.
 */
export function scheduleReasons(milestones: ScheduleMilestone[], schedule: Schedule): ScheduleReason[] {
  const out: ScheduleReason[] = []
  for (const m of milestones) {
    if (!m.planned) continue
    if (schedule === 'late' && m.overdue) {
      out.push({ kind: m.kind, planned: m.planned, actual: null, days: m.overdue_days ?? 0, overdue: true })
    } else if (schedule === 'delayed' && (m.delay_days ?? 0) > 0) {
      out.push({ kind: m.kind, planned: m.planned, actual: m.actual, days: m.delay_days ?? 0, overdue: false })
    }
  }
  return out.sort((a, b) => b.days - a.days)
}

export interface ReasonLabels {
  kind: (kind: string) => string
  period: (date: string) => string
  /** "{kind}：计划 {planned}，已逾期 {days} 天" */
  overdue: (v: { kind: string; planned: string; days: number }) => string
  /** "{kind}：计划 {planned}，实际 {actual}，晚 {days} 天" */
  delayed: (v: { kind: string; planned: string; actual: string; days: number }) => string
}

/** One line of text per reason, for a tooltip. */
export function reasonLines(reasons: ScheduleReason[], labels: ReasonLabels): string[] {
  return reasons.map((r) => {
    const base = { kind: labels.kind(r.kind), planned: labels.period(r.planned), days: r.days }
    return r.overdue ? labels.overdue(base) : labels.delayed({ ...base, actual: labels.period(r.actual ?? '') })
  })
}
