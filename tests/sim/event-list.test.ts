import {describe, expect, it} from 'vitest'
import {LiveBoundError} from '../../src/sim/bounds.js'
import {DeferredCounts} from '../../src/sim/deferred-counts.js'
import {EventHeap} from '../../src/sim/heap.js'
import {lcg, PairedLists} from '../helpers/event-reference.js'

describe('event list: rung, sorted batch and side heap', () => {
  it('orders events pushed at the current time (the side heap) against the batch being read', () => {
    const h = new EventHeap(4)
    for (let i = 0; i < 8; i++) h.push(10 + i / 100, 0, i)
    expect(h.pop()).toBe(0)
    // Pushed at the time just popped: into the bucket being read, so into the side heap.
    h.push(10, 1, 100) // priority 1 at time 10: after any priority-0 event at 10, before 10.01
    h.push(10, 0, 101)
    h.push(10.01, 0, 102) // same time and priority as event 1, pushed later: after it
    const got: number[] = []
    while (h.size > 0) got.push(h.pop())
    expect(got).toEqual([101, 100, 1, 102, 2, 3, 4, 5, 6, 7])
  })

  it('keeps exact order with thousands of events pushed at the current time, into later buckets and beyond the rung', () => {
    const rand = lcg(7)
    const l = new PairedLists()
    for (let k = 0; k < 4000; k++) l.push(1000 * rand(), 1)
    for (let k = 0; k < 6000; k++) {
      const now = l.pop()
      const r = rand()
      // Now (the side heap), just after (the rung), or far ahead (beyond it), priorities mixed.
      if (r < 0.3) l.push(now, Math.floor(3 * rand()))
      else if (r < 0.7) l.push(now + rand(), Math.floor(3 * rand()))
      else l.push(now + 2000 * rand(), 1)
    }
    while (l.left > 0) l.pop()
    expect(l.got).toEqual(l.want)
  })

  it('refuses to grow past maxEvents', () => {
    const h = new EventHeap(16)
    h.maxEvents = 100
    expect(() => {
      for (let k = 0; k < 1000; k++) h.push(k, 0, k)
    }).toThrow(LiveBoundError)
    expect(h.size).toBeGreaterThan(100)
    expect(h.size).toBeLessThan(200)
  })
})

describe('deferred counts', () => {
  it('reads every logged increment, across batches', () => {
    const d = new DeferredCounts(5)
    const direct = new Uint32Array(5)
    for (let k = 0; k < 10_000; k++) {
      const i = (k * k) % 5
      d.add(i)
      direct[i]++
    }
    expect([...d.read(0, 5)]).toEqual([...direct])
    expect([...d.read(1, 3)]).toEqual([direct[1], direct[2]])
    d.add(4)
    expect(d.read(4, 5)[0]).toBe(direct[4] + 1)
  })
})
