// One replication: compile (or reuse a compiled model), run to the horizon, read the counters.
// Also the live, steppable simulation the dashboard drives.
import type {Model} from '../model/types.js'
import type {ItemCounts, LiveSimulation, LiveSnapshot, ReplicationResult, Series, SimOptions, UnitRun} from './api.js'
import {compileModel} from './compile.js'
import {unitTiers} from '../metrics/structure/tiers.js'
import type {Compiled} from './compile.js'
import {DEFAULT_MAX_LIVE_JOBS, LiveBoundError, RunawayError} from './bounds.js'
import {Engine, L_COUNT, L_HOURS, U_ARRIVED, U_AREA, U_BUSY, U_BUSY_HOURS, U_IN_SYSTEM, U_SERVED, U_SOJOURN_HOURS, U_WAIT_COUNT, U_WAIT_HOURS} from './engine.js'

export function runReplication(model: Model, options: SimOptions): ReplicationResult {
  return runCompiled(compileModel(model), options)
}

/** Steps per replication when its progress is watched: fine enough for a bar, too few to cost time. */
export const PROGRESS_STEPS = 256

/**
 * Runs to the horizon. With `onAdvance`, in PROGRESS_STEPS steps of simulated time, reporting the
 * clock after each: events are processed in the same order either way, so the result is the same.
 */
export function runCompiled(c: Compiled, options: SimOptions, onAdvance?: (now: number) => void): ReplicationResult {
  const run = steppedReplication(c, options, onAdvance ? PROGRESS_STEPS : undefined)
  while (!run.step()) onAdvance?.(run.now)
  return run.result()
}

/** Events per slice of a stepped run: a few milliseconds of work (more with a trace sink). */
const SLICE_EVENTS = 20_000

export interface SteppedReplication {
  /** Advances one slice of simulated time; true once the horizon is reached. */
  step(): boolean
  /** The simulated clock. */
  readonly now: number
  result(): ReplicationResult
}

/**
 * A replication run in slices of simulated time, sized by the events each slice processed (no
 * clock), so a caller can yield between slices (signals, progress). Slicing changes nothing:
 * the events are processed in the same order. A pool outgrowing its bound becomes a
 * RunawayError naming the unit with the longest line.
 */
export function steppedReplication(c: Compiled, options: SimOptions, steps?: number): SteppedReplication {
  checkOptions(options)
  const e = new Engine(c, options.seed, options.horizon, options.warmup, options.trace, options.focus)
  limitLive(e, options.maxLiveJobs)
  // A run that records its series steps at the sample points (and reports progress there).
  if (options.series) steps = SERIES_POINTS
  const series = options.series ? newSeries(c, options.horizon) : undefined
  let slice = options.horizon / 4096
  let k = 0
  let done = false
  return {
    get now() {
      return e.now
    },
    step(): boolean {
      if (done) return true
      const before = e.events
      // `steps`: fixed boundaries (horizon × k / steps, as progress reports them); else adaptive.
      const until = steps ? (options.horizon * ++k) / steps : Math.min(options.horizon, e.now + slice)
      try {
        e.runUntil(until)
      } catch (error) {
        if (error instanceof LiveBoundError) throw runaway(e, error)
        throw error
      }
      if (series) record(e, series)
      const n = e.events - before
      slice *= n === 0 ? 4 : Math.min(4, Math.max(0.25, SLICE_EVENTS / n))
      done = steps ? k >= steps : until >= options.horizon
      return done
    },
    result(): ReplicationResult {
      return {...readResult(e, options.seed), ...(series ? {series} : {})}
    },
  }
}

/** Points sampled over the horizon: enough for MSER-5's batches of five and for a chart. */
export const SERIES_POINTS = 1000

function newSeries(c: Compiled, horizon: number): Series {
  let servers = 0
  for (let u = 0; u < c.nUnits; u++) servers += c.servers[u]
  return {step: horizon / SERIES_POINTS, inSystem: [], busy: [], servers}
}

/** Appends the work in system and the busy servers now (between events: changes nothing). */
function record(e: Engine, series: Series): void {
  let n = 0
  let b = 0
  for (let u = 0; u < e.c.nUnits; u++) {
    n += e.stat(u, U_IN_SYSTEM)
    b += e.stat(u, U_BUSY)
  }
  series.inSystem.push(n)
  series.busy.push(b)
}

/**
 * Runs e to the horizon in SERIES_POINTS steps, sampling after each: the event loop runs
 * unchanged between samples, so the trajectory is the same as one runUntil(horizon).
 */
export function sample(e: Engine, c: Compiled, horizon: number): Series {
  const series = newSeries(c, horizon)
  for (let k = 1; k <= SERIES_POINTS; k++) {
    e.runUntil(k === SERIES_POINTS ? horizon : k * series.step)
    record(e, series)
  }
  return series
}

function limitLive(e: Engine, maxLiveJobs = DEFAULT_MAX_LIVE_JOBS): void {
  e.jobs.maxCapacity = maxLiveJobs
  e.heap.maxEvents = 2 * maxLiveJobs + 2 * e.c.nArrivals
}

function runaway(e: Engine, bound: LiveBoundError): RunawayError {
  let worst = -1
  let most = -1
  for (let u = 0; u < e.c.nUnits; u++) {
    const n = e.stat(u, U_IN_SYSTEM)
    if (n > most) {
      most = n
      worst = u
    }
  }
  return new RunawayError(worst >= 0 ? e.c.unitIds[worst] : '', Math.max(0, most), bound.live, e.now)
}

function checkOptions(o: SimOptions): void {
  if (!Number.isFinite(o.horizon) || o.horizon <= 0) throw new RangeError(`sim: horizon must be a positive number of hours, got ${o.horizon}`)
  if (!Number.isFinite(o.warmup) || o.warmup < 0 || o.warmup >= o.horizon) {
    throw new RangeError(`sim: warm-up must be at least 0 and shorter than the horizon, got ${o.warmup}`)
  }
}

