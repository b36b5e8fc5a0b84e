// Who resolves an item and what it goes through on the way: the resolver climb, the plans of
// stages the structural flow analysis and the simulation both follow, and the plan shapes
// (and plan classes) that let a compiler build the plan of every community of a street once.
import {ancestors, holdsPowers, hotlineCentre, isTerritorial} from './routing.js'
import type {ModelIndex} from './routing.js'
import type {Distribution, Rules, Unit} from './types.js'

/**
 * The units that can act for a territory. Under 属地管理 (`territorial`): the territory itself
 * and its own departments (non-territorial children). Under 主管责任 (`split`) the competent
 * line acts, so the departments' whole non-territorial subtrees count too (a police station
 * under the district bureau, a vertically managed office), nearest first. Memoised per rule.
 */
function actorsOf(ix: ModelIndex, territory: Unit, rule: Rules['responsibility']): readonly Unit[] {
  let byUnit = ix.actorLists.get(rule)
  if (byUnit === undefined) ix.actorLists.set(rule, (byUnit = new Map()))
  const known = byUnit.get(territory)
  if (known !== undefined) return known
  const out: Unit[] = [territory]
  let frontier = (ix.children.get(territory.id) ?? []).filter((c) => !isTerritorial(ix, c))
  while (frontier.length > 0) {
    out.push(...frontier)
    if (rule !== 'split') break
    frontier = frontier.flatMap((u) => (ix.children.get(u.id) ?? []).filter((c) => !isTerritorial(ix, c)))
  }
  byUnit.set(territory, out)
  return out
}

export interface Escalation {
  /** Territorial units climbed through (excluding the start), bottom to top. */
  hops: string[]
  /** The unit that holds every needed power, if any in scope. */
  resolver?: string
}

/** The nearest territorial ancestor of a unit (memoised; null: none). */
function territoryAbove(ix: ModelIndex, unit: Unit): Unit | undefined {
  let above = ix.territoriesAbove.get(unit)
  if (above === undefined) {
    // The parent, or the parent's own answer when it is known: siblings need no walk of their own.
    const parent = unit.parent === undefined || unit.parent === unit.id ? undefined : ix.byId.get(unit.parent)
    const known = parent === undefined || isTerritorial(ix, parent) ? parent : ix.territoriesAbove.get(parent)
    above = known !== undefined && known !== unit ? known : (ancestors(ix, unit.id).find((a) => isTerritorial(ix, a)) ?? null)
    ix.territoriesAbove.set(unit, above)
  }
  return above ?? undefined
}

/** A unit of the start's own territory holding the powers, when the start is a territory. */
function ownHolder(ix: ModelIndex, start: Unit, needs: readonly string[], rule: Rules['responsibility']): Unit | undefined {
  return isTerritorial(ix, start) ? holderIn(ix, start, needs, rule) : undefined
}

/** The first actor of a territory holding every needed power (memoised: every street's climb asks its district). */
function holderIn(ix: ModelIndex, territory: Unit, needs: readonly string[], rule: Rules['responsibility']): Unit | undefined {
  let byNeeds = ix.holders.get(rule)
  if (byNeeds === undefined) ix.holders.set(rule, (byNeeds = new Map()))
  const needsKey = needsKeyOf(ix, needs)
  let byTerritory = byNeeds.get(needsKey)
  if (byTerritory === undefined) byNeeds.set(needsKey, (byTerritory = new Map()))
  let holder = byTerritory.get(territory)
  if (holder === undefined) byTerritory.set(territory, (holder = actorsOf(ix, territory, rule).find((a) => holdsPowers(a, needs)) ?? null))
  return holder ?? undefined
}

function needsKeyOf(ix: ModelIndex, needs: readonly string[]): string {
  let key = ix.needsKeys.get(needs)
  if (key === undefined) ix.needsKeys.set(needs, (key = needs.join('\u0001')))
  return key
}

/** A climb, shared: its memo key, and planShape's shapes of the plans that follow it, by opening. */
export type Climb = Escalation & {key: string; shapes: Partial<Record<Opening, string>>}

/**
 * The climb from territory `above` up: every territory is a hop until one has an actor holding
 * the powers. It is the same for every unit below `above` (every community of a street), so it
 * is built once per (needs, rule, territory) and shared: do not change it.
 */
