// Picks from an enterprise's figures over time (GET /enterprises/{id} `figures`). Pure, unit-tested.

export interface AnnualFigure {
  year: number
  value: number
  /** Months the year's value covers (12: a complete year). */
  months: number
  sample: boolean
}

/**
 * The latest annual value of `metric` — of a complete year when there is one, else of the latest
 * partial year — or null when the figures do not have that metric.
 */
export function latestAnnual(figures: readonly { metric: string; annual: readonly AnnualFigure[] }[], metric: string): AnnualFigure | null {
  const annual = figures.find((f) => f.metric === metric)?.annual ?? []
  const byYear = [...annual].sort((a, b) => b.year - a.year)
  return byYear.find((a) => a.months >= 12) ?? byYear[0] ?? null
}

/**
 * The metric the figures open on: `current` while the figures have it, else output value (what
 * the plan's targets count), else the first metric; '' without figures.
 */
export function defaultFigureMetric(figures: readonly { metric: string }[], current = ''): string {
  if (current && figures.some((f) => f.metric === current)) return current
  return (figures.find((f) => f.metric === 'output_value') ?? figures[0])?.metric ?? ''
}

/** The figures in tab order: output value first, the rest as they come. */
export function orderFigures<T extends { metric: string }>(figures: readonly T[]): T[] {
  return [...figures].sort((a, b) => Number(b.metric === 'output_value') - Number(a.metric === 'output_value'))
}
