// Per-task counts and lead times (how long a benefit approval takes), and per-unit-by-task
// hours for the units the caller focuses on. Fixed memory: a few doubles and one lead-time
// histogram per task, and one record per (focus unit, task).
import {BINS, binOf, LogHistogram} from '../metrics/flow/quantile.js'
import type {FocusRun, TaskRun} from './api.js'
import type {Compiled} from './compile.js'
import {DeferredCounts} from './deferred-counts.js'

const T_ITEMS = 0
const T_DONE = 1
const T_LEAD = 2
const T_MIN = 3
const T_MAX = 4
const T_UNRESOLVED = 5
const T_STRIDE = 8

const F_BUSY = 0
const F_WAIT = 1
const F_STARTED = 2
const F_DONE = 3
const F_LEAD = 4
const F_STRIDE = 8

export class Tally {
  private readonly t: Float64Array
  private readonly bins: DeferredCounts
  /** Focus slot of each unit, -1 when not in focus. */
  readonly focusOf: Int32Array
  private readonly focusUnits: number[]
  private readonly f: Float64Array

  constructor(
    private readonly c: Compiled,
    focus: readonly string[] = [],
  ) {
    this.t = new Float64Array(c.nSources * T_STRIDE)
    for (let s = 0; s < c.nSources; s++) {
      this.t[s * T_STRIDE + T_MIN] = Infinity
      this.t[s * T_STRIDE + T_MAX] = -Infinity
    }
    this.bins = new DeferredCounts(c.nSources * BINS)
    this.focusOf = new Int32Array(c.nUnits).fill(-1)
    const index = new Map(c.unitIds.map((id, u) => [id, u]))
    this.focusUnits = [...new Set(focus)].flatMap((id) => (index.has(id) ? [index.get(id)!] : []))
    this.focusUnits.forEach((u, k) => (this.focusOf[u] = k))
    this.f = new Float64Array(this.focusUnits.length * c.nSources * F_STRIDE)
  }

  born(s: number, n: number): void {
    this.t[s * T_STRIDE + T_ITEMS] += n
  }

  unresolved(s: number): void {
    this.t[s * T_STRIDE + T_UNRESOLVED]++
  }

  /** A counted item of source s completed at unit u after `lead` hours. */
  ended(s: number, u: number, lead: number): void {
    const o = s * T_STRIDE
    const t = this.t
    t[o + T_DONE]++
    t[o + T_LEAD] += lead
    if (lead < t[o + T_MIN]) t[o + T_MIN] = lead
    if (lead > t[o + T_MAX]) t[o + T_MAX] = lead
    this.bins.add(s * BINS + binOf(lead))
    const k = this.focusOf[u]
    if (k >= 0) {
      const fo = (k * this.c.nSources + s) * F_STRIDE
      this.f[fo + F_DONE]++
      this.f[fo + F_LEAD] += lead
    }
  }

  /** A job of source s started at focus slot k after waiting `wait`, busy `busy` hours inside the window. */
  service(k: number, s: number, wait: number, busy: number): void {
    const fo = (k * this.c.nSources + s) * F_STRIDE
    this.f[fo + F_WAIT] += wait
    this.f[fo + F_STARTED]++
    this.f[fo + F_BUSY] += busy
  }

  tasks(): TaskRun[] {
    const c = this.c
    const ids = [...c.model.tasks.map((t) => t.id), ...c.model.demand.map((d) => d.id)]
    return ids.map((id, s) => {
      const o = s * T_STRIDE
      const done = this.t[o + T_DONE]
      const h = new LogHistogram()
      h.counts.set(this.bins.read(s * BINS, (s + 1) * BINS))
      h.n = done
      h.min = this.t[o + T_MIN]
      h.max = this.t[o + T_MAX]
      return {id, items: this.t[o + T_ITEMS], completed: done, unresolved: this.t[o + T_UNRESOLVED], meanLeadTime: done > 0 ? this.t[o + T_LEAD] / done : NaN, p90LeadTime: h.quantile(0.9)}
    })
  }

  focus(): FocusRun[] | undefined {
    if (this.focusUnits.length === 0) return undefined
    const c = this.c
    const ids = [...c.model.tasks.map((t) => t.id), ...c.model.demand.map((d) => d.id)]
    return this.focusUnits.map((u, k) => ({
      id: c.unitIds[u],
      tasks: ids.flatMap((id, s) => {
        const fo = (k * c.nSources + s) * F_STRIDE
        const f = this.f
        if (f[fo + F_STARTED] === 0 && f[fo + F_DONE] === 0) return []
        return [{id, busyHours: f[fo + F_BUSY], waitHours: f[fo + F_WAIT], started: f[fo + F_STARTED], completed: f[fo + F_DONE], meanLeadTime: f[fo + F_DONE] > 0 ? f[fo + F_LEAD] / f[fo + F_DONE] : NaN}]
      }),
    }))
  }
}
