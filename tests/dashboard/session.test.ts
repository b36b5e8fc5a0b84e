import {describe, expect, it} from 'vitest'
import type {Model} from '../../src/model/types.js'
import {createSession, type ReformEntry} from '../../src/dashboard/state/session.js'
import {createDashboard} from '../../src/dashboard/state/controller.js'
import {layoutFor} from '../../src/dashboard/layout.js'
import {fakeSimulation, tinyModel} from './fixtures.js'

// Doubles the staff of every community: the reformed side must queue less.
const staffUp = (model: Model, reforms: ReformEntry[]): Model => {
  if (reforms.some((r) => r.type === 'broken')) throw new Error('selector matches no unit')
  const k = 2 ** reforms.length
  return {...model, units: model.units.map((u) => (u.tier === 'community' ? {...u, staff: u.staff * k} : u))}
}
const REFORMS: ReformEntry[] = [
  {type: 'sink-staff', scenario: 'more staff', spec: {}},
  {type: 'broken', scenario: 'bad', spec: {}},
]
const queueAt = (s: {snapshot: {units: Array<{id: string; queue: number}>}}, id: string): number => s.snapshot.units.find((u) => u.id === id)!.queue

function session() {
  return createSession({model: tinyModel(), seed: 7, createSimulation: fakeSimulation, reforms: REFORMS, applyReforms: staffUp})
}

describe('session', () => {
  it('advances in hours and samples history once per simulated day', () => {
    const s = session()
    s.advance(4)
    expect(s.time).toBe(4)
    expect(s.baseline().backlog.values).toEqual([])
    s.advance(20)
    expect(s.time).toBe(24)
    expect(s.baseline().backlog.values).toHaveLength(3)
    expect(s.baseline().snapshot.time).toBe(24)
  })

  it('runs the reformed model to the same time with the same seed and back-fills its history', () => {
    const s = session()
    s.advance(40)
    expect(s.setEnabled([true, false])).toBeUndefined()
    const after = s.reformed()!
    expect(after.snapshot.time).toBe(40)
    expect(after.backlog.values).toHaveLength(5)
    expect(queueAt(after, 'd/s/c1')).toBeLessThan(queueAt(s.baseline(), 'd/s/c1'))
    s.advance(8)
    expect(s.reformed()!.snapshot.time).toBe(48)
    expect(s.setEnabled([false, false])).toBeUndefined()
    expect(s.reformed()).toBeUndefined()
  })

  it('reports a reform that cannot apply and keeps the baseline running', () => {
    const s = session()
    expect(s.setEnabled([false, true])).toBe('selector matches no unit')
    expect(s.reformed()).toBeUndefined()
    s.advance(8)
    expect(s.time).toBe(8)
  })

  it('resets to time zero', () => {
    const s = session()
    s.advance(80)
    s.reset()
    expect(s.time).toBe(0)
    expect(s.baseline().backlog.values).toEqual([])
    expect(s.baseline().snapshot.time).toBe(0)
  })

  it('stops at the horizon', () => {
    const s = createSession({model: tinyModel(), seed: 1, createSimulation: fakeSimulation, horizon: 16})
    s.advance(100)
    expect(s.time).toBe(16)
  })
})

describe('controller', () => {
  const make = (fps = 10) => createDashboard({session: session(), modelName: 'tiny', seed: 7, fps, speed: 5})

  it('advances speed × hoursPerDay / fps hours per tick', () => {
    const d = make()
    d.tick()
    expect(d.frame().time).toBe(4)
    d.dispatch({type: 'faster'})
    d.tick()
    expect(d.frame().time).toBe(12)
  })

  it('does not advance while paused; step advances exactly one day', () => {
    const d = make()
    d.dispatch({type: 'toggle-pause'})
    d.tick()
    expect(d.frame().time).toBe(0)
    d.dispatch({type: 'step'})
    expect(d.frame().time).toBe(8)
    expect(d.frame().paused).toBe(true)
  })

  it('shows a reformed side while a reform is on, and a message when it fails', () => {
    const d = make()
    for (let i = 0; i < 5; i++) d.tick()
    d.dispatch({type: 'toggle-reform', index: 0})
    const f = d.frame()
    expect(f.reforms.map((r) => [r.key, r.enabled])).toEqual([
      ['1', true],
      ['2', false],
    ])
    expect(f.reformed?.funnel.find((r) => r.tier === 'community')!.queue).toBeLessThan(
      f.baseline.funnel.find((r) => r.tier === 'community')!.queue,
    )
    d.dispatch({type: 'toggle-reform', index: 1})
    expect(d.frame().reformed).toBeUndefined()
    expect(d.frame().message).toBe('selector matches no unit')
  })

  it('notifies subscribers on every change', () => {
    const d = make()
    let n = 0
    const off = d.subscribe(() => n++)
    d.tick()
    d.dispatch({type: 'toggle-help'})
    d.dispatch({type: 'toggle-reform', index: 7})
    off()
    d.tick()
    expect(n).toBe(2)
  })

  it('starts with reforms given as enabled', () => {
    const d = createDashboard({session: session(), modelName: 'tiny', seed: 7, fps: 10, enabled: [0]})
    expect(d.frame().reformed).toBeDefined()
  })
})

describe('layout', () => {
  const content = {tiers: 4, compare: false, duplicates: 4}

  it('fits 80×24 in two columns with every panel, one row to spare', () => {
    const l = layoutFor({columns: 80, rows: 24}, content)
    expect(l.columns).toBe(2)
    expect(l.panels).toEqual(['bottlenecks', 'requests', 'timeSplit', 'duplicates'])
    expect(l.trends).toBe(true)
    expect(l.height).toBeLessThanOrEqual(23)
    expect(layoutFor({columns: 80, rows: 24}, {...content, tiers: 5, compare: true}).height).toBeLessThanOrEqual(23)
  })

  it('uses wider and taller screens', () => {
    const l = layoutFor({columns: 160, rows: 48}, content)
    expect(l.columns).toBe(4)
    expect(l.panels).toContain('items')
    expect(l.bottlenecks).toBeGreaterThan(3)
    expect(l.height).toBeLessThanOrEqual(47)
  })

  it('drops panels on small terminals rather than overflow', () => {
    const l = layoutFor({columns: 80, rows: 16}, content)
    expect(l.height).toBeLessThanOrEqual(15)
    expect(l.trends).toBe(false)
  })
})
