// Why is a unit loaded? Its nominal hours per year split by catalogue item, by the unit that
// issued the work, by kind and category; the units whose tasks reach it (its principals);
// and the powers it lacks for the work it receives. Booked by the same flow analysis as the
// funnel and the nominal load (traceFlows), so the rows add up to the unit's demanded hours.
import {demandedHours, flowOf, traceFlows} from '../../graph/flows.js'
import type {FlowAnalysis, FlowSource, LoadComponent} from '../../graph/flows.js'
import {ancestors, effectiveTier, resolutionPlan} from '../../model/routing.js'
import type {StageType} from '../../model/routing.js'
import type {Model, Tier, Unit} from '../../model/types.js'
import {ratio} from './load.js'

/** What the unit does with an item: the step of its resolution plan, or relaying/inspecting. */
export type LoadRole = StageType | 'relay' | 'inspect' | 'resolve' | 'returned'

export interface LoadRow {
  id: string
  name: string
  hoursPerYear: number
  /** Of the units' demanded hours. */
  share: number
  /** Handlings per year: instances the units forward, work on, escalate or inspect (one
   * instance relayed down and escalated back up by the same unit counts twice). */
  itemsPerYear: number
}

export interface TaskLoadRow extends LoadRow {
  type: 'task' | 'request'
  /** Task kind; `request` for residents' requests. */
  kind: string
  category?: string
  issuers: string[]
  roles: LoadRole[]
}

export interface IssuerLoadRow extends LoadRow {
  tier?: Tier
  kind: string
  /** Its tasks reach the units down a channel (a principal, 多头管理), not only by escalation. */
  principal: boolean
  tasks: number
}

export interface LackedPower {
  power: string
  name: string
  /** Catalogue items and request types received that need the power. */
  items: {id: string; name: string}[]
  itemsPerYear: number
  /** The units' own hours on them (formal part, report) before they go elsewhere. */
  hoursPerYear: number
  /** Units that resolve them under the model's rules; empty when no one in scope can. */
  resolvers: {id: string; name: string}[]
  /** Instances per year no one in scope can resolve. */
  unresolvedPerYear: number
}

export interface UnitRef {
  id: string
  name: string
  kind: string
  tier?: Tier
}

export interface UnitBreakdown {
  /** The units explained (one, or all a selector matched: their hours add up). */
  units: (UnitRef & {staff: number; demandedHours: number; load: number})[]
  staff: number
  demandedHours: number
  availableHours: number
  /** demanded / available; null when the units have no staff but receive work. */
  load: number | null
  components: Record<LoadComponent, number>
  byTask: TaskLoadRow[]
  byIssuer: IssuerLoadRow[]
  byKind: LoadRow[]
  byCategory: LoadRow[]
  /** Administrative superiors of the first unit, parent first. */
  chain: UnitRef[]
  lacks: LackedPower[]
}

const COMPONENTS: LoadComponent[] = ['taskHours', 'relayHours', 'demandHours', 'returnedHours', 'inspectorHours', 'escalationHours', 'resolvedHours']

interface Acc {
  hours: number
  items: number
}

