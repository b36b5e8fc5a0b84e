// 政府购买服务: tasks of chosen categories are contracted to social organisations with their
// own staff. Each task gets explicit executors: for every unit it used to reach, the provider
// covering that unit's territory, so the work (one entry per former target) leaves the tier.
import {z} from 'zod'
import {Id, Selector, Text, Tier as TierSchema} from '../model/schema/common.js'
import {ancestors, indexModel, scopeRoot, targetsInScope, tierRank} from '../model/routing.js'
import {describeSelector, selectUnits} from '../model/selector.js'
import type {Selector as SelectorType} from '../model/selector.js'
import type {Model, Relation, Task, Unit} from '../model/types.js'
import {ReformError, cloneModel, num, territorialAt, msg, tierWord} from './common.js'
import type {ReformResult} from './common.js'
import {taskTargetHours} from './load.js'

export const type = 'purchase-services'
export const zh = '政府购买服务'

export const paramsSchema = z.strictObject({
  categories: z.array(Id).min(1, {error: 'name at least one category'}),
  /** `new` creates a social-service unit per territory at `at`; otherwise a selector of existing providers. */
  provider: z.union([z.literal('new'), Selector]).default('new'),
  /** Tier of the territories that get a new provider each. */
  at: TierSchema.default('street'),
  /** Staff of each new provider. */
  staff: z.number().gt(0, {error: 'staff must be more than 0'}).default(5),
  name: Text.default('社工服务站'),
})
export type PurchaseServicesParams = z.output<typeof paramsSchema>

export function apply(input: Model, params: PurchaseServicesParams): ReformResult {
  const ix = indexModel(input)
  const known = new Set(input.categories.map((c) => c.id))
  params.categories.forEach((c, i) => {
    if (!known.has(c)) throw new ReformError(['categories', i], `unknown category ${c}`, `the model's categories: ${[...known].join(', ') || '(none)'}`)
  })
  const below = (t: Task) => tierRank(t.target) > tierRank(params.at)
  const chosen = input.tasks.filter((t) => t.category !== undefined && params.categories.includes(t.category) && !t.executors && below(t))
  if (chosen.length === 0) {
    throw new ReformError(['categories'], `no task of these categories is executed below tier ${params.at}`, 'choose categories of community work')
  }

  const model = cloneModel(input)
  const created: Unit[] = []
  // The provider serving each territory, keyed by the territory's id.
  const providerOf = new Map<string, string>()
  if (params.provider === 'new') {
    const ids = new Set(input.units.map((u) => u.id))
    for (const t of territorialAt(ix, params.at)) {
      const id = `${t.id}/social-service`
      if (ids.has(id)) throw new ReformError(['provider'], `a unit ${id} already exists`, 'select the existing providers instead of `new`')
      created.push({id, name: `${t.name} ${params.name}`, kind: 'social-org', tier: params.at, parent: t.id, staff: params.staff, powers: [], residents: 0, households: 0, labels: ['purchased-service']})
      providerOf.set(t.id, id)
    }
    if (created.length === 0) throw new ReformError(['at'], `the model has no territorial units at tier ${params.at}`, 'choose a tier the model uses')
  } else {
    const found = selectUnits(input.units, params.provider as SelectorType)
    if (found.length === 0) throw new ReformError(['provider'], `the selector ${describeSelector(params.provider as SelectorType)} matches no unit`, 'check the ids or fields of the selector')
    for (const p of found) {
      const scope = scopeRoot(ix, p.id)
      if (scope && !providerOf.has(scope.id)) providerOf.set(scope.id, p.id)
    }
  }
  const providerFor = (target: string): string => {
    for (const u of [ix.byId.get(target)!, ...ancestors(ix, target)]) {
      const p = providerOf.get(u.id)
      if (p !== undefined) return p
    }
    throw new ReformError(['provider'], `no provider covers ${target}`, 'select providers whose territories cover every target unit')
  }

  const chosenSet = new Set(chosen.map((t) => t.id))
  const relations: Relation[] = []
  const seen = new Set(input.relations.map((r) => `${r.type}\u0000${r.from}\u0000${r.to}`))
  const tasks: Task[] = []
  let hours = 0
  for (const t of model.tasks) {
    if (!chosenSet.has(t.id)) {
      tasks.push(t)
      continue
    }
    hours += taskTargetHours(ix, t)
    // Issuers with different territories reach different units: one task per territory.
    const byScope = new Map<string, string[]>()
    for (const i of t.issuers) {
      const key = scopeRoot(ix, i)?.id ?? ''
      byScope.set(key, [...(byScope.get(key) ?? []), i])
    }
    for (const [scope, issuers] of byScope) {
      const executors = targetsInScope(ix, issuers[0], t.target).map((u) => providerFor(u.id))
      const id = byScope.size === 1 ? t.id : `${t.id}@${scope}`
      tasks.push({...structuredClone(t), id, issuers, executors})
      for (const i of issuers) {
        for (const p of new Set(executors)) {
          const key = `contracts\u0000${i}\u0000${p}`
          if (!seen.has(key)) relations.push({type: 'contracts', from: i, to: p})
          seen.add(key)
        }
      }
    }
  }
  model.tasks = tasks
  const providers = new Set(tasks.flatMap((t) => (chosenSet.has(t.id.split('@')[0]) ? (t.executors ?? []) : [])))
  // New providers exist only where they have work.
  const used = created.filter((u) => providers.has(u.id))
  model.units.push(...used)
  model.relations.push(...relations)
  const changes = [msg('change.purchase.contracted', {n: chosen.length, categories: params.categories.join(', '), hours: num(hours, 0), m: providers.size})]
  if (used.length > 0) changes.push(msg('change.purchase.created', {n: used.length, tier: tierWord(params.at), staff: num(params.staff), total: num(params.staff * used.length)}))
  changes.push(msg('change.purchase.relations', {n: relations.length}))
  return {model, changes}
}
