// The metrics a comparison reports. Flow metrics are read from each replication; units that
// a reform removes or merges are compared at tier level (means over a tier's units), so the
// baseline and the scenario always measure the same thing. Structural metrics are computed
// once per model and are exact.
import {alignment} from '../metrics/structure/index.js'
import type {Model, Unit} from '../model/types.js'
import type {ReplicationResult, UnitRun} from '../sim/api.js'

export type MetricUnit = 'share' | 'hours' | 'count' | 'ratio'

export interface MetricDefinition {
  id: string
  en: string
  zh: string
  unit: MetricUnit
  /** Flow metrics vary by replication; structural ones are exact. */
  kind: 'flow' | 'structure'
}

export interface FlowMetric extends MetricDefinition {
  kind: 'flow'
  value(run: ReplicationResult, groups: UnitGroups): number
}

export interface StructureMetric extends MetricDefinition {
  kind: 'structure'
  value(model: Model): number
}

export type Metric = FlowMetric | StructureMetric

/** Which units of a model belong to which group, by id, and every unit's staff (the weights). */
export interface UnitGroups {
  community: Set<string>
  street: Set<string>
  department: Set<string>
  staff: Map<string, number>
}

export function unitGroups(model: Model): UnitGroups {
  const ids = (f: (u: Unit) => boolean) => new Set(model.units.filter(f).map((u) => u.id))
  return {
    community: ids((u) => u.tier === 'community' && u.kind === 'community'),
    street: ids((u) => u.tier === 'street' && u.kind === 'street'),
    department: ids((u) => u.kind === 'department'),
    staff: new Map(model.units.map((u) => [u.id, u.staff])),
  }
}

/**
 * Busy hours over staff hours of a group: Σ staff × utilisation / Σ staff. A 15-person bureau
 * weighs 15 times a 1-person squad, so hours moved between them do not move the figure.
 */
function staffWeighted(units: UnitRun[], staff: Map<string, number>): number {
  return ratio(units, (u) => (staff.get(u.id) ?? 0) * u.utilisation, (u) => staff.get(u.id) ?? 0)
}

function pick(run: ReplicationResult, set: Set<string>): UnitRun[] {
  return run.units.filter((u) => set.has(u.id))
}

/** Σ num / Σ den over units (a job- or item-weighted mean); NaN when nothing was counted. */
function ratio(units: UnitRun[], num: (u: UnitRun) => number, den: (u: UnitRun) => number): number {
  let n = 0
  let d = 0
  for (const u of units) {
    const w = den(u)
    if (!(w > 0)) continue
    const x = num(u)
    if (!Number.isFinite(x)) continue
    n += x
    d += w
  }
  return d > 0 ? n / d : NaN
}

const flow = (id: string, en: string, zh: string, unit: MetricUnit, value: FlowMetric['value']): FlowMetric => ({id, en, zh, unit, kind: 'flow', value})
const dup = (run: ReplicationResult, key: string) => run.duplicates[key] ?? NaN
const allUnits = (run: ReplicationResult) => run.units

