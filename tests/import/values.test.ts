// Cell readers: each written form and what they say when a cell cannot be read.
import {describe, expect, it} from 'vitest'
import {readCell, readDuration, readFrequency, splitList} from '../../src/import/values.js'

describe('cell values', () => {
  it('reads periods as regular arrivals and rates as random ones', () => {
    expect(readFrequency('每月')).toEqual({ok: true, value: {every: '1mo'}})
    expect(readFrequency('每季度')).toEqual({ok: true, value: {every: '3mo'}})
    expect(readFrequency('quarterly')).toEqual({ok: true, value: {every: '3mo'}})
    expect(readFrequency('2w')).toEqual({ok: true, value: {every: '2w'}})
    expect(readFrequency('2/mo')).toEqual({ok: true, value: {rate: '2/mo'}})
    expect(readFrequency(' 6 / y ')).toEqual({ok: true, value: {rate: '6/y'}})
  })

  it('says how to write a rate given in words', () => {
    expect(readFrequency('每月两次')).toEqual({ok: false, message: 'is not a rate', fix: 'write 2/mo'})
    expect(readFrequency('每年3次')).toEqual({ok: false, message: 'is not a rate', fix: 'write 3/y'})
    expect(readFrequency('每季度2次')).toEqual({ok: false, message: 'is not a rate', fix: 'write 2/3mo'})
    expect(readFrequency(12)).toMatchObject({ok: false, message: 'is a bare number', fix: expect.stringContaining('12/y')})
    expect(readFrequency('经常')).toMatchObject({ok: false, message: 'is not a rate or a period'})
  })

  it('reads durations as numbers of hours, the model notation or Chinese units', () => {
    expect(readDuration(8)).toEqual({ok: true, value: 8})
    expect(readDuration('8')).toEqual({ok: true, value: 8})
    expect(readDuration('30m')).toEqual({ok: true, value: '30m'})
    expect(readDuration('4小时')).toEqual({ok: true, value: '4h'})
    expect(readDuration('2天')).toEqual({ok: true, value: '2d'})
    expect(readDuration('1.5个月')).toEqual({ok: true, value: '1.5mo'})
    expect(readDuration(-1)).toMatchObject({ok: false})
    expect(readDuration('半天')).toMatchObject({ok: false, message: 'is not a duration'})
  })

  it('reads kinds, tiers and kinds of task in Chinese or as ids', () => {
    expect(readCell('kind', '街道办事处')).toEqual({ok: true, value: 'street'})
    expect(readCell('kind', 'social-org')).toEqual({ok: true, value: 'social-org'})
    expect(readCell('kind', '居委')).toMatchObject({ok: false, message: 'is not a kind of unit'})
    expect(readCell('tier', '区')).toEqual({ok: true, value: 'district'})
    expect(readCell('tier', 'Community')).toEqual({ok: true, value: 'community'})
    expect(readCell('taskKind', '考核')).toEqual({ok: true, value: 'inspection'})
  })

  it('reads yes/no, shares, numbers and lists', () => {
    expect(readCell('bool', '是')).toEqual({ok: true, value: true})
    expect(readCell('bool', 'N')).toEqual({ok: true, value: false})
    expect(readCell('bool', '可能')).toMatchObject({ok: false, fix: 'write 是 or 否'})
    expect(readCell('share', '30%')).toEqual({ok: true, value: 0.3})
    expect(readCell('share', 1.5)).toMatchObject({ok: false})
    expect(readCell('number', '8,000')).toEqual({ok: true, value: 8000})
    expect(readCell('count', 2.5)).toMatchObject({ok: false})
    expect(splitList('人民调解、社会救助审批, enforce.market；x\ny')).toEqual(['人民调解', '社会救助审批', 'enforce.market', 'x', 'y'])
  })
})
