// 扁平化、层级缩减: remove a territorial tier. Its territorial children attach to its parent,
// its departments and squads move up with their powers (or, with `departmentsTo: children`,
// dissolve into the children with their powers and staff, as Tongling's service functions
// went down into the big communities), its own powers go where its staff go, tasks it issued
// are issued by the parent, and its relay step disappears because routing derives relays
// from the parent chain.
import {z} from 'zod'
import {Tier as TierSchema} from '../model/schema/common.js'
import {deliveries, indexModel, isTerritorial} from '../model/routing.js'
import type {Model, Tier} from '../model/types.js'
import {ReformError, apportion, cloneModel, num, remapUnitRefs, territorialAt, msg, tierWord} from './common.js'
import type {ReformResult} from './common.js'

export const type = 'flatten'
export const zh = '扁平化、层级缩减'

export const paramsSchema = z.strictObject({
  /** The territorial tier to remove. */
  tier: TierSchema.default('street'),
  /** Where the removed units' staff go: split evenly over their territorial children, to their parent, or nowhere. */
  staffTo: z.enum(['children', 'parent', 'none']).default('children'),
  /** Where tasks executed at the removed tier go: to the parent's tier (done once per parent) or to the children's tier. */
  tasksTo: z.enum(['parent', 'children']).default('parent'),
  /** Where the removed units' departments go: up to the parent, keeping their powers, or into the territorial children, powers and staff split over them. */
  departmentsTo: z.enum(['parent', 'children']).default('parent'),
})
export type FlattenParams = z.output<typeof paramsSchema>

