// 社区工作事项准入清单: only listed tasks may enter a tier. Every other task executed there
// and issued from above gets a gate: the simulation returns it to the issuing department
// (谁主管谁负责) or abolishes it, except for a `leakage` share still pushed down informally.
import {z} from 'zod'
import {Id, Share, Text, Tier as TierSchema} from '../model/schema/common.js'
import {compileGlob} from '../model/selector.js'
import {indexModel, scopeRoot, tierRank} from '../model/routing.js'
import {TASK_KINDS} from '../model/types.js'
import type {Model, Task} from '../model/types.js'
import {ReformError, cloneModel, num, pct, msg, tierWord} from './common.js'
import type {ReformResult} from './common.js'
import {taskTargetHours} from './load.js'

export const type = 'access-catalogue'
export const zh = '社区工作事项准入清单'

export const paramsSchema = z.strictObject({
  tier: TierSchema.default('community'),
  /** What may enter: a task matching any list is admitted. */
  allow: z
    .strictObject({
      tasks: z.array(Text).default([]),
      categories: z.array(Id).default([]),
      labels: z.array(Text).default([]),
      kinds: z.array(z.enum(TASK_KINDS, {error: `expected a task kind: ${TASK_KINDS.join(', ')}`})).default([]),
    })
    .default({tasks: [], categories: [], labels: [], kinds: []}),
  /** Share of gated instances still pushed down informally. */
  leakage: Share.default(0.1),
  otherwise: z.enum(['return', 'abolish']).default('return'),
})
export type AccessCatalogueParams = z.output<typeof paramsSchema>

type Reason = 'tasks' | 'categories' | 'labels' | 'kinds'

export function apply(input: Model, params: AccessCatalogueParams): ReformResult {
  const ix = indexModel(input)
  const {allow} = params
  const categoryIds = new Set(input.categories.map((c) => c.id))
  allow.categories.forEach((c, i) => {
    if (!categoryIds.has(c)) {
      throw new ReformError(['allow', 'categories', i], `unknown category ${c}`, `the model's categories: ${[...categoryIds].join(', ') || '(none)'}`)
    }
  })
  const taskPatterns = allow.tasks.map((g, i) => {
    const re = compileGlob(g)
    if (!input.tasks.some((t) => re.test(t.id))) throw new ReformError(['allow', 'tasks', i], `no task matches ${g}`, 'use task ids or globs such as census-*')
    return re
  })
  allow.labels.forEach((l, i) => {
    if (!input.tasks.some((t) => t.labels.includes(l))) throw new ReformError(['allow', 'labels', i], `no task has the label ${l}`, 'check the spelling of the label')
  })

  const admittedBy = (t: Task): Reason | undefined => {
    if (taskPatterns.some((re) => re.test(t.id))) return 'tasks'
    if (t.category !== undefined && allow.categories.includes(t.category)) return 'categories'
    if (t.labels.some((l) => allow.labels.includes(l))) return 'labels'
    if (allow.kinds.includes(t.kind)) return 'kinds'
    return undefined
  }
  // Work a unit of the tier (or below) gives itself is not pushed into the tier.
  const fromAbove = (t: Task) =>
    t.issuers.some((i) => {
      const tier = ix.byId.get(i)?.tier ?? scopeRoot(ix, i)?.tier
      return tier === undefined || tierRank(tier) < tierRank(params.tier)
    })

  const model = cloneModel(input)
  const reasons = new Map<Reason, number>()
  let entering = 0
  let gated = 0
  let gatedHours = 0
  let totalHours = 0
  model.tasks.forEach((t, k) => {
    if (t.target !== params.tier || t.executors || !fromAbove(t)) return
    entering++
    const hours = taskTargetHours(ix, input.tasks[k])
    totalHours += hours
    const why = admittedBy(t)
    if (why) {
      reasons.set(why, (reasons.get(why) ?? 0) + 1)
      delete t.gate
      return
    }
    t.gate = {tier: params.tier, leakage: params.leakage, otherwise: params.otherwise}
    gated++
    gatedHours += hours
  })
  if (entering === 0) {
    throw new ReformError(['tier'], `no task issued from above is executed at tier ${params.tier}`, 'choose the tier the tasks target')
  }
  const by = (['categories', 'tasks', 'labels', 'kinds'] as Reason[])
    .filter((r) => reasons.has(r))
    .map((r) => msg(`change.access.by.${r}`, {n: reasons.get(r)!}))
  const fate = msg(params.otherwise === 'return' ? 'change.access.return' : 'change.access.abolish')
  const tier = tierWord(params.tier)
  const admitted = {tier, admitted: entering - gated, n: entering}
  const changes = [
    by.length ? msg('change.access.admittedBy', {...admitted, by}) : msg('change.access.admitted', admitted),
    msg('change.access.gated', {n: gated, fate, leak: pct(params.leakage)}),
    msg('change.access.hours', {gated: num(gatedHours, 0), total: num(totalHours, 0), tier, share: pct(totalHours > 0 ? gatedHours / totalHours : 0)}),
  ]
  return {model, changes}
}
