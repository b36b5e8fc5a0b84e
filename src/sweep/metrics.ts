// What a sweep measures: the comparison's metrics (src/compare/metrics.ts: tier means, item
// counts, lead times, the structural alignment), one value per replication; and `unit.*`
// metrics, one value per unit and replication. Each replication becomes rows of the tidy table.
import {getMetric, unitGroups, METRICS} from '../compare/index.js'
import type {Metric, MetricUnit, UnitGroups} from '../compare/index.js'
import {NONNEGATIVE, SHARE} from '../metrics/flow/estimate.js'
import {TIERS} from '../model/types.js'
import type {Model} from '../model/types.js'
import type {ReplicationResult, UnitRun} from '../sim/index.js'

export const UNIT_METRICS = {
  utilisation: {en: 'Utilisation', zh: '利用率', unit: 'share'},
  meanWait: {en: 'Mean wait (h)', zh: '平均等待（小时）', unit: 'hours'},
  p95LeadTime: {en: 'p95 lead time (h)', zh: '95%分位办理周期（小时）', unit: 'hours'},
  backlog: {en: 'Backlog at horizon', zh: '期末积压', unit: 'count'},
  meanSojourn: {en: 'Mean time in unit (h)', zh: '平均停留（小时）', unit: 'hours'},
  meanLeadTime: {en: 'Mean lead time of items ending here (h)', zh: '在此办结事项平均周期（小时）', unit: 'hours'},
} as const satisfies Record<string, {en: string; zh: string; unit: MetricUnit}>
type UnitField = keyof typeof UNIT_METRICS

export const DEFAULT_SWEEP_METRICS = ['community.utilisation', 'community.wait'] as const

export interface SweepMetric {
  id: string
  en: string
  zh: string
  unit: MetricUnit
  /** One row per unit (`unit.*`) rather than one per replication. */
  perUnit: boolean
  /** The tier the metric is about (`community.wait` → community), if any. */
  tier?: string
  /** Where its values can lie: confidence intervals are clipped to it. */
  range: readonly [number, number]
}

export function sweepMetric(id: string): SweepMetric | undefined {
  const range = (u: MetricUnit) => (u === 'share' ? SHARE : NONNEGATIVE)
  if (id.startsWith('unit.')) {
    const field = id.slice(5)
    if (!(field in UNIT_METRICS)) return undefined
    const m = UNIT_METRICS[field as UnitField]
    return {id, en: m.en, zh: m.zh, unit: m.unit, perUnit: true, range: range(m.unit)}
  }
  const m = getMetric(id)
  if (!m) return undefined
  const head = id.split('.')[0]
  return {id, en: m.en, zh: m.zh, unit: m.unit, perUnit: false, tier: (TIERS as readonly string[]).includes(head) ? head : undefined, range: range(m.unit)}
}

export function knownMetricIds(): string[] {
  return [...METRICS.map((m) => m.id), ...Object.keys(UNIT_METRICS).map((f) => `unit.${f}`)]
}

/** The rows of one replication: metric index, unit id ('' for model-level), tier, value. */
export interface MeasuredRows {
  metric: number[]
  unit: string[]
  tier: string[]
  value: number[]
}

/** What measuring needs of one cell's model, computed once per cell. */
export interface CellMeasure {
  groups: UnitGroups
  metrics: Array<{def: SweepMetric; metric?: Metric}>
  /** Structural values, per metric index. */
  structural: Map<number, number>
  /** Ids of the units that get per-unit rows, and their tiers. */
  unitTiers: Map<string, string>
}

export function prepareMeasure(model: Model, metricIds: readonly string[], rowUnits: ReadonlySet<string> | undefined): CellMeasure {
  const metrics = metricIds.map((id) => ({def: sweepMetric(id)!, metric: getMetric(id)}))
  const structural = new Map<number, number>()
  metrics.forEach((m, i) => {
    if (m.metric?.kind === 'structure') structural.set(i, m.metric.value(model))
  })
  const unitTiers = new Map<string, string>()
  for (const u of model.units) if (!rowUnits || rowUnits.has(u.id)) unitTiers.set(u.id, u.tier ?? '')
  return {groups: unitGroups(model), metrics, structural, unitTiers}
}

export function measure(run: ReplicationResult, m: CellMeasure): MeasuredRows {
  const out: MeasuredRows = {metric: [], unit: [], tier: [], value: []}
  m.metrics.forEach(({def, metric}, i) => {
    if (def.perUnit) {
      const field = def.id.slice(5) as UnitField
      for (const u of run.units) {
        const tier = m.unitTiers.get(u.id)
        if (tier === undefined) continue
        out.metric.push(i)
        out.unit.push(u.id)
        out.tier.push(tier)
        out.value.push((u as UnitRun)[field])
      }
      return
    }
    out.metric.push(i)
    out.unit.push('')
    out.tier.push(def.tier ?? '')
    out.value.push(metric!.kind === 'structure' ? m.structural.get(i)! : metric!.value(run, m.groups))
  })
  return out
}
