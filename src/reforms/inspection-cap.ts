// 督查检查考核精简: fewer inspections. `merge` folds the inspections one issuer sends to the
// same tier for the same category into one joint visit (多检合一) that keeps their hours;
// `cut` lowers every inspection's frequency by a share (the 2019 campaigns: −50%); the cap
// then scales frequencies so that no inspected unit expects more than `perUnitYear` a year.
import {z} from 'zod'
import {indexModel} from '../model/routing.js'
import {arrivalsPerHour, meanOf, scaledDistribution} from '../model/types.js'
import type {Arrival, Distribution, Model, Task} from '../model/types.js'
import {ReformError, cloneModel, num, pct, msg} from './common.js'
import type {ReformResult, Message} from './common.js'
import {taskReach} from './load.js'

export const type = 'inspection-cap'
export const zh = '督查检查考核精简'

export const paramsSchema = z.strictObject({
  /** Most inspections a unit should expect per year; `none` for no cap. */
  perUnitYear: z.union([z.number().gt(0, {error: 'the cap must be more than 0'}), z.literal('none')]).default(12),
  /** Share by which every inspection's frequency is cut before the cap. */
  cut: z.number().min(0, {error: 'must be between 0 and 1'}).lt(1, {error: 'a cut must be below 1; an access catalogue abolishes tasks'}).default(0),
  /** Merge an issuer's inspections of the same category and tier into one visit. */
  merge: z.boolean().default(true),
})
export type InspectionCapParams = z.output<typeof paramsSchema>

function scaled(a: Arrival, s: number): Arrival {
  return a.type === 'periodic' ? {...a, every: a.every / s} : {...a, perHour: a.perHour * s}
}

/** Expected inspections per year at each inspected unit. */
function perUnit(model: Model): Map<string, number> {
  const ix = indexModel(model)
  const out = new Map<string, number>()
  for (const t of model.tasks) {
    if (t.kind !== 'inspection') continue
    for (const [id, n] of taskReach(ix, t).targets) out.set(id, (out.get(id) ?? 0) + n)
  }
  return out
}

function summary(m: Map<string, number>): {mean: string; max: string} {
  const v = [...m.values()]
  const mean = v.reduce((a, b) => a + b, 0) / Math.max(1, v.length)
  return {mean: num(mean), max: num(Math.max(0, ...v))}
}

export function apply(input: Model, params: InspectionCapParams): ReformResult {
  if (!input.tasks.some((t) => t.kind === 'inspection')) {
    throw new ReformError([], 'the model has no inspection tasks', 'inspection-cap acts on tasks of kind inspection')
  }
  const before = perUnit(input)
  const model = cloneModel(input)
  const changes: Message[] = []

  if (params.merge) {
    const groups = new Map<string, Task[]>()
    for (const t of model.tasks) {
      if (t.kind !== 'inspection' || t.executors) continue
      const key = `${[...t.issuers].sort().join(',')}\u0000${t.target}\u0000${t.category ?? ''}`
      groups.set(key, [...(groups.get(key) ?? []), t])
    }
    const drop = new Set<Task>()
    let visits = 0
    for (const list of groups.values()) {
      if (list.length < 2) continue
      // One visit at the most frequent schedule checks every item; its effort grows so that
      // the hours are kept: merging changes how often a unit is disrupted, not the work.
      const keep = list.reduce((a, b) => (arrivalsPerHour(b.arrival) > arrivalsPerHour(a.arrival) ? b : a))
      const hours = list.reduce((a, t) => a + arrivalsPerHour(t.arrival) * meanOf(t.effort), 0)
      const k = hours / (arrivalsPerHour(keep.arrival) * meanOf(keep.effort))
      if (Number.isFinite(k) && k > 0) keep.effort = scaledDistribution(keep.effort, k)
      for (const t of list) {
        if (t === keep) continue
        keep.needs = [...new Set([...keep.needs, ...t.needs])]
        keep.labels = [...new Set([...keep.labels, ...t.labels])]
        keep.veto = keep.veto || t.veto
        drop.add(t)
      }
      visits++
    }
    model.tasks = model.tasks.filter((t) => !drop.has(t))
    changes.push(
      drop.size > 0 ? msg('change.cap.merged', {n: drop.size + visits, m: visits}) : msg('change.cap.noMerge'),
    )
  }

  const inspections = model.tasks.filter((t) => t.kind === 'inspection')
  if (params.cut > 0) {
    for (const t of inspections) t.arrival = scaled(t.arrival, 1 - params.cut)
    changes.push(msg('change.cap.cut', {factor: num(1 - params.cut, 3), share: pct(params.cut)}))
  }
  if (params.perUnitYear !== 'none') {
    const cap = params.perUnitYear
    const load = perUnit(model)
    const ix = indexModel(model)
    let capped = 0
    for (const t of inspections) {
      // The tightest unit this task reaches sets its factor, so every unit ends at or below the cap.
      let s = 1
      for (const id of taskReach(ix, t).targets.keys()) s = Math.min(s, cap / (load.get(id) ?? cap))
      if (s < 1) {
        t.arrival = scaled(t.arrival, s)
        capped++
      }
    }
    changes.push(msg('change.cap.cap', {cap: num(cap), n: capped}))
  }
  const [b, a] = [summary(before), summary(perUnit(model))]
  changes.push(msg('change.cap.perUnit', {mean0: b.mean, max0: b.max, mean1: a.mean, max1: a.max}))
  return {model, changes}
}
