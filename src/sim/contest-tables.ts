// Contested ownership (推诿扯皮), compiled: for each contested source and each department its
// plans end at, routing.ts's contest scope (candidates in that department's territory, the
// arbiter, the assignee, a named owner) as flat tables. Built once per model.
import {contestScope} from '../model/routing.js'
import type {ModelIndex} from '../model/routing.js'
import type {Contested, Model} from '../model/types.js'
import {SELF} from './plan-share.js'
import type {SharedPlans} from './plan-share.js'
import {E_FLAGS, E_STAGE, F_CONTESTABLE, F_DISPATCHED, lastStageUnit} from './plans.js'

export interface ContestTables {
  /** Entry of (source, department) in the tables below; absent when nothing can be contested there. */
  entryOf: Map<number, number>
  /** Per entry: candidates [candStart, candEnd) in `cand`; arbiter, assignee and owner units (-1: none). */
  candStart: Int32Array
  candEnd: Int32Array
  cand: Int32Array
  arbiter: Int32Array
  assignee: Int32Array
  owner: Int32Array
  /** Refusals before arbitration for this entry (1 under a hotline's ruling). */
  maxTransfers: Int32Array
}

export class ContestBuilder {
  private readonly entryOf = new Map<number, number>()
  private readonly e = {candStart: [] as number[], candEnd: [] as number[], arbiter: [] as number[], assignee: [] as number[], owner: [] as number[], max: [] as number[]}
  private readonly cand: number[] = []
  /** (source, department) keys already found to have no contest. */
  private readonly nothing = new Set<number>()

  constructor(
    private readonly ix: ModelIndex,
    private readonly model: Model,
    private readonly unitIndex: Map<string, number>,
    private readonly nUnits: number,
  ) {}

  /**
   * Registers the contests of source `s` (needs id `needs`) for items landing on each of
   * `units`, then on `issuer` (-1: none): at the department each one's plan ends at, when
   * that is where a contest can be decided (F_CONTESTABLE).
   */
  addAll(s: number, contested: Contested, needs: number, units: ArrayLike<number>, issuer: number, p: SharedPlans): void {
    for (let k = 0; k <= units.length; k++) {
      const u = k < units.length ? units[k] : issuer
      if (u < 0) continue
      const e = p.planOf[needs * this.nUnits + u] * 8
      if (e < 0 || (p.planEntry[e + E_FLAGS] & F_CONTESTABLE) === 0) continue
      const last = lastStageUnit(p.plans, p.planEntry[e + E_STAGE])
      this.add(s, contested, last === SELF ? u : last, (p.planEntry[e + E_FLAGS] & F_DISPATCHED) !== 0)
    }
  }

  /** Registers the contest of source `s` at department `dept` (a plan's last unit); `dispatched` under a hotline. */
  add(s: number, contested: Contested, dept: number, dispatched: boolean): void {
    const key = s * this.nUnits + dept
    if (this.entryOf.has(key) || this.nothing.has(key)) return
    const scope = contestScope(this.ix, contested, this.model.units[dept].id, this.model.rules, dispatched)
    if (scope.candidates.length === 0) {
      this.nothing.add(key)
      return
    }
    const idx = (id: string | undefined) => (id === undefined ? -1 : this.unitIndex.get(id)!)
    this.entryOf.set(key, this.e.candStart.length)
    this.e.candStart.push(this.cand.length)
    for (const c of scope.candidates) this.cand.push(idx(c))
    this.e.candEnd.push(this.cand.length)
    this.e.arbiter.push(idx(scope.arbiter))
    this.e.assignee.push(idx(scope.assignee))
    this.e.owner.push(idx(scope.owner))
    this.e.max.push(scope.maxTransfers)
  }

  freeze(): ContestTables {
    return {
      entryOf: this.entryOf,
      candStart: Int32Array.from(this.e.candStart),
      candEnd: Int32Array.from(this.e.candEnd),
      cand: Int32Array.from(this.cand),
      arbiter: Int32Array.from(this.e.arbiter),
      assignee: Int32Array.from(this.e.assignee),
      owner: Int32Array.from(this.e.owner),
      maxTransfers: Int32Array.from(this.e.max),
    }
  }
}
