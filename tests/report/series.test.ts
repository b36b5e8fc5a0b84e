// The report's charts over time: block means of each replication's samples, then the mean and
// range over replications, computed here by hand.
import {describe, expect, it} from 'vitest'
import {overTime} from '../../src/report/series.js'
import {niceCeil, renderOverTime} from '../../src/report/render-series.js'
import type {FlowSummary, ReplicationResult, Series} from '../../src/sim/api.js'

const flow = (series: (Series | undefined)[]) => ({runs: series.map((s) => (s ? {series: s} : {}) as ReplicationResult)}) as unknown as FlowSummary

describe('overTime', () => {
  it('takes the mean and the lowest and highest replication at each sample', () => {
    const a: Series = {step: 2, inSystem: [1, 3, 5], busy: [1, 2, 4], servers: 4}
    const b: Series = {step: 2, inSystem: [3, 3, 1], busy: [3, 2, 0], servers: 4}
    const o = overTime('base', flow([a, b]))!
    expect(o.stepHours).toBe(2)
    expect(o.backlog).toEqual({mean: [2, 3, 3], lo: [1, 3, 1], hi: [3, 3, 5]})
    // busy / servers: a 0.25 0.5 1, b 0.75 0.5 0.
    expect(o.utilisation).toEqual({mean: [0.5, 0.5, 0.5], lo: [0.25, 0.5, 0], hi: [0.75, 0.5, 1]})
  })

  it('averages samples in blocks down to the chart resolution, dropping an incomplete last block', () => {
    // 450 samples of k (k = 0 … 449): blocks of ⌈450 / 200⌉ = 3, 150 whole blocks.
    const s: Series = {step: 1, inSystem: Array.from({length: 450}, (_, k) => k), busy: Array(450).fill(1), servers: 2}
    const o = overTime('x', flow([s]))!
    expect(o.stepHours).toBe(3)
    expect(o.backlog.mean).toHaveLength(150)
    expect(o.backlog.mean.slice(0, 2)).toEqual([1, 4])
    expect(o.backlog.mean.at(-1)).toBe(448)
    expect(o.utilisation.mean.every((v) => v === 0.5)).toBe(true)
  })

  it('is undefined for runs made without series, and utilisation 0 for a model without staff', () => {
    expect(overTime('x', flow([undefined, undefined]))).toBeUndefined()
    const o = overTime('x', flow([{step: 1, inSystem: [4], busy: [0], servers: 0}]))!
    expect(o.utilisation.mean).toEqual([0])
  })
})

describe('renderOverTime', () => {
  const line = overTime('', flow([{step: 8, inSystem: [10, 30, 20, 40], busy: [1, 2, 2, 1], servers: 2}]))!
  it('draws two charts with a round y axis and an x axis in working days', () => {
    const html = renderOverTime([line], 'en', {hoursPerDay: 8, warmup: 8, replications: 1})
    expect(html.match(/<svg class="series"/g)).toHaveLength(2)
    // Backlog peaks at 40 → axis top 40, ticks 0, 20, 40; utilisation peaks at 100 % → axis top 100 %.
    expect(html).toContain('>20</text>')
    expect(html).toContain('>40</text>')
    expect(html).toContain('>100%</text>')
    // Four samples of 8 h with 8 h a day: the axis ends at day 4; the warm-up covers a quarter.
    expect(html).toContain('>4</text>')
    expect(html).toMatch(/<rect class="warmup" x="58" y="12" width="102.5"/)
    // One model: no legend.
    expect(html).not.toContain('class="legend"')
  })

  it('names the baseline and each scenario in a legend, in the page language', () => {
    const html = renderOverTime([line, {...line, label: '准入清单'}], 'zh', {hoursPerDay: 8, warmup: 0, replications: 3})
    expect(html).toContain('class="legend"')
    expect(html).toContain('准入清单')
    expect(html).toContain('基线')
    expect(html).toContain('3 次重复')
    expect(html).not.toContain('class="warmup"')
  })

  it('rounds axis tops up to 1, 1.5, 2, 3, 4, 5, 6 or 8 × 10ⁿ', () => {
    expect([0.28, 1, 1.5, 2.1, 7, 40, 560, 0.0042, 0, -1].map(niceCeil)).toEqual([0.3, 1, 1.5, 3, 8, 40, 600, 0.005, 1, 1])
  })
})
