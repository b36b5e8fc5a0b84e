// Relations: both ends are selectors and every (from, to) pair is linked, a unit never to
// itself. The number of pairs is checked before they are made.
import type {Clock, Relation} from './types.js'
import type {Item} from './merge.js'
import type {Report} from './report.js'
import type {RelationInput} from './schema/relations.js'
import {describeSelector, isGlob, selectIndices, suggestUnitId} from './selector.js'
import type {Selector, UnitIndex} from './selector.js'
import {hours} from './convert.js'
import {formatCount} from './resolve-units.js'

export function resolveRelations(
  items: readonly Item<RelationInput>[],
  ix: UnitIndex,
  ctx: {clock: Clock; maxRelations: number},
  report: Report,
): Relation[] {
  const out: Relation[] = []
  const seen = new Set<string>()
  for (const item of items) {
    const r = item.value
    const from = selectIndices(ix, r.from as Selector)
    const to = selectIndices(ix, r.to as Selector)
    for (const [end, list, sel] of [['from', from, r.from], ['to', to, r.to]] as const) {
      if (list.length > 0) continue
      const meant = typeof sel === 'string' && !isGlob(sel) ? suggestUnitId(ix, sel) : undefined
      report.error(item, [end], `\`${describeSelector(sel as Selector)}\` matches no unit`, meant ? `did you mean ${meant}?` : 'check the ids, kinds and tiers it names')
    }
    if (r.responseTime !== undefined && r.type !== 'summons') {
      report.error(item, ['responseTime'], '`responseTime` applies only to `summons` relations', 'remove it, or change `type` to summons')
    }
    const pairs = from.length * to.length
    if (out.length + pairs > ctx.maxRelations) {
      report.error(item, [], `the relations expand to more than ${formatCount(ctx.maxRelations)} pairs (this one adds ${formatCount(pairs)})`, 'narrow the `from` and `to` selectors')
      continue
    }
    const loc = item.src.locate(item.path)
    const responseTime = r.responseTime === undefined ? undefined : hours(r.responseTime, ctx.clock)
    for (const a of from) {
      for (const b of to) {
        if (a === b) continue
        const fromId = ix.units[a].id
        const toId = ix.units[b].id
        const key = `${r.type}\0${fromId}\0${toId}`
        if (seen.has(key)) continue
        seen.add(key)
        out.push({type: r.type, from: fromId, to: toId, ...(responseTime !== undefined && {responseTime}), loc})
      }
    }
  }
  return out
}
