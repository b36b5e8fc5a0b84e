// The model language of hand-offs, contested ownership, buck-passing, the hotline, campaigns
// and effort per household: read into the model, and every bad value located.
import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/model/load.js'
import {errorsOf, problemsOf, tempModel} from './helpers.js'

const UNITS = `
powers: [enforce]
units:
  - id: d
    kind: government
    tier: district
    children:
      - {id: urban, kind: department, powers: [enforce], handoffDelay: 2h}
      - {id: market, kind: department}
      - id: s
        kind: street
        tier: street
        children:
          - {id: c, kind: community, tier: community, residents: 3000, households: 1000}
`

describe('governance fields', () => {
  it('reads hand-off delays, contests, buck-passing, the hotline, campaigns and effort per household', async () => {
    const m = await loadModel(
      tempModel(`${UNITS}
defaults: {handoffDelay: 1d, spread: 1w, inspectorEffort: 3h}
rules:
  buckPassing: {refusal: 0.4, maxTransfers: 3, transferEffort: 1h, arbitrationEffort: 2h}
  hotline: {centres: d/urban, dispatchTime: 2h}
tasks:
  - {id: survey, issuer: d/urban, target: community, every: 1mo, effort: 2h, per: 1000 households}
  - {id: check, issuer: d/urban, target: community, kind: inspection, every: 3mo, effort: 4h, spread: 2w, inspectorEffort: 1h}
  - {id: stall, issuer: d/s, target: community, rate: 2/mo, effort: 3h, needs: [enforce], contested: {share: 0.3}}
demand:
  - {id: noise, at: community, rate: 1/1000/mo, effort: 1h, needs: [enforce], contested: {share: 0.5, candidates: [d/urban, d/market], owner: d/urban}, per: '1,000 residents'}
`),
    )
    expect(m.defaults.handoffDelay).toEqual({dist: 'fixed', value: 8})
    expect(m.units.find((u) => u.id === 'd/urban')?.handoffDelay).toEqual({dist: 'fixed', value: 2})
    expect(m.defaults.spread).toBe(40)
    expect(m.rules.buckPassing).toEqual({refusal: 0.4, maxTransfers: 3, transferEffort: {dist: 'fixed', value: 1}, arbitrationEffort: {dist: 'fixed', value: 2}})
    expect(m.rules.hotline).toEqual({centres: ['d/urban'], dispatchEffort: {dist: 'fixed', value: 0.25}, dispatchTime: {dist: 'fixed', value: 2}, deadline: 40})
    const [survey, check, stall] = m.tasks
    expect(survey.effortPer).toEqual({size: 1000, basis: 'households'})
    expect(check).toMatchObject({spread: 80, inspectorEffort: {dist: 'fixed', value: 1}})
    // Without candidates, the departments holding any needed power.
    expect(stall.contested).toEqual({share: 0.3, candidates: ['d/urban']})
    expect(m.demand[0].contested).toEqual({share: 0.5, candidates: ['d/urban', 'd/market'], owner: ['d/urban']})
    expect(m.demand[0].effortPer).toEqual({size: 1000, basis: 'residents'})
  })

  it('locates every bad value: shares outside [0, 1], candidates matching nothing, negative delays, maxTransfers below 1', async () => {
    const f = tempModel(`${UNITS}
defaults: {handoffDelay: -2h}
rules:
  buckPassing: {refusal: 1.5, maxTransfers: 0}
tasks:
  - {id: a, issuer: d/urban, target: community, every: 1mo, effort: 1h, contested: {share: 1.2}}
  - {id: b, issuer: d/urban, target: community, every: 1mo, effort: 1h, contested: {share: 0.2, candidates: nobody}}
  - {id: e, issuer: d/urban, target: community, every: 1mo, effort: 1h, per: 0 households}
`)
    const lines = errorsOf(await problemsOf(f)).map((p) => `${p.line} ${p.path}: ${p.message}`)
    expect(lines).toEqual([
      '18 defaults.handoffDelay: expected a duration such as 30m, 6h, 5d, 2w, 1mo, 1y, or a number of hours',
      '20 rules.buckPassing.refusal: must be between 0 and 1',
      '20 rules.buckPassing.maxTransfers: must be at least 1',
      '22 tasks[0].contested.share: must be between 0 and 1',
      '24 tasks[2].per: the number of households or residents must be above 0',
    ])
    // The schema pass stops before references are resolved; fix it and the references show.
    const g = tempModel(`${UNITS}
tasks:
  - {id: b, issuer: d/urban, target: community, every: 1mo, effort: 1h, contested: {share: 0.2, candidates: nobody}}
  - {id: c, issuer: d/urban, target: community, every: 1mo, effort: 1h, contested: {share: 0.2}}
`)
    const refs = errorsOf(await problemsOf(g)).map((p) => `${p.line} ${p.path}: ${p.message}`)
    expect(refs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\d+ tasks\[0\]\.contested\.candidates: candidates `nobody` match no unit$/),
        '20 tasks[1].contested: no department holds any of the powers this item needs, so nobody can be a candidate',
      ]),
    )
  })

  it('refuses campaign fields on tasks that are not inspections', async () => {
    const f = tempModel(`${UNITS}
tasks:
  - {id: e, issuer: d/urban, target: community, every: 1mo, effort: 1h, spread: 1w, inspectorEffort: 1h}
`)
    expect(errorsOf(await problemsOf(f)).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'tasks[0].spread: `spread` applies only to inspections (`kind: inspection`)',
      'tasks[0].inspectorEffort: `inspectorEffort` applies only to inspections (`kind: inspection`)',
    ])
  })
})