function climbFrom(ix: ModelIndex, above: Unit, needs: readonly string[], rule: Rules['responsibility']): Climb {
  const needsKey = needsKeyOf(ix, needs)
  let byNeeds = ix.climbs.get(rule)
  if (byNeeds === undefined) ix.climbs.set(rule, (byNeeds = new Map()))
  let byTerritory = byNeeds.get(needsKey)
  if (byTerritory === undefined) byNeeds.set(needsKey, (byTerritory = new Map()))
  let climb = byTerritory.get(above)
  if (climb === undefined) {
    const hops: string[] = []
    let resolver: string | undefined
    for (const t of [above, ...ancestors(ix, above.id).filter((a) => isTerritorial(ix, a))]) {
      hops.push(t.id)
      resolver = holderIn(ix, t, needs, rule)?.id
      if (resolver !== undefined) break
    }
    const key = `${needsKey}\u0000${rule}\u0000${above.id}`
    byTerritory.set(above, (climb = resolver === undefined ? {key, hops, shapes: {}} : {key, hops, resolver, shapes: {}}))
  }
  return climb
}

/**
 * Who can resolve an item raised at `unitId` that `needs` powers: the unit itself, a unit of
 * its own territory, or, climbing the territorial chain, the first territory with an actor
 * holding every needed power. No resolver means the item ends `unresolved`.
 */
export function findResolver(
  ix: ModelIndex,
  unitId: string,
  needs: readonly string[],
  rule: Rules['responsibility'] = 'territorial',
): Escalation {
  const start = ix.byId.get(unitId)
  if (!start) return {hops: []}
  if (holdsPowers(start, needs)) return {hops: [], resolver: start.id}
  const holder = ownHolder(ix, start, needs, rule)
  if (holder) return {hops: [], resolver: holder.id}
  const above = territoryAbove(ix, start)
  if (above === undefined) return {hops: []}
  const climb = climbFrom(ix, above, needs, rule)
  return climb.resolver === undefined ? {hops: [...climb.hops]} : {hops: [...climb.hops], resolver: climb.resolver}
}

export type StageType = 'work' | 'formal' | 'escalate' | 'report' | 'delay' | 'handoff' | 'dispatch'

export interface Stage {
  type: StageType
  unit: string
  /**
   * For `delay`: the time before the next stage starts, occupying no one (a summoned
   * department's response, a hotline's dispatch time). A `handoff` waits the hand-off delay of
   * its unit, the one receiving the item.
   */
  delay?: Distribution
}

export interface ResolutionPlan {
  stages: Stage[]
  outcome: 'completed' | 'unresolved'
  /** Whether the plan summons a department (吹哨报到). */
  summons: boolean
  /** Whether the plan dispatches a request from a hotline centre (接诉即办). */
  dispatched: boolean
}

/** Hand-overs between units wait the receiving unit's hand-off delay: one `handoff` stage before each change of unit. */
function withHandoffs(stages: Stage[]): Stage[] {
  const out: Stage[] = []
  let prev: Stage | undefined
  for (const st of stages) {
    // A delay stage (summons response, dispatch time) replaces the hand-over it stands for.
    if (prev !== undefined && prev.type !== 'delay' && st.type !== 'delay' && prev.unit !== st.unit) out.push({type: 'handoff', unit: st.unit})
    out.push(st)
    prev = st
  }
  return out
}

/** How a plan of a unit lacking the powers starts: it reports (`split`), whistles (吹哨报到) or does the formal part and climbs. */
type Opening = 'report' | 'whistle' | 'climb'

function opening(unit: Unit, esc: Escalation, rules: Rules): Opening {
  if (rules.responsibility === 'split') return 'report'
  const whistle = rules.whistle
  return whistle && unit.tier !== undefined && whistle.from.includes(unit.tier) && esc.resolver !== undefined ? 'whistle' : 'climb'
}

/**
 * What happens to an item raised at `unitId` that `needs` powers, under the model's rules:
 * - it holds the powers: it does the work;
 * - `split` (主管责任+属地责任): the territory discovers and reports, the holder does the work;
 * - whistle from the unit's tier (吹哨报到): the formal part, the response time, the holder's work;
 * - otherwise (属地管理): the formal part, one escalation job at each territory climbed, and
 *   the holder's work; with no holder in scope the item ends unresolved after the hops.
 * Every hand-over between units waits the receiving unit's hand-off delay (a `handoff` stage);
 * the whistle's response time replaces the hops it bypasses, their delays included.
 * The structural flow analysis and the simulation both follow these plans.
 */
