import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {EventHeap} from '../../src/sim/heap.js'
import {lcg, PairedLists} from '../helpers/event-reference.js'
import {StreamBank, hashString, replicationSeed} from '../../src/sim/prng.js'

describe('seeded streams', () => {
  it('gives the same numbers for the same seed and key', () => {
    const a = new StreamBank(42, ['arrival', 'effort'])
    const b = new StreamBank(42, ['arrival', 'effort'])
    const xs = Array.from({length: 5}, () => a.nextU32(0))
    expect(Array.from({length: 5}, () => b.nextU32(0))).toEqual(xs)
  })

  it('is xoshiro128**: state 1,2,3,4 gives 11520, 0, 5927040', () => {
    const bank = new StreamBank(0, ['x'])
    bank.state.set([1, 2, 3, 4])
    expect([bank.nextU32(0), bank.nextU32(0), bank.nextU32(0)]).toEqual([11520, 0, 5927040])
  })

  it('pins the first values of a keyed stream and the replication seeds', () => {
    const bank = new StreamBank(1, ['arrival\u0000t\u0000issuer'])
    expect([bank.nextU32(0), bank.nextU32(0), bank.nextU32(0)]).toEqual([847439900, 1803245147, 269373643])
    expect([replicationSeed(1, 0), replicationSeed(1, 1)]).toEqual([1739479842, 3709469897])
  })

  it('keys streams by name, not position: adding a stream leaves the others unchanged', () => {
    const a = new StreamBank(7, ['effort\u0000a', 'effort\u0000b'])
    const b = new StreamBank(7, ['effort\u0000new', 'effort\u0000b', 'effort\u0000a'])
    const xa = Array.from({length: 4}, () => a.uniform(1))
    expect(Array.from({length: 4}, () => b.uniform(1))).toEqual(xa)
  })

  it('separates purposes and seeds', () => {
    const bank = new StreamBank(3, ['arrival', 'effort'])
    expect(bank.nextU32(0)).not.toBe(bank.nextU32(1))
    expect(new StreamBank(3, ['x']).nextU32(0)).not.toBe(new StreamBank(4, ['x']).nextU32(0))
  })

  it('draws uniforms strictly inside (0, 1) with mean near 1/2', () => {
    const bank = new StreamBank(9, ['u'])
    let sum = 0
    let outside = 0
    for (let i = 0; i < 100_000; i++) {
      const u = bank.uniform(0)
      if (!(u > 0 && u < 1)) outside++
      sum += u
    }
    expect(outside).toBe(0)
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005)
  })

  it('derives distinct, stable replication seeds', () => {
    const seeds = Array.from({length: 100}, (_, r) => replicationSeed(1, r))
    expect(new Set(seeds).size).toBe(100)
    expect(replicationSeed(1, 0)).toBe(replicationSeed(1, 0))
    expect(replicationSeed(1, 0)).not.toBe(replicationSeed(2, 0))
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true)
  })

  it('hashes strings with FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5)
    expect(hashString('a')).toBe(0xe40c292c)
  })
})

