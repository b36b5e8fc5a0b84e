// The steps of the governance process in XES, from the engine's trace events: hand-written
// trace sequences (the shapes of tests/sim/trace.test.ts) and the steps they must become.
import {describe, expect, it} from 'vitest'
import type {TraceActivity, TraceEvent} from '../../src/sim/api.js'
import type {Catalogue} from '../../src/eventlog/objects.js'
import {StepMapper, type StepEvent} from '../../src/eventlog/steps.js'

const catalogue: Catalogue = {
  units: [
    {id: 'd', name: 'district', kind: 'government', tier: 'district'},
    {id: 'd/s', name: 'street', kind: 'street', tier: 'street', parent: 'd'},
    {id: 'd/s2', name: 'street 2', kind: 'street', tier: 'street', parent: 'd'},
    {id: 'd/s/c', name: 'community', kind: 'community', tier: 'community', parent: 'd/s', powers: ['mediate']},
    {id: 'd/s2/c', name: 'community 2', kind: 'community', tier: 'community', parent: 'd/s2'},
    {id: 'd/urban', name: 'urban', kind: 'department', parent: 'd', powers: ['enforce']},
  ],
  sources: [
    {id: 't', name: 't', type: 'task', kind: 'routine', needs: ['enforce']},
    {id: 'check', name: 'check', type: 'task', kind: 'inspection'},
  ],
}

/** Trace events of one source from compact lines: `time activity item/instance unit`. */
function trace(source: string, ...lines: string[]): TraceEvent[] {
  return lines.map((l) => {
    const [time, activity, ids, unit] = l.split(' ')
    const [item, instance] = ids.split('/').map(Number)
    return {time: Number(time), activity: activity as TraceActivity, item, instance, unit, source}
  })
}

function steps(events: TraceEvent[], finish = true): string[] {
  const out: StepEvent[] = []
  const m = new StepMapper((e) => out.push(e), catalogue)
  for (const e of events) m.push(e)
  if (finish) m.finish()
  return out.map((e) => `${e.item} ${e.time} ${e.activity} ${e.transition} ${e.unit}`)
}

