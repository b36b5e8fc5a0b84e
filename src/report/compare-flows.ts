// Baseline versus reform for the report, through the same comparison as `loudou compare`
// (src/compare: paired differences over replications run on common random numbers), with
// each side's own 95% CI added and the direction in which a change is an improvement.
import {DEFAULT_METRICS, compareRuns, getMetric, unitGroups, type Metric, type MetricUnit} from '../compare/index.js'
import {estimate} from '../metrics/flow/estimate.js'
import type {Model} from '../model/types.js'
import type {FlowSummary, ReplicationResult} from '../sim/api.js'
import type {ComparisonRow, Est} from './types.js'

/** Which way is better; metrics without an entry are shown as changed, not judged. */
export const BETTER: Record<string, 'lower' | 'higher'> = {
  'community.utilisation': 'lower',
  'street.utilisation': 'lower',
  'community.wait': 'lower',
  'community.leadTime': 'lower',
  'leadTime.mean': 'lower',
  'leadTime.p95': 'lower',
  'items.completed': 'higher',
  'items.unresolved': 'lower',
  'items.open': 'lower',
  'duplicates.contacts': 'lower',
  'duplicates.inspections': 'lower',
  relayHops: 'lower',
  escalations: 'lower',
  'timeSplit.service': 'higher',
  // Shares add up to one: fewer inspections raise the admin share without more admin work.
  'timeSplit.inspection': 'lower',
  'requests.resolutionRate': 'higher',
  'requests.meanTimeToResolve': 'lower',
  alignment: 'higher',
}

export function compareFlows(baseModel: Model, base: FlowSummary, model: Model, flow: FlowSummary, ids: readonly string[] = DEFAULT_METRICS): ComparisonRow[] {
  const metrics = ids.map((id) => getMetric(id)).filter((m): m is Metric => m !== undefined)
  const rows = compareRuns({model: baseModel, runs: base.runs}, {model, runs: flow.runs}, metrics)
  const out: ComparisonRow[] = []
  rows.forEach((r, i) => {
    // Nothing to compare: a metric neither side produces, or zero on both sides throughout.
    if (!Number.isFinite(r.baseline) && !Number.isFinite(r.scenario)) return
    if (r.baseline === 0 && r.scenario === 0 && r.lo === 0 && r.hi === 0) return
    out.push({
      key: r.id,
      label: {en: r.en, zh: r.zh},
      unit: r.unit,
      baseline: side(metrics[i], baseModel, base.runs, r.baseline),
      scenario: side(metrics[i], model, flow.runs, r.scenario),
      diff: {mean: r.change, lo: r.lo, hi: r.hi, n: r.n},
      better: BETTER[r.id],
      significant: r.significant,
      ...(r.noChange ? {noChange: true} : {}),
    })
  })
  return out
}

/** One side's mean with its own CI over replications (exact for structural metrics). */
function side(m: Metric, model: Model, runs: readonly ReplicationResult[], mean: number): Est {
  if (m.kind === 'structure') return {mean, lo: mean, hi: mean, n: 1}
  const groups = unitGroups(model)
  const e = estimate(runs.map((r) => m.value(r, groups)))
  return {mean: e.mean, lo: e.lo, hi: e.hi, n: e.n}
}

export type {MetricUnit}
