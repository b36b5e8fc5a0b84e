// The funnel profile (倒三角漏斗): per tier, how many units and staff there are, how many
// units above send work down to it, how many distinct items reach it, and how the hours
// demanded of it compare with the hours its staff have.
import {analyseFlows, demandedHours, effectiveTier, flowOf} from '../../graph/flows.js'
import {tierRank} from '../../model/routing.js'
import {TIERS} from '../../model/types.js'
import type {Model, Tier} from '../../model/types.js'
import {ratio} from './load.js'
import {unitTiers} from './tiers.js'

export interface FunnelRow {
  tier: Tier
  /** Units counted in the tier (unitTiers: departments in their territory's tier); staff add up to the model's. */
  units: number
  staff: number
  /** Distinct issuing units of a higher tier whose tasks reach units of this tier. */
  issuersAbove: number
  /** Distinct catalogue items reaching units of this tier. */
  taskItems: number
  /** Task, relay, request and returned-task hours per year landing on the tier. */
  demandedHours: number
  /** staff × hoursPerYear. */
  availableHours: number
  /** demanded / available; null when the tier has no staff. */
  nominalLoad: number | null
}

export function funnel(model: Model): FunnelRow[] {
  const flows = analyseFlows(model)
  const ix = flows.ix
  const tierOf = new Map<string, Tier | undefined>()
  const issuerTier = (id: string): Tier | undefined => {
    if (!tierOf.has(id)) {
      const u = ix.byId.get(id)
      tierOf.set(id, u ? effectiveTier(ix, u) : undefined)
    }
    return tierOf.get(id)
  }
  const rows: FunnelRow[] = []
  const counted = unitTiers(model)
  for (const tier of TIERS) {
    const units = model.units.filter((_, i) => counted[i] === tier)
    if (units.length === 0) continue
    const above = new Set<string>()
    let staff = 0
    let demanded = 0
    for (const u of units) {
      staff += u.staff
      const f = flowOf(flows, u.id)
      demanded += demandedHours(f)
      for (const issuer of f.issuers) {
        const t = issuerTier(issuer)
        if (t !== undefined && tierRank(t) < tierRank(tier)) above.add(issuer)
      }
    }
    const available = staff * flows.hoursPerYear
    const load = ratio(demanded, available)
    rows.push({
      tier,
      units: units.length,
      staff,
      issuersAbove: above.size,
      taskItems: flows.tierItems.get(tier)?.size ?? 0,
      demandedHours: demanded,
      availableHours: available,
      nominalLoad: Number.isFinite(load) ? load : null,
    })
  }
  return rows
}