export function apply(input: Model, params: FlattenParams): ReformResult {
  const ix = indexModel(input)
  const removedUnits = territorialAt(ix, params.tier)
  if (removedUnits.length === 0) {
    throw new ReformError(['tier'], `the model has no territorial units at tier ${params.tier}`, 'choose a tier the model uses')
  }
  const removed = new Set(removedUnits.map((u) => u.id))
  // The nearest surviving ancestor of each removed unit takes its place.
  const survivor = new Map<string, string>()
  for (const u of removedUnits) {
    let p = u.parent
    while (p !== undefined && removed.has(p)) p = ix.byId.get(p)?.parent
    if (p === undefined) {
      throw new ReformError(['tier'], `cannot remove tier ${params.tier}: ${u.id} has no parent to take its place`, 'flatten a tier below the top')
    }
    survivor.set(u.id, p)
  }
  const parentTier = ix.byId.get(survivor.get(removedUnits[0].id)!)?.tier
  const childTiers = removedUnits.flatMap((u) => (ix.children.get(u.id) ?? []).filter((c) => isTerritorial(ix, c) && !removed.has(c.id)))
  const childTier = childTiers.find((c) => c.tier !== undefined)?.tier

  const relayTasks = input.tasks.filter((t) =>
    t.issuers.some((i) => deliveries(ix, t, i).some((d) => d.relays.some((r) => removed.has(r) || removed.has(ix.byId.get(r)?.parent ?? '')))),
  ).length

  const model = cloneModel(input)
  const byId = new Map(model.units.map((u) => [u.id, u]))
  const kidsOf = (r: {id: string}) => (ix.children.get(r.id) ?? []).filter((c) => isTerritorial(ix, c) && !removed.has(c.id))
  // Departments dissolved into the territorial children: powers to each child, staff split.
  const dissolved = new Set<string>()
  let dissolvedStaff = 0
  if (params.departmentsTo === 'children') {
    for (const r of removedUnits) {
      const kids = kidsOf(r)
      if (kids.length === 0) continue
      for (const d of ix.children.get(r.id) ?? []) {
        if (d.kind !== 'department' || removed.has(d.id)) continue
        dissolved.add(d.id)
        survivor.set(d.id, survivor.get(r.id)!)
        dissolvedStaff += d.staff
        const parts = apportion(d.staff, kids.map(() => 1), Number.isInteger(d.staff))
        kids.forEach((k, i) => {
          const child = byId.get(k.id)!
          child.staff += parts[i]
          child.powers = [...new Set([...child.powers, ...d.powers])]
        })
      }
    }
  }
  // The removed units' own powers go where their staff go (up when the staff are dropped).
  for (const r of removedUnits) {
    if (r.powers.length === 0) continue
    const kids = kidsOf(r)
    const to = params.staffTo === 'children' && kids.length > 0 ? kids.map((k) => byId.get(k.id)!) : [byId.get(survivor.get(r.id)!)!]
    for (const u of to) u.powers = [...new Set([...u.powers, ...r.powers])]
  }
  let othersMoved = 0
  const childTierCount = new Map<string, number>()
  for (const u of model.units) {
    if (u.parent === undefined || !removed.has(u.parent) || removed.has(u.id) || dissolved.has(u.id)) continue
    if (isTerritorial(ix, u)) {
      const t = u.tier ?? u.kind
      childTierCount.set(t, (childTierCount.get(t) ?? 0) + 1)
    } else {
      othersMoved++
      // A street squad moved up works at the parent's tier now.
      if (u.tier === params.tier) u.tier = parentTier
    }
  }

  let staffMoved = 0
  let receivers = 0
  for (const r of removedUnits) {
    const kids = (ix.children.get(r.id) ?? []).filter((c) => isTerritorial(ix, c) && !removed.has(c.id))
    if (params.staffTo === 'none') continue
    if (params.staffTo === 'children' && kids.length > 0) {
      const parts = apportion(r.staff, kids.map(() => 1), Number.isInteger(r.staff))
      kids.forEach((k, i) => (byId.get(k.id)!.staff += parts[i]))
      receivers += kids.length
    } else {
      byId.get(survivor.get(r.id)!)!.staff += r.staff
      receivers++
    }
    staffMoved += r.staff
  }
  const removedStaff = removedUnits.reduce((a, u) => a + u.staff, 0)

  model.units = model.units.filter((u) => !removed.has(u.id) && !dissolved.has(u.id))
  const dropped = remapUnitRefs(model, survivor)

  const newTaskTier: Tier | undefined = params.tasksTo === 'children' ? (childTier ?? parentTier) : (parentTier ?? childTier)
  let retargeted = 0
  for (const t of model.tasks) {
    if (t.target === params.tier && newTaskTier) {
      t.target = newTaskTier
      retargeted++
    }
  }
  const demandTier = childTier ?? parentTier
  let demandMoved = 0
  for (const d of model.demand) {
    if (d.at === params.tier && demandTier) {
      d.at = demandTier
      demandMoved++
    }
  }
  const reissued = input.tasks.filter((t) => t.issuers.some((i) => removed.has(i))).length
  if (model.rules.whistle?.from.includes(params.tier)) {
    model.rules.whistle.from = model.rules.whistle.from.filter((t) => t !== params.tier)
  }

  const tier = tierWord(params.tier)
  const parent = tierWord(parentTier)
  const changes = [msg('change.flatten.removed', {tier, units: removedUnits.length, staff: num(removedStaff)})]
  for (const [t, n] of childTierCount) changes.push(msg('change.flatten.reparented', {n, tier: tierWord(t), parent}))
  if (dissolved.size > 0) changes.push(msg('change.flatten.dissolved', {n: dissolved.size, staff: num(dissolvedStaff)}))
  if (othersMoved > 0) changes.push(msg('change.flatten.othersMoved', {n: othersMoved, parent}))
  if (params.staffTo === 'none') changes.push(msg('change.flatten.staffDropped', {staff: num(removedStaff)}))
  else if (params.staffTo === 'children') changes.push(msg('change.flatten.staffChildren', {staff: num(staffMoved), n: receivers}))
  else changes.push(msg('change.flatten.staffParent', {staff: num(staffMoved), n: receivers}))
  changes.push(msg('change.flatten.relay', {n: relayTasks}))
  if (reissued > 0) changes.push(msg('change.flatten.reissued', {n: reissued}))
  if (retargeted > 0) changes.push(msg('change.flatten.retargeted', {n: retargeted, tier, to: tierWord(newTaskTier)}))
  if (demandMoved > 0) changes.push(msg('change.flatten.demandMoved', {n: demandMoved, tier, to: tierWord(demandTier)}))
  if (dropped > 0) changes.push(msg('change.flatten.dropped', {n: dropped}))
  return {model, changes}
}
