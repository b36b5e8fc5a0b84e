// Work plans: what happens to an item once it is at the unit that must handle it. A plan is
// a short list of stages (formal part, escalation hops, report, summons delay, the work) built
// once per (needed powers, start unit) from routing.ts's resolutionPlan, which the structural
// flow analysis follows too.
import {resolutionPlan} from '../model/routing.js'
import type {ModelIndex, StageType} from '../model/routing.js'
import type {Model} from '../model/types.js'

/** Stage kinds. WORK and FORMAL draw the item's own effort; ESCALATE and REPORT the rules'. */
export const WORK = 0
export const FORMAL = 1
export const ESCALATE = 2
export const REPORT = 3
export const DELAY = 4

const STAGE_CODE: Record<StageType, number> = {work: WORK, formal: FORMAL, escalate: ESCALATE, report: REPORT, delay: DELAY}

export const COMPLETED = 1
export const UNRESOLVED = 2

export interface PlanTables {
  /** Per plan: stages [stageStart, stageEnd), outcome after the last stage, counters. */
  planStageStart: Int32Array
  planStageEnd: Int32Array
  planOutcome: Uint8Array
  /** Units the item is passed to after the start unit (distinct). */
  planHops: Int32Array
  planEscalations: Int32Array
  planSummons: Uint8Array
  /** Whether the item's own handling involves two or more units. */
  planMulti: Uint8Array
  stageUnit: Int32Array
  stageType: Uint8Array
  /** Hours of a DELAY stage. */
  stageDelay: Float64Array
  /** Plan of each stage, to read the plan's outcome at the last stage. */
  stagePlan: Int32Array
}

export class PlanBuilder {
  private readonly cache = new Map<string, number>()
  private readonly p = {start: [] as number[], end: [] as number[], outcome: [] as number[], hops: [] as number[], esc: [] as number[], summons: [] as number[], multi: [] as number[]}
  private readonly s = {unit: [] as number[], type: [] as number[], delay: [] as number[], plan: [] as number[]}
  private readonly summonsTime = new Map<string, number>()

  constructor(
    private readonly ix: ModelIndex,
    private readonly model: Model,
    private readonly unitIndex: Map<string, number>,
  ) {
    for (const r of model.relations) {
      if (r.type === 'summons' && r.responseTime !== undefined) this.summonsTime.set(`${r.from}\u0000${r.to}`, r.responseTime)
    }
  }

  /** The plan of an item needing `needs` (key `needsKey`) that lands on unit `unitId`. */
  plan(needsKey: string, needs: readonly string[], unitId: string): number {
    const key = `${needsKey}\u0000${unitId}`
    const known = this.cache.get(key)
    if (known !== undefined) return known
    const id = this.build(needs, unitId)
    this.cache.set(key, id)
    return id
  }

  private build(needs: readonly string[], unitId: string): number {
    const plan = resolutionPlan(this.ix, unitId, needs, this.model.rules, (from, to) => this.summonsTime.get(`${from}\u0000${to}`))
    const stages = plan.stages.map((st): [number, string, number] => [STAGE_CODE[st.type], st.unit, st.delay ?? 0])
    const outcome = plan.outcome === 'completed' ? COMPLETED : UNRESOLVED
    const summons = plan.summons ? 1 : 0
    const id = this.p.start.length
    this.p.start.push(this.s.unit.length)
    const touched = new Set<string>()
    let escalations = 0
    for (const [type, u, delay] of stages) {
      this.s.unit.push(this.index(u))
      this.s.type.push(type)
      this.s.delay.push(delay)
      this.s.plan.push(id)
      if (type !== DELAY) touched.add(u)
      if (type === ESCALATE) escalations++
    }
    this.p.end.push(this.s.unit.length)
    this.p.outcome.push(outcome)
    this.p.hops.push([...touched].filter((u) => u !== unitId).length)
    this.p.esc.push(escalations)
    this.p.summons.push(summons)
    this.p.multi.push(touched.size > 1 ? 1 : 0)
    return id
  }

  private index(id: string): number {
    const i = this.unitIndex.get(id)
    if (i === undefined) throw new Error(`sim/plans: unknown unit ${id}`)
    return i
  }

  freeze(): PlanTables {
    return {
      planStageStart: Int32Array.from(this.p.start),
      planStageEnd: Int32Array.from(this.p.end),
      planOutcome: Uint8Array.from(this.p.outcome),
      planHops: Int32Array.from(this.p.hops),
      planEscalations: Int32Array.from(this.p.esc),
      planSummons: Uint8Array.from(this.p.summons),
      planMulti: Uint8Array.from(this.p.multi),
      stageUnit: Int32Array.from(this.s.unit),
      stageType: Uint8Array.from(this.s.type),
      stageDelay: Float64Array.from(this.s.delay),
      stagePlan: Int32Array.from(this.s.plan),
    }
  }
}