function readResult(e: Engine, seed: number): ReplicationResult {
  e.closeAreas()
  const c = e.c
  const span = e.now - e.warmup
  const {open, overdue} = e.scanOpen()
  const units: UnitRun[] = []
  for (let u = 0; u < c.nUnits; u++) {
    const cap = c.servers[u] * span
    const hist = e.leadHistogram(u)
    const at = (field: number) => e.stat(u, field)
    const served = at(U_SERVED)
    const ended = e.leadStat(u, L_COUNT)
    units.push({
      id: c.unitIds[u],
      utilisation: cap > 0 ? at(U_BUSY_HOURS) / cap : 0,
      meanWait: at(U_WAIT_COUNT) > 0 ? at(U_WAIT_HOURS) / at(U_WAIT_COUNT) : 0,
      p95LeadTime: hist ? hist.quantile(0.95) : NaN,
      backlog: at(U_IN_SYSTEM),
      arrived: at(U_ARRIVED),
      served,
      busyHours: at(U_BUSY_HOURS),
      waitHours: at(U_WAIT_HOURS),
      started: at(U_WAIT_COUNT),
      meanSojourn: served > 0 ? at(U_SOJOURN_HOURS) / served : 0,
      meanInSystem: span > 0 ? at(U_AREA) / span : 0,
      itemsEnded: ended,
      meanLeadTime: ended > 0 ? e.leadStat(u, L_HOURS) / ended : NaN,
    })
  }
  const focus = e.tally.focus()
  const items: ItemCounts = {generated: e.generated, completed: e.completed, rejected: e.rejected, unresolved: e.unresolved, open}
  const split = e.communityHours
  const splitTotal = split[0] + split[1] + split[2]
  return {
    seed,
    warmup: e.warmup,
    events: e.events,
    items,
    overdue: e.overdue + overdue,
    units,
    duplicates: {
      duplicateContacts: e.households.duplicateContacts,
      duplicateFields: e.households.duplicateFields,
      recollectedContacts: e.households.recollectedContacts,
      householdContacts: e.households.contacts,
      platformContacts: e.households.platformContacts,
      inspections: e.inspections,
      redundantInspections: e.redundantInspections,
      multiUnitItems: e.multiUnitItems,
      relayHopsPerItem: e.generated > 0 ? e.relayHops / e.generated : 0,
      escalations: e.escalations,
      summons: e.summons,
      pingPong: e.pingPong,
      contestedItems: e.contested,
      transfersPerContested: e.contested > 0 ? e.pingPong / e.contested : 0,
      arbitrationShare: e.contested > 0 ? e.arbitrations / e.contested : 0,
      returned: e.returned,
    },
    timeSplit: {
      service: splitTotal > 0 ? split[0] / splitTotal : 0,
      admin: splitTotal > 0 ? split[1] / splitTotal : 0,
      inspection: splitTotal > 0 ? split[2] / splitTotal : 0,
    },
    communityHours: {service: split[0], admin: split[1], inspection: split[2]},
    requests: {
      raised: e.raised,
      resolved: e.resolved,
      resolutionRate: e.raised > 0 ? e.resolved / e.raised : 0,
      meanTimeToResolve: e.resolved > 0 ? e.resolveHours / e.resolved : NaN,
      p90TimeToResolve: e.resolveHist.quantile(0.9),
      meanHops: e.requestsEnded > 0 ? e.requestHops / e.requestsEnded : 0,
    },
    tasks: e.tally.tasks(),
    ...(focus !== undefined && {focus}),
  }
}

/** A simulation the caller advances step by step (the dashboard); same engine, same seed. */
export function createSimulation(model: Model, options: SimOptions): LiveSimulation {
  checkOptions(options)
  const c = compileModel(model)
  const e = new Engine(c, options.seed, options.horizon, options.warmup, options.trace)
  const tiers = unitTiers(model)
  limitLive(e, options.maxLiveJobs)
  return {
    get now() {
      return e.now
    },
    advance(hours: number): void {
      try {
        e.runUntil(Math.min(options.horizon, e.now + Math.max(0, hours)))
      } catch (error) {
        throw error instanceof LiveBoundError ? runaway(e, error) : error
      }
    },
    snapshot(): LiveSnapshot {
      const {open} = e.scanOpen()
      let leadHours = 0
      for (let u = 0; u < c.nUnits; u++) leadHours += e.leadStat(u, L_HOURS)
      const units = c.unitIds.map((id, u) => ({
        id,
        tier: tiers[u],
        busy: e.stat(u, U_BUSY),
        staff: c.model.units[u].staff,
        queue: e.queues.length(u),
        utilisation: c.servers[u] > 0 ? e.stat(u, U_BUSY) / c.servers[u] : 0,
        waitHours: e.stat(u, U_WAIT_HOURS),
      }))
      const split = e.communityHours
      const total = split[0] + split[1] + split[2]
      return {
        time: e.now,
        items: {generated: e.generated, completed: e.completed, rejected: e.rejected, unresolved: e.unresolved, open},
        units,
        leadHours,
        duplicates: {duplicateContacts: e.households.duplicateContacts, redundantInspections: e.redundantInspections, escalations: e.escalations, summons: e.summons, returned: e.returned, pingPong: e.pingPong},
        timeSplit: {service: total > 0 ? split[0] / total : 0, admin: total > 0 ? split[1] / total : 0, inspection: total > 0 ? split[2] / total : 0},
        requests: {raised: e.raised, resolved: e.resolved, waiting: e.raised - e.requestsEnded},
      }
    },
  }
}
