// Responsibility alignment (权责一致率): the share of the hours spent resolving items that
// lands on units holding every power the item needs. Items needing no power are aligned;
// forwarding effort is not resolution and is left out. Under 属地管理 a community that must
// "handle" enforcement it has no power for is the typical misalignment.
import {analyseFlows, flowOf} from '../../graph/flows.js'
import {TIERS} from '../../model/types.js'
import type {Model, Tier} from '../../model/types.js'

export interface AlignmentReport {
  /** aligned / resolution hours; 1 when no resolution work lands anywhere. */
  rate: number
  alignedHours: number
  resolutionHours: number
  byTier: {tier: Tier; rate: number; alignedHours: number; resolutionHours: number}[]
}

export function alignment(model: Model): AlignmentReport {
  const flows = analyseFlows(model)
  const byTier = new Map<Tier, {aligned: number; total: number}>()
  let aligned = 0
  let total = 0
  for (const u of model.units) {
    const f = flowOf(flows, u.id)
    if (f.resolutionHours === 0) continue
    aligned += f.alignedHours
    total += f.resolutionHours
    if (!u.tier) continue
    const t = byTier.get(u.tier) ?? {aligned: 0, total: 0}
    t.aligned += f.alignedHours
    t.total += f.resolutionHours
    byTier.set(u.tier, t)
  }
  return {
    rate: total > 0 ? aligned / total : 1,
    alignedHours: aligned,
    resolutionHours: total,
    byTier: TIERS.filter((t) => byTier.has(t)).map((tier) => {
      const t = byTier.get(tier)!
      return {tier, rate: t.aligned / t.total, alignedHours: t.aligned, resolutionHours: t.total}
    }),
  }
}
