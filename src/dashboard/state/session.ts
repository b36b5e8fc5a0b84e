// The live simulations behind the dashboard: the baseline and, when reforms are on, the
// reformed model run with the same seed and kept at the same simulated time (common random
// numbers), each with a per-day history for the sparklines. Deterministic: no clocks, no
// randomness of its own; the UI clock only decides how many hours to advance.
import type {Model} from '../../model/types.js'
import type {LiveSimulation, LiveSnapshot, SimOptions} from '../../sim/api.js'
import {push, ring, type Ring} from './history.js'

export type CreateSimulation = (model: Model, options: SimOptions) => LiveSimulation

/** One reform of a scenario, as the dashboard offers it on a number key. */
export interface ReformEntry {
  type: string
  /** Name of the scenario it comes from. */
  scenario: string
  /** The reform exactly as the reforms module takes it. */
  spec: unknown
}

/** Builds the reformed model from the baseline and the enabled reforms, in order. */
export type ApplyReforms = (model: Model, reforms: ReformEntry[]) => Model

export interface SideData {
  model: Model
  snapshot: LiveSnapshot
  /** Items queued across all units, one value per simulated day. */
  backlog: Ring
  /** Resident requests waiting, one value per simulated day. */
  waiting: Ring
  /**
   * Utilisation so far per unit: the mean of the daily samples of busy staff / staff. The
   * live snapshot's utilisation is instantaneous; rankings need a steadier figure.
   */
  utilisation: ReadonlyMap<string, number>
}

export interface SessionOptions {
  model: Model
  seed: number
  createSimulation: CreateSimulation
  reforms?: ReformEntry[]
  applyReforms?: ApplyReforms
  /** Hours after which the clock stops; default ten simulated years. */
  horizon?: number
  /** Days of history kept for the sparklines. */
  historyDays?: number
}

export interface Session {
  readonly time: number
  readonly horizon: number
  readonly hoursPerDay: number
  readonly reforms: readonly ReformEntry[]
  advance(hours: number): void
  reset(): void
  /** Rebuilds the reformed side; returns an error message if the reforms cannot apply. */
  setEnabled(enabled: readonly boolean[]): string | undefined
  baseline(): SideData
  reformed(): SideData | undefined
}

const EPS = 1e-9
const UTIL_PER_DAY = 4
const GOLDEN = 0.6180339887498949

interface Side {
  model: Model
  sim: LiveSimulation
  backlog: Ring
  waiting: Ring
  utilSum: Map<string, number>
  samples: number
  snap?: LiveSnapshot
}

export function createSession(options: SessionOptions): Session {
  const {model, seed, createSimulation} = options
  const reforms = options.reforms ?? []
  const hoursPerDay = model.clock.hoursPerDay
  const horizon = options.horizon ?? hoursPerDay * model.clock.daysPerYear * 10
  const historyDays = options.historyDays ?? 240
  let time = 0
  let enabled: ReformEntry[] = []

  const makeSide = (m: Model): Side => ({
    model: m,
    sim: createSimulation(m, {seed, horizon, warmup: 0}),
    backlog: ring(historyDays),
    waiting: ring(historyDays),
    utilSum: new Map(),
    samples: 0,
  })
  // History: one point per simulated day, at the day's end.
  const sampleDay = (s: Side): void => {
    const snap = (s.snap ??= s.sim.snapshot())
    s.backlog = push(s.backlog, snap.units.reduce((sum, u) => sum + u.queue, 0))
    s.waiting = push(s.waiting, snap.requests.waiting)
  }
  // Utilisation so far: the snapshot's utilisation is instantaneous, so it is sampled
  // UTIL_PER_DAY times a day at phases that shift from day to day (golden-ratio sequence),
  // lest tasks that recur daily at the same hour bias every sample the same way.
  const sampleUtil = (s: Side): void => {
    const snap = (s.snap ??= s.sim.snapshot())
    for (const u of snap.units) s.utilSum.set(u.id, (s.utilSum.get(u.id) ?? 0) + u.utilisation)
    s.samples++
  }
  const utilTime = (i: number): number => {
    const d = Math.floor(i / UTIL_PER_DAY)
    const phase = (d * GOLDEN) % 1
    return (d + (i % UTIL_PER_DAY + phase) / UTIL_PER_DAY) * hoursPerDay
  }
  // Advances the given sides from `from` to `to`, sampling on the way.
  const run = (sides: Side[], from: number, to: number): void => {
    let t = from
    while (t < to - EPS) {
      const s0 = sides[0]
      const dayEnd = (Math.floor(t / hoursPerDay + EPS) + 1) * hoursPerDay
      const util = utilTime(s0.samples)
      const next = Math.min(to, dayEnd, util)
      if (next > t) {
        for (const s of sides) {
          s.sim.advance(next - t)
          s.snap = undefined
        }
        t = next
      }
      if (Math.abs(t - util) < EPS) for (const s of sides) sampleUtil(s)
      if (Math.abs(t - dayEnd) < EPS) for (const s of sides) sampleDay(s)
    }
  }

  let base = makeSide(model)
  let reformed: Side | undefined

  const build = (): string | undefined => {
    reformed = undefined
    if (enabled.length === 0) return undefined
    if (!options.applyReforms) return 'reforms are not available'
    try {
      const side = makeSide(options.applyReforms(model, enabled))
      run([side], 0, time)
      reformed = side
      return undefined
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
  }

  const view = (s: Side): SideData => {
    s.snap ??= s.sim.snapshot()
    const n = s.samples
    const utilisation = new Map<string, number>()
    for (const u of s.snap.units) utilisation.set(u.id, n > 0 ? (s.utilSum.get(u.id) ?? 0) / n : u.utilisation)
    return {model: s.model, snapshot: s.snap, backlog: s.backlog, waiting: s.waiting, utilisation}
  }

  return {
    get time() {
      return time
    },
    horizon,
    hoursPerDay,
    reforms,
    advance(hours) {
      const to = Math.min(horizon, time + Math.max(0, hours))
      run(reformed ? [base, reformed] : [base], time, to)
      time = to
    },
    reset() {
      time = 0
      base = makeSide(model)
      build()
    },
    setEnabled(mask) {
      enabled = reforms.filter((_, i) => mask[i] === true)
      return build()
    },
    baseline: () => view(base),
    reformed: () => (reformed ? view(reformed) : undefined),
  }
}
