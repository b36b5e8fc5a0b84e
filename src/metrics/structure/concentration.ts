// Concentration of task inflow per community: the Herfindahl–Hirschman index of the hours
// arriving from each issuer (Σ sᵢ², sᵢ = issuer i's share). 1 means one principal sends
// everything; 1/HHI is the "equivalent number" of equally weighted principals.
import {analyseFlows, flowOf} from '../../graph/flows.js'
import type {Model, Tier} from '../../model/types.js'

export interface ConcentrationReport {
  tier: Tier
  /** Units of the tier that receive any task hours. */
  units: number
  mean: number
  min: number
  max: number
  /** Mean over units of 1/HHI. */
  meanEquivalentIssuers: number
}

export function hhi(shares: Iterable<number>): number {
  let total = 0
  const values: number[] = []
  for (const v of shares) {
    total += v
    values.push(v)
  }
  if (!(total > 0)) return 0
  return values.reduce((s, v) => s + (v / total) ** 2, 0)
}

export function concentration(model: Model, tier: Tier = 'community'): ConcentrationReport {
  const flows = analyseFlows(model)
  const values: number[] = []
  for (const u of model.units) {
    if (u.tier !== tier) continue
    const h = hhi(flowOf(flows, u.id).inflowByIssuer.values())
    if (h > 0) values.push(h)
  }
  const n = values.length
  return {
    tier,
    units: n,
    mean: n > 0 ? values.reduce((s, v) => s + v, 0) / n : 0,
    min: n > 0 ? Math.min(...values) : 0,
    max: n > 0 ? Math.max(...values) : 0,
    meanEquivalentIssuers: n > 0 ? values.reduce((s, v) => s + 1 / v, 0) / n : 0,
  }
}
