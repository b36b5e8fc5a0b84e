// A city-scale model built in code, for the benchmark when models/city-scale.yaml is absent:
// 16 districts × 35 departments, 300 streets (each with a law-enforcement team), 3,000
// communities of 8,000 residents, a 125-item community catalogue and resident demand.
// Durations in working hours (8 h days, 250 days a year).

const YEAR = 2000
const MONTH = YEAR / 12
const DOMAINS = [
  'public-security', 'civil-affairs', 'urban-management', 'health', 'market-regulation', 'human-resources',
  'emergency', 'housing', 'environment', 'statistics', 'justice', 'culture', 'education', 'transport',
  'veterans', 'agriculture', 'water', 'tax', 'finance', 'audit', 'planning', 'commerce', 'science',
  'ethnic-affairs', 'sports', 'tourism', 'archives', 'letters-visits', 'family-planning', 'disability',
  'youth', 'women', 'elderly', 'petition', 'propaganda',
]
const POWERS = {
  'public-security': ['enforce.security'], 'urban-management': ['enforce.urban'], health: ['enforce.health'],
  'market-regulation': ['enforce.market'], environment: ['enforce.environment'], justice: ['mediate'],
  housing: ['supervise.property'], 'civil-affairs': ['approve.subsidy'],
}

const fixed = (value) => ({dist: 'fixed', value})
const exp = (mean) => ({dist: 'exp', mean})
const logn = (mean, sd) => ({dist: 'lognormal', mean, sd})
const tri = (min, mode, max) => ({dist: 'triangular', min, mode, max})

function unit(id, over) {
  return {id, name: id, kind: 'department', staff: 1, powers: [], residents: 0, households: 0, labels: [], ...over}
}

export function buildCityModel() {
  const units = [unit('city', {kind: 'government', tier: 'city', staff: 200})]
  const districtDepts = DOMAINS.map(() => [])
  let streetNo = 0
  for (let d = 1; d <= 16; d++) {
    const did = `city/district-${d}`
    units.push(unit(did, {kind: 'government', tier: 'district', parent: 'city', staff: 60}))
    DOMAINS.forEach((dom, k) => {
      const id = `${did}/${dom}`
      units.push(unit(id, {tier: 'district', parent: did, domain: dom, staff: 30 + ((k * 7) % 40), powers: POWERS[dom] ?? []}))
      districtDepts[k].push(id)
    })
    const streets = d <= 12 ? 19 : 18 // 12 × 19 + 4 × 18 = 300
    for (let s = 1; s <= streets; s++, streetNo++) {
      const sid = `${did}/street-${s}`
      units.push(unit(sid, {kind: 'street', tier: 'street', parent: did, staff: 60}))
      units.push(unit(`${sid}/enforcement`, {tier: 'street', parent: sid, domain: 'urban-management', staff: 20, powers: ['enforce.urban']}))
      for (let c = 1; c <= 10; c++) {
        units.push(unit(`${sid}/community-${c}`, {kind: 'community', tier: 'community', parent: sid, staff: 6, residents: 8000, households: 3000}))
      }
    }
  }
  if (streetNo !== 300) throw new Error(`expected 300 streets, built ${streetNo}`)

  // The catalogue: 125 items issued by district departments, as in the Shenzhen survey
  // (seed 003): routine work, statistics with household visits, inspections, temporary tasks.
  const tasks = []
  for (let i = 0; i < 125; i++) {
    const k = i % DOMAINS.length
    const kind = i % 5 === 0 ? 'statistics' : i % 5 === 1 ? 'inspection' : i % 5 === 2 ? 'temporary' : 'routine'
    const arrival = kind === 'temporary' ? {type: 'poisson', perHour: 4 / YEAR} : {type: 'periodic', every: kind === 'inspection' ? 3 * MONTH : i % 2 ? MONTH : 2 * MONTH, offset: (i * 3.7) % MONTH}
    const effort = [fixed(2), exp(1.5), logn(2, 1), tri(0.5, 1, 3)][i % 4]
    tasks.push({
      id: `item-${i + 1}`, name: `item ${i + 1}`, category: DOMAINS[k], issuers: districtDepts[k], target: 'community', kind, arrival, effort,
      needs: i % 11 === 3 ? ['enforce.urban'] : [],
      collects: kind === 'statistics' ? [`field-${i % 7}`, `field-${(i + 3) % 7}`] : [],
      contacts: kind === 'statistics' ? 0.05 : 0,
      veto: i % 40 === 7, deadline: i % 3 === 0 ? 10 * 8 : undefined, labels: [],
    })
  }
  const demand = [
    {id: 'service', name: 'service', at: 'community', perResidentHour: 6 / 1000 / MONTH, effort: exp(1), needs: [], labels: []},
    {id: 'noise', name: 'noise', at: 'community', perResidentHour: 2 / 1000 / MONTH, effort: exp(2), needs: ['enforce.urban'], labels: []},
    {id: 'dispute', name: 'dispute', at: 'community', perResidentHour: 1 / 1000 / MONTH, effort: logn(3, 2), needs: ['mediate'], labels: []},
    {id: 'repair', name: 'repair', at: 'community', perResidentHour: 2 / 1000 / MONTH, effort: tri(0.5, 1, 2), needs: ['supervise.property'], labels: []},
  ]
  return {
    format: 1, id: 'city-scale-bench', name: 'City scale (benchmark, built in code)', sources: [],
    clock: {hoursPerDay: 8, daysPerYear: 250}, kinds: [], powers: [], categories: [], units, relations: [], tasks, demand,
    defaults: {relayEffort: fixed(0.5), escalationEffort: fixed(1), formalShare: 0.25, householdSize: 2.5, collectionValidity: YEAR},
    rules: {responsibility: 'territorial', reportEffort: fixed(0.5)},
    file: 'bench/city-model.js',
  }
}
