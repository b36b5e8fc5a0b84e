// Compiles a resolved Model into the flat arrays the engine runs on: units as servers,
// sources (tasks, then resident demands), arrival streams, relay trees and work plans.
// All routing comes from routing.ts, once per model, before any run; what is alike between
// units (twin territories, plan shapes, tree shapes) is asked of it once.
import {indexModel, isTerritorial} from '../model/routing.js'
import {TIERS} from '../model/types.js'
import type {Contested, EffortPer, Model, Task} from '../model/types.js'
import {CLASS_DEADLINE, CLASS_INSPECTION, CLASS_REST, CLASS_VETO, SPLIT_ADMIN, SPLIT_INSPECTION, SPLIT_SERVICE} from './compiled.js'
import type {Compiled} from './compiled.js'
import {aliasRecords, buildAlias} from './alias.js'
import {Arrivals} from './arrivals.js'
import {ContestBuilder} from './contest-tables.js'
import {DistTable} from './dist.js'
import {PlanBuilder} from './plans.js'
import {SharedPlanStore} from './plan-share.js'
import {RouteBuilder, treeLeaves} from './routes.js'
import {PlanSlots} from './slots.js'
import {findTwins} from './twins.js'
import {unitTables} from './unit-tables.js'
import {UnitScopes} from './unit-scopes.js'

export {CLASS_DEADLINE, CLASS_INSPECTION, CLASS_REST, CLASS_VETO, SPLIT_ADMIN, SPLIT_INSPECTION, SPLIT_SERVICE} from './compiled.js'
export type {Compiled} from './compiled.js'

