// The designs and the sensitivity estimators on functions whose answers are known: a linear
// function (μ* = |coefficient| × range) and the Ishigami function (Sobol indices in closed form).
import {describe, expect, it} from 'vitest'
import {elementaryEffects, latinHypercube, morrisDelta, morrisIndices, morrisTrajectories, saltelliPoints, seededRng, sobolIndices} from '../../src/sweep/index.js'
import {gridCells} from '../../src/sweep/designs/grid.js'

const scale = (x: number, lo: number, hi: number) => lo + x * (hi - lo)

describe('designs', () => {
  it('a grid lists every combination, the first factor slowest', () => {
    expect(gridCells([[1, 2], ['a', 'b', 'c']])).toEqual([[1, 'a'], [1, 'b'], [1, 'c'], [2, 'a'], [2, 'b'], [2, 'c']])
  })

  it('a Latin hypercube puts exactly one point in each stratum of every factor', () => {
    const n = 10
    const pts = latinHypercube(n, 3, seededRng(7, 'lhs'))
    expect(pts).toHaveLength(n)
    for (let j = 0; j < 3; j++) expect(pts.map((p) => Math.floor(p[j] * n)).sort((a, b) => a - b)).toEqual([...Array(n).keys()])
  })

  it('a Morris trajectory moves one factor at a time by Δ = p/(2(p−1)) on the p-level grid', () => {
    const k = 3
    const levels = 4
    const pts = morrisTrajectories(k, 5, levels, seededRng(3, 'm'))
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 12)
    expect(pts).toHaveLength(5 * (k + 1))
    for (let t = 0; t < 5; t++) {
      const moved = new Set<number>()
      for (let s = 0; s < k; s++) {
        const a = pts[t * (k + 1) + s]
        const b = pts[t * (k + 1) + s + 1]
        const diff = a.map((x, j) => b[j] - x)
        const j = diff.findIndex((d) => d !== 0)
        expect(diff.filter((d) => d !== 0)).toHaveLength(1)
        expect(Math.abs(diff[j])).toBeCloseTo(2 / 3, 9)
        moved.add(j)
      }
      expect(moved.size).toBe(k)
      for (const p of pts.slice(t * (k + 1), (t + 1) * (k + 1))) for (const x of p) expect([0, 1 / 3, 2 / 3, 1].some((g) => Math.abs(g - x) < 1e-9)).toBe(true)
    }
  })

  it('Saltelli blocks hold A, B and A with column i from B', () => {
    const pts = saltelliPoints(4, 2, seededRng(1, 's'))
    expect(pts).toHaveLength(4 * 4)
    const [a, b, ab1, ab2] = pts.slice(4, 8)
    expect(ab1).toEqual([b[0], a[1]])
    expect(ab2).toEqual([a[0], b[1]])
  })

  it('the same seed gives the same design, another seed another', () => {
    expect(morrisTrajectories(2, 3, 4, seededRng(5, 'x'))).toEqual(morrisTrajectories(2, 3, 4, seededRng(5, 'x')))
    expect(latinHypercube(5, 2, seededRng(5, 'x'))).not.toEqual(latinHypercube(5, 2, seededRng(6, 'x')))
  })
})

describe('Morris elementary effects', () => {
  // y = 3·a − 2·b + 0·c on a ∈ [0, 10], b ∈ [5, 7], c ∈ [0, 1]: μ* = |coef| × range.
  const ranges: Array<[number, number]> = [[0, 10], [5, 7], [0, 1]]
  const f = (x: number[]) => 3 * scale(x[0], ...ranges[0]) - 2 * scale(x[1], ...ranges[1]) + 0 * scale(x[2], ...ranges[2])

  it('a linear function: μ* = |coefficient| × range, μ carries the sign, σ = 0', () => {
    const pts = morrisTrajectories(3, 8, 4, seededRng(11, 'design'))
    const ix = morrisIndices(pts, pts.map(f), 3, 200, seededRng(11, 'boot'))
    expect(ix.map((i) => i.muStar)).toEqual([expect.closeTo(30, 9), expect.closeTo(4, 9), expect.closeTo(0, 9)])
    expect(ix.map((i) => i.mu)).toEqual([expect.closeTo(30, 9), expect.closeTo(-4, 9), expect.closeTo(0, 9)])
    for (const i of ix) {
      expect(i.sigma).toBeCloseTo(0, 9)
      expect(i.n).toBe(8)
      expect(i.muStarLo).toBeCloseTo(i.muStar, 9)
    }
  })

  it('an interaction shows as spread (σ > 0) and a non-finite output drops only its effects', () => {
    const g = (x: number[]) => x[0] * x[1]
    const pts = morrisTrajectories(2, 10, 4, seededRng(2, 'd'))
    const ix = morrisIndices(pts, pts.map(g), 2, 100, seededRng(2, 'b'))
    expect(ix[0].sigma).toBeGreaterThan(0)
    const y = pts.map(g)
    y[0] = NaN
    expect(elementaryEffects(pts, y, 2).flat().filter((e) => !Number.isFinite(e))).toHaveLength(1)
  })
})

describe('Sobol indices (Saltelli estimator)', () => {
  // Ishigami (a = 7, b = 0.1) on [−π, π]³: S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437.
  const ishigami = (x: number[]) => {
    const [x1, x2, x3] = x.map((v) => scale(v, -Math.PI, Math.PI))
    return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1)
  }
  const S1 = [0.3139, 0.4424, 0]
  const ST = [0.5576, 0.4424, 0.2437]

  it('recovers the Ishigami indices within their bootstrap CIs and 0.05', () => {
    const pts = saltelliPoints(4096, 3, seededRng(1, 'sobol'))
    const ix = sobolIndices(pts.map(ishigami), 3, 300, seededRng(1, 'boot'))
    ix.forEach((i, j) => {
      expect(Math.abs(i.s1 - S1[j])).toBeLessThan(0.05)
      expect(Math.abs(i.st - ST[j])).toBeLessThan(0.05)
      expect(i.s1Lo - 0.01).toBeLessThanOrEqual(S1[j])
      expect(i.s1Hi + 0.01).toBeGreaterThanOrEqual(S1[j])
      expect(i.stLo - 0.01).toBeLessThanOrEqual(ST[j])
      expect(i.stHi + 0.01).toBeGreaterThanOrEqual(ST[j])
      expect(i.n).toBe(4096)
    })
  })

  it('a linear function: S1 = ST = each term\'s share of the variance', () => {
    // y = a + 2b on the unit square: Var = 1/12 + 4/12, so S = 0.2 and 0.8.
    const pts = saltelliPoints(2048, 2, seededRng(4, 'sobol'))
    const ix = sobolIndices(pts.map((x) => x[0] + 2 * x[1]), 2, 200, seededRng(4, 'boot'))
    expect(ix[0].s1).toBeCloseTo(0.2, 1)
    expect(ix[1].s1).toBeCloseTo(0.8, 1)
    expect(ix[0].st).toBeCloseTo(0.2, 1)
    expect(ix[1].st).toBeCloseTo(0.8, 1)
  })
})
