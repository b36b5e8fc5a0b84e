import {describe, expect, it} from 'vitest'
import {initialUi, nextSpeed, reduceUi, SPEEDS} from '../../src/dashboard/state/ui.js'
import {keyToCommand} from '../../src/dashboard/state/keys.js'
import {latest, push, ring} from '../../src/dashboard/state/history.js'
import {bottlenecks, funnelRows, timeShares} from '../../src/dashboard/state/view.js'
import {barCells, count, sparkline, triangleWidth} from '../../src/dashboard/format.js'
import {snapshot} from './fixtures.js'

describe('ui reducer', () => {
  it('pauses, resumes and holds the clock on step', () => {
    const s = initialUi(2)
    expect(s).toEqual({speed: 5, paused: false, enabled: [false, false], help: false})
    const p = reduceUi(s, {type: 'toggle-pause'})
    expect(p.paused).toBe(true)
    expect(reduceUi(p, {type: 'toggle-pause'}).paused).toBe(false)
    expect(reduceUi(s, {type: 'step'}).paused).toBe(true)
    expect(reduceUi(p, {type: 'step'})).toBe(p)
  })

  it('walks the speed ladder and stops at its ends', () => {
    expect(nextSpeed(5, 1)).toBe(10)
    expect(nextSpeed(5, -1)).toBe(2)
    expect(nextSpeed(3, 1)).toBe(5)
    expect(nextSpeed(3, -1)).toBe(2)
    expect(nextSpeed(SPEEDS.at(-1)!, 1)).toBe(SPEEDS.at(-1))
    expect(nextSpeed(SPEEDS[0], -1)).toBe(SPEEDS[0])
    expect(reduceUi(initialUi(0), {type: 'faster'}).speed).toBe(10)
    expect(reduceUi(initialUi(0, 1), {type: 'slower'}).speed).toBe(0.5)
  })

  it('toggles reforms by index and ignores keys without a reform', () => {
    const s = reduceUi(initialUi(2), {type: 'toggle-reform', index: 1})
    expect(s.enabled).toEqual([false, true])
    expect(reduceUi(s, {type: 'toggle-reform', index: 1}).enabled).toEqual([false, false])
    expect(reduceUi(s, {type: 'toggle-reform', index: 5})).toBe(s)
  })

  it('opens and closes help', () => {
    const h = reduceUi(initialUi(0), {type: 'toggle-help'})
    expect(h.help).toBe(true)
    expect(reduceUi(h, {type: 'close-help'}).help).toBe(false)
  })
})

describe('keys', () => {
  it('maps the documented keys', () => {
    expect(keyToCommand(' ')).toEqual({type: 'toggle-pause'})
    expect(keyToCommand('s')).toEqual({type: 'step'})
    expect(keyToCommand('.')).toEqual({type: 'step'})
    expect(keyToCommand('+')).toEqual({type: 'faster'})
    expect(keyToCommand('-')).toEqual({type: 'slower'})
    expect(keyToCommand('r')).toEqual({type: 'reset'})
    expect(keyToCommand('?')).toEqual({type: 'toggle-help'})
    expect(keyToCommand('q')).toEqual({type: 'quit'})
    expect(keyToCommand('c', {ctrl: true})).toEqual({type: 'quit'})
    expect(keyToCommand('1')).toEqual({type: 'toggle-reform', index: 0})
    expect(keyToCommand('9')).toEqual({type: 'toggle-reform', index: 8})
    expect(keyToCommand('0')).toBeUndefined()
    expect(keyToCommand('x')).toBeUndefined()
    expect(keyToCommand('', {escape: true})).toEqual({type: 'close-help'})
  })
})

describe('history ring', () => {
  it('keeps the newest values up to its capacity', () => {
    let r = ring(3)
    for (const v of [1, 2, 3, 4, 5]) r = push(r, v)
    expect(r.values).toEqual([3, 4, 5])
    expect(latest(r, 2)).toEqual([4, 5])
    expect(latest(r, 10)).toEqual([3, 4, 5])
  })

  it('does not change the ring it was given', () => {
    const a = push(ring(2), 1)
    const b = push(a, 2)
    expect(a.values).toEqual([1])
    expect(b.values).toEqual([1, 2])
  })
})

