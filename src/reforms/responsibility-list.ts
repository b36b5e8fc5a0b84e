// 权责清单、责任清单: for the chosen categories, tasks or demand types, the catalogue names the
// owner of each item, so a contested item (推诿扯皮) goes straight to its owner: no refusal,
// no arbitration. The owner is the candidate holding every power the item needs (one per
// territory), else the one the list names.
import {z} from 'zod'
import {Selector} from '../model/schema/common.js'
import {holdsPowers, indexModel} from '../model/routing.js'
import {describeSelector, selectUnits} from '../model/selector.js'
import type {Selector as SelectorType} from '../model/selector.js'
import type {Contested, Model} from '../model/types.js'
import {ReformError, cloneModel, msg} from './common.js'
import type {ReformResult} from './common.js'

export const type = 'responsibility-list'
export const zh = '权责清单、责任清单'

export const paramsSchema = z.strictObject({
  /** Categories whose items get a named owner; with `tasks` and `demand` absent too, every contested item. */
  categories: z.array(z.string()).optional(),
  /** Task and demand ids whose items get a named owner. */
  tasks: z.array(z.string()).optional(),
  /** The owner to name instead of the holder of the powers (a selector of departments). */
  owner: Selector.optional(),
})
export type ResponsibilityListParams = z.output<typeof paramsSchema>

export function apply(input: Model, params: ResponsibilityListParams): ReformResult {
  const ix = indexModel(input)
  const model = cloneModel(input)
  const everything = params.categories === undefined && params.tasks === undefined
  const chosen = (x: {id: string; category?: string}) =>
    everything || (params.tasks ?? []).includes(x.id) || (x.category !== undefined && (params.categories ?? []).includes(x.category))
  for (const [key, ids] of [['tasks', params.tasks ?? []], ['categories', params.categories ?? []]] as const) {
    const known = new Set(key === 'tasks' ? [...input.tasks, ...input.demand].map((x) => x.id) : input.categories.map((c) => c.id))
    ids.forEach((id, i) => {
      if (!known.has(id)) throw new ReformError([key, i], `unknown ${key === 'tasks' ? 'task or demand' : 'category'} \`${id}\``, `list ids the model declares under \`${key === 'tasks' ? 'tasks:` or `demand:' : 'categories:'}\``)
    })
  }
  const named = params.owner === undefined ? undefined : selectUnits(model.units, params.owner as SelectorType).map((u) => u.id)
  if (named !== undefined && named.length === 0) throw new ReformError(['owner'], `${describeSelector(params.owner as SelectorType)} matches no unit`, 'name the owning department by id or selector')
  let tasks = 0
  let demand = 0
  const owners = new Set<string>()
  const name = (c: Contested, needs: readonly string[]): void => {
    const holders = c.candidates.filter((id) => {
      const u = ix.byId.get(id)
      return u !== undefined && needs.length > 0 && holdsPowers(u, needs)
    })
    c.owner = named ?? (holders.length > 0 ? holders : c.candidates)
    for (const o of c.owner) owners.add(o)
  }
  for (const t of model.tasks) {
    if (t.contested && t.contested.share > 0 && chosen(t)) {
      name(t.contested, t.needs)
      tasks++
    }
  }
  for (const d of model.demand) {
    if (d.contested && d.contested.share > 0 && chosen(d)) {
      name(d.contested, d.needs)
      demand++
    }
  }
  if (tasks + demand === 0) {
    throw new ReformError(everything ? [] : params.tasks ? ['tasks'] : ['categories'], 'no contested task or demand type among the chosen items', 'give tasks or demand `contested: {share, candidates}`, or choose items that have it')
  }
  const which = everything ? '' : ` (${[...(params.categories ?? []), ...(params.tasks ?? [])].join(', ')})`
  const changes = [msg('change.responsibilityList.named', {tasks, demand, which}), msg('change.responsibilityList.owners', {n: owners.size})]
  return {model, changes}
}
