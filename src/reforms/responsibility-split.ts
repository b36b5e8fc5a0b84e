// 主管责任与属地责任: for items needing powers the territory lacks, the territory only
// discovers and reports (reportEffort); the department holding the power does the work
// instead of the item climbing the territorial chain or ending unresolved.
import {z} from 'zod'
import {Effort} from '../model/schema/common.js'
import {formatHours} from '../model/duration.js'
import {holdsPowers, indexModel, targetsInScope} from '../model/routing.js'
import {meanOf} from '../model/types.js'
import type {Model} from '../model/types.js'
import {cloneModel, territorialAt, toDistribution, msg} from './common.js'
import type {EffortParam, ReformResult} from './common.js'

export const type = 'responsibility-split'
export const zh = '主管责任与属地责任'

export const paramsSchema = z.strictObject({
  /** Effort for the territory to discover and report one item (default: the model's rule, 30m). */
  reportEffort: Effort.optional(),
})
export type ResponsibilitySplitParams = z.output<typeof paramsSchema>

export function apply(input: Model, params: ResponsibilitySplitParams): ReformResult {
  const ix = indexModel(input)
  const model = cloneModel(input)
  const before = model.rules.responsibility
  model.rules.responsibility = 'split'
  if (params.reportEffort !== undefined) model.rules.reportEffort = toDistribution(params.reportEffort as EffortParam, model.clock)
  // Items whose executing units lack a needed power: these are the ones the rule changes.
  const tasks = input.tasks.filter(
    (t) => t.needs.length > 0 && t.issuers.some((i) => targetsInScope(ix, i, t.target).some((u) => !holdsPowers(u, t.needs))),
  ).length
  const demand = input.demand.filter((d) => d.needs.length > 0 && territorialAt(ix, d.at).some((u) => !holdsPowers(u, d.needs))).length
  const changes = [
    msg('change.split.rule', {before: msg(`change.rule.${before}`)}),
    msg('change.split.effort', {effort: formatHours(meanOf(model.rules.reportEffort), model.clock)}),
    msg('change.split.items', {n: tasks, m: demand}),
  ]
  return {model, changes}
}
