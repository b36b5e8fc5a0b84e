// Principals per community (多头管理): the distinct units whose tasks reach a community,
// directly or through relays. One principal is a clean chain of command; dozens are the
// "many hats" of the funnel's tip.
import {analyseFlows, flowOf} from '../../graph/flows.js'
import type {Model, Tier} from '../../model/types.js'

export interface PrincipalsReport {
  tier: Tier
  units: number
  mean: number
  median: number
  min: number
  max: number
  /** How many units have each number of principals, ascending. */
  distribution: {principals: number; units: number}[]
}

export function principals(model: Model, tier: Tier = 'community'): PrincipalsReport {
  const flows = analyseFlows(model)
  const counts = model.units.filter((u) => u.tier === tier && flows.ix.territorialKinds.has(u.kind)).map((u) => flowOf(flows, u.id).issuers.size)
  counts.sort((a, b) => a - b)
  const n = counts.length
  const histogram = new Map<number, number>()
  for (const c of counts) histogram.set(c, (histogram.get(c) ?? 0) + 1)
  return {
    tier,
    units: n,
    mean: n > 0 ? counts.reduce((s, c) => s + c, 0) / n : 0,
    median: n === 0 ? 0 : n % 2 === 1 ? counts[(n - 1) / 2] : (counts[n / 2 - 1] + counts[n / 2]) / 2,
    min: n > 0 ? counts[0] : 0,
    max: n > 0 ? counts[n - 1] : 0,
    distribution: [...histogram].map(([principals, units]) => ({principals, units})),
  }
}
