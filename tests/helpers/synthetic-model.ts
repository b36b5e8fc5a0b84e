// A synthetic city of the size loudou must handle: districts × streets × communities, each
// district with its own line departments issuing a share of a large task catalogue, city
// bureaus issuing to every community, a party committee leading each government, and
// inspections. Deterministic: no randomness, the sizes alone define it.
import type {Model, Relation, Task, Unit} from '../../src/model/types.js'
import {buildModel, districtUnits, relation, task, unit} from './model-builder.js'

export interface SyntheticSize {
  districts: number
  streetsPerDistrict: number
  communitiesPerStreet: number
  domains: number
  /** Catalogue items, spread over the domains; every tenth is an inspection. */
  tasks: number
}

export function syntheticCity(size: SyntheticSize): Model {
  const domains = Array.from({length: size.domains}, (_, i) => `d${i + 1}`)
  const units: Unit[] = [unit({id: 'city', kind: 'government', tier: 'city', staff: 200}), unit({id: 'city-party', kind: 'party', tier: 'city', staff: 50})]
  for (const domain of domains) {
    units.push(unit({id: `city/bureau-${domain}`, kind: 'department', tier: 'city', parent: 'city', domain, staff: 80, powers: [`${domain}.power`]}))
  }
  const relations: Relation[] = [relation('leads', 'city-party', 'city')]
  for (let d = 1; d <= size.districts; d++) {
    const id = `city/district-${d}`
    units.push(...districtUnits({id, parent: 'city', domains, streets: size.streetsPerDistrict, communities: size.communitiesPerStreet}))
    units.push(unit({id: `${id}-party`, kind: 'party', tier: 'district', parent: 'city-party', staff: 20}))
    relations.push(relation('leads', `${id}-party`, id))
  }
  const tasks: Task[] = []
  for (let i = 0; i < size.tasks; i++) {
    const domain = domains[i % domains.length]
    const cityLevel = i % 7 === 0
    const issuers = cityLevel
      ? [`city/bureau-${domain}`]
      : Array.from({length: size.districts}, (_, d) => `city/district-${d + 1}/dept-${domain}`)
    tasks.push(
      task({
        id: `task-${i + 1}`,
        issuers,
        target: 'community',
        kind: i % 10 === 0 ? 'inspection' : i % 3 === 0 ? 'statistics' : 'routine',
        every: 40 + (i % 12) * 20,
        effort: 1 + (i % 5),
        needs: i % 4 === 0 ? [`${domain}.power`] : [],
        category: `cat-${(i % 26) + 1}`,
        labels: i % 2 === 0 ? ['long-term'] : ['temporary'],
      }),
    )
  }
  return buildModel({id: 'synthetic-city', units, relations, tasks})
}
