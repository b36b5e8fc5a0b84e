import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModelWithWarnings} from '../../src/model/load.js'
import {FIXTURES, TREE, errorsOf, problemsOf, tempModel} from './helpers.js'

describe('cross-reference errors', () => {
  it('reports every reference problem of the fixture, located', async () => {
    const file = join(FIXTURES, 'invalid', 'crossref-errors.yaml')
    const problems = await problemsOf(file)
    const lines = problems.map((p) => `${p.severity === 'warning' ? 'W ' : ''}${p.line} ${p.path}: ${p.message}`)
    expect(lines).toEqual([
      '5 kinds[0]: `street` is a built-in kind',
      '3 powers[1]: power `mediate` is declared twice',
      '13 units[0].children[2].parent: a nested child may not name a `parent`',
      '12 units[0].children[1].id: duplicate unit id `district/street-1` (first at ' + file + ':11)',
      '11 units[0].children[0].powers[0]: unknown power `fly`',
      '14 units[1].kind: unknown kind `spaceship`',
      '17 units[4].parent: unknown parent `district/street-9`',
      '14 units[1].parent: parent cycle: a → b → c → a',
      '19 relations[0].to: `nobody/here` matches no unit',
      '20 relations[1].responseTime: `responseTime` applies only to `summons` relations',
      '22 tasks[0].issuer: issuer `**/dept-*` matches no unit',
      '23 tasks[1].rate: give either `every` (periodic) or `rate` (Poisson), not both',
      '23 tasks[1].needs[0]: unknown power `teleport`',
      '23 tasks[1].category: unknown category `space`',
      'W 23 tasks[1].target: no unit of tier `grid` lies in the territory of any issuer: the task reaches no one',
      '24 tasks[2]: a task needs `every` (periodic) or `rate` (Poisson)',
      'W 27 demand[0].at: no unit of tier `grid` has residents: this demand never arises',
    ])
    expect(problems.every((p) => p.file === file && p.hint)).toBe(true)
  })

  it('reports duplicate ids that appear only after count expansion', async () => {
    const f = tempModel(`
units:
  - {id: street, count: 3, kind: street}
  - {id: street-2, kind: street}
`)
    expect(errorsOf(await problemsOf(f)).map((p) => `${p.line} ${p.message}`)).toEqual([
      expect.stringMatching(/^6 duplicate unit id `street-2` \(first at .*model.yaml:5\)$/),
    ])
  })

  it('reports duplicate task ids after task count expansion, and duplicate demand ids', async () => {
    const f = tempModel(`${TREE}
tasks:
  - {id: t, count: 2, issuer: district, target: community, every: 1mo, effort: 1h}
  - {id: t-2, issuer: district, target: community, every: 1mo, effort: 1h}
demand:
  - {id: d, at: community, rate: 1/1000/y, effort: 1h}
  - {id: d, at: community, rate: 1/1000/y, effort: 1h}
`)
    expect(errorsOf(await problemsOf(f)).map((p) => `${p.path}: ${p.message.replace(/ \(first.*/, '')}`)).toEqual([
      'tasks[1].id: duplicate task id `t-2`',
      'demand[1].id: duplicate demand id `d`',
    ])
  })

  it('reports a self-parent as a cycle', async () => {
    const f = tempModel('units: [{id: a, kind: team, parent: a}]\nkinds: [team]\n')
    expect(errorsOf(await problemsOf(f)).map((p) => p.message)).toEqual(['parent cycle: a → a'])
  })

  it('reports an unknown tier in a selector and an empty selector list at the schema stage', async () => {
    const f = tempModel(`${TREE}
tasks:
  - {id: t, issuer: {tier: county}, target: community, every: 1mo, effort: 1h}
  - {id: u, issuer: [], target: community, every: 1mo, effort: 1h}
`)
    expect((await problemsOf(f)).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'tasks[0].issuer.tier: expected a tier: city, district, street, community, grid',
      'tasks[1].issuer: an empty selector list',
    ])
  })

  it('reports a `within` that names no unit as a selector matching nothing', async () => {
    const f = tempModel(`${TREE}
relations: [{type: coordinates, from: {kind: department, within: district/street-7}, to: district}]
`)
    expect(errorsOf(await problemsOf(f)).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'relations[0].from: `{kind: department, within: district/street-7}` matches no unit',
    ])
  })

  it('warns, without failing, about a task whose target tier no issuer reaches', async () => {
    const f = tempModel(`${TREE}
tasks:
  - {id: t, issuer: district/street-1, target: grid, every: 1mo, effort: 1h}
  - {id: ok, issuer: district/dept-civil, target: community, every: 1mo, effort: 1h}
`)
    const {model, warnings} = await loadModelWithWarnings(f)
    expect(model.tasks).toHaveLength(2)
    expect(warnings.map((w) => `${w.path}: ${w.severity}`)).toEqual(['tasks[0].target: warning'])
  })

  it('needs unit powers, task needs and demand needs to be declared powers', async () => {
    const f = tempModel(`
categories: [civil]
units: [{id: c, kind: community, tier: community, residents: 10, powers: [mediate]}]
demand: [{id: d, at: community, rate: 1/1000/y, effort: 1h, needs: [mediate], category: civil}]
`)
    expect(errorsOf(await problemsOf(f)).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'units[0].powers[0]: unknown power `mediate`',
      'demand[0].needs[0]: unknown power `mediate`',
    ])
  })

  it('reports a mapping key set in two files', async () => {
    const f = tempModel('clock: {hoursPerDay: 8}\ninclude: more.yaml\n', {'more.yaml': 'clock: {hoursPerDay: 7}\nname: again\n'})
    const p = await problemsOf(f)
    expect(p.map((x) => `${x.file.endsWith('more.yaml')} ${x.line} ${x.path}: ${x.message.replace(/ in .*/, '')}`)).toEqual([
      'true 1 clock.hoursPerDay: `clock.hoursPerDay` is already set',
    ])
  })
})

describe('hints for ids that name no unit', () => {
  it('suggest the full path, the top-level id, or the numbered replicas', async () => {
    const problems = await problemsOf(join(FIXTURES, 'invalid', 'suggestions.yaml'))
    expect(problems.map((p) => `${p.path}: ${p.hint}`)).toEqual([
      'units[1].parent: did you mean `district/dept-urban`?',
      'units[2].parent: did you mean `district/street-1` (replicas of `count` are numbered)?',
      'relations[0].from: did you mean `ngo`?',
      'relations[0].to: did you mean `district/street-1` (replicas of `count` are numbered)?',
    ])
  })
})
