import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/model/load.js'
import {tempModel} from './helpers.js'

describe('a 100k-unit model', () => {
  it('loads with every selector resolved through the index', async () => {
    const tasks = Array.from(
      {length: 300},
      (_, i) => `  - {id: t${i}, issuer: 'district-*/dept-${(i % 20) + 1}', target: community, every: 1mo, effort: 2h}`,
    )
    const file = tempModel(`
powers: [p]
units:
  - id: district
    count: 10
    kind: government
    tier: district
    children:
      - {id: dept, count: 20, kind: department, domain: d, powers: [p]}
      - id: street
        count: 100
        kind: street
        tier: street
        children:
          - {id: community, count: 99, kind: community, tier: community, residents: 3000}
tasks:
${tasks.join('\n')}
  - {id: local, issuer: {kind: street, within: district-3}, target: community, rate: 6/y, effort: 1h}
relations:
  - {type: coordinates, from: {kind: department, within: district-1}, to: {kind: department, within: district-1}}
  - {type: summons, from: '**/street-*', to: district-1/dept-1, responseTime: 4h}
demand:
  - {id: noise, at: community, rate: 3/1000/mo, effort: 2h, needs: [p]}
`)
    const m = await loadModel(file)
    expect(m.units).toHaveLength(10 * (1 + 20 + 100 * 100))
    expect(m.tasks).toHaveLength(301)
    expect(m.tasks[0].issuers).toHaveLength(10)
    expect(m.tasks[300].issuers).toHaveLength(100)
    expect(m.relations).toHaveLength(20 * 19 + 1000)
    expect(m.units[22]).toMatchObject({id: "district-1/street-1/community-1", households: 1200})
  })
})
