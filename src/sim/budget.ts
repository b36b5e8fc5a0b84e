// A run's size before it starts: items and events estimated from the compiled model's arrival
// rates, the fan-out of each task's relay tree, the stages of the plans its items follow, the
// horizon and the replications. An order-of-magnitude guard (within a factor of about three of
// the events a run processes on the shipped models), so that a rate typed a million times too
// high is refused in a second instead of filling the machine's memory for minutes.
import type {Compiled} from './compile.js'
import {E_STAGE, S_END} from './plans.js'
import {DEFAULT_MAX_EVENTS, MAX_UNIT_RESULTS} from './bounds.js'

export {DEFAULT_MAX_EVENTS, MAX_REPLICATIONS, MAX_UNIT_RESULTS} from './bounds.js'

export interface SourceLoad {
  /** Task or demand id. */
  source: string
  kind: 'task' | 'demand'
  /** Arrivals per working hour (instances for a task, summed over its issuers). */
  perHour: number
  /** Items per arrival: the targets a task instance fans out to (1 for a request). */
  fanOut: number
  /** Estimated events per replication. */
  events: number
}

export interface Budget {
  items: number
  events: number
  /** Per replication, the largest first. */
  sources: SourceLoad[]
  replications: number
  horizon: number
}

/** Events around one stage of work: joining the line, the service end, the hand-over. */
const EVENTS_PER_STAGE = 2
/** Events of an item outside its stages: its arrival and its end. */
const EVENTS_PER_ITEM = 2

export function estimateBudget(c: Compiled, o: {horizon: number; replications: number}): Budget {
  const stages = meanStagesByNeeds(c)
  const bySource = new Map<number, SourceLoad>()
  for (let a = 0; a < c.nArrivals; a++) {
    const s = c.arrSrc[a]
    const perHour = 1 / c.arrGap[a]
    const tree = c.arrTree[a]
    const fanOut = tree >= 0 ? c.routes.treeItems[tree] : 1
    const perItem = EVENTS_PER_ITEM + EVENTS_PER_STAGE * (stages[c.srcNeeds[s]] || 1)
    // Relays act once per instance per relay node: at most one per item below them.
    const perArrival = fanOut * perItem + (tree >= 0 ? EVENTS_PER_STAGE * fanOut : 0)
    let load = bySource.get(s)
    if (!load) {
      const isTask = s < c.nTasks
      const id = isTask ? c.model.tasks[s]?.id : c.model.demand[s - c.nTasks]?.id
      load = {source: id ?? String(s), kind: isTask ? 'task' : 'demand', perHour: 0, fanOut: 0, events: 0}
      bySource.set(s, load)
    }
    load.perHour += perHour
    load.fanOut = Math.max(load.fanOut, fanOut)
    load.events += perHour * o.horizon * perArrival
  }
  const sources = [...bySource.values()].sort((a, b) => b.events - a.events)
  const items = sources.reduce((n, s) => n + s.perHour * s.fanOut * o.horizon, 0) * o.replications
  const events = sources.reduce((n, s) => n + s.events, 0) * o.replications
  return {items, events, sources, replications: o.replications, horizon: o.horizon}
}

/** Mean stages of the plans in use, per needs set (every plan an item of that set may follow). */
function meanStagesByNeeds(c: Compiled): Float64Array {
  const nNeeds = c.nUnits > 0 ? Math.floor(c.planOf.length / c.nUnits) : 0
  const out = new Float64Array(nNeeds)
  for (let k = 0; k < nNeeds; k++) {
    let sum = 0
    let n = 0
    for (let u = 0; u < c.nUnits; u++) {
      const slot = k * c.nUnits + u
      if (c.planOf[slot] < 0) continue
      // A plan's stages run from its first to the one carrying an end code (plans.ts).
      let st = c.planEntry[c.planOf[slot] * 8 + E_STAGE]
      let stages = 1
      while (c.plans.stageRec[(st << 2) + S_END] === 0) {
        st++
        stages++
      }
      sum += stages
      n++
    }
    out[k] = n > 0 ? sum / n : 1
  }
  return out
}

/** Why a run is refused before it starts. */
export class BudgetError extends Error {
  constructor(
    readonly reason: 'events' | 'results',
    readonly budget: Budget,
    readonly limit: number,
    readonly units: number,
  ) {
    super(reason === 'events' ? `sim: about ${budget.events.toExponential(1)} events, over the budget of ${limit}` : `sim: ${budget.replications} replications × ${units} units of results, over ${limit}`)
    this.name = 'BudgetError'
  }
}

/** Throws BudgetError when the estimate exceeds `maxEvents` or the results would not fit. */
export function checkBudget(c: Compiled, o: {horizon: number; replications: number; maxEvents?: number}): Budget {
  const budget = estimateBudget(c, o)
  const limit = o.maxEvents ?? DEFAULT_MAX_EVENTS
  if (!(budget.events <= limit)) throw new BudgetError('events', budget, limit, c.nUnits)
  if (o.replications * c.nUnits > MAX_UNIT_RESULTS) throw new BudgetError('results', budget, MAX_UNIT_RESULTS, c.nUnits)
  return budget
}