export function compileModel(model: Model): Compiled {
  const ix = indexModel(model)
  const dists = new DistTable()
  const units = unitTables(model, dists)
  const {unitIds, unitIndex, unitHandoff} = units
  const nUnits = unitIds.length
  const scopes = UnitScopes.of(ix, unitIndex, units.unitTier)
  const twins = scopes === undefined ? undefined : findTwins(model, scopes, unitHandoff, unitIndex)
  const routes = new RouteBuilder(ix, unitIndex, scopes)
  const plans = new PlanBuilder(ix, model, unitIndex, dists, unitHandoff, scopes, twins, new SharedPlanStore())
  const contests = new ContestBuilder(ix, model, unitIndex, nUnits)
  const hotline = model.rules.hotline !== undefined && model.rules.hotline.centres.length > 0
  const streamKeys: string[] = []
  const stream = (key: string): number => streamKeys.push(key) - 1

  const needsKeys = new Map<string, number>()
  const needsLists: string[][] = []
  /** Requests under a hotline follow dispatch plans, so their needs get slots of their own. */
  const needsRequest: boolean[] = []
  const needsId = (needs: string[], request = false): number => {
    const key = [...needs].sort().join('\u0001') + (request && hotline ? '\u0002request' : '')
    let id = needsKeys.get(key)
    if (id === undefined) {
      needsKeys.set(key, (id = needsLists.length))
      needsLists.push(needs)
      needsRequest.push(request && hotline)
    }
    return id
  }
  const wanted = new PlanSlots(nUnits)
  const fieldIndex = new Map<string, number>()
  const inspectionCats = new Map<string, number>()
  const src = {effort: [] as number[], relay: [] as number[], cls: [] as number[], deadline: [] as number[], split: [] as number[], needs: [] as number[], gateTier: [] as number[], leak: [] as number[], abolish: [] as number[], insp: [] as number[], fStart: [] as number[], fEnd: [] as number[], contacts: [] as number[], validity: [] as number[], effortRng: [] as number[], routeRng: [] as number[], delayRng: [] as number[], contestRng: [] as number[], perBasis: [] as number[], perSize: [] as number[], inspector: [] as number[], spread: [] as number[], contest: [] as (Contested | undefined)[]}
  const fields: number[] = []
  const arr = new Arrivals(model.tasks.reduce((n, t) => n + t.issuers.length, model.demand.length))
  /** Each demand's tier alias table, in order: appended into the flat tables once their size is known. */
  const aliasParts: {prob: number[]; unit: number[]; other: number[]}[] = []
  let aliasLength = 0

  const addSource = (s: {effort: number; relay: number; cls: number; deadline: number; split: number; needs: number; gate?: Task['gate']; insp: number; collects: string[]; contacts: number; validity: number; key: string; per?: EffortPer; inspector: number; spread: number; contested?: Contested}): number => {
    const i = src.effort.length
    src.effort.push(s.effort)
    src.relay.push(s.relay)
    src.cls.push(s.cls)
    src.deadline.push(s.deadline)
    src.split.push(s.split)
    src.needs.push(s.needs)
    src.gateTier.push(s.gate ? TIERS.indexOf(s.gate.tier) : -1)
    src.leak.push(s.gate?.leakage ?? 0)
    src.abolish.push(s.gate?.otherwise === 'abolish' ? 1 : 0)
    src.insp.push(s.insp)
    src.fStart.push(fields.length)
    for (const f of s.collects) {
      if (!fieldIndex.has(f)) fieldIndex.set(f, fieldIndex.size)
      fields.push(fieldIndex.get(f)!)
    }
    src.fEnd.push(fields.length)
    src.contacts.push(s.contacts)
    src.validity.push(s.validity)
    src.effortRng.push(stream(`effort\u0000${s.key}`))
    src.routeRng.push(stream(`routing\u0000${s.key}`))
    src.delayRng.push(stream(`delay\u0000${s.key}`))
    src.contestRng.push(stream(`contest\u0000${s.key}`))
    src.perBasis.push(s.per === undefined ? 0 : s.per.basis === 'households' ? 1 : 2)
    src.perSize.push(s.per?.size ?? 1)
    src.inspector.push(s.inspector)
    src.spread.push(s.spread)
    src.contest.push(s.contested !== undefined && s.contested.share > 0 ? s.contested : undefined)
    return i
  }

  for (const task of model.tasks) {
    const needs = needsId(task.needs)
    const inspection = task.kind === 'inspection'
    let insp = -1
    if (inspection) {
      const cat = task.category ?? `task:${task.id}`
      if (!inspectionCats.has(cat)) inspectionCats.set(cat, inspectionCats.size)
      insp = inspectionCats.get(cat)!
    }
    const s = addSource({
      effort: dists.add(task.effort),
      relay: dists.add(task.relayEffort ?? model.defaults.relayEffort),
      cls: task.veto ? CLASS_VETO : inspection ? CLASS_INSPECTION : task.deadline !== undefined ? CLASS_DEADLINE : CLASS_REST,
      deadline: task.deadline ?? Infinity,
      split: inspection ? SPLIT_INSPECTION : SPLIT_ADMIN,
      needs,
      gate: task.gate,
      insp,
      collects: task.collects,
      contacts: task.contacts,
      validity: task.validity ?? model.defaults.collectionValidity,
      key: `task\u0000${task.id}`,
      per: task.effortPer,
      inspector: inspection ? dists.add(task.inspectorEffort ?? model.defaults.inspectorEffort) : -1,
      spread: inspection ? (task.spread ?? model.defaults.spread) : 0,
      contested: task.contested,
    })
    const periodic = task.arrival.type === 'periodic'
    const gap = task.arrival.type === 'periodic' ? task.arrival.every : task.arrival.perHour > 0 ? 1 / task.arrival.perHour : Infinity
    // NaN marks a periodic stream whose phase is drawn at the start of the run.
    const offset = task.arrival.type === 'periodic' ? (task.arrival.offset ?? Number.NaN) : 0
    for (let k = 0; k < task.issuers.length; k++) {
      const issuer = task.issuers[k]
      const at = unitIndex.get(issuer)
      if (at === undefined) throw new Error(`sim/routes: unknown unit ${issuer}`)
      const tree = routes.tree(task, at)
      if (!(gap > 0 && Number.isFinite(gap))) continue
      arr.add(s, tree, periodic, gap, offset, stream(`arrival\u0000${task.id}\u0000${issuer}`), 0, 0)
      wanted.want(needs, at)
    }
  }
  const nTasks = src.effort.length

  // Demands raised at one tier share its units and their alias table (appended once per demand).
  const byTier = new Map<string, {units: Int32Array; total: number; alias: {prob: number[]; unit: number[]; other: number[]}}>()
  for (const d of model.demand) {
    const needs = needsId(d.needs, true)
    // Dispatched requests are assessed (接诉即办): due by the hotline's deadline, served in that class.
    const cls = hotline ? CLASS_DEADLINE : CLASS_REST
    const deadline = hotline ? model.rules.hotline!.deadline : Infinity
    const s = addSource({effort: dists.add(d.effort), relay: 0, cls, deadline, split: SPLIT_SERVICE, needs, insp: -1, collects: [], contacts: 0, validity: 0, key: `demand\u0000${d.id}`, per: d.effortPer, inspector: -1, spread: 0, contested: d.contested})
    let tier = byTier.get(d.at)
    if (tier === undefined) {
      const units = model.units.filter((u) => u.tier === d.at && isTerritorial(ix, u) && u.residents > 0)
      const total = units.reduce((sum, u) => sum + u.residents, 0)
      const alias = {prob: [] as number[], unit: [] as number[], other: [] as number[]}
      buildAlias(units.map((u) => u.residents / total), units.map((u) => unitIndex.get(u.id)!), alias)
      byTier.set(d.at, (tier = {units: Int32Array.from(alias.unit), total, alias}))
    }
    const total = tier.total
    const rate = d.perResidentHour * total
    if (!(rate > 0 && Number.isFinite(rate))) continue
    arr.add(s, -1, false, 1 / rate, 0, stream(`arrival\u0000demand\u0000${d.id}`), aliasLength, aliasLength + tier.units.length)
    aliasParts.push(tier.alias)
    aliasLength += tier.units.length
    wanted.wantAll(needs, tier.units)
  }

  const alias = {prob: new Float64Array(aliasLength), unit: new Int32Array(aliasLength), other: new Int32Array(aliasLength)}
  for (let p = 0, at = 0; p < aliasParts.length; at += aliasParts[p].prob.length, p++) {
    alias.prob.set(aliasParts[p].prob, at)
    alias.unit.set(aliasParts[p].unit, at)
    alias.other.set(aliasParts[p].other, at)
  }
  const escalationDist = dists.add(model.defaults.escalationEffort)
  const reportDist = dists.add(model.rules.reportEffort)
  const transferDist = dists.add(model.rules.buckPassing.transferEffort)
  const arbitrationDist = dists.add(model.rules.buckPassing.arbitrationEffort)
  const dispatchDist = dists.add(model.rules.hotline?.dispatchEffort ?? {dist: 'fixed', value: 0})
  const routeTables = routes.freeze()
  const nTrees = routeTables.treeIssuer.length
  // Trees of one shape have the same leaves in the same order: their slots are wanted once.
  const seenTrees = new Uint8Array(needsLists.length * nTrees)
  const leaves: Int32Array[] = []
  const leavesOf = (tree: number) => (leaves[routes.sameLeaves(tree)] ??= treeLeaves(routeTables, routes.sameLeaves(tree)))
  for (let a = 0; a < arr.length; a++) {
    if (arr.tree[a] < 0) continue
    const tree = routes.sameLeaves(arr.tree[a])
    const needs = src.needs[arr.src[a]]
    if (seenTrees[needs * nTrees + tree] === 1) continue
    seenTrees[needs * nTrees + tree] = 1
    wanted.wantAll(needs, leavesOf(tree))
  }
  const shared = plans.build(wanted.list, needsLists, needsRequest)
  // Contests are decided where a plan ends at a department: one entry per (source, department).
  for (let a = 0; a < arr.length; a++) {
    const s = arr.src[a]
    const contested = src.contest[s]
    if (contested === undefined) continue
    const tree = arr.tree[a]
    if (tree >= 0) contests.addAll(s, contested, src.needs[s], leavesOf(tree), routeTables.treeIssuer[tree], shared)
    else contests.addAll(s, contested, src.needs[s], alias.unit.subarray(arr.aStart[a], arr.aEnd[a]), -1, shared)
  }
  const sharedFields = model.rules.dataSharing?.fields
  const fieldShared = new Uint8Array(fieldIndex.size)
  for (const [f, i] of fieldIndex) fieldShared[i] = sharedFields === 'all' || (Array.isArray(sharedFields) && sharedFields.includes(f)) ? 1 : 0

  return {
    model,
    nUnits,
    unitIds,
    unitTier: units.unitTier,
    servers: units.servers,
    speed: units.speed,
    households: units.households,
    residents: units.residents,
    unitHandoff,
    dists: dists.freeze(),
    nTasks,
    nSources: src.effort.length,
    srcEffort: Int32Array.from(src.effort),
    srcRelay: Int32Array.from(src.relay),
    srcClass: Uint8Array.from(src.cls),
    srcDeadline: Float64Array.from(src.deadline),
    srcSplit: Uint8Array.from(src.split),
    srcNeeds: Int32Array.from(src.needs),
    srcGateTier: Int8Array.from(src.gateTier),
    srcLeakage: Float64Array.from(src.leak),
    srcGateAbolish: Uint8Array.from(src.abolish),
    srcInspectionCat: Int32Array.from(src.insp),
    srcFieldStart: Int32Array.from(src.fStart),
    srcFieldEnd: Int32Array.from(src.fEnd),
    fields: Int32Array.from(fields),
    nFields: fieldIndex.size,
    fieldShared,
    srcContacts: Float64Array.from(src.contacts),
    srcValidity: Float64Array.from(src.validity),
    srcEffortRng: Int32Array.from(src.effortRng),
    srcRouteRng: Int32Array.from(src.routeRng),
    srcDelayRng: Int32Array.from(src.delayRng),
    srcContestRng: Int32Array.from(src.contestRng),
    srcPerBasis: Uint8Array.from(src.perBasis),
    srcPerSize: Float64Array.from(src.perSize),
    srcInspector: Int32Array.from(src.inspector),
    srcSpread: Float64Array.from(src.spread),
    srcContestShare: Float64Array.from(src.contest, (x) => x?.share ?? 0),
    contests: contests.freeze(),
    refusal: model.rules.buckPassing.refusal,
    transferDist,
    arbitrationDist,
    dispatchDist,
    nInspectionCats: inspectionCats.size,
    ...arr.tables(),
    aliasProb: alias.prob,
    aliasUnit: alias.unit,
    aliasOther: alias.other,
    ...aliasRecords(alias),
    routes: routeTables,
    ...shared,
    streamKeys,
    redundancyWindow: model.defaults.redundancyWindow,
    escalationDist,
    reportDist,
    formalShare: model.defaults.formalShare,
  }
}