describe('formatting', () => {
  it('formats counts in at most five columns', () => {
    expect(count(987)).toBe('987')
    expect(count(9876)).toBe('9876')
    expect(count(12_345)).toBe('12.3k')
    expect(count(456_789)).toBe('457k')
    expect(count(1_234_567)).toBe('1.2M')
  })

  it('fills bars by share and narrows the triangle to the tip', () => {
    expect(barCells(0.5, 10)).toEqual({filled: 5, empty: 5})
    expect(barCells(1.7, 4)).toEqual({filled: 4, empty: 0})
    expect([0, 1, 2, 3].map((i) => triangleWidth(i, 4, 40))).toEqual([40, 30, 20, 10])
    expect(triangleWidth(4, 5, 10)).toBe(3)
  })

  it('draws sparklines on a shared scale', () => {
    expect(sparkline([0, 7, 14], 3)).toBe('▁▅█')
    expect(sparkline([0, 7, 14], 2)).toBe('▅█')
    expect(sparkline([7], 1, 14)).toBe('▅')
    expect(sparkline([0, 0], 2)).toBe('▁▁')
  })
})

describe('view derivations', () => {
  const units = [
    {id: 'c1', tier: 'community', busy: 2, staff: 2, queue: 9, utilisation: 0.97, waitHours: 30},
    {id: 'c2', tier: 'community', busy: 1, staff: 2, queue: 3, utilisation: 0.8, waitHours: 20},
    {id: 'd', tier: 'district', busy: 1, staff: 10, queue: 0, utilisation: 0.1, waitHours: 50},
    {id: 's', tier: 'street', busy: 1, staff: 2, queue: 4, utilisation: 0.5, waitHours: 40},
    {id: 'x', busy: 0, staff: 1, queue: 0, utilisation: 0},
  ]
  // 200 lead-time hours so far: c1 waits 15% of them at 97%, c2 10% at 80%; d (25%) and s (20%)
  // are below 50% utilisation and score 0, as in `simulate`.
  const lead = {leadHours: 200}

  it('sums units per tier from the top tier down and leaves out untiered units', () => {
    const rows = funnelRows(snapshot(units))
    expect(rows.map((r) => r.tier)).toEqual(['district', 'street', 'community'])
    expect(rows[2]).toEqual({tier: 'community', units: 2, staff: 4, busy: 3, load: 0.75, queue: 12})
  })

  it('ranks bottlenecks by the score simulate uses: share of delay weighted by load', () => {
    const names = new Map([['c1', '社区一']])
    const rows = bottlenecks({snapshot: snapshot(units, lead)}, names, 4)
    expect(rows.map((r) => [r.id, r.name])).toEqual([
      ['c1', '社区一'],
      ['c2', 'c2'],
    ])
  })

  it('ranks by the worse side when comparing and pairs units by id', () => {
    const after = snapshot([
      {id: 'c1', tier: 'community', busy: 1, staff: 4, queue: 0, utilisation: 0.4},
      {id: 'd', tier: 'district', busy: 10, staff: 10, queue: 30, utilisation: 0.99, waitHours: 100},
    ], lead)
    const rows = bottlenecks({snapshot: snapshot(units, lead)}, new Map(), 3, {snapshot: after})
    expect(rows.map((r) => r.id)).toEqual(['d', 'c1', 'c2'])
    expect(rows[0].after).toEqual({utilisation: 0.99, queue: 30})
    expect(rows[2].after).toBeUndefined()
  })

  it('ranks by utilisation so far when the session gives it', () => {
    const sofar = new Map([['s', 0.99]])
    expect(bottlenecks({snapshot: snapshot(units, lead), utilisation: sofar}, new Map(), 1)[0]).toMatchObject({id: 's', utilisation: 0.99})
  })

  it('turns the time split into shares', () => {
    expect(timeShares({service: 1, admin: 1, inspection: 2})).toEqual({service: 0.25, admin: 0.25, inspection: 0.5})
    expect(timeShares({service: 0, admin: 0, inspection: 0})).toEqual({service: 0, admin: 0, inspection: 0})
  })
})

describe('display names', () => {
  it('adds ancestors, nearest first, only where a name is shared', async () => {
    const {displayNames} = await import('../../src/dashboard/state/names.js')
    const u = (id: string, name: string, parent?: string) => ({id, name, kind: 'x', staff: 1, powers: [], residents: 0, households: 0, labels: [], ...(parent ? {parent} : {})})
    const names = displayNames([
      u('d', '区'),
      u('d/s1', '街道1', 'd'),
      u('d/s2', '街道2', 'd'),
      u('d/s1/c1', '社区1', 'd/s1'),
      u('d/s2/c1', '社区1', 'd/s2'),
      u('d/s1/c1/g', '网格', 'd/s1/c1'),
      u('d/s2/c1/g', '网格', 'd/s2/c1'),
    ])
    expect(names.get('d/s1')).toBe('街道1')
    expect(names.get('d/s2/c1')).toBe('社区1 · 街道2')
    expect(names.get('d/s1/c1/g')).toBe('网格 · 社区1 · 街道1')
  })
})
