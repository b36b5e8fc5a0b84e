// The yearly flow of work implied by a model's structure, without simulation: which
// channels carry how many task instances and hours, and how many hours land on each unit.
// The graph, the structural metrics and the nominal load all read this one analysis.
import {dispatchPlan, holdsPowers, indexModel, isTerritorial, resolutionPlan} from '../model/routing.js'
import type {ResolutionPlan, StageType} from '../model/routing.js'
import {arrivalsPerHour, hoursPerYear, meanOf, TIERS} from '../model/types.js'
import type {AccessGate, Contested, EffortPer, Model, Tier} from '../model/types.js'
import {contestHours} from './contest-load.js'
import {RouteCache, tierBit} from './routes.js'
import type {Route} from './routes.js'
import {EMPTY_FLOW} from './flow-types.js'
import type {Channel, FlowAnalysis, FlowSource, FlowTap, LoadComponent, UnitFlow} from './flow-types.js'

export {effectiveTier} from '../model/routing.js'
export type {Channel, FlowAnalysis, FlowSource, FlowTap, LoadComponent, UnitFlow} from './flow-types.js'
export {demandedHours, flowOf} from './flow-types.js'

/** Tasks sharing a route and an access gate: their volumes add up before expansion. */
interface Group {
  gate?: AccessGate
  per?: EffortPer
  contested?: Contested
  rate: number
  rateEffort: number
  rateRelay: number
  /** Inspections: rate × the inspector's hours per visit. */
  rateInspector: number
  tasks: number[]
  /** rate and rate × effort by the powers the tasks need (resolution is planned per target). */
  byNeeds: Map<string, {needs: string[]; key: string; rate: number; rateEffort: number}>
}

const cache = new WeakMap<Model, FlowAnalysis>()

/** Memoised per model object: models are immutable once loaded (reforms return new ones). */
export function analyseFlows(model: Model): FlowAnalysis {
  let a = cache.get(model)
  if (!a) cache.set(model, (a = computeFlows(model)))
  return a
}

/**
 * The same analysis with tasks kept apart (no pooling of tasks sharing a route), reporting
 * each booking on `tap.units` to the tap: what a unit's hours are made of. Not memoised.
 */
export function traceFlows(model: Model, tap: FlowTap): FlowAnalysis {
  return computeFlows(model, tap)
}

