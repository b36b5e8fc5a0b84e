// Work plans: what happens to an item once it is at the unit that must handle it. A plan is
// a short list of stages (formal part, hand-offs, escalation hops, report, summons wait,
// dispatch, the work), one per (needed powers, start unit), from routing.ts, which the
// structural flow analysis follows too. Plans of the same shape (every community of a street,
// for the same needs) are built once and stored once, shared (plan-share.ts).
import {dispatchPlan, holdsPowers, isTerritorial, planClass, planShape, resolutionPlan} from '../model/routing.js'
import type {ModelIndex, ResolutionPlan} from '../model/routing.js'
import type {Distribution, Model, Unit} from '../model/types.js'
import type {DistTable} from './dist.js'
import type {SharedPlans, SharedPlanStore} from './plan-share.js'
import type {Twins} from './twins.js'
import type {UnitScopes} from './unit-scopes.js'

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

/**
 * A plan's record as the builder writes it (plan-share.ts stores it): its entry without
 * E_STAGE (E_ESCALATIONS .. E_FLAGS, so E_UNIT at R_UNIT), then its stage records of 4.
 */
export const R_STAGES = 7
export const R_UNIT = E_UNIT - 1

export function isWait(type: number): boolean {
  return type === SUMMON_WAIT || type === HANDOFF || type === DISPATCH_WAIT
}

/** A plan built from routing.ts for its shape's first unit, to share with the other units of the shape. */
interface Template {
  /** Its shared plan, its start unit and its record (R_*) with units as indices. */
  id: number
  unit: number
  rec: number[]
}

export class PlanBuilder {
  private readonly summonsTime = new Map<string, Distribution>()
  private readonly summons = (from: string, to: string): Distribution | undefined => this.summonsTime.get(`${from}\u0000${to}`)

  constructor(
    private readonly ix: ModelIndex,
    private readonly model: Model,
    private readonly unitIndex: Map<string, number>,
    private readonly dists: DistTable,
    /** The hand-off delay distribution of each unit (dist index). */
    private readonly handoff: Int32Array,
    /** The hierarchy by index and its twin territories (undefined: an irregular model, no twins). */
    private readonly scopes: UnitScopes | undefined,
    private readonly twins: Twins | undefined,
    private readonly store: SharedPlanStore,
  ) {
    for (const r of model.relations) {
      if (r.type !== 'summons' || r.responseTime === undefined) continue
      this.summonsTime.set(`${r.from}\u0000${r.to}`, {dist: 'fixed', value: r.responseTime})
      this.summonsFrom.add(r.from)
    }
    this.classOf = new Int32Array(model.units.length).fill(-2)
  }

