// Work plans: what happens to an item once it is at the unit that must handle it. A plan is
// a short list of stages (formal part, hand-offs, escalation hops, report, summons wait,
// dispatch, the work), one per (needed powers, start unit), from routing.ts, which the
// structural flow analysis follows too. Plans of the same shape (every community of a street,
// for the same needs) are built once and copied with the start unit replaced.
import {dispatchPlan, isTerritorial, planClass, planShape, resolutionPlan} from '../model/routing.js'
import type {ModelIndex, ResolutionPlan} from '../model/routing.js'
import type {Distribution, Model} from '../model/types.js'
import type {DistTable} from './dist.js'
import {IntList} from './int-list.js'

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

/** A plan built from routing.ts, to copy for the other units of its shape: its id, start unit and length. */
interface Template {
  id: number
  unit: number
  stages: number
}

export class PlanBuilder {
  /** Per plan: its entry (E_*), 8 numbers. */
  private readonly entries = new IntList()
  private readonly stages = new IntList(1 << 16)
  /** Per plan: the plan it equals up to its start unit (plan-share.ts), itself when not known. */
  private readonly family = new IntList()
  private readonly summonsTime = new Map<string, Distribution>()
  private readonly summons = (from: string, to: string): Distribution | undefined => this.summonsTime.get(`${from}\u0000${to}`)

  constructor(
    private readonly ix: ModelIndex,
    private readonly model: Model,
    private readonly unitIndex: Map<string, number>,
    private readonly dists: DistTable,
    /** The hand-off delay distribution of each unit (dist index). */
    private readonly handoff: Int32Array,
  ) {
    for (const r of model.relations) {
      if (r.type !== 'summons' || r.responseTime === undefined) continue
      this.summonsTime.set(`${r.from}\u0000${r.to}`, {dist: 'fixed', value: r.responseTime})
      this.summonsFrom.add(r.from)
    }
    this.classOf = new Int32Array(model.units.length).fill(-2)
  }

  /** The plan first built for each shape (routing.ts planShape), for territorial start units and for the others. */
  private readonly templates = [new Map<string, Template>(), new Map<string, Template>()]
  /** Units from which a summons relation sets a response time (planClass). */
  private readonly summonsFrom = new Set<string>()
  /** Per unit: its plan class (routing.ts planClass) as a number; -1 none, -2 not yet known. */
  private readonly classOf: Int32Array
  private readonly classIds = new Map<string, number>()
  /** Per needs id and plan class: the template of its shape, or null when each unit builds its own. */
  private readonly byClass: (Template | null)[][] = []

  /**
   * The plan of an item needing `needs` (compile.ts's needs id `needsId`) that lands on unit
   * `unit` (an index); `request` for resident demand. Called once per (needs, unit) slot of
   * compile.ts's planOf: a new plan each time, copied from the first of its shape when it has
   * one. Units of one plan class have one shape per needs, so planShape is asked once per class.
   */
  plan(needsId: number, needs: readonly string[], unit: number, request: boolean): number {
    const rules = this.model.rules
    const u = this.model.units[unit]
    if (request && rules.hotline !== undefined && rules.hotline.centres.length > 0) return this.build(dispatchPlan(this.ix, u.id, needs, rules), u.id)
    const cls = this.planClass(unit)
    const memo = cls < 0 ? undefined : (this.byClass[needsId] ??= [])
    const known = memo?.[cls]
    if (known !== undefined) return known === null ? this.build(resolutionPlan(this.ix, u.id, needs, rules, this.summons), u.id) : this.copy(known, unit)
    const shape = planShape(this.ix, u, needs, rules, this.summons)
    let template: Template | null = null
    let id: number
    if (shape === undefined) id = this.build(resolutionPlan(this.ix, u.id, needs, rules, this.summons), u.id)
    else {
      // The plan's flags look at its last unit's territoriality, which may be the start's.
      const templates = this.templates[isTerritorial(this.ix, u) ? 0 : 1]
      const found = templates.get(shape)
      if (found !== undefined) id = this.copy((template = found), unit)
      else {
        id = this.build(resolutionPlan(this.ix, u.id, needs, rules, this.summons), u.id)
        templates.set(shape, (template = {id, unit, stages: (this.stages.length >> 2) - this.entries.at(id * 8 + E_STAGE)}))
      }
    }
    if (memo !== undefined) memo[cls] = template
    return id
  }

  private planClass(unit: number): number {
    if (this.classOf[unit] !== -2) return this.classOf[unit]
    const u = this.model.units[unit]
    const key = planClass(this.ix, u, this.model.rules, this.summonsFrom.has(u.id))
    let id = -1
    if (key !== undefined) {
      const known = this.classIds.get(key)
      if (known === undefined) this.classIds.set(key, (id = this.classIds.size))
      else id = known
    }
    return (this.classOf[unit] = id)
  }