export const METRICS: readonly Metric[] = [
  flow('community.utilisation', 'Community utilisation (staff-weighted)', '社区利用率（按人员加权）', 'share', (r, g) => staffWeighted(pick(r, g.community), g.staff)),
  flow('street.utilisation', 'Street utilisation (staff-weighted)', '街道利用率（按人员加权）', 'share', (r, g) => staffWeighted(pick(r, g.street), g.staff)),
  flow('department.utilisation', 'Department utilisation (staff-weighted)', '部门利用率（按人员加权）', 'share', (r, g) => staffWeighted(pick(r, g.department), g.staff)),
  flow('community.wait', 'Mean wait at community (h, per job)', '社区平均等待（小时，按工作件数）', 'hours', (r, g) => ratio(pick(r, g.community), (u) => u.waitHours, (u) => u.started)),
  flow('community.leadTime', 'Lead time of items ending at community (h)', '社区办结事项周期（小时）', 'hours', (r, g) =>
    ratio(pick(r, g.community), (u) => u.meanLeadTime * u.itemsEnded, (u) => u.itemsEnded),
  ),
  flow('leadTime.mean', 'Mean lead time (h)', '平均办理周期（小时）', 'hours', (r) => ratio(allUnits(r), (u) => u.meanLeadTime * u.itemsEnded, (u) => u.itemsEnded)),
  flow('leadTime.p95', 'p95 lead time (h)', '95%分位办理周期（小时）', 'hours', (r) => ratio(allUnits(r), (u) => u.p95LeadTime * u.itemsEnded, (u) => u.itemsEnded)),
  flow('items.completed', 'Items completed', '办结事项', 'count', (r) => r.items.completed),
  flow('items.unresolved', 'Items unresolved', '未解决事项', 'count', (r) => r.items.unresolved),
  flow('items.rejected', 'Items rejected', '拒入事项', 'count', (r) => r.items.rejected),
  flow('items.open', 'Items open at horizon', '期末在办事项', 'count', (r) => r.items.open),
  flow('duplicates.contacts', 'Duplicate household contacts', '重复入户', 'count', (r) => dup(r, 'duplicateContacts')),
  flow('duplicates.inspections', 'Redundant inspections', '重复检查', 'count', (r) => dup(r, 'redundantInspections')),
  flow('relayHops', 'Relay hops per item', '每事项转手次数', 'ratio', (r) => dup(r, 'relayHopsPerItem')),
  flow('escalations', 'Escalations', '上报升级次数', 'count', (r) => dup(r, 'escalations')),
  flow('pingPong', 'Buck-passing refusals', '推诿次数', 'count', (r) => dup(r, 'pingPong')),
  flow('timeSplit.service', 'Community time: resident service', '社区时间：居民服务', 'share', (r) => r.timeSplit.service),
  flow('timeSplit.admin', 'Community time: administrative tasks', '社区时间：行政事务', 'share', (r) => r.timeSplit.admin),
  flow('timeSplit.inspection', 'Community time: inspections', '社区时间：迎检', 'share', (r) => r.timeSplit.inspection),
  flow('requests.resolutionRate', 'Request resolution rate', '诉求解决率', 'share', (r) => r.requests.resolutionRate),
  flow('requests.meanTimeToResolve', 'Mean time to resolve a request (h)', '诉求平均解决时间（小时）', 'hours', (r) => r.requests.meanTimeToResolve),
  {id: 'alignment', en: 'Responsibility alignment (structural)', zh: '权责一致率（结构）', unit: 'share', kind: 'structure', value: (m: Model) => alignment(m).rate},
  // Available through --metrics, not shown by default.
  flow('items.generated', 'Items generated', '产生事项', 'count', (r) => r.items.generated),
  flow('inspections', 'Inspections received', '接受检查次数', 'count', (r) => dup(r, 'inspections')),
  flow('summons', 'Departments summoned', '吹哨次数', 'count', (r) => dup(r, 'summons')),
  flow('returned', 'Items returned to departments', '退回部门事项', 'count', (r) => dup(r, 'returned')),
  flow('overdue', 'Items overdue', '逾期事项', 'count', (r) => r.overdue),
  flow('requests.p90TimeToResolve', 'p90 time to resolve a request (h)', '诉求90%分位解决时间（小时）', 'hours', (r) => r.requests.p90TimeToResolve),
  flow('arbitrationShare', 'Contested items that needed a ruling', '需裁定的争议事项占比', 'share', (r) => dup(r, 'arbitrationShare')),
  flow('transfersPerContested', 'Refusals per contested item', '每件争议事项被推诿次数', 'ratio', (r) => dup(r, 'transfersPerContested')),
]

/** The metrics shown when --metrics is not given: the key ones, in table order. */
export const DEFAULT_METRICS: readonly string[] = METRICS.slice(0, METRICS.findIndex((m) => m.id === 'alignment') + 1).map((m) => m.id)

export function getMetric(id: string): Metric | undefined {
  return METRICS.find((m) => m.id === id)
}
