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
  /** The same, interleaved for the hot loop: stage records of 4 (S_*), plan records of 8 (P_*). */
  stageRec: Int32Array
  planRec: Int32Array
}

export const S_UNIT = 0
export const S_TYPE = 1
/** On a plan's last stage its end code, outcome | hops << 2; 0 on the others. */
export const S_END = 2
export const S_PLAN = 3
export const P_START = 0
export const P_ESCALATIONS = 1
export const P_SUMMONS = 2
export const P_MULTI = 3
export const P_HOPS = 4

/** Entries of 8 per (needs, unit) slot of planOf: the plan's counters and its first stage. */
export const E_STAGE = 0
export const E_ESCALATIONS = 1
export const E_SUMMONS = 2
export const E_MULTI = 3
export const E_UNIT = 4
export const E_TYPE = 5
export const E_END = 6

/** One record per planOf slot, so starting a plan costs one cache miss rather than three. */
export function planEntries(planOf: Int32Array, t: PlanTables): Int32Array {
  const out = new Int32Array(planOf.length * 8).fill(-1)
  for (let k = 0; k < planOf.length; k++) {
    const plan = planOf[k]
    if (plan < 0) continue
    const st = t.planRec[plan * 8 + P_START]
    out.set([st, t.planRec[plan * 8 + P_ESCALATIONS], t.planRec[plan * 8 + P_SUMMONS], t.planRec[plan * 8 + P_MULTI], t.stageRec[st * 4 + S_UNIT], t.stageRec[st * 4 + S_TYPE], t.stageRec[st * 4 + S_END]], k * 8)
  }
  return out
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
    const nStages = this.s.unit.length
    const stageRec = new Int32Array(nStages * 4)
    for (let st = 0; st < nStages; st++) {
      const plan = this.s.plan[st]
      stageRec.set([this.s.unit[st], this.s.type[st], st + 1 === this.p.end[plan] ? this.p.outcome[plan] | (this.p.hops[plan] << 2) : 0, plan], st * 4)
    }
    const planRec = new Int32Array(this.p.start.length * 8)
    for (let k = 0; k < this.p.start.length; k++) {
      planRec.set([this.p.start[k], this.p.esc[k], this.p.summons[k], this.p.multi[k], this.p.hops[k]], k * 8)
    }
    return {
      stageRec,
      planRec,
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
