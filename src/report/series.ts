// Backlog and utilisation over the simulated period, for the report's line charts: each
// replication's whole-model samples (src/sim/replication.ts, `series`), averaged in blocks to
// a chart's resolution, then the mean and the lowest and highest replication at each point.
import type {FlowSummary, Series} from '../sim/api.js'
import type {OverTime, SeriesBand} from './types.js'

/** Points a chart draws: one per block of samples. */
export const CHART_POINTS = 200

/** Undefined when the runs were not sampled. */
export function overTime(label: string, flow: FlowSummary): OverTime | undefined {
  const series = flow.runs.map((r) => r.series).filter((s): s is Series => s !== undefined)
  if (series.length === 0) return undefined
  const n = Math.min(...series.map((s) => s.inSystem.length))
  const block = Math.max(1, Math.ceil(n / CHART_POINTS))
  const blocks = Math.floor(n / block)
  const avg = (xs: number[], b: number) => {
    let sum = 0
    for (let i = b * block; i < (b + 1) * block; i++) sum += xs[i]
    return sum / block
  }
  const band = (f: (s: Series, b: number) => number): SeriesBand => {
    const out: SeriesBand = {mean: [], lo: [], hi: []}
    for (let b = 0; b < blocks; b++) {
      const v = series.map((s) => f(s, b))
      out.mean.push(v.reduce((a, x) => a + x, 0) / v.length)
      out.lo.push(Math.min(...v))
      out.hi.push(Math.max(...v))
    }
    return out
  }
  return {
    label,
    stepHours: series[0].step * block,
    backlog: band((s, b) => avg(s.inSystem, b)),
    utilisation: band((s, b) => (s.servers > 0 ? avg(s.busy, b) / s.servers : 0)),
  }
}
