// The tier every unit counts in for per-tier figures (the funnel, simulate's tier table, the
// report and the dashboard), so that the tiers' staff add up to the model's staff: a unit's
// own declared tier; else its nearest ancestor's (a department counts in its territory's
// tier); else, with no tier anywhere above it, the model's top declared tier.
import {indexModel} from '../../model/routing.js'
import {TIERS} from '../../model/types.js'
import type {Model, Tier} from '../../model/types.js'
import {effectiveTier} from '../../graph/flows.js'

const cache = new WeakMap<Model, Array<Tier | undefined>>()

/** Tiers in the order of model.units; undefined only when no unit declares a tier. */
export function unitTiers(model: Model): Array<Tier | undefined> {
  let tiers = cache.get(model)
  if (tiers) return tiers
  const ix = indexModel(model)
  const top = TIERS.find((t) => model.units.some((u) => u.tier === t))
  tiers = model.units.map((u) => effectiveTier(ix, u) ?? top)
  cache.set(model, tiers)
  return tiers
}
