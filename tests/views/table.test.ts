import {describe, expect, it} from 'vitest'
import {charWidth, displayWidth, formatNumber, renderTable} from '../../src/views/table.js'

describe('displayWidth', () => {
  it('counts ASCII as one column each', () => {
    expect(displayWidth('street-1')).toBe(8)
    expect(displayWidth('')).toBe(0)
  })

  it('counts CJK ideographs, kana, hangul and fullwidth forms as two', () => {
    expect(displayWidth('社区')).toBe(4)
    expect(displayWidth('街道1')).toBe(5)
    expect(displayWidth('カナ')).toBe(4)
    expect(displayWidth('한국')).toBe(4)
    expect(displayWidth('（无）')).toBe(6)
    expect(displayWidth('１２')).toBe(4)
    expect(displayWidth('，。')).toBe(4)
    expect(displayWidth('𠀀')).toBe(2) // CJK extension B, outside the BMP
  })

  it('counts combining marks, zero-width characters and ANSI colours as nothing', () => {
    expect(displayWidth('e\u0301')).toBe(1)
    expect(displayWidth('a\u200bb')).toBe(2)
    expect(displayWidth('\u001b[31m红\u001b[0m')).toBe(2)
    expect(charWidth(0x0a)).toBe(0)
  })

  it('counts wide emoji as two and ambiguous-width symbols as one', () => {
    expect(displayWidth('🚀')).toBe(2)
    expect(displayWidth('±→')).toBe(2)
  })
})

describe('formatNumber', () => {
  it('groups integers and rounds fractions', () => {
    expect(formatNumber(1234567)).toBe('1,234,567')
    expect(formatNumber(0.12345)).toBe('0.12')
    expect(formatNumber(2.5, 1)).toBe('2.5')
    expect(formatNumber(null)).toBe('-')
    expect(formatNumber(Infinity)).toBe('-')
  })
})

describe('renderTable', () => {
  it('aligns columns by display width, numbers to the right', () => {
    const out = renderTable(['层级', 'units'], [['社区', 3000], ['street', 150]])
    expect(out).toBe(['层级    units', '------  -----', '社区    3,000', 'street    150', ''].join('\n'))
    for (const line of out.trimEnd().split('\n')) expect(displayWidth(line)).toBe(13)
  })

  it('honours a title, explicit alignment, indentation and gap', () => {
    const out = renderTable(['a', 'b'], [['x', 'yy']], {title: 'T', align: ['right', 'right'], indent: 2, gap: 1})
    expect(out).toBe(['  T', '  a  b', '  - --', '  x yy', ''].join('\n'))
  })

  it('shows null cells as a dash and keeps numeric columns right-aligned', () => {
    expect(renderTable(['load'], [[null], [0.5]])).toBe(['load', '----', '   -', '0.50', ''].join('\n'))
  })
})
