// Nominal load of each unit: the hours of work the structure demands of it per year over
// the hours its staff have (staff × hoursPerYear). Above 1 the unit cannot keep up even
// without queueing; the simulation checks its utilisation against this figure.
import {analyseFlows, demandedHours, flowOf} from '../../graph/flows.js'
import type {Model} from '../../model/types.js'

export interface UnitLoad {
  id: string
  demandedHours: number
  availableHours: number
  /** demanded / available; Infinity when work lands on a unit without staff. */
  load: number
}

export function unitLoads(model: Model): Map<string, UnitLoad> {
  const flows = analyseFlows(model)
  const out = new Map<string, UnitLoad>()
  for (const u of model.units) {
    const demanded = demandedHours(flowOf(flows, u.id))
    const available = u.staff * flows.hoursPerYear
    out.set(u.id, {id: u.id, demandedHours: demanded, availableHours: available, load: ratio(demanded, available)})
  }
  return out
}

/** demanded / available hours per unit id. */
export function nominalLoad(model: Model): Map<string, number> {
  const out = new Map<string, number>()
  for (const [id, l] of unitLoads(model)) out.set(id, l.load)
  return out
}

export function ratio(demanded: number, available: number): number {
  if (available > 0) return demanded / available
  return demanded > 0 ? Infinity : 0
}

/**
 * Units whose line only grows: work above what their staff can do (nominal load above 1, or
 * work and no staff). Before a run they get the `overloaded` or `staff-zero` warning; after it,
 * no run-length warning repeats that cause (src/metrics/flow/warnings.ts).
 */
export function unitsWithoutSteadyState(loads: ReadonlyMap<string, UnitLoad>): Set<string> {
  const out = new Set<string>()
  for (const [id, l] of loads) if (l.demandedHours > 0 && l.load > 1) out.add(id)
  return out
}
