// Limits on task replication, efforts whose distribution cannot be sampled as written, and
// territories that no task can reach.
import {describe, expect, it} from 'vitest'
import {loadModel, loadModelWithWarnings} from '../../src/model/load.js'
import {errorsOf, problemsOf, tempModel} from './helpers.js'

const UNITS = `
units:
  - id: d
    kind: government
    tier: district
    children:
      - {id: c, kind: community, tier: community, residents: 1000}
`

describe('task count', () => {
  it('refuses a hostile task count before making any task, located at the count', async () => {
    const file = tempModel(`${UNITS}tasks:
  - {id: a, issuer: d, target: community, every: 1mo, effort: 1h}
  - {id: b, issuer: d, target: community, every: 1mo, effort: 1h, count: 100000000000}
`)
    const errors = errorsOf(await problemsOf(file))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({file, line: 12, column: 74, path: 'tasks[1].count'})
    expect(errors[0].message).toBe('the tasks expand to 100,000,000,001, more than the limit of 1,000,000')
  })

  it('counts tasks against --max-units unless maxTasks is given', async () => {
    const file = tempModel(`${UNITS}tasks:
  - {id: a, issuer: d, target: community, every: 1mo, effort: 1h, count: 5}
`)
    const errors = errorsOf(await problemsOf(file, {maxUnits: 4}))
    expect(errors.map((p) => p.message)).toEqual(['the tasks expand to 5, more than the limit of 4'])
    const m = await loadModel(file, {maxUnits: 4, maxTasks: 5})
    expect(m.tasks.map((t) => t.id)).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'a-5'])
  })
})

describe('effort distributions', () => {
  it('needs a triangular effort ordered min ≤ mode ≤ max, in the model clock', async () => {
    // With 6-hour days, 1d = 6h: min 1d ≤ mode 7h holds; under the default 8h day it would not.
    const ok = tempModel(`clock: {hoursPerDay: 6}${UNITS}tasks:
  - {id: a, issuer: d, target: community, every: 1mo, effort: {dist: triangular, min: 1d, mode: 7h, max: 2d}}
`)
    expect((await loadModel(ok)).tasks[0].effort).toEqual({dist: 'triangular', min: 6, mode: 7, max: 12})

    const bad = tempModel(`${UNITS}tasks:
  - {id: a, issuer: d, target: community, every: 1mo, effort: {dist: triangular, min: 5h, mode: 1h, max: 2h}}
`)
    const [p] = errorsOf(await problemsOf(bad))
    expect(p).toMatchObject({line: 11, column: 63, path: 'tasks[0].effort'})
    expect(p.message).toBe('a triangular effort needs min ≤ mode ≤ max (here 5h, 1h, 2h)')
  })

  it('needs a positive mean for a lognormal effort that varies', async () => {
    const file = tempModel(`${UNITS}demand:
  - {id: q, at: community, rate: 1/1000/mo, effort: {dist: lognormal, mean: 0, sd: 1h}}
`)
    const [p] = errorsOf(await problemsOf(file))
    expect(p).toMatchObject({line: 11, column: 53, path: 'demand[0].effort'})
    expect(p.message).toBe('a lognormal effort with `sd` above 0 needs a `mean` above 0')
  })

  it('checks the efforts of defaults and rules too', async () => {
    const file = tempModel(`defaults:
  relayEffort: {dist: triangular, min: 1h, mode: 30m, max: 2h}
rules:
  reportEffort: {dist: lognormal, mean: 0, sd: 1m}
${UNITS}`)
    const errors = errorsOf(await problemsOf(file))
    expect(errors.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual([
      '4:16 defaults.relayEffort',
      '6:17 rules.reportEffort',
    ])
  })
})

describe('territories without a tier', () => {
  it('warns once per written unit, and the model still loads', async () => {
    const file = tempModel(`kinds: [{id: village, territorial: true}]
units:
  - {id: s, count: 3, kind: street}
  - {id: v, kind: village, parent: s-1}
  - {id: ngo, kind: social-org}
`)
    const {model, warnings} = await loadModelWithWarnings(file)
    expect(model.units).toHaveLength(5)
    expect(warnings.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`)).toEqual([
      '5:29 units[0].kind: a `street` unit without `tier` is never the target of a task',
      '6:19 units[1].kind: a `village` unit without `tier` is never the target of a task',
    ])
  })
})