function computeFlows(model: Model, tap?: FlowTap): FlowAnalysis {
  const ix = indexModel(model)
  const H = hoursPerYear(model.clock)
  const routes = new RouteCache(ix)
  const groups = new Map<Route, Map<string, Group>>()
  const defaultRelay = meanOf(model.defaults.relayEffort)

  model.tasks.forEach((task, ti) => {
    const rate = arrivalsPerHour(task.arrival)
    if (!(rate > 0)) return
    const effort = meanOf(task.effort)
    const relay = task.relayEffort ? meanOf(task.relayEffort) : defaultRelay
    const inspector = task.kind === 'inspection' ? meanOf(task.inspectorEffort ?? model.defaults.inspectorEffort) : 0
    const g = task.gate
    const per = task.effortPer
    const contested = task.contested !== undefined && task.contested.share > 0 ? task.contested : undefined
    // Tasks share a group when gate, size basis and contest agree (a contest is the task's own).
    const key = `${g ? `${g.tier}|${g.leakage}|${g.otherwise}` : ''}|${per ? `${per.size} ${per.basis}` : ''}|${contested || tap ? ti : ''}`
    const needsKey = task.needs.join(',')
    for (const issuer of task.issuers) {
      const route = routes.route(task, issuer)
      let byGate = groups.get(route)
      if (!byGate) groups.set(route, (byGate = new Map()))
      let b = byGate.get(key)
      if (!b) byGate.set(key, (b = {gate: g, per, contested, rate: 0, rateEffort: 0, rateRelay: 0, rateInspector: 0, tasks: [], byNeeds: new Map()}))
      b.rate += rate
      b.rateEffort += rate * effort
      b.rateRelay += rate * relay
      b.rateInspector += rate * inspector
      if (b.tasks[b.tasks.length - 1] !== ti) b.tasks.push(ti)
      const n = b.byNeeds.get(needsKey)
      if (n) {
        n.rate += rate
        n.rateEffort += rate * effort
      } else b.byNeeds.set(needsKey, {needs: task.needs, key: needsKey, rate, rateEffort: rate * effort})
    }
  })

  const units = new Map<string, UnitFlow>()
  const unitFlow = (id: string): UnitFlow => {
    let f = units.get(id)
    if (!f) {
      f = {...EMPTY_FLOW, issuers: new Set(), inflowByIssuer: new Map()}
      units.set(id, f)
    }
    return f
  }
  const words = (model.tasks.length + 31) >>> 5
  // Channels by type, sender and receiver (nested maps: no key string per route edge).
  const channels = new Map<string, Map<string, Channel & {bits: Uint32Array}>>()
  const channelList: (Channel & {bits: Uint32Array})[] = []
  const tierItems = new Map<Tier, Set<string>>(TIERS.map((t) => [t, new Set<string>()]))
  const del = {perYear: 0, hopsPerYear: 0, maxHops: 0}
  // Plans by (dispatched, needs) and then unit: about a million lookups at city scale, so no
  // key string is built per lookup.
  const plans = [new Map<string, Map<string, ResolutionPlan>>(), new Map<string, Map<string, ResolutionPlan>>()]
  const hotline = model.rules.hotline !== undefined && model.rules.hotline.centres.length > 0
  const planOf = (id: string, needs: string[], needsKey: string, request: boolean): ResolutionPlan => {
    const dispatched = request && hotline
    const byNeeds = plans[dispatched ? 1 : 0]
    let byUnit = byNeeds.get(needsKey)
    if (!byUnit) byNeeds.set(needsKey, (byUnit = new Map()))
    let p = byUnit.get(id)
    if (!p) byUnit.set(id, (p = dispatched ? dispatchPlan(ix, id, needs, model.rules) : resolutionPlan(ix, id, needs, model.rules)))
    return p
  }
  const formalShare = model.defaults.formalShare
  const escalationEffort = meanOf(model.defaults.escalationEffort)
  const reportEffort = meanOf(model.rules.reportEffort)
  const dispatchEffort = model.rules.hotline ? meanOf(model.rules.hotline.dispatchEffort) : 0
  /** The effort multiplier of a target for effort given per households or residents. */
  const sizeOf = (id: string, per: EffortPer | undefined): number => {
    if (!per) return 1
    const u = ix.byId.get(id)
    return u ? (per.basis === 'households' ? u.households : u.residents) / per.size : 1
  }
  /**
   * Books `items` per year of effort `hours` arriving at `id` along the item's resolution plan:
   * the work where it is done (on `own` at the arriving unit), the formal part, reports and
   * escalation hops where they happen. Alignment counts the work done by holders of the powers.
   */
  const note = (unit: string, src: FlowSource | undefined, c: LoadComponent, h: number, items: number, stage?: StageType): void => {
    if (src && tap!.units.has(unit)) tap!.record(unit, src, c, h, items, stage)
  }
  const stageHours = (type: StageType, items: number, hours: number): number =>
    type === 'work' ? hours : type === 'formal' ? formalShare * hours : type === 'escalate' ? items * escalationEffort : type === 'report' ? items * reportEffort : type === 'dispatch' ? items * dispatchEffort : 0
  const book = (id: string, needs: string[], needsKey: string, items: number, hours: number, own: 'taskHours' | 'demandHours' | 'returnedHours', src?: FlowSource, contested?: Contested): void => {
    const plan = planOf(id, needs, needsKey, own === 'demandHours')
    const last = plan.stages[plan.stages.length - 1]
    for (const st of plan.stages) {
      const h = stageHours(st.type, items, hours)
      if (h === 0) continue
      if (st === last && st.type === 'work' && contested && !plan.summons && !isTerritorial(ix, ix.byId.get(st.unit)!)) {
        // 推诿扯皮 in expectation: refusals, a ruling and the work spread over the candidates.
        for (const [unit, part] of contestHours(ix, model.rules, contested, st.unit, items, h, plan.dispatched)) {
          const g = unitFlow(unit)
          const c = unit === id ? own : 'resolvedHours'
          g.escalationHours += part.overhead
          g[c] += part.work
          const holder = ix.byId.get(unit)
          if (holder && holdsPowers(holder, needs)) g.alignedHours += part.work
          g.resolutionHours += part.overhead + part.work
          g.jobs += part.jobs
          if (part.overhead > 0) note(unit, src, 'escalationHours', part.overhead, items, st.type)
          if (part.work > 0) note(unit, src, c, part.work, items, st.type)
        }
        continue
      }
      const f = unitFlow(st.unit)
      const c = st.unit === id && (st.type === 'work' || st.type === 'formal') ? own : st.type === 'work' ? 'resolvedHours' : 'escalationHours'
      f[c] += h
      f.jobs += items
      if (st.type === 'work') f.alignedHours += h
      f.resolutionHours += h
      note(st.unit, src, c, h, items, st.type)
    }
  }
  /** The group's items for `target` booked at `id` (the target, or the issuer for returned items). */
  const resolve = (id: string, factor: number, g: Group, own: 'taskHours' | 'returnedHours', src?: FlowSource, target = id): void => {
    const size = sizeOf(target, g.per)
    for (const n of g.byNeeds.values()) book(id, n.needs, n.key, factor * n.rate * H, factor * n.rateEffort * H * size, own, src, g.contested)
  }

  for (const [route, byGate] of groups) {
    const type = route.inspection ? 'inspects' : 'task'
    // Channel records of the route's edges, looked up once per route (created on first use,
    // so a channel nothing passes through, e.g. behind a closed gate, never appears).
    const chans: (Channel & {bits: Uint32Array})[] = new Array(route.edges.length)
    const chan = (i: number): Channel & {bits: Uint32Array} => {
      if (chans[i]) return chans[i]
      const e = route.edges[i]
      let byTo = channels.get(`${type}\n${e.from}`)
      if (!byTo) channels.set(`${type}\n${e.from}`, (byTo = new Map()))
      let ch = byTo.get(e.to)
      if (!ch) {
        byTo.set(e.to, (ch = {type, from: e.from, to: e.to, tasksPerYear: 0, hoursPerYear: 0, items: 0, bits: new Uint32Array(words)}))
        channelList.push(ch)
      }
      return (chans[i] = ch)
    }
    // The receiving units' records, also once per route; the issuer joins a unit's issuers on
    // the first instance that reaches it.
    const receivers: UnitFlow[] = new Array(route.edges.length)
    const receiver = (i: number): UnitFlow => {
      let f = receivers[i]
      if (!f) {
        f = receivers[i] = unitFlow(route.edges[i].to)
        f.issuers.add(route.issuer)
      }
      return f
    }
    for (const g of byGate.values()) {
      const gbit = g.gate ? tierBit(g.gate.tier) : 0
      const leak = g.gate ? g.gate.leakage : 1
      const factor = (mask: number): number => (mask & gbit ? leak : 1)
      const bits = new Uint32Array(words)
      for (const ti of g.tasks) bits[ti >>> 5] |= 1 << (ti & 31)
      const src: FlowSource | undefined = tap ? {task: g.tasks[0], issuer: route.issuer} : undefined

      route.edges.forEach((e, i) => {
        const fe = factor(e.pathMask)
        if (fe <= 0) return
        const ch = chan(i)
        const hours = fe * (e.relay ? g.rateRelay : g.rateEffort * sizeOf(e.to, g.per)) * H
        ch.tasksPerYear += fe * g.rate * H
        ch.hoursPerYear += hours
        for (let w = 0; w < words; w++) ch.bits[w] |= bits[w]
        const f = receiver(i)
        f.inflowByIssuer.set(route.issuer, (f.inflowByIssuer.get(route.issuer) ?? 0) + hours)
        if (e.relay) {
          f.relayHours += hours
          f.jobs += fe * g.rate * H
          note(e.to, src, 'relayHours', hours, fe * g.rate * H)
        } else {
          resolve(e.to, fe, g, 'taskHours', src)
          if (route.inspection) {
            // The inspector's own hours on site per visit, not the inspected unit's preparation.
            const onSite = fe * g.rateInspector * H
            const inspector = unitFlow(route.issuer)
            inspector.inspectorHours += onSite
            inspector.jobs += fe * g.rate * H
            note(route.issuer, src, 'inspectorHours', onSite, fe * g.rate * H)
          }
        }
      })

      let mask = 0
      for (const t of route.targets) {
        const ft = factor(t.mask)
        if (ft > 0) mask |= t.mask
        const n = ft * g.rate * H
        del.perYear += n
        del.hopsPerYear += n * t.hops
        if (n > 0) del.maxHops = Math.max(del.maxHops, t.hops)
        if (t.id === route.issuer && ft > 0) {
          // A unit issuing to its own tier does the work itself: no channel, no principal.
          resolve(t.id, ft, g, 'taskHours', src)
        }
        if (g.gate?.otherwise === 'return' && ft < 1) {
          // 谁主管谁负责: the refused share comes back to the issuer, who does it for that target.
          resolve(route.issuer, 1 - ft, g, 'returnedHours', src, t.id)
        }
      }
      for (const tier of TIERS) {
        if (!(mask & tierBit(tier))) continue
        const set = tierItems.get(tier)!
        for (const ti of g.tasks) set.add(model.tasks[ti].id)
      }
    }
  }

  model.demand.forEach((d, di) => {
    const src: FlowSource | undefined = tap ? {demand: di} : undefined
    const effort = meanOf(d.effort)
    const contested = d.contested !== undefined && d.contested.share > 0 ? d.contested : undefined
    const needsKey = d.needs.join(',')
    for (const u of model.units) {
      // Requests arise at territorial units with residents, as in the simulation.
      if (u.tier !== d.at || !(u.residents > 0) || !isTerritorial(ix, u)) continue
      const items = d.perResidentHour * u.residents * H
      if (!(items * effort > 0)) continue
      book(u.id, d.needs, needsKey, items, items * effort * sizeOf(u.id, d.effortPer), 'demandHours', src, contested)
    }
  })

  const out: Channel[] = []
  for (const {bits, ...ch} of channelList) out.push({...ch, items: popcount(bits)})
  return {hoursPerYear: H, ix, channels: out, units, tierItems, deliveries: del}
}

function popcount(bits: Uint32Array): number {
  let n = 0
  for (let w of bits) {
    w = w - ((w >>> 1) & 0x55555555)
    w = (w & 0x33333333) + ((w >>> 2) & 0x33333333)
    n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
  }
  return n
}
