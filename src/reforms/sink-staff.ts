// 力量下沉: move a share of the staff of some units (usually departments) to the streets or
// communities. The moved staff are spread over the destinations in proportion to their
// nominal load (the hours of work routed to them per year), or equally.
import {z} from 'zod'
import {Selector} from '../model/schema/common.js'
import {indexModel} from '../model/routing.js'
import {describeSelector, selectUnits} from '../model/selector.js'
import type {Selector as SelectorType} from '../model/selector.js'
import {TIERS} from '../model/types.js'
import type {Model, Tier, Unit} from '../model/types.js'
import {ReformError, apportion, cloneModel, num, pct, territorialAt, msg} from './common.js'
import type {ReformResult} from './common.js'
import {unitLoads} from '../metrics/structure/load.js'

export const type = 'sink-staff'
export const zh = '力量下沉'

export const paramsSchema = z.strictObject({
  /** Units that give staff. */
  from: Selector.default({kind: 'department'}),
  /** A tier (its territorial units) or a selector of receiving units. */
  to: Selector.default('community'),
  /** Share of each source unit's staff that moves. */
  share: z.number().gt(0, {error: 'must be more than 0'}).lt(1, {error: 'must be below 1: a unit keeps some staff'}).default(0.2),
  /** `load`: in proportion to nominal load; `equal`: the same number each. */
  spread: z.enum(['load', 'equal']).default('load'),
})
export type SinkStaffParams = z.output<typeof paramsSchema>

function resolve(model: Model, sel: SelectorType, key: string): Unit[] {
  const ix = indexModel(model)
  const units = typeof sel === 'string' && (TIERS as readonly string[]).includes(sel) ? territorialAt(ix, sel as Tier) : selectUnits(model.units, sel)
  if (units.length === 0) throw new ReformError([key], `${describeSelector(sel)} matches no unit`, 'give a tier or a selector that matches units')
  return units
}

export function apply(input: Model, params: SinkStaffParams): ReformResult {
  const sources = resolve(input, params.from as SelectorType, 'from')
  const dests = resolve(input, params.to as SelectorType, 'to')
  const sourceIds = new Set(sources.map((u) => u.id))
  const overlap = dests.find((u) => sourceIds.has(u.id))
  if (overlap) throw new ReformError(['to'], `${overlap.id} would both give and receive staff`, 'make `from` and `to` disjoint')

  const whole = [...sources, ...dests].every((u) => Number.isInteger(u.staff))
  const sourceStaff = sources.reduce((a, u) => a + u.staff, 0)
  // Each source gives its share, rounded to whole people, and keeps at least one.
  const give = apportion(sourceStaff * params.share, sources.map((u) => u.staff), whole).map((g, i) =>
    Math.max(0, Math.min(g, sources[i].staff >= 1 ? sources[i].staff - 1 : sources[i].staff)),
  )
  const moved = give.reduce((a, b) => a + b, 0)
  if (moved === 0) throw new ReformError(['share'], `a share of ${pct(params.share)} moves no whole person from these units`, 'raise the share or choose larger units')

  const loads = unitLoads(input)
  const weights = params.spread === 'load' ? dests.map((u) => loads.get(u.id)?.demandedHours ?? 0) : dests.map(() => 1)
  const receive = apportion(moved, weights, whole)

  const model = cloneModel(input)
  const byId = new Map(model.units.map((u) => [u.id, u]))
  sources.forEach((u, i) => (byId.get(u.id)!.staff -= give[i]))
  dests.forEach((u, i) => (byId.get(u.id)!.staff += receive[i]))
  const destStaff = dests.reduce((a, u) => a + u.staff, 0)
  const noLoad = params.spread === 'load' && weights.every((w) => w === 0)
  const changes = [
    msg('change.sink.moved', {
      moved: num(moved), source: num(sourceStaff), share: pct(moved / sourceStaff),
      n: sources.length, from: describeSelector(params.from as SelectorType), m: dests.length, to: describeSelector(params.to as SelectorType),
    }),
    msg('change.sink.spread', {
      how: msg(params.spread === 'load' && !noLoad ? 'change.sink.load' : 'change.sink.equal'),
      d0: num(destStaff), d1: num(destStaff + moved), s0: num(sourceStaff), s1: num(sourceStaff - moved),
    }),
  ]
  return {model, changes}
}
