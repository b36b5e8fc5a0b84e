// 接诉即办 (12345): residents' requests go to a dispatch centre, which records each and sends
// it straight to the unit able to resolve it within a dispatch time (no formal part, no hops),
// rules on a contested item at its first refusal, and has dispatched requests assessed: they
// are due within a deadline and served in the deadline class, above routine tasks.
import {z} from 'zod'
import {Duration, Effort, Tier as TierSchema} from '../model/schema/common.js'
import {indexModel} from '../model/routing.js'
import {HOTLINE_DEFAULTS} from '../model/resolve.js'
import {TIERS} from '../model/types.js'
import type {Model, Unit} from '../model/types.js'
import {ReformError, cloneModel, describeEffort, hours, msg, num, territorialAt, tierWord, toDistribution} from './common.js'
import type {EffortParam, ReformResult} from './common.js'
import {formatHours} from '../model/duration.js'

export const type = 'hotline-dispatch'
export const zh = '接诉即办、12345'

export const paramsSchema = z.strictObject({
  /** The tier of the territorial units that get a centre (default: the top tier of the model). */
  tier: TierSchema.optional(),
  /** Staff of each centre (operators). */
  staff: z.number().gt(0, {error: 'must be more than 0'}).default(10),
  /** Effort of the centre per request: taking it, recording it, routing it. */
  dispatchEffort: Effort.optional(),
  /** Time from dispatch until the receiving unit has the request. */
  dispatchTime: Effort.optional(),
  /** Dispatched requests are due this long after they are raised. */
  deadline: Duration.optional(),
})
export type HotlineDispatchParams = z.output<typeof paramsSchema>

export function apply(input: Model, params: HotlineDispatchParams): ReformResult {
  const ix = indexModel(input)
  if (input.demand.length === 0) throw new ReformError([], 'the model has no resident demand to dispatch', 'add `demand:` entries (requests residents raise)')
  const tier = params.tier ?? TIERS.find((t) => territorialAt(ix, t).length > 0)
  const hosts = tier === undefined ? [] : territorialAt(ix, tier)
  if (hosts.length === 0) throw new ReformError(['tier'], `the model has no territorial units at tier ${tier}`, 'choose a tier the model uses')
  const model = cloneModel(input)
  const taken = new Set(model.units.map((u) => u.id))
  const centres: Unit[] = hosts.map((h) => {
    let id = `${h.id}/hotline`
    for (let k = 2; taken.has(id); k++) id = `${h.id}/hotline-${k}`
    taken.add(id)
    return {id, name: `${h.name} 12345`, kind: 'department', tier, parent: h.id, domain: 'hotline', staff: params.staff, powers: [], residents: 0, households: 0, labels: ['hotline']}
  })
  model.units.push(...centres)
  const clock = model.clock
  model.rules.hotline = {
    centres: centres.map((c) => c.id),
    dispatchEffort: params.dispatchEffort !== undefined ? toDistribution(params.dispatchEffort as EffortParam, clock) : HOTLINE_DEFAULTS.dispatchEffort,
    dispatchTime: params.dispatchTime !== undefined ? toDistribution(params.dispatchTime as EffortParam, clock) : HOTLINE_DEFAULTS.dispatchTime(clock),
    deadline: params.deadline !== undefined ? hours(params.deadline, clock) : HOTLINE_DEFAULTS.deadline(clock),
  }
  const h = model.rules.hotline
  const contested = model.demand.filter((d) => d.contested && d.contested.share > 0).length
  const changes = [
    msg('change.hotline.centres', {n: centres.length, tier: tierWord(tier), staff: num(params.staff)}),
    msg('change.hotline.dispatch', {n: model.demand.length, effort: describeEffort(h.dispatchEffort, clock), time: describeEffort(h.dispatchTime, clock)}),
    msg('change.hotline.assessed', {deadline: formatHours(h.deadline, clock)}),
  ]
  if (contested > 0) changes.push(msg('change.hotline.contested', {n: contested}))
  return {model, changes}
}
