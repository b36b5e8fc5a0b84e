// 吹哨报到: the street (and community) blows the whistle, the department holding the power
// reports within a response time. The rule tells the simulation to summon instead of
// escalating hop by hop; the `summons` relations make the channels visible to structure metrics.
import {z} from 'zod'
import {Effort, Tier as TierSchema} from '../model/schema/common.js'
import {findResolver, indexModel, isTerritorial} from '../model/routing.js'
import type {Model, Relation} from '../model/types.js'
import {ReformError, cloneModel, describeEffort, territorialAt, msg, tierWord, toDistribution} from './common.js'
import type {EffortParam, ReformResult, Message} from './common.js'

export const type = 'whistle'
export const zh = '吹哨报到'

export const paramsSchema = z.strictObject({
  /** Tiers whose territorial units may summon departments. */
  from: z.array(TierSchema).min(1, {error: 'name at least one tier'}).default(['street', 'community']),
  /** Working time until the summoned department reports: a duration or a distribution. */
  responseTime: Effort.default('1d'),
})
export type WhistleParams = z.output<typeof paramsSchema>

export function apply(input: Model, params: WhistleParams): ReformResult {
  const ix = indexModel(input)
  const from = [...new Set(params.from)]
  const callers = from.flatMap((tier, i) => {
    const units = territorialAt(ix, tier)
    if (units.length === 0) throw new ReformError(['from', i], `the model has no territorial units at tier ${tier}`, 'list tiers the model uses')
    return units
  })
  const responseTime = toDistribution(params.responseTime as EffortParam, input.clock)
  const model = cloneModel(input)
  model.rules.whistle = {from, responseTime}

  // One channel per caller and department that holds powers the caller's items need.
  const needSets = new Map<string, string[]>()
  for (const n of [...input.tasks.map((t) => t.needs), ...input.demand.map((d) => d.needs)]) {
    if (n.length > 0) needSets.set([...n].sort().join('\u0000'), n)
  }
  const existing = new Set(input.relations.filter((r) => r.type === 'summons').map((r) => `${r.from}\u0000${r.to}`))
  const added: Relation[] = []
  const departments = new Set<string>()
  for (const u of callers) {
    for (const needs of needSets.values()) {
      const {resolver} = findResolver(ix, u.id, needs)
      if (resolver === undefined || resolver === u.id) continue
      const r = ix.byId.get(resolver)
      if (!r || isTerritorial(ix, r)) continue
      const key = `${u.id}\u0000${resolver}`
      if (existing.has(key)) continue
      existing.add(key)
      departments.add(resolver)
      added.push({type: 'summons', from: u.id, to: resolver})
    }
  }
  model.relations.push(...added)
  const callersUsed = new Set(added.map((r) => r.from)).size
  const changes = [
    msg('change.whistle.from', {tiers: from.length ? from.map((t) => tierWord(t) as Message) : [msg('change.none')], time: describeEffort(responseTime, input.clock)}),
    msg('change.whistle.channels', {n: added.length, m: callersUsed, k: departments.size}),
  ]
  return {model, changes}
}
