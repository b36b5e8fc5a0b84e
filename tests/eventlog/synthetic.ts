// Synthetic trace events in the engine's shape, in time order: task instances relayed by a
// street office and fanned out into community items, interleaved with resident requests.
import type {TraceEvent} from '../../src/sim/api.js'

export interface Synthetic {
  events: TraceEvent[]
  items: number
  requests: number
  instances: number
}

/** `instances` task instances of `fanout` items each, one request every other instance. */
export function synthetic(instances: number, fanout = 3): Synthetic {
  const out: TraceEvent[] = []
  let item = 0
  let requests = 0
  for (let k = 0; k < instances; k++) {
    const t0 = k * 1.5
    const task = k % 2 ? 'ledger, "monthly"' : '台账 <统计> & co'
    out.push({time: t0, activity: 'queued', item: -1, instance: k, unit: 'district/street-1', source: task})
    out.push({time: t0 + 0.25, activity: 'relayed', item: -1, instance: k, unit: 'district/street-1', source: task})
    for (let f = 0; f < fanout; f++) {
      const i = item++
      const unit = `district/street-1/community-${f + 1}`
      out.push({time: t0 + 0.25, activity: 'issued', item: i, instance: k, unit, source: task})
      out.push({time: t0 + 0.25, activity: 'queued', item: i, instance: k, unit, source: task})
      // Items finish after the next instance starts, so events of different items interleave.
      out.push({time: t0 + 1 + f, activity: 'started', item: i, instance: k, unit, source: task})
      out.push({time: t0 + 2 + f, activity: f === 2 ? 'escalated' : 'completed', item: i, instance: k, unit, source: task})
      if (f === 2) out.push({time: t0 + 4, activity: 'unresolved', item: i, instance: k, unit: 'district/street-1', source: task})
    }
    if (k % 2 === 0) {
      const i = item++
      requests++
      out.push({time: t0 + 0.5, activity: 'issued', item: i, instance: -1, unit: 'district/street-1/community-1', source: 'repair'})
      out.push({time: t0 + 3, activity: 'completed', item: i, instance: -1, unit: 'district/street-1/community-1', source: 'repair'})
    }
  }
  out.sort((a, b) => a.time - b.time)
  return {events: out, items: item - requests, requests, instances}
}
