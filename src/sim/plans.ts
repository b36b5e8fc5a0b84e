// Work plans: what happens to an item once it is at the unit that must handle it. A plan is
// a short list of stages (formal part, hand-offs, escalation hops, report, summons wait,
// dispatch, the work) built once per (needed powers, start unit) from routing.ts, which the
// structural flow analysis follows too.
import {dispatchPlan, isTerritorial, resolutionPlan} from '../model/routing.js'
import type {ModelIndex, ResolutionPlan} from '../model/routing.js'
import type {Distribution, Model} from '../model/types.js'
import type {DistTable} from './dist.js'

/** Stage kinds. WORK and FORMAL draw the item's own effort; ESCALATE, REPORT and DISPATCH the rules'. */
export const WORK = 0
export const FORMAL = 1
export const ESCALATE = 2
export const REPORT = 3
/** Waits occupying no one: a summoned department's response, a hand-over, a hotline's dispatch time. */
export const SUMMON_WAIT = 4
export const HANDOFF = 5
export const DISPATCH = 6
export const DISPATCH_WAIT = 7

export const COMPLETED = 1
export const UNRESOLVED = 2

/** Plan flags (E_FLAGS). */
export const F_DISPATCHED = 1
/** The last stage is work at a department, so a contested item's owner can be disputed there. */
export const F_CONTESTABLE = 2

export interface PlanTables {
  /** Stage records of 4 (S_*). */
  stageRec: Int32Array
  nStages: number
}

export const S_UNIT = 0
export const S_TYPE = 1
/** On a plan's last stage its end code, outcome | hops << 2; 0 on the others. */
export const S_END = 2
/** Waits: the distribution of the wait. */
export const S_DIST = 3

/** Entries of 8 per (needs, unit) slot of planOf: the plan's counters and its first stage. */
export const E_STAGE = 0
export const E_ESCALATIONS = 1
export const E_SUMMONS = 2
export const E_MULTI = 3
export const E_UNIT = 4
export const E_TYPE = 5
export const E_END = 6
export const E_FLAGS = 7

export function isWait(type: number): boolean {
  return type === SUMMON_WAIT || type === HANDOFF || type === DISPATCH_WAIT
}

export class PlanBuilder {
  /** Per plan: its entry (E_*). */
  private readonly entries: number[][] = []
  private readonly stages: number[] = []
  private readonly summonsTime = new Map<string, Distribution>()

  constructor(
    private readonly ix: ModelIndex,
    private readonly model: Model,
    private readonly unitIndex: Map<string, number>,
    private readonly dists: DistTable,
    /** The hand-off delay distribution of each unit (dist index). */
    private readonly handoff: Int32Array,
  ) {
    for (const r of model.relations) {
      if (r.type === 'summons' && r.responseTime !== undefined) this.summonsTime.set(`${r.from}\u0000${r.to}`, {dist: 'fixed', value: r.responseTime})
    }
  }

  /**
   * The plan of an item needing `needs` that lands on unit `unitId`; `request` for resident
   * demand. Called once per (needs, unit) slot of compile.ts's planOf, so nothing is cached here.
   */
  plan(needs: readonly string[], unitId: string, request: boolean): number {
    const dispatched = request && this.model.rules.hotline !== undefined && this.model.rules.hotline.centres.length > 0
    const plan = dispatched
      ? dispatchPlan(this.ix, unitId, needs, this.model.rules)
      : resolutionPlan(this.ix, unitId, needs, this.model.rules, (from, to) => this.summonsTime.get(`${from}\u0000${to}`))
    return this.build(plan, unitId)
  }

  /** The entry (E_*) of plan `id`. */
  entry(id: number): readonly number[] {
    return this.entries[id]
  }

  private build(planned: ResolutionPlan, unitId: string): number {
    // A hand-over to a unit whose hand-off delay is zero is no stage at all.
    const plan = {...planned, stages: planned.stages.filter((st) => st.type !== 'handoff' || this.handoff[this.index(st.unit)] >= 0)}
    const first = this.stages.length >> 2
    // A dispatched request is raised at the hotline centre: hops count from there.
    const raisedAt = plan.dispatched ? plan.stages[0].unit : unitId
    const touched = new Set<string>()
    let escalations = 0
    plan.stages.forEach((st, k) => {
      const last = k === plan.stages.length - 1
      const u = this.index(st.unit)
      let type: number
      let dist = -1
      switch (st.type) {
        case 'work':
          type = WORK
          break
        case 'formal':
          type = FORMAL
          break
        case 'escalate':
          type = ESCALATE
          escalations++
          break
        case 'report':
          type = REPORT
          break
        case 'dispatch':
          type = DISPATCH
          break
        case 'handoff':
          type = HANDOFF
          dist = this.handoff[u]
          break
        case 'delay':
          type = plan.dispatched ? DISPATCH_WAIT : SUMMON_WAIT
          dist = this.dists.add(st.delay!)
          break
      }
      if (!isWait(type)) touched.add(st.unit)
      this.stages.push(u, type, 0, dist)
      if (last) this.stages[((first + k) << 2) + S_END] = (plan.outcome === 'completed' ? COMPLETED : UNRESOLVED) | ([...touched].filter((x) => x !== raisedAt).length << 2)
    })
    const lastStage = plan.stages[plan.stages.length - 1]
    const lastUnit = this.ix.byId.get(lastStage.unit)
    const contestable = lastStage.type === 'work' && !plan.summons && lastUnit !== undefined && !isTerritorial(this.ix, lastUnit)
    const flags = (plan.dispatched ? F_DISPATCHED : 0) | (contestable ? F_CONTESTABLE : 0)
    const s0 = first << 2
    this.entries.push([first, escalations, plan.summons ? 1 : 0, touched.size > 1 ? 1 : 0, this.stages[s0 + S_UNIT], this.stages[s0 + S_TYPE], this.stages[s0 + S_END], flags])
    return this.entries.length - 1
  }

  private index(id: string): number {
    const i = this.unitIndex.get(id)
    if (i === undefined) throw new Error(`sim/plans: unknown unit ${id}`)
    return i
  }

  freeze(): PlanTables {
    return {stageRec: Int32Array.from(this.stages), nStages: this.stages.length >> 2}
  }
}

/** One record per planOf slot, so starting a plan costs one cache miss rather than three. */
export function planEntries(planOf: Int32Array, b: PlanBuilder): Int32Array {
  const out = new Int32Array(planOf.length * 8).fill(-1)
  for (let k = 0; k < planOf.length; k++) if (planOf[k] >= 0) out.set(b.entry(planOf[k]), k * 8)
  return out
}
