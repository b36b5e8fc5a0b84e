import {describe, expect, it} from 'vitest'
import {buildUnitIndex, describeSelector, compileGlob, selectIndices, selectUnits} from '../../src/model/selector.js'
import type {Unit} from '../../src/model/types.js'

function unit(id: string, fields: Partial<Unit> = {}): Unit {
  const slash = id.lastIndexOf('/')
  return {
    id,
    name: id,
    kind: 'community',
    staff: 1,
    powers: [],
    residents: 0,
    households: 0,
    labels: [],
    ...(slash > 0 && {parent: id.slice(0, slash)}),
    ...fields,
  }
}

const UNITS: Unit[] = [
  unit('district-1', {kind: 'government', tier: 'district'}),
  unit('district-1/dept-police', {kind: 'department', tier: 'district', domain: 'public-security'}),
  unit('district-1/street-1', {kind: 'street', tier: 'street'}),
  unit('district-1/street-1/community-1', {tier: 'community', labels: ['old-town']}),
  unit('district-1/street-1/community-2', {tier: 'community'}),
  unit('district-2', {kind: 'government', tier: 'district'}),
  unit('district-2/dept-police', {kind: 'department', tier: 'district', domain: 'public-security'}),
  unit('district-2/street-1', {kind: 'street', tier: 'street'}),
  unit('district-2/street-1/community-1', {tier: 'community', labels: ['old-town', 'new']}),
  unit('community-9', {tier: 'community'}),
  unit('ngo', {kind: 'social-org', parent: 'district-2/street-1'}),
]
const ids = (sel: Parameters<typeof selectUnits>[1]) => selectUnits(UNITS, sel).map((u) => u.id)

describe('selectUnits', () => {
  it('matches an exact id, and nothing for an unknown one', () => {
    expect(ids('district-2/street-1')).toEqual(['district-2/street-1'])
    expect(ids('district-3')).toEqual([])
  })

  it('`*` matches within one path segment', () => {
    expect(ids('district-*/dept-police')).toEqual(['district-1/dept-police', 'district-2/dept-police'])
    expect(ids('district-*')).toEqual(['district-1', 'district-2'])
    expect(ids('*/street-*/community-1')).toEqual(['district-1/street-1/community-1', 'district-2/street-1/community-1'])
    expect(ids('community-*')).toEqual(['community-9'])
  })

  it('`**` matches across segments, `**/x` also at the top level', () => {
    expect(ids('**/community-*')).toEqual([
      'district-1/street-1/community-1',
      'district-1/street-1/community-2',
      'district-2/street-1/community-1',
      'community-9',
    ])
    expect(ids('district-1/**')).toEqual([
      'district-1/dept-police',
      'district-1/street-1',
      'district-1/street-1/community-1',
      'district-1/street-1/community-2',
    ])
    expect(ids('**')).toHaveLength(UNITS.length)
  })

  it('treats regex characters in globs literally', () => {
    expect(compileGlob('a.b*').test('axb')).toBe(false)
    expect(compileGlob('a.b*').test('a.bc')).toBe(true)
  })

  it('a mapping matches units where every given field matches', () => {
    expect(ids({kind: 'department', tier: 'district'})).toEqual(['district-1/dept-police', 'district-2/dept-police'])
    expect(ids({domain: 'public-security', id: 'district-2/*'})).toEqual(['district-2/dept-police'])
    expect(ids({tier: 'community', label: 'old-town'})).toEqual(['district-1/street-1/community-1', 'district-2/street-1/community-1'])
    expect(ids({label: 'new'})).toEqual(['district-2/street-1/community-1'])
    expect(ids({kind: 'street', tier: 'community'})).toEqual([])
    expect(ids({id: 'ngo'})).toEqual(['ngo'])
  })

  it('`within` searches the subtree of a unit, itself included, following `parent`', () => {
    expect(ids({within: 'district-2'})).toEqual([
      'district-2',
      'district-2/dept-police',
      'district-2/street-1',
      'district-2/street-1/community-1',
      'ngo',
    ])
    expect(ids({within: 'district-1', tier: 'community'})).toEqual(['district-1/street-1/community-1', 'district-1/street-1/community-2'])
    expect(ids({within: 'district-2/street-1', kind: 'social-org'})).toEqual(['ngo'])
    expect(ids({within: 'nowhere'})).toEqual([])
  })

  it('a list is the union, in unit order, without duplicates', () => {
    expect(ids(['ngo', 'district-1', {kind: 'government'}])).toEqual(['district-1', 'district-2', 'ngo'])
  })

  it('an empty mapping matches every unit', () => {
    expect(ids({})).toHaveLength(UNITS.length)
  })

  it('caches results per selector on the index', () => {
    const ix = buildUnitIndex(UNITS)
    const a = selectIndices(ix, {kind: 'street'})
    expect(selectIndices(ix, {kind: 'street'})).toBe(a)
  })

  it('keeps units caught in a parent cycle out of every `within`', () => {
    const cyc = [unit('a', {parent: 'b'}), unit('b', {parent: 'a'}), unit('c')]
    expect(selectUnits(cyc, {within: 'a'}).map((u) => u.id)).toEqual([])
    expect(selectUnits(cyc, 'a').map((u) => u.id)).toEqual(['a'])
  })

  it('describes selectors for messages', () => {
    expect(describeSelector({kind: 'department', tier: 'district'})).toBe('{kind: department, tier: district}')
    expect(describeSelector(['a', {label: 'x'}])).toBe('[a, {label: x}]')
  })

  it('resolves many glob and within selectors over 100k units', () => {
    const big: Unit[] = []
    for (let d = 1; d <= 10; d++) {
      big.push(unit(`d-${d}`, {kind: 'government', tier: 'district'}))
      for (let s = 1; s <= 100; s++) {
        big.push(unit(`d-${d}/s-${s}`, {kind: 'street', tier: 'street'}))
        for (let c = 1; c <= 99; c++) big.push(unit(`d-${d}/s-${s}/c-${c}`, {tier: 'community'}))
      }
    }
    const ix = buildUnitIndex(big)
    let n = 0
    for (let d = 1; d <= 10; d++) {
      for (let s = 1; s <= 100; s++) {
        n += selectIndices(ix, `d-${d}/s-${s}/c-*`).length
        n += selectIndices(ix, {within: `d-${d}/s-${s}`, tier: 'community'}).length
      }
    }
    expect(n).toBe(2 * 10 * 100 * 99)
  })
})