  /** Per (needs, unit) slot: its shared plan once known (-1: not yet). */
  private done = new Int32Array(0)
  /** Plans of twins' units, by their counterpart's plan and the twin (src * nUnits + twin). */
  private readonly shiftedPlans = new Map<number, number>()

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
   * The shared tables (plan-share.ts) of the plans of the `wanted` slots, each needs id
   * (compile.ts's `needsId`) times the number of units plus a unit index, in the order first
   * wanted: the plan of an item needing `needsLists[needs]` that lands on that unit, a
   * resident request when `needsRequest[needs]`.
   */
  build(wanted: readonly number[], needsLists: readonly (readonly string[])[], needsRequest: readonly boolean[]): SharedPlans {
    const n = this.model.units.length
    this.done = new Int32Array(needsLists.length * n).fill(-1)
    const planOf = new Int32Array(needsLists.length * n).fill(-1)
    for (let k = 0; k < wanted.length; k++) {
      const slot = wanted[k]
      const needs = Math.floor(slot / n)
      planOf[slot] = this.plan(needs, needsLists[needs], slot - needs * n, needsRequest[needs])
    }
    return this.store.finish(planOf)
  }

  /** A slot's plan: a twin's unit's from its counterpart's, any other unit's from routing.ts. */
  private plan(needsId: number, needs: readonly string[], unit: number, request: boolean): number {
    const n = this.model.units.length
    const known = this.done[needsId * n + unit]
    if (known >= 0) return known
    const twin = this.twins === undefined ? -1 : this.twins.anchor[unit]
    let id: number
    if (twin < 0) id = this.routed(needsId, needs, unit, request)
    else {
      const t = this.twins!
      const s = this.scopes!
      const src = this.plan(needsId, needs, unit - t.shift[twin], request)
      id = this.shiftedPlans.get(src * n + twin) ?? -1
      if (id < 0) {
        const m = t.model[twin]
        this.shiftedPlans.set(src * n + twin, (id = this.store.shifted(src, s.place, s.place[m], s.end[m], t.shift[twin])))
      }
    }
    return (this.done[needsId * n + unit] = id)
  }

  /**
   * A slot's plan from routing.ts. Units of one plan class have one shape per needs, so
   * planShape is asked once per class, and units of one shape share its first unit's plan.
   */
  private routed(needsId: number, needs: readonly string[], unit: number, request: boolean): number {
    const rules = this.model.rules
    const u = this.model.units[unit]
    if (request && rules.hotline !== undefined && rules.hotline.centres.length > 0) return this.own(dispatchPlan(this.ix, u.id, needs, rules), unit)
    // A unit holding the powers works itself (planShape's first answer) whatever its class:
    // grids, asked for nothing else, need no class at all.
    if (holdsPowers(u, needs)) return this.share(this.template('work', u, unit, needs), unit)
    const cls = this.planClass(unit)
    const memo = cls < 0 ? undefined : (this.byClass[needsId] ??= [])
    const known = memo?.[cls]
    if (known !== undefined) return known === null ? this.own(resolutionPlan(this.ix, u.id, needs, rules, this.summons), unit) : this.share(known, unit)
    const shape = planShape(this.ix, u, needs, rules, this.summons)
    const template = shape === undefined ? null : this.template(shape, u, unit, needs)
    if (memo !== undefined) memo[cls] = template
    return template === null ? this.own(resolutionPlan(this.ix, u.id, needs, rules, this.summons), unit) : this.share(template, unit)
  }

  /** The template of `shape`, built from `unit`'s plan when the shape is new. */
  private template(shape: string, u: Unit, unit: number, needs: readonly string[]): Template {
    // The plan's flags look at its last unit's territoriality, which may be the start's.
    const templates = this.templates[isTerritorial(this.ix, u) ? 0 : 1]
    let t = templates.get(shape)
    if (t === undefined) {
      const rec = this.record(resolutionPlan(this.ix, u.id, needs, this.model.rules, this.summons), unit)
      templates.set(shape, (t = {id: this.store.intern(rec, unit), unit, rec}))
    }
    return t
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
   * The plan of `unit` where t's plan is the same with t's start unit replaced by `unit`
   * (planShape: it is nowhere else in it): t's shared plan, unless `unit` also stands
   * elsewhere in t, which the shared record then names SELF too.
   */
  private share(t: Template, unit: number): number {
    if (unit === t.unit) return t.id
    for (let k = R_STAGES + S_UNIT; k < t.rec.length; k += 4) if (t.rec[k] === unit) return this.store.intern(t.rec, t.unit, unit)
    return t.id
  }

  /** The shared plan of a plan built for `unit` alone. */
  private own(plan: ResolutionPlan, unit: number): number {
    return this.store.intern(this.record(plan, unit), unit)
  }

  /** The record (R_*) of a plan started at unit `start`, units as indices. */
  private record(plan: ResolutionPlan, start: number): number[] {
    const rec: number[] = [0, 0, 0, 0, 0, 0, 0]
    // Units doing something (not waits), by index: hops count those other than where the item was raised.
    const touched: number[] = []
    let raisedAt = start
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
      last = rec.length
      rec.push(u, type, 0, dist)
    }
    const hops = touched.length - (touched.includes(raisedAt) ? 1 : 0)
    rec[last + S_END] = (plan.outcome === 'completed' ? COMPLETED : UNRESOLVED) | (hops << 2)
    const lastStage = plan.stages[plan.stages.length - 1]
    const lastUnit = this.model.units[rec[last + S_UNIT]]
    const contestable = lastStage.type === 'work' && !plan.summons && !isTerritorial(this.ix, lastUnit)
    rec[E_ESCALATIONS - 1] = escalations
    rec[E_SUMMONS - 1] = plan.summons ? 1 : 0
    rec[E_MULTI - 1] = touched.length > 1 ? 1 : 0
    rec[R_UNIT] = rec[R_STAGES + S_UNIT]
    rec[E_TYPE - 1] = rec[R_STAGES + S_TYPE]
    rec[E_END - 1] = rec[R_STAGES + S_END]
    rec[E_FLAGS - 1] = (plan.dispatched ? F_DISPATCHED : 0) | (contestable ? F_CONTESTABLE : 0)
    return rec
  }

  private index(id: string): number {
    const i = this.unitIndex.get(id)
    if (i === undefined) throw new Error(`sim/plans: unknown unit ${id}`)
    return i
  }
}

/** The unit of a plan's last stage (the one with an end code), from its first stage. */
export function lastStageUnit(p: PlanTables, first: number): number {
  let st = first
  while (p.stageRec[(st << 2) + S_END] === 0) st++
  return p.stageRec[(st << 2) + S_UNIT]
}