export function unitBreakdown(model: Model, ids: readonly string[]): UnitBreakdown {
  const watched = new Set(ids)
  const bySource = new Map<string, Acc & {source: FlowSource; roles: Set<LoadRole>}>()
  const lacking: {unit: string; source: FlowSource; hours: number; items: number}[] = []
  const flows = traceFlows(model, {
    units: watched,
    record(unit, source, component, hours, items, stage) {
      const key = 'task' in source ? `t${source.task}\u0000${source.issuer}` : `d${source.demand}`
      let a = bySource.get(key)
      if (!a) bySource.set(key, (a = {source, hours: 0, items: 0, roles: new Set()}))
      a.hours += hours
      a.items += items
      a.roles.add(roleOf(component, stage))
      if (stage === 'formal' || stage === 'report') lacking.push({unit, source, hours, items})
    },
  })
  const units = ids.map((id) => flows.ix.byId.get(id)).filter((u): u is Unit => u !== undefined)
  const total = units.reduce((s, u) => s + demandedHours(flowOf(flows, u.id)), 0)
  const staff = units.reduce((s, u) => s + u.staff, 0)
  const share = (h: number): number => (total > 0 ? h / total : 0)
  const ref = (u: Unit): UnitRef => ({id: u.id, name: u.name, kind: u.kind, ...(u.tier ? {tier: u.tier} : {})})

  const tasks = new Map<string, TaskLoadRow>()
  const issuers = new Map<string, IssuerLoadRow>()
  const kinds = new Map<string, LoadRow>()
  const cats = new Map<string, LoadRow>()
  const issuerTasks = new Map<string, Set<number>>()
  const principals = new Set<string>()
  for (const u of units) for (const i of flowOf(flows, u.id).issuers) principals.add(i)
  const add = <R extends LoadRow>(m: Map<string, R>, key: string, make: () => R, a: Acc): R => {
    let r = m.get(key)
    if (!r) m.set(key, (r = make()))
    r.hoursPerYear += a.hours
    r.itemsPerYear += a.items
    return r
  }
  const row = (id: string, name: string): LoadRow => ({id, name, hoursPerYear: 0, share: 0, itemsPerYear: 0})
  for (const a of bySource.values()) {
    const item = itemOf(model, a.source)
    const t = add(tasks, `${item.type}\u0000${item.id}`, () => ({...row(item.id, item.name), type: item.type, kind: item.kind, ...(item.category ? {category: item.category} : {}), issuers: [], roles: []}), a)
    for (const r of a.roles) if (!t.roles.includes(r)) t.roles.push(r)
    add(kinds, item.kind, () => row(item.kind, item.kind), a)
    if (item.category) add(cats, item.category, () => row(item.category!, model.categories.find((c) => c.id === item.category)?.name ?? item.category!), a)
    if ('task' in a.source) {
      const {issuer, task} = a.source
      const iu = flows.ix.byId.get(issuer)
      if (!t.issuers.includes(issuer)) t.issuers.push(issuer)
      const ir = add(issuers, issuer, () => ({...row(issuer, iu?.name ?? issuer), ...tierOf(flows, iu), kind: iu?.kind ?? '', principal: principals.has(issuer), tasks: 0}), a)
      let set = issuerTasks.get(issuer)
      if (!set) issuerTasks.set(issuer, (set = new Set()))
      set.add(task)
      ir.tasks = set.size
    }
  }
  const components = Object.fromEntries(COMPONENTS.map((c) => [c, units.reduce((s, u) => s + flowOf(flows, u.id)[c], 0)])) as Record<LoadComponent, number>
  const load = ratio(total, staff * flows.hoursPerYear)
  return {
    units: units.map((u) => {
      const d = demandedHours(flowOf(flows, u.id))
      return {...ref(u), staff: u.staff, demandedHours: d, load: ratio(d, u.staff * flows.hoursPerYear)}
    }),
    staff,
    demandedHours: total,
    availableHours: staff * flows.hoursPerYear,
    load: Number.isFinite(load) ? load : null,
    components,
    byTask: ranked(tasks, share),
    byIssuer: ranked(issuers, share),
    byKind: ranked(kinds, share),
    byCategory: ranked(cats, share),
    chain: units.length > 0 ? ancestors(flows.ix, units[0].id).map(ref) : [],
    lacks: lackedPowers(model, flows, lacking),
  }
}

function roleOf(component: LoadComponent, stage: StageType | undefined): LoadRole {
  if (component === 'relayHours') return 'relay'
  if (component === 'inspectorHours') return 'inspect'
  if (component === 'resolvedHours') return 'resolve'
  if (component === 'returnedHours' && stage === 'work') return 'returned'
  return stage ?? 'work'
}

function itemOf(model: Model, s: FlowSource): {type: 'task' | 'request'; id: string; name: string; kind: string; category?: string} {
  if ('task' in s) {
    const t = model.tasks[s.task]
    return {type: 'task', id: t.id, name: t.name, kind: t.kind, category: t.category}
  }
  const d = model.demand[s.demand]
  return {type: 'request', id: d.id, name: d.name, kind: 'request', category: d.category}
}

function tierOf(flows: FlowAnalysis, u: Unit | undefined): {tier?: Tier} {
  const t = u ? effectiveTier(flows.ix, u) : undefined
  return t ? {tier: t} : {}
}

/** Largest first, then by id: stable output for diffs. */
function ranked<R extends LoadRow>(m: Map<string, R>, share: (h: number) => number): R[] {
  const rows = [...m.values()].filter((r) => r.hoursPerYear > 0)
  for (const r of rows) r.share = share(r.hoursPerYear)
  return rows.sort((a, b) => b.hoursPerYear - a.hoursPerYear || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Per power the units lack for items they received and could only pass on, who resolves them. */
function lackedPowers(model: Model, flows: FlowAnalysis, lacking: {unit: string; source: FlowSource; hours: number; items: number}[]): LackedPower[] {
  const out = new Map<string, LackedPower & {seen: Set<string>}>()
  for (const l of lacking) {
    const unit = flows.ix.byId.get(l.unit)!
    const item = 'task' in l.source ? model.tasks[l.source.task] : model.demand[l.source.demand]
    const plan = resolutionPlan(flows.ix, l.unit, item.needs, model.rules)
    const resolver = plan.stages.find((s) => s.type === 'work')?.unit
    for (const p of item.needs) {
      if (unit.powers.includes(p)) continue
      let r = out.get(p)
      if (!r) out.set(p, (r = {power: p, name: model.powers.find((v) => v.id === p)?.name ?? p, items: [], itemsPerYear: 0, hoursPerYear: 0, resolvers: [], unresolvedPerYear: 0, seen: new Set()}))
      if (!r.items.some((x) => x.id === item.id)) r.items.push({id: item.id, name: item.name})
      r.itemsPerYear += l.items
      r.hoursPerYear += l.hours
      if (resolver === undefined) r.unresolvedPerYear += l.items
      else if (!r.seen.has(resolver)) {
        r.seen.add(resolver)
        r.resolvers.push({id: resolver, name: flows.ix.byId.get(resolver)?.name ?? resolver})
      }
    }
  }
  return [...out.values()].map(({seen: _seen, ...r}) => r).sort((a, b) => b.hoursPerYear - a.hoursPerYear || (a.power < b.power ? -1 : 1))
}
