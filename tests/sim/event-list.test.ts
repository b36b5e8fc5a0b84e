import {describe, expect, it} from 'vitest'
import {LiveBoundError} from '../../src/sim/bounds.js'
import {DeferredCounts} from '../../src/sim/deferred-counts.js'
import {EventHeap} from '../../src/sim/heap.js'

describe('event list: sorted batch and side heap', () => {
  it('orders events pushed into the span the batch already covers before the batch events after them', () => {
    const h = new EventHeap(4)
    for (let i = 0; i < 8; i++) h.push(10 + i, 0, i)
    // The first pop moves 10..17 (the first span) into the batch; the pushes below land inside it.
    expect(h.pop()).toBe(0)
    h.push(10.5, 0, 100)
    h.push(11, 1, 101) // same time as event 1, lower priority (larger number): after it
    h.push(11, 0, 102) // same time and priority as event 1, pushed later: after it
    const got: number[] = []
    while (h.size > 0) got.push(h.pop())
    expect(got).toEqual([100, 1, 102, 101, 2, 3, 4, 5, 6, 7])
  })

  it('keeps exact order with thousands of events in the side heap', () => {
    let x = 7
    const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32
    const h = new EventHeap(4)
    const pending: Array<{t: number; i: number}> = []
    let id = 0
    for (let k = 0; k < 4000; k++) {
      const t = 1000 * rand()
      h.push(t, 0, id)
      pending.push({t, i: id++})
    }
    pending.sort((a, b) => a.t - b.t || a.i - b.i)
    expect(h.pop()).toBe(pending.shift()!.i)
    // Every later push falls between the first event and the last: most land in the side heap.
    for (let k = 0; k < 3000; k++) {
      const t = h.time + 5 * rand()
      h.push(t, 0, id)
      pending.push({t, i: id++})
    }
    pending.sort((a, b) => a.t - b.t || a.i - b.i)
    const got: number[] = []
    while (h.size > 0) got.push(h.pop())
    expect(got).toEqual(pending.map((e) => e.i))
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