export function resolutionPlan(
  ix: ModelIndex,
  unitId: string,
  needs: readonly string[],
  rules: Rules,
  summonsTime?: (from: string, to: string) => Distribution | undefined,
): ResolutionPlan {
  const unit = ix.byId.get(unitId)
  if (!unit || holdsPowers(unit, needs)) return {stages: [{type: 'work', unit: unitId}], outcome: 'completed', summons: false, dispatched: false}
  const esc = findResolver(ix, unitId, needs, rules.responsibility)
  const stages: Stage[] = []
  const open = opening(unit, esc, rules)
  if (open === 'report') {
    stages.push({type: 'report', unit: unitId})
  } else if (open === 'whistle') {
    const delay = summonsTime?.(unitId, esc.resolver!) ?? rules.whistle!.responseTime
    stages.push({type: 'formal', unit: unitId}, {type: 'delay', unit: unitId, delay})
  } else {
    stages.push({type: 'formal', unit: unitId})
    for (const h of esc.hops) if (h !== esc.resolver) stages.push({type: 'escalate', unit: h})
  }
  if (esc.resolver !== undefined) stages.push({type: 'work', unit: esc.resolver})
  return {stages: withHandoffs(stages), outcome: esc.resolver === undefined ? 'unresolved' : 'completed', summons: open === 'whistle', dispatched: false}
}

/**
 * The shape of resolutionPlan(ix, unit.id, needs, rules, summonsTime) within one model: two
 * units with the same shape have the same plan up to the start unit, which appears in it only
 * as itself (never as a hop or the resolver), so one plan can be copied for the other with the
 * start unit replaced. Undefined when the plan is the unit's own (its territory holds the
 * powers, or a summons relation sets its response time).
 */
export function planShape(
  ix: ModelIndex,
  unit: Unit | undefined,
  needs: readonly string[],
  rules: Rules,
  summonsTime?: (from: string, to: string) => Distribution | undefined,
): string | undefined {
  // [work at the unit], whatever it needs.
  if (!unit || holdsPowers(unit, needs)) return 'work'
  if (ownHolder(ix, unit, needs, rules.responsibility) !== undefined) return undefined
  const above = territoryAbove(ix, unit)
  // Nothing above: [formal or report at the unit], unresolved, whatever it needs.
  if (above === undefined) return `top\u0000${opening(unit, {hops: []}, rules)}`
  const climb = climbFrom(ix, above, needs, rules.responsibility)
  const open = opening(unit, climb, rules)
  if (open === 'whistle' && summonsTime?.(unit.id, climb.resolver!) !== undefined) return undefined
  return (climb.shapes[open] ??= `${climb.key}\u0000${open}`)
}

/**
 * What planShape looks at in a unit apart from the needs, as a key: two units with the same
 * key get the same shape for every needs list (its territoriality and tier, the territory
 * above it, and the powers of the unit or of every actor of its own territory), so a compiler
 * can ask planShape once per key and needs. Undefined when a summons relation from the unit
 * may set a whistle's response time (`summonsFrom`): planShape looks at the unit itself then.
 */
export function planClass(ix: ModelIndex, unit: Unit, rules: Rules, summonsFrom: boolean): string | undefined {
  if (summonsFrom && rules.whistle !== undefined) return undefined
  const territorial = isTerritorial(ix, unit)
  const powers = territorial ? actorsOf(ix, unit, rules.responsibility).map((a) => a.powers.join('\u0001')).join('\u0002') : unit.powers.join('\u0001')
  return `${territorial ? 't' : 'n'}\u0000${unit.tier ?? ''}\u0000${territoryAbove(ix, unit)?.id ?? ''}\u0000${powers}`
}

/**
 * 接诉即办: a resident request raised at `unitId` goes to its hotline centre, which records it
 * and, after the dispatch time, hands it straight to the unit able to resolve it (the one the
 * territorial chain would end at), with no formal part and no hops.
 */
export function dispatchPlan(ix: ModelIndex, unitId: string, needs: readonly string[], rules: Rules): ResolutionPlan {
  const hotline = rules.hotline!
  const centre = hotlineCentre(ix, unitId, hotline.centres)!
  const unit = ix.byId.get(unitId)
  const resolver = unit && holdsPowers(unit, needs) ? unitId : findResolver(ix, unitId, needs, 'split').resolver
  const stages: Stage[] = [{type: 'dispatch', unit: centre}]
  if (resolver !== undefined) stages.push({type: 'delay', unit: resolver, delay: hotline.dispatchTime}, {type: 'work', unit: resolver})
  return {stages, outcome: resolver === undefined ? 'unresolved' : 'completed', summons: false, dispatched: true}
}
