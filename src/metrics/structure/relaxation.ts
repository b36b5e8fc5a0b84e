// How long each unit's queue takes to forget its start, from the structure alone: the
// relaxation time of an M/M/c queue in heavy traffic (Whitt 1989; exact for M/M/1, Abate &
// Whitt 1987),
//
//   τ = s / (c (1 − √ρ)²)
//
// s the mean hours of a job at the unit (its demanded hours over its jobs per year), c its
// staff, ρ its nominal load. Job lengths count as exponential and arrivals as Poisson: the
// heavy-traffic factor (c_a² + c_s²) / 2 for other spreads is left out on purpose, because the
// shipped models' job mixes (c_s² 3.5 to 11 at their communities) would multiply τ by 2 to 6,
// and the default run of the classroom model from 25 to 74 replications (Handan: 19 to 87), on
// asymptotics that do not hold at 6 to 15 staff and 83 to 88% load (docs/metrics.md, *Run length*). The transient of a run that starts
// empty fades over a few τ, and the precision of the unit's waits grows with the number of τ
// observed, so the automatic warm-up and replication count both read it.
import {analyseFlows, demandedHours, flowOf} from '../../graph/flows.js'
import type {Model} from '../../model/types.js'
import {ratio} from './load.js'

/**
 * Relaxation times a run should observe of a queue, over all replications, before its waits
 * and their interval are read: about ±20% on the mean queue at 95% (Whitt 1989, M/M/1 near
 * saturation: the run length is (1.96 / 0.2)² ≈ 96 relaxation times).
 */
export const OBSERVED_RELAXATIONS = 100

export interface Relaxation {
  id: string
  staff: number
  /** Nominal load ρ (demanded / available hours). */
  load: number
  /** Mean hours of one job at the unit. */
  service: number
  /** τ in hours; Infinity at ρ ≥ 1 (the line only grows), 0 for a unit without work. */
  hours: number
}

/** τ = s / (c (1 − √ρ)²); Infinity at ρ ≥ 1, 0 without work or staff. */
export function relaxationTime(rho: number, service: number, servers: number): number {
  if (!(rho > 0) || !(service > 0) || !(servers > 0)) return 0
  return rho >= 1 ? Infinity : service / (servers * (1 - Math.sqrt(rho)) ** 2)
}

/** Every staffed unit with work, in model order. */
export function unitRelaxations(model: Model): Relaxation[] {
  const flows = analyseFlows(model)
  const out: Relaxation[] = []
  for (const u of model.units) {
    const f = flowOf(flows, u.id)
    const hours = demandedHours(f)
    if (!(u.staff > 0) || !(hours > 0) || !(f.jobs > 0)) continue
    const load = ratio(hours, u.staff * flows.hoursPerYear)
    const service = hours / f.jobs
    out.push({id: u.id, staff: u.staff, load, service, hours: relaxationTime(load, service, u.staff)})
  }
  return out
}

/**
 * The slowest queue that has a steady state: the largest finite τ over the units whose
 * nominal load lies in (minLoad, 1). Units at or above 1 have no steady state to wait for
 * (the `overloaded` warning names them); units at or below minLoad forget their start within a
 * few jobs.
 */
export function slowestQueue(model: Model, minLoad: number): Relaxation | undefined {
  let best: Relaxation | undefined
  for (const r of unitRelaxations(model)) {
    if (!(r.load > minLoad) || !Number.isFinite(r.hours)) continue
    if (!best || r.hours > best.hours) best = r
  }
  return best
}