  /**
   * A new plan equal to `t` with its start unit replaced by `unit` (planShape: it is nowhere
   * else in it). It is of t's family unless `unit` also stood elsewhere in t, which would make
   * the two differ once their start units are written alike.
   */
  private copy(t: Template, unit: number): number {
    const st = this.stages
    const s0 = st.append(this.entries.at(t.id * 8 + E_STAGE) << 2, t.stages << 2)
    let alike = true
    for (let s = s0 + S_UNIT; s < st.length; s += 4) {
      if (st.at(s) === t.unit) st.set(s, unit)
      else if (st.at(s) === unit) alike = false
    }
    const x = this.entries
    const e0 = x.append(t.id * 8, 8)
    x.set(e0 + E_STAGE, s0 >> 2)
    if (x.at(e0 + E_UNIT) === t.unit) x.set(e0 + E_UNIT, unit)
    else if (x.at(e0 + E_UNIT) === unit) alike = false
    this.family.push(alike ? this.family.at(t.id) : e0 >> 3)
    return e0 >> 3
  }

  /** Makes room for `plans` plans of about six stages each, so the tables need not grow as they fill. */
  reserve(plans: number): void {
    this.entries.reserve(plans * 8)
    this.stages.reserve(plans * 24)
  }

  /** The entries (E_*) of the plans: plan `id`'s from `id * 8`. */
  entryTable(): Int32Array {
    return this.entries.toInt32Array()
  }

  /** Per plan: a plan equal to it up to the start unit (each plan's own start), the first of its family. */
  families(): Int32Array {
    return this.family.toInt32Array()
  }

  private build(plan: ResolutionPlan, unitId: string): number {
    const first = this.stages.length >> 2
    // Units doing something (not waits), by index: hops count those other than where the item was raised.
    const touched: number[] = []
    let raisedAt = this.index(unitId)
    let escalations = 0
    let last = -1
    for (const st of plan.stages) {
      const u = this.index(st.unit)
      let type = WORK
      let dist = -1
      switch (st.type) {
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
          // A hand-over to a unit whose hand-off delay is zero is no stage at all.
          if (this.handoff[u] < 0) continue
          type = HANDOFF
          dist = this.handoff[u]
          break
        case 'delay':
          type = plan.dispatched ? DISPATCH_WAIT : SUMMON_WAIT
          dist = this.dists.add(st.delay!)
          break
      }
      // A dispatched request is raised at the hotline centre, where its plan starts.
      if (last < 0 && plan.dispatched) raisedAt = u
      if (!isWait(type) && !touched.includes(u)) touched.push(u)
      last = this.stages.length
      this.stages.push(u)
      this.stages.push(type)
      this.stages.push(0)
      this.stages.push(dist)
    }
    const hops = touched.length - (touched.includes(raisedAt) ? 1 : 0)
    this.stages.set(last + S_END, (plan.outcome === 'completed' ? COMPLETED : UNRESOLVED) | (hops << 2))
    const lastStage = plan.stages[plan.stages.length - 1]
    const lastUnit = this.model.units[this.stages.at(last + S_UNIT)]
    const contestable = lastStage.type === 'work' && !plan.summons && !isTerritorial(this.ix, lastUnit)
    const flags = (plan.dispatched ? F_DISPATCHED : 0) | (contestable ? F_CONTESTABLE : 0)
    const s0 = first << 2
    const x = this.entries
    x.push(first)
    x.push(escalations)
    x.push(plan.summons ? 1 : 0)
    x.push(touched.length > 1 ? 1 : 0)
    x.push(this.stages.at(s0 + S_UNIT))
    x.push(this.stages.at(s0 + S_TYPE))
    x.push(this.stages.at(s0 + S_END))
    x.push(flags)
    this.family.push((x.length >> 3) - 1)
    return (x.length >> 3) - 1
  }

  private index(id: string): number {
    const i = this.unitIndex.get(id)
    if (i === undefined) throw new Error(`sim/plans: unknown unit ${id}`)
    return i
  }

  freeze(): PlanTables {
    return {stageRec: this.stages.toInt32Array(), nStages: this.stages.length >> 2}
  }
}

/** The unit of a plan's last stage (the one with an end code), from its first stage. */
export function lastStageUnit(p: PlanTables, first: number): number {
  let st = first
  while (p.stageRec[(st << 2) + S_END] === 0) st++
  return p.stageRec[(st << 2) + S_UNIT]
}
