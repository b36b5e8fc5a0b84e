// 大社区: pool groups of same-tier units under the same parent into one unit. Staff, residents
// and households add up, powers and labels are unioned, children and task references move to
// the merged unit, which keeps the first member's id unless the group names one.
import {z} from 'zod'
import {FullId, Text, Tier as TierSchema} from '../model/schema/common.js'
import {indexModel, isTerritorial} from '../model/routing.js'
import type {Model, Unit} from '../model/types.js'
import {ReformError, cloneModel, num, remapUnitRefs, msg, tierWord} from './common.js'
import type {ReformResult} from './common.js'

const Members = z.array(FullId).min(2, {error: 'a group needs at least two units'})
const Group = z.union([Members, z.strictObject({id: FullId.optional(), name: Text.optional(), units: Members})], {
  error: 'expected a list of unit ids or {id, name, units}',
})

export const type = 'merge'
export const zh = '大社区、合并'

export const paramsSchema = z
  .strictObject({
    tier: TierSchema.default('community'),
    /** Merge consecutive units under each parent in groups of this size (the default, 3). */
    size: z.number().int().min(2, {error: 'a group size is at least 2'}).optional(),
    /** Explicit groups: lists of unit ids, or {id, name, units}. */
    groups: z.array(Group).min(1, {error: 'give at least one group'}).optional(),
  })
  .refine((p) => p.size === undefined || p.groups === undefined, {error: 'give either `size` or `groups`, not both', path: ['groups']})
export type MergeParams = z.output<typeof paramsSchema>

interface Plan {
  members: Unit[]
  id: string
  name?: string
}

export function apply(input: Model, params: MergeParams): ReformResult {
  const ix = indexModel(input)
  const plans = params.groups ? explicitPlans(input, params) : sizedPlans(input, params.tier, params.size ?? 3)
  if (plans.length === 0) {
    throw new ReformError(['tier'], `no two ${params.tier} units share a parent, so nothing can be merged`, 'choose a tier with siblings')
  }
  const model = cloneModel(input)
  const byId = new Map(model.units.map((u) => [u.id, u]))
  const map = new Map<string, string>()
  const gone = new Set<string>()
  const goneUnits = new Set<Unit>()
  for (const plan of plans) {
    const keeper = byId.get(plan.members[0].id)!
    const rest = plan.members.slice(1).map((m) => byId.get(m.id)!)
    keeper.staff += rest.reduce((a, u) => a + u.staff, 0)
    keeper.residents += rest.reduce((a, u) => a + u.residents, 0)
    keeper.households += rest.reduce((a, u) => a + u.households, 0)
    keeper.powers = [...new Set([keeper.powers, ...rest.map((u) => u.powers)].flat())]
    keeper.labels = [...new Set([keeper.labels, ...rest.map((u) => u.labels)].flat())]
    keeper.name = plan.name ?? plan.members.map((m) => m.name).join(' + ')
    for (const u of rest) {
      gone.add(u.id)
      goneUnits.add(u)
      map.set(u.id, plan.id)
    }
    if (plan.id !== keeper.id) {
      map.set(keeper.id, plan.id)
      keeper.id = plan.id
    }
  }
  const reparented = model.units.filter((u) => !goneUnits.has(u) && u.parent !== undefined && gone.has(u.parent)).length
  const touched = model.tasks.filter((t) => [...t.issuers, ...(t.executors ?? [])].some((i) => map.has(i))).length
  model.units = model.units.filter((u) => !goneUnits.has(u))
  const dropped = remapUnitRefs(model, map)

  const merged = plans.reduce((a, p) => a + p.members.length, 0)
  const staff = plans.reduce((a, p) => a + p.members.reduce((b, u) => b + u.staff, 0), 0)
  const how = params.groups ? msg('change.merge.given') : msg('change.merge.size', {size: params.size ?? 3})
  const changes = [
    msg('change.merge.merged', {tier: tierWord(params.tier), n: merged, m: plans.length, how}),
    msg('change.merge.pooled', {staff: num(staff), per: num(staff / plans.length)}),
    msg('change.merge.fewer', {n: ix.model.units.length - model.units.length}),
  ]
  if (reparented > 0) changes.push(msg('change.merge.reparented', {n: reparented}))
  if (touched > 0) changes.push(msg('change.merge.remapped', {n: touched}))
  if (dropped > 0) changes.push(msg('change.merge.dropped', {n: dropped}))
  return {model, changes}
}

/** Consecutive siblings of the tier (same parent and kind), in model order, chunked by `size`. */
function sizedPlans(model: Model, tier: string, size: number): Plan[] {
  const ix = indexModel(model)
  const byParent = new Map<string, Unit[]>()
  for (const u of model.units) {
    if (u.tier !== tier || !isTerritorial(ix, u) || u.parent === undefined) continue
    const key = `${u.parent}\u0000${u.kind}`
    const list = byParent.get(key)
    if (list) list.push(u)
    else byParent.set(key, [u])
  }
  const plans: Plan[] = []
  for (const siblings of byParent.values()) {
    for (let i = 0; i < siblings.length; i += size) {
      const members = siblings.slice(i, i + size)
      if (members.length >= 2) plans.push({members, id: members[0].id})
    }
  }
  return plans
}

function explicitPlans(model: Model, params: MergeParams): Plan[] {
  const ix = indexModel(model)
  const used = new Map<string, number>()
  const ids = new Set(model.units.map((u) => u.id))
  return (params.groups ?? []).map((g, gi) => {
    const list = Array.isArray(g) ? g : g.units
    const at = (j: number) => (Array.isArray(g) ? ['groups', gi, j] : ['groups', gi, 'units', j])
    const members = list.map((id, j) => {
      const u = ix.byId.get(id)
      if (!u) throw new ReformError(at(j), `no unit with id ${id}`, 'use a full unit id such as district/street-2/community-1')
      if (u.tier !== params.tier) throw new ReformError(at(j), `${id} is at tier ${u.tier ?? '(none)'}, not ${params.tier}`, 'merge units of the reform\'s tier only')
      if (u.parent !== ix.byId.get(list[0])?.parent) {
        throw new ReformError(at(j), `${id} has parent ${u.parent ?? '(none)'}, not ${ix.byId.get(list[0])?.parent ?? '(none)'} like ${list[0]}`, 'merge only units under the same parent')
      }
      if (used.has(id)) throw new ReformError(at(j), `${id} is already in group ${used.get(id)}`, 'put each unit in one group')
      used.set(id, gi)
      return u
    })
    const id = Array.isArray(g) ? members[0].id : (g.id ?? members[0].id)
    if (id !== members[0].id && ids.has(id) && !list.includes(id)) {
      throw new ReformError(['groups', gi, 'id'], `the id ${id} is already used by another unit`, 'choose a new id for the merged unit')
    }
    return {members, id, name: Array.isArray(g) ? undefined : g.name}
  })
}
