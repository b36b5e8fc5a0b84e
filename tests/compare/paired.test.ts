import {describe, expect, it} from 'vitest'
import {exactDifference, pairedDifference} from '../../src/compare/paired.js'

describe('pairedDifference', () => {
  it('matches a hand-computed paired t interval', () => {
    // d = [-2, -1, -2, -3]: mean -2, sd √(2/3) = 0.8165, se 0.40825, t(0.975, 3) = 3.182.
    const d = pairedDifference([10, 12, 11, 13], [8, 11, 9, 10])
    expect(d.baseline).toBe(11.5)
    expect(d.scenario).toBe(9.5)
    expect(d.change).toBe(-2)
    expect(d.sd).toBeCloseTo(0.816497, 6)
    expect(d.lo).toBeCloseTo(-2 - 3.182 * 0.408248, 5)
    expect(d.hi).toBeCloseTo(-2 + 3.182 * 0.408248, 5)
    expect(d.significant).toBe(true)
    expect(d.n).toBe(4)
  })

  it('does not mark a change whose interval contains zero', () => {
    // d = [1, -1, 0.3]: mean 0.1, sd 1.0149, half-width 4.303 × 0.58595 = 2.5213.
    const d = pairedDifference([1, 2, 3], [2, 1, 3.3])
    expect(d.change).toBeCloseTo(0.1, 12)
    expect(d.hi - d.change).toBeCloseTo(2.52134, 4)
    expect(d.significant).toBe(false)
  })

  it('pairs are what counts: a constant shift is exact even when the runs vary a lot', () => {
    const d = pairedDifference([5, 50, 500], [6, 51, 501])
    expect([d.change, d.lo, d.hi, d.significant]).toEqual([1, 1, 1, true])
  })

  it('drops pairs with a missing value, and needs two pairs for an interval', () => {
    const d = pairedDifference([1, NaN, 3, 4], [2, 5, NaN, 6])
    expect(d.n).toBe(2)
    expect(d.change).toBe(1.5)
    // Each side's mean uses all its own values: a tier the scenario removed still shows its baseline.
    expect([d.baseline, d.scenario]).toEqual([8 / 3, 13 / 3])
    const gone = pairedDifference([0.4, 0.6], [NaN, NaN])
    expect([gone.baseline, gone.n, gone.significant]).toEqual([0.5, 0, false])
    expect(Number.isNaN(gone.scenario)).toBe(true)
    const one = pairedDifference([1], [2])
    expect([one.change, one.significant]).toEqual([1, false])
    expect(Number.isNaN(one.lo)).toBe(true)
    expect(pairedDifference([], []).n).toBe(0)
    expect(() => pairedDifference([1, 2], [1])).toThrow(/differ in length/)
  })

  it('treats structural differences as exact', () => {
    expect(exactDifference(0.4, 0.7)).toMatchObject({change: 0.7 - 0.4, lo: 0.7 - 0.4, significant: true})
    expect(exactDifference(0.5, 0.5)).toMatchObject({significant: false, noChange: true})
  })

  it('calls a difference identical in every replication no change, never significant', () => {
    const d = pairedDifference([0.3, 0.5, 0.7], [0.3, 0.5, 0.7])
    expect(d).toMatchObject({change: 0, lo: 0, hi: 0, significant: false, noChange: true})
    // Rounding noise from a different summation order is no change either (was "−0% [−0%, −0%] *").
    const noise = pairedDifference([0.1 + 0.2, 0.7], [0.3, 0.7 - 1e-15])
    expect(noise).toMatchObject({change: 0, significant: false, noChange: true})
    expect(pairedDifference([1, 2], [2, 3])).toMatchObject({significant: true, noChange: false})
  })
})