describe('governance steps', () => {
  it('an escalation under 属地管理: formal part, a hop at street and at district, the department works', () => {
    expect(steps(trace('t',
      '0 issued 0/0 d/s', '0 queued 0/0 d/s/c', '0 started 0/0 d/s/c',
      '1 escalated 0/0 d/s', '1 queued 0/0 d/s', '1 started 0/0 d/s',
      '2 escalated 0/0 d', '2 queued 0/0 d', '2 started 0/0 d',
      '3 queued 0/0 d/urban', '3.5 started 0/0 d/urban', '7 completed 0/0 d/urban',
    ))).toEqual([
      '0 0 issue complete d/s',
      '0 0 formal part at community schedule d/s/c', '0 0 formal part at community start d/s/c', '0 1 formal part at community complete d/s/c',
      '0 1 escalate to street schedule d/s', '0 1 escalate to street start d/s', '0 2 escalate to street complete d/s',
      '0 2 escalate to district schedule d', '0 2 escalate to district start d', '0 3 escalate to district complete d',
      '0 3 work at department schedule d/urban', '0 3.5 work at department start d/urban', '0 7 work at department complete d/urban',
      '0 7 outcome: completed complete d/urban',
    ])
  })

  it('puts the relays of an instance into the traces of the items below them', () => {
    expect(steps(trace('t',
      '0 issued 0/0 d/urban', '0 issued 1/0 d/urban',
      '0.5 relayed -1/0 d/s', '0.5 queued 0/0 d/s/c', '0.5 started 0/0 d/s/c',
      '0.7 relayed -1/0 d/s2', '0.7 queued 1/0 d/s2/c', '1 started 1/0 d/s2/c',
      '2.5 completed 0/0 d/s/c', '3 completed 1/0 d/s2/c',
    )).filter((l) => l.startsWith('1 '))).toEqual([
      '1 0 issue complete d/urban',
      '1 0.7 relay at street complete d/s2',
      '1 0.7 work at community schedule d/s2/c', '1 1 work at community start d/s2/c', '1 3 work at community complete d/s2/c',
      '1 3 outcome: completed complete d/s2/c',
    ])
  })

  it('names a formal part that ends unresolved, reports and summonses', () => {
    expect(steps(trace('t', '0 issued 0/0 d/s', '0 queued 0/0 d/s/c', '1 started 0/0 d/s/c', '2 unresolved 0/0 d/s/c')).slice(1, 4)).toEqual([
      '0 0 formal part at community schedule d/s/c', '0 1 formal part at community start d/s/c', '0 2 formal part at community complete d/s/c',
    ])
    const summoned = steps(trace('t',
      '0 issued 0/0 d/s', '0 queued 0/0 d/s/c', '0 started 0/0 d/s/c', '1 summoned 0/0 d/s/c',
      '3 queued 0/0 d/urban', '3 started 0/0 d/urban', '5 completed 0/0 d/urban',
    ))
    expect(summoned.slice(3, 6)).toEqual(['0 1 formal part at community complete d/s/c', '0 1 summons from community start d/s/c', '0 3 summons from community complete d/s/c'])
    const reported = steps(trace('t', '0 issued 0/0 d/s', '0 reported 0/0 d/s/c', '0 queued 0/0 d/s/c', '0 started 0/0 d/s/c', '0.5 queued 0/0 d/urban'), false)
    expect(reported.slice(1)).toEqual(['0 0 report from community schedule d/s/c', '0 0 report from community start d/s/c', '0 0.5 report from community complete d/s/c'])
  })

  it('makes hand-offs, refusals, arbitration and the hotline\'s dispatch steps of their own', () => {
    expect(steps(trace('t',
      '0 issued 0/0 d/s', '0 queued 0/0 d/s/c', '0 started 0/0 d/s/c', '0.5 handoff 0/0 d/s', '2 escalated 0/0 d/s', '2 queued 0/0 d/s', '2 started 0/0 d/s',
      '3 handoff 0/0 d/urban', '4 queued 0/0 d/urban', '4 started 0/0 d/urban', '4.5 refused 0/0 d/urban', '4.5 handoff 0/0 d', '5 queued 0/0 d', '5 started 0/0 d',
      '6 arbitrated 0/0 d', '6 handoff 0/0 d/urban', '7 queued 0/0 d/urban', '7 started 0/0 d/urban', '9 completed 0/0 d/urban',
    )).filter((l) => l.includes('complete ')).map((l) => l.split(' ').slice(1, -2).join(' '))).toEqual([
      '0 issue', '0.5 formal part at community', '2 hand-off to street', '3 escalate to street', '4 hand-off to department',
      '4.5 refusal at department', '5 hand-off to district', '6 arbitration at district', '7 hand-off to department', '9 work at department', '9 outcome: completed',
    ])
    expect(steps(trace('repair', '0 issued 5/-1 d/s/c', '0 queued 5/-1 d/urban', '0 started 5/-1 d/urban', '0.25 dispatched 5/-1 d/s/c', '1 queued 5/-1 d/s/c', '1 started 5/-1 d/s/c', '2 completed 5/-1 d/s/c'))).toEqual([
      '5 0 raise request complete d/s/c',
      '5 0 hotline intake schedule d/urban', '5 0 hotline intake start d/urban', '5 0.25 hotline intake complete d/urban',
      '5 0.25 dispatch to community start d/s/c', '5 1 dispatch to community complete d/s/c',
      '5 1 work at community schedule d/s/c', '5 1 work at community start d/s/c', '5 2 work at community complete d/s/c', '5 2 outcome: completed complete d/s/c',
    ])
  })

  it('keeps an inspection\'s events in time order: the visit ends while the inspected unit still works', () => {
    expect(steps(trace('check',
      '0 issued 0/0 d/urban', '0 inspected 0/0 d/s/c', '0 queued 0/0 d/s/c', '1 started 0/0 d/s/c',
      '2 inspected 0/0 d/urban', '4 completed 0/0 d/s/c',
    ))).toEqual([
      '0 0 issue complete d/urban',
      '0 0 inspection at community schedule d/s/c', '0 1 inspection at community start d/s/c',
      "0 2 inspector's visit from department complete d/urban",
      '0 4 inspection at community complete d/s/c', '0 4 outcome: completed complete d/s/c',
    ])
  })

  it('returns to the issuer and ends rejected', () => {
    expect(steps(trace('t', '0 issued 0/0 d/urban', '0.5 relayed -1/0 d/s', '0.5 returned 0/0 d/s/c', '0.5 queued 0/0 d/urban', '1 started 0/0 d/urban', '2 completed 0/0 d/urban'))).toEqual([
      '0 0 issue complete d/urban', '0 0.5 relay at street complete d/s', '0 0.5 return to issuer complete d/s/c',
      '0 0.5 work at department schedule d/urban', '0 1 work at department start d/urban', '0 2 work at department complete d/urban',
      '0 2 outcome: completed complete d/urban',
    ])
    expect(steps(trace('t', '0 issued 0/0 d/urban', '0 rejected 0/0 d/s/c'))).toEqual(['0 0 issue complete d/urban', '0 0 outcome: rejected complete d/s/c'])
  })

  it('writes a step still open at the horizon without its completion, named by the powers held', () => {
    // The community lacks `enforce`, which task t needs: a formal part. Requests need nothing.
    expect(steps(trace('t', '0 issued 0/0 d/s', '0 queued 0/0 d/s/c', '1 started 0/0 d/s/c'))).toEqual([
      '0 0 issue complete d/s', '0 0 formal part at community schedule d/s/c', '0 1 formal part at community start d/s/c',
    ])
    expect(steps(trace('repair', '0 issued 3/-1 d/s/c', '0 queued 3/-1 d/s/c'))).toEqual(['3 0 raise request complete d/s/c', '3 0 work at community schedule d/s/c'])
  })
})
