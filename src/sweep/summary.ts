// From the rows of every work unit to the sweep's summary: per cell, each metric's mean over
// replications with its 95% CI; for a grid, each factor's main effect (per value, the mean
// over the cells that have it, paired by replication); for Morris and Sobol designs, the
// sensitivity indices of every model-level metric (computed on the cells' means).
import {estimate} from '../metrics/flow/estimate.js'
import type {Estimate} from '../sim/index.js'
import {morrisIndices} from './analysis/morris.js'
import {sobolIndices} from './analysis/sobol.js'
import {sweepMetric} from './metrics.js'
import {designPoints, gridValues} from './plan.js'
import type {PlanFactor, SweepPlan} from './plan.js'
import {seededRng} from './random.js'
import type {UnitResult} from './runner.js'
import type {FactorValue} from './values.js'

export interface CellSummary {
  cell: number
  values: Record<string, FactorValue>
  /** Model-level metrics by id. */
  metrics: Record<string, Estimate>
  /** `unit.*` metrics: one entry per unit. */
  units?: Array<{metric: string; unit: string; tier: string} & Estimate>
}

export interface MainEffect {
  factor: string
  value: FactorValue
  cells: number
  metrics: Record<string, Estimate>
  /** Change against the factor's first value, paired by replication (common random numbers). */
  changes: Record<string, Estimate>
}

export type SensitivityRow =
  | {method: 'morris'; metric: string; factor: string; mu: number; muStar: number; sigma: number; muStarLo: number; muStarHi: number; n: number}
  | {method: 'sobol'; metric: string; factor: string; s1: number; s1Lo: number; s1Hi: number; st: number; stLo: number; stHi: number; n: number}

export interface SweepSummary {
  sweep: Omit<SweepPlan, 'factors' | 'cells' | 'metrics' | 'format'>
  factors: Array<Omit<PlanFactor, never>>
  metrics: Array<{id: string; en: string; zh: string; unit: string; perUnit: boolean; tier: string}>
  cells: CellSummary[]
  mainEffects?: MainEffect[]
  sensitivity?: SensitivityRow[]
}

/** Values of each (cell, metric, unit) over replications, in replication order. */
function collect(plan: SweepPlan, units: readonly UnitResult[]): Map<string, number[]>[] {
  const byCell = plan.cells.map(() => new Map<string, number[]>())
  for (const u of units) {
    const cell = Math.floor(u.k / plan.replications)
    const r = u.k % plan.replications
    for (let i = 0; i < u.value.length; i++) {
      const key = `${u.metric[i]}\u0000${u.unit[i]}\u0000${u.tier[i]}`
      let list = byCell[cell].get(key)
      if (!list) byCell[cell].set(key, (list = new Array<number>(plan.replications).fill(NaN)))
      list[r] = u.value[i]
    }
  }
  return byCell
}

export function summariseSweep(plan: SweepPlan, units: readonly UnitResult[]): SweepSummary {
  const defs = plan.metrics.map((id) => sweepMetric(id)!)
  const byCell = collect(plan, units)
  const modelValues = (cell: number, m: number) => byCell[cell].get(`${m}\u0000\u0000${defs[m].tier ?? ''}`) ?? new Array<number>(plan.replications).fill(NaN)
  const cells: CellSummary[] = plan.cells.map((values, c) => {
    const s: CellSummary = {cell: c, values: Object.fromEntries(plan.factors.map((f, j) => [f.id, values[j]])), metrics: {}}
    defs.forEach((d, m) => {
      if (!d.perUnit) s.metrics[d.id] = estimate(modelValues(c, m), d.range)
    })
    if (defs.some((d) => d.perUnit)) {
      s.units = []
      for (const [key, xs] of byCell[c]) {
        const [m, unit, tier] = key.split('\u0000')
        const d = defs[Number(m)]
        if (d.perUnit) s.units.push({metric: d.id, unit, tier, ...estimate(xs, d.range)})
      }
    }
    return s
  })
  const {format: _f, factors: _fa, cells: _c, metrics: _m, ...sweep} = plan
  const out: SweepSummary = {
    sweep,
    factors: plan.factors,
    metrics: defs.map((d) => ({id: d.id, en: d.en, zh: d.zh, unit: d.unit, perUnit: d.perUnit, tier: d.tier ?? ''})),
    cells,
  }
  const modelMetrics = defs.map((d, m) => ({d, m})).filter((x) => !x.d.perUnit)
  if (plan.design === 'grid') out.mainEffects = mainEffects(plan, modelMetrics, modelValues)
  if (plan.design === 'morris' || plan.design === 'sobol') {
    const points = designPoints(plan)!
    const rng = seededRng(plan.seed, `sweep-bootstrap:${plan.design}`)
    const k = plan.factors.length
    out.sensitivity = []
    for (const {d, m} of modelMetrics) {
      const y = plan.cells.map((_, c) => meanOf(modelValues(c, m)))
      if (plan.design === 'morris') {
        morrisIndices(points, y, k, plan.bootstrap, rng).forEach((ix, j) => out.sensitivity!.push({method: 'morris', metric: d.id, factor: plan.factors[j].id, ...ix}))
      } else {
        sobolIndices(y, k, plan.bootstrap, rng).forEach((ix, j) => out.sensitivity!.push({method: 'sobol', metric: d.id, factor: plan.factors[j].id, ...ix}))
      }
    }
  }
  return out
}

function meanOf(xs: readonly number[]): number {
  const f = xs.filter((x) => Number.isFinite(x))
  return f.length === 0 ? NaN : f.reduce((a, b) => a + b, 0) / f.length
}

/**
 * A grid factor's main effect at each of its values: for every replication, the mean of the
 * metric over the cells with that value (so the cells' common seeds stay paired), then the
 * mean and CI of those over replications.
 */
function mainEffects(plan: SweepPlan, metrics: Array<{d: NonNullable<ReturnType<typeof sweepMetric>>; m: number}>, values: (cell: number, m: number) => number[]): MainEffect[] {
  const out: MainEffect[] = []
  plan.factors.forEach((f, j) => {
    const first = new Map<string, number[]>()
    for (const v of gridValues(f)) {
      const cells = plan.cells.map((c, i) => (c[j] === v ? i : -1)).filter((i) => i >= 0)
      const e: MainEffect = {factor: f.id, value: v, cells: cells.length, metrics: {}, changes: {}}
      for (const {d, m} of metrics) {
        const perRep = Array.from({length: plan.replications}, (_, r) => meanOf(cells.map((c) => values(c, m)[r])))
        e.metrics[d.id] = estimate(perRep, d.range)
        if (!first.has(d.id)) first.set(d.id, perRep)
        const base = first.get(d.id)!
        e.changes[d.id] = estimate(perRep.map((x, r) => x - base[r]))
      }
      out.push(e)
    }
  })
  return out
}
