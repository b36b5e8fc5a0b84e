import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/model/load.js'
import {FIXTURES, problemsOf, tempModel} from './helpers.js'

describe('count expansion', () => {
  it('replicates whole subtrees with path ids', async () => {
    const m = await loadModel(
      tempModel(`
units:
  - id: district
    count: 2
    kind: government
    tier: district
    children:
      - id: street
        count: 2
        kind: street
        tier: street
        children:
          - {id: community, count: 2, kind: community, tier: community}
          - {id: office, kind: department}
`),
    )
    expect(m.units.map((u) => `${u.id}<${u.parent ?? ''}`)).toEqual([
      'district-1<',
      'district-1/street-1<district-1',
      'district-1/street-1/community-1<district-1/street-1',
      'district-1/street-1/community-2<district-1/street-1',
      'district-1/street-1/office<district-1/street-1',
      'district-1/street-2<district-1',
      'district-1/street-2/community-1<district-1/street-2',
      'district-1/street-2/community-2<district-1/street-2',
      'district-1/street-2/office<district-1/street-2',
      'district-2<',
      'district-2/street-1<district-2',
      'district-2/street-1/community-1<district-2/street-1',
      'district-2/street-1/community-2<district-2/street-1',
      'district-2/street-1/office<district-2/street-1',
      'district-2/street-2<district-2',
      'district-2/street-2/community-1<district-2/street-2',
      'district-2/street-2/community-2<district-2/street-2',
      'district-2/street-2/office<district-2/street-2',
    ])
  })

  it('numbers names, or fills `{n}`, and shares the entry location among replicas', async () => {
    const m = await loadModel(
      tempModel(`
units:
  - {id: s, count: 3, kind: street, name: "第{n}街道"}
  - {id: t, count: 2, kind: street, name: Street}
  - {id: u, count: 1, kind: street}
`),
    )
    expect(m.units.map((u) => `${u.id}=${u.name}`)).toEqual(['s-1=第1街道', 's-2=第2街道', 's-3=第3街道', 't-1=Street 1', 't-2=Street 2', 'u-1=u-1'])
    expect(m.units[0].loc).toEqual(m.units[2].loc)
    expect(m.units[0].loc).toMatchObject({line: 5, path: 'units[0]'})
  })

  it('lets a top-level unit name a replica as its parent', async () => {
    const m = await loadModel(tempModel('units:\n  - {id: s, count: 2, kind: street}\n  - {id: ngo, kind: social-org, parent: s-2}\n'))
    expect(m.units.find((u) => u.id === 'ngo')!.parent).toBe('s-2')
  })

  it('refuses 10^12 units at once, counting before expanding', async () => {
    // Expanding first would exhaust memory long before the limit check: returning at all is the test.
    const [p] = await problemsOf(join(FIXTURES, 'hostile', 'huge-count.yaml'))
    expect(p).toMatchObject({line: 7, path: 'units[0].count', message: 'the model expands to 1,001,001,001,000 units, more than the limit of 1,000,000'})
    expect(p.hint).toMatch(/--max-units/)
  })

  it('honours maxUnits in both directions', async () => {
    const f = tempModel('units:\n  - {id: s, count: 10, kind: street, children: [{id: c, count: 10, kind: community}]}\n')
    expect((await problemsOf(f, {maxUnits: 109}))[0].message).toBe('the model expands to 110 units, more than the limit of 109')
    expect((await loadModel(f, {maxUnits: 110})).units).toHaveLength(110)
  })

  it('rejects a count that is not a positive whole number', async () => {
    const f = tempModel('units:\n  - {id: s, count: 0, kind: street}\n  - {id: t, count: 1.5, kind: street}\n  - {id: u, count: "3", kind: street}\n')
    expect((await problemsOf(f)).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'units[0].count: must be at least 1',
      'units[1].count: must be a whole number',
      'units[2].count: expected a whole number',
    ])
  })

  it('caps relation pairs before making them', async () => {
    const f = tempModel('units:\n  - {id: d, count: 50, kind: department}\nrelations:\n  - {type: coordinates, from: {kind: department}, to: {kind: department}}\n')
    expect((await loadModel(f)).relations).toHaveLength(50 * 49)
    const [p] = await problemsOf(f, {maxRelations: 1000})
    expect(p).toMatchObject({path: 'relations[0]', message: 'the relations expand to more than 1,000 pairs (this one adds 2,500)'})
  })
})
