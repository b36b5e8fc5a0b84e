// MSER-5 truncation on hand-made series.
import {describe, expect, it} from 'vitest'
import {mserTruncation} from '../../src/metrics/flow/mser.js'

describe('MSER-5', () => {
  it('keeps a stationary series whole', () => {
    const flat = Array.from({length: 100}, (_, i) => (i % 2 === 0 ? 1 : 3))
    expect(mserTruncation(flat)).toEqual({observations: 0, limited: false})
  })

  it('cuts an initial transient at the batch where it ends', () => {
    // Ten batches climbing from 0, then forty at a noisy level 10.
    const series = [...Array.from({length: 50}, (_, i) => i / 5), ...Array.from({length: 200}, (_, i) => 10 + ((i % 5) - 2) * 0.1)]
    expect(mserTruncation(series)).toEqual({observations: 50, limited: false})
  })

  it('says when the series never settles (d* at half the batches)', () => {
    const growing = Array.from({length: 100}, (_, i) => i)
    expect(mserTruncation(growing)).toEqual({observations: 50, limited: true})
  })

  it('computes MSER(d) by hand on four batches', () => {
    // Batch means 0, 6, 5, 7: MSER(0) = 29/16, MSER(1) = 2/9, MSER(2) = 2/4 → d* = 1.
    const s = [0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 7, 7, 7, 7, 7]
    expect(mserTruncation(s)).toEqual({observations: 5, limited: false})
  })
})
