// 多网合一、全科网格: the grids of each community (one per line: party building, urban
// management, public security …) become one comprehensive grid, and patrols that several
// departments send to the grid tier for the same category become one patrol.
import {z} from 'zod'
import {indexModel, isTerritorial, scopeRoot} from '../model/routing.js'
import {arrivalsPerHour} from '../model/types.js'
import type {Model, Task, TaskKind, Unit} from '../model/types.js'
import {TASK_KINDS} from '../model/types.js'
import {ReformError, cloneModel, num, remapUnitRefs, msg} from './common.js'
import type {ReformResult} from './common.js'

export const type = 'grid-merge'
export const zh = '多网合一、全科网格'

export const paramsSchema = z.strictObject({
  /** `sum`: every grid worker joins the one grid; `keep`: it keeps the largest grid's staff. */
  staff: z.enum(['sum', 'keep']).default('sum'),
  /** Task kinds that count as patrols when looking for duplicates. */
  patrolKinds: z.array(z.enum(TASK_KINDS)).default(['routine', 'inspection']),
})
export type GridMergeParams = z.output<typeof paramsSchema>

export function apply(input: Model, params: GridMergeParams): ReformResult {
  const ix = indexModel(input)
  const grids = input.units.filter((u) => u.tier === 'grid' && u.kind === 'grid' && isTerritorial(ix, u))
  if (grids.length === 0) throw new ReformError([], 'the model has no grid units (kind grid, tier grid)', 'grid-merge needs grids to merge')
  const byParent = new Map<string, Unit[]>()
  for (const g of grids) {
    const key = g.parent ?? ''
    const list = byParent.get(key)
    if (list) list.push(g)
    else byParent.set(key, [g])
  }
  const model = cloneModel(input)
  const byId = new Map(model.units.map((u) => [u.id, u]))
  const map = new Map<string, string>()
  let merged = 0
  let comprehensive = 0
  let staffBefore = 0
  let staffAfter = 0
  for (const members of byParent.values()) {
    if (members.length < 2) continue
    const keeper = byId.get(members[0].id)!
    const all = members.map((m) => byId.get(m.id)!)
    staffBefore += all.reduce((a, u) => a + u.staff, 0)
    keeper.staff = params.staff === 'sum' ? all.reduce((a, u) => a + u.staff, 0) : Math.max(...all.map((u) => u.staff))
    staffAfter += keeper.staff
    keeper.residents = all.reduce((a, u) => a + u.residents, 0)
    keeper.households = all.reduce((a, u) => a + u.households, 0)
    keeper.powers = [...new Set(all.flatMap((u) => u.powers))]
    keeper.labels = [...new Set([...all.flatMap((u) => u.labels), 'comprehensive-grid'])]
    keeper.name = `${keeper.name} (全科网格)`
    for (const u of members.slice(1)) map.set(u.id, keeper.id)
    merged += members.length
    comprehensive++
  }
  model.units = model.units.filter((u) => !map.has(u.id))
  remapUnitRefs(model, map)
  const patrols = mergePatrols(ix, model, params.patrolKinds)

  const changes = [
    comprehensive > 0
      ? msg('change.grid.merged', {n: merged, m: comprehensive, before: num(staffBefore), after: num(staffAfter), mode: msg(`change.grid.${params.staff}`)})
      : msg('change.grid.none'),
    msg('change.grid.reach', {n: grids.length - map.size, before: grids.length}),
    patrols.removed > 0
      ? msg('change.grid.patrols', {n: patrols.removed + patrols.groups, m: patrols.groups, categories: patrols.categories.join(', ')})
      : msg('change.grid.noPatrols'),
  ]
  return {model, changes}
}

/**
 * Patrol tasks sent to the grid tier with the same category and kind over the same
 * territories by different issuers duplicate each other: keep the most frequent one, with the
 * others' needs, fields and labels folded in. Mutates `model`.
 */
function mergePatrols(ix: ReturnType<typeof indexModel>, model: Model, kinds: TaskKind[]) {
  const groups = new Map<string, Task[]>()
  for (const t of model.tasks) {
    if (t.target !== 'grid' || t.executors || t.category === undefined || !kinds.includes(t.kind)) continue
    const scopes = [...new Set(t.issuers.map((i) => scopeRoot(ix, i)?.id ?? ''))].sort().join(',')
    const key = `${t.category}\u0000${t.kind}\u0000${scopes}`
    const list = groups.get(key)
    if (list) list.push(t)
    else groups.set(key, [t])
  }
  const drop = new Set<Task>()
  const categories: string[] = []
  let merged = 0
  for (const list of groups.values()) {
    const issuerSets = new Set(list.map((t) => [...t.issuers].sort().join(',')))
    if (list.length < 2 || issuerSets.size < 2) continue
    const keep = list.reduce((a, b) => (arrivalsPerHour(b.arrival) > arrivalsPerHour(a.arrival) ? b : a))
    for (const t of list) {
      if (t === keep) continue
      keep.needs = [...new Set([...keep.needs, ...t.needs])]
      keep.collects = [...new Set([...keep.collects, ...t.collects])]
      keep.contacts = Math.max(keep.contacts, t.contacts)
      keep.labels = [...new Set([...keep.labels, ...t.labels])]
      keep.veto = keep.veto || t.veto
      if (t.deadline !== undefined) keep.deadline = Math.min(keep.deadline ?? Infinity, t.deadline)
      drop.add(t)
    }
    merged++
    categories.push(keep.category!)
  }
  model.tasks = model.tasks.filter((t) => !drop.has(t))
  return {removed: drop.size, groups: merged, categories: [...new Set(categories)]}
}
