// 信息共享平台、一表通: a data field already collected from the same households within its
// validity is served from the platform, so no second household visit is made.
import {z} from 'zod'
import {Text} from '../model/schema/common.js'
import type {Model} from '../model/types.js'
import {ReformError, cloneModel, msg} from './common.js'
import type {ReformResult} from './common.js'

export const type = 'data-sharing'
export const zh = '信息共享平台、一表通'

export const paramsSchema = z.strictObject({
  /** `all`, or the field names shared through the platform. */
  fields: z.union([z.literal('all'), z.array(Text).min(1, {error: 'list at least one field, or write `all`'})]).default('all'),
})
export type DataSharingParams = z.output<typeof paramsSchema>

export function apply(input: Model, params: DataSharingParams): ReformResult {
  // How many tasks collect each field: a field collected by two or more is where visits repeat.
  const collectors = new Map<string, number>()
  for (const t of input.tasks) for (const f of new Set(t.collects)) collectors.set(f, (collectors.get(f) ?? 0) + 1)
  if (collectors.size === 0) {
    throw new ReformError(['fields'], 'no task in the model collects data from households', 'data sharing needs tasks with `collects`')
  }
  if (params.fields !== 'all') {
    params.fields.forEach((f, i) => {
      if (!collectors.has(f)) {
        throw new ReformError(['fields', i], `no task collects the field ${f}`, `fields collected: ${[...collectors.keys()].slice(0, 20).join(', ')}`)
      }
    })
  }
  const model = cloneModel(input)
  const shared = params.fields === 'all' ? [...collectors.keys()] : [...new Set(params.fields)]
  model.rules.dataSharing = {fields: params.fields === 'all' ? 'all' : shared}
  const repeated = shared.filter((f) => (collectors.get(f) ?? 0) > 1)
  const tasks = input.tasks.filter((t) => t.collects.some((f) => shared.includes(f))).length
  const changes = [
    params.fields === 'all' ? msg('change.data.all', {n: shared.length}) : msg('change.data.list', {fields: shared.length ? shared.join(', ') : msg('change.none')}),
    repeated.length
      ? msg('change.data.tasksRepeated', {n: tasks, m: repeated.length, fields: repeated.slice(0, 8).join(', ') + (repeated.length > 8 ? ', …' : '')})
      : msg('change.data.tasks', {n: tasks, m: 0}),
  ]
  return {model, changes}
}