describe('event heap', () => {
  it('orders equal times by priority, then by insertion', () => {
    const h = new EventHeap(2)
    h.push(5, 2, 1)
    h.push(5, 0, 2)
    h.push(1, 2, 3)
    h.push(5, 0, 4)
    h.push(5, 1, 5)
    const out: number[] = []
    while (h.size > 0) out.push(h.pop())
    expect(out).toEqual([3, 2, 4, 5, 1])
  })

  it('keeps the exact order when tens of thousands of events are pending (the rung and the far list)', () => {
    // A hold model: 40,000 pending events, each pop schedules a later one; equal times are
    // frequent (times on a grid), so priorities and insertion order decide. The reference is
    // a plain binary heap over (time, priority, id) tuples, independent of the engine's.
    let x = 12345
    const rand = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32
    const h = new EventHeap(16)
    const ref: Array<[number, number, number]> = []
    const less = (a: [number, number, number], b: [number, number, number]) => a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))
    const refPush = (e: [number, number, number]) => {
      let i = ref.push(e) - 1
      while (i > 0) {
        const p = (i - 1) >> 1
        if (!less(ref[i], ref[p])) break
        ;[ref[i], ref[p]] = [ref[p], ref[i]]
        i = p
      }
    }
    const refPop = (): [number, number, number] => {
      const top = ref[0]
      const last = ref.pop()!
      if (ref.length > 0) {
        ref[0] = last
        let i = 0
        for (;;) {
          const l = 2 * i + 1
          const r = l + 1
          let m = i
          if (l < ref.length && less(ref[l], ref[m])) m = l
          if (r < ref.length && less(ref[r], ref[m])) m = r
          if (m === i) break
          ;[ref[i], ref[m]] = [ref[m], ref[i]]
          i = m
        }
      }
      return top
    }
    let id = 0
    const push = (t: number) => {
      const p = Math.floor(rand() * 3)
      h.push(t, p, id)
      refPush([t, p, id++])
    }
    for (let k = 0; k < 40_000; k++) push(Math.floor(rand() * 500) / 4)
    const got: number[] = []
    const want: number[] = []
    for (let k = 0; k < 60_000; k++) {
      const [t, , i] = refPop()
      want.push(i)
      got.push(h.pop())
      push(t + Math.floor(rand() * 400) / 4)
    }
    expect(got).toEqual(want)
    expect(h.size).toBe(40_000)
  })

  it('pops in (time, priority, sequence) order for any pushes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({min: 0, max: 20}), fc.integer({min: 0, max: 2})), {maxLength: 200}), (events) => {
        const h = new EventHeap(1)
        events.forEach(([t, p], i) => h.push(t, p, i))
        const expected = events.map(([t, p], i) => ({t, p, i})).sort((a, b) => a.t - b.t || a.p - b.p || a.i - b.i).map((e) => e.i)
        const got: number[] = []
        while (h.size > 0) got.push(h.pop())
        expect(got).toEqual(expected)
      }),
    )
  })

  it('popDue stops at its bound and reports each event time and extra through fields', () => {
    const h = new EventHeap(4)
    const times = [5, 1.5, 3, 3, 0.25, 8]
    times.forEach((t, i) => {
      h.at = t
      h.pushAt(i % 3, i, 100 + i)
    })
    h.until = 3
    const got: Array<[number, number, number]> = []
    for (let p = h.popDue(); p >= 0; p = h.popDue()) got.push([h.time, p, h.extra])
    expect(got).toEqual([[0.25, 4, 104], [1.5, 1, 101], [3, 3, 103], [3, 2, 102]]) // equal times: priority 0 before 2
    expect(h.size).toBe(2)
    h.until = Infinity
    expect([h.popDue(), h.time, h.popDue(), h.time, h.popDue()]).toEqual([0, 5, 5, 8, -1])
  })

  it('pops an event pushed after popDue stopped before the one it stopped at', () => {
    const h = new EventHeap(4)
    h.push(10, 0, 1)
    h.push(0, 0, 2)
    h.until = 0
    expect(h.popDue()).toBe(2)
    h.until = 5
    expect(h.popDue()).toBe(-1) // 10 is later than the bound: the list has moved on to it
    h.push(6, 0, 3)
    h.push(5.5, 1, 4)
    h.until = Infinity
    expect([h.popDue(), h.popDue(), h.popDue(), h.popDue()]).toEqual([4, 3, 1, -1])
  })

  it('keeps the order when thousands of events share one time or crowd into one bucket', () => {
    // Equal times keep priority, then insertion order; a bucket of thousands is sorted whole.
    const rand = lcg(99)
    const l = new PairedLists()
    for (let k = 0; k < 50; k++) l.push(100 + k, 0)
    let now = l.pop()
    for (let k = 0; k < 5000; k++) l.push(now + Math.floor(rand() * 4) / 8, Math.floor(rand() * 3))
    for (let k = 0; k < 3000; k++) l.push(now, 1)
    while (l.left > 0) {
      now = l.pop()
      if (rand() < 0.3) l.push(now + rand(), 2)
    }
    expect(l.got).toEqual(l.want)
    expect(l.h.size).toBe(0)
  })

  it('uniform draws are the uint32 draws of the same stream, scaled into (0, 1)', () => {
    const a = new StreamBank(9, ['x'])
    const b = new StreamBank(9, ['x'])
    for (let i = 0; i < 1000; i++) expect(a.uniform(0)).toBe((b.nextU32(0) + 0.5) * 2 ** -32)
  })
})
