// Baseline against scenario, metric by metric: replication r of one is paired with
// replication r of the other, which ran on the same seed (common random numbers).
import type {Model} from '../model/types.js'
import type {ReplicationResult} from '../sim/api.js'
import {unitGroups} from './metrics.js'
import type {Metric, MetricUnit} from './metrics.js'
import {exactDifference, pairedDifference} from './paired.js'
import type {PairedDifference} from './paired.js'

export interface Side {
  model: Model
  runs: readonly ReplicationResult[]
}

export interface MetricRow extends PairedDifference {
  id: string
  en: string
  zh: string
  unit: MetricUnit
  kind: 'flow' | 'structure'
}

export function compareRuns(baseline: Side, scenario: Side, metrics: readonly Metric[]): MetricRow[] {
  if (baseline.runs.length !== scenario.runs.length) {
    throw new RangeError(`the baseline has ${baseline.runs.length} replications and the scenario ${scenario.runs.length}: they must be paired`)
  }
  baseline.runs.forEach((r, i) => {
    if (r.seed !== scenario.runs[i].seed) throw new RangeError(`replication ${i} ran on different seeds (${r.seed} and ${scenario.runs[i].seed}): not common random numbers`)
  })
  const gb = unitGroups(baseline.model)
  const gs = unitGroups(scenario.model)
  return metrics.map((m) => {
    const d =
      m.kind === 'structure'
        ? exactDifference(m.value(baseline.model), m.value(scenario.model))
        : pairedDifference(
            baseline.runs.map((r) => m.value(r, gb)),
            scenario.runs.map((r) => m.value(r, gs)),
          )
    return {id: m.id, en: m.en, zh: m.zh, unit: m.unit, kind: m.kind, ...d}
  })
}
