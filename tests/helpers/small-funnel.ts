// The hand-built twin of fixtures/funnel.yaml: district with a civil-affairs and an urban
// department, 2 streets × 3 communities (8,000 residents, 12 staff, power `mediate`),
// a party committee, and four catalogue items. 2,000 working hours a year.
//   census  civil → communities, every 1mo (166.67 h) → 12/y, 6 h each, relayed by streets
//   patrol  urban → communities, every 1w (40 h) → 50/y, 2 h, needs enforce (communities lack it)
//   check-1/2 urban inspections of communities, every 3mo (500 h) → 4/y, 4 h, no relay
//   dispute resident demand, 1/1000/mo → 96/y per community, 2 h, needs mediate
import type {Model} from '../../src/model/types.js'
import {buildModel, demand, districtUnits, relation, task, unit} from './model-builder.js'

export function smallFunnel(): Model {
  const units = districtUnits({domains: ['civil', 'urban'], streets: 2, communities: 3, residents: 8000})
  for (const u of units) if (u.kind === 'community') u.powers = ['mediate']
  units.push(unit({id: 'district-party', kind: 'party', tier: 'district', staff: 10}))
  return buildModel({
    id: 'small-funnel',
    units,
    relations: [relation('leads', 'district-party', 'district'), relation('coordinates', 'district/dept-civil', 'district/dept-urban')],
    tasks: [
      task({id: 'census', issuers: ['district/dept-civil'], target: 'community', kind: 'statistics', every: 2000 / 12, effort: 6, category: 'civil', labels: ['long-term']}),
      task({id: 'patrol', issuers: ['district/dept-urban'], target: 'community', kind: 'enforcement', every: 40, effort: 2, needs: ['urban.power'], category: 'urban', labels: ['long-term']}),
      task({id: 'check-1', issuers: ['district/dept-urban'], target: 'community', kind: 'inspection', every: 500, effort: 4, category: 'urban'}),
      task({id: 'check-2', issuers: ['district/dept-urban'], target: 'community', kind: 'inspection', every: 500, effort: 4, category: 'urban'}),
    ],
    demand: [demand({id: 'dispute', at: 'community', perResidentHour: 1 / 1000 / (2000 / 12), effort: 2, needs: ['mediate']})],
  })
}
