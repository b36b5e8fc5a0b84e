// Combining shards: every shard must carry the same plan and the same shard count, and the
// shards must be exactly 0…N−1, each once. The units are then put back in work-unit order,
// which is the order of the unsharded run, so its table's bytes come out again.
import type {SweepPlan} from './plan.js'
import type {UnitResult} from './runner.js'
import type {ReadTable} from './table.js'

export class MergeError extends Error {
  override name = 'MergeError'
}

export function mergeTables(tables: ReadonlyArray<ReadTable & {file: string}>): {plan: SweepPlan; units: UnitResult[]} {
  if (tables.length === 0) throw new MergeError('no shard files given')
  const first = tables[0]
  const planText = JSON.stringify(first.plan)
  const count = first.shard?.count ?? 1
  const seen = new Map<number, string>()
  for (const t of tables) {
    if (JSON.stringify(t.plan) !== planText) throw new MergeError(`${t.file} is a shard of another sweep (or of the same sweep with other settings) than ${first.file}`)
    const shard = t.shard ?? {index: 0, count: 1}
    if (shard.count !== count) throw new MergeError(`${t.file} is shard ${shard.index}/${shard.count} but ${first.file} is one of ${count} shards`)
    const twice = seen.get(shard.index)
    if (twice !== undefined) throw new MergeError(`${t.file} and ${twice} are both shard ${shard.index}/${count}`)
    seen.set(shard.index, t.file)
  }
  const missing = Array.from({length: count}, (_, i) => i).filter((i) => !seen.has(i))
  if (missing.length > 0) {
    const list = missing.slice(0, 10).map((i) => `${i}/${count}`).join(', ')
    throw new MergeError(`missing shard${missing.length === 1 ? '' : 's'} ${list}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`)
  }
  const units = tables.flatMap((t) => t.units).sort((a, b) => a.k - b.k)
  return {plan: first.plan, units}
}
