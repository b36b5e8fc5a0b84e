import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatProblem} from '../../src/model/problems.js'
import {FIXTURES, errorsOf, problemsOf, tempModel} from './helpers.js'

const file = join(FIXTURES, 'invalid', 'schema-errors.yaml')

describe('schema errors', () => {
  it('reports every problem of a file, each with file, line, column and path', async () => {
    const problems = await problemsOf(file)
    const lines = problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`)
    expect(lines).toEqual([
      '2:5 id: a model id may contain only lower-case letters, digits and `-`',
      '3:22 clock.hoursPerDay: a day has at most 24 hours',
      '7:11 units[0].tier: expected a tier: city, district, street, community, grid',
      '8:12 units[0].staff: must not be negative',
      '10:38 units[0].children[0].powerz: unknown key `powerz`',
      '11:5 units[1].id: `id` is required',
      '16:12 tasks[0].every: expected a duration such as 30m, 6h, 5d, 2w, 1mo, 1y, or a number of hours',
      '17:20 tasks[0].effort.dist: expected `dist: fixed | exp | lognormal | triangular`',
      '19:24 tasks[1].issuer[1]: expected a selector: an id, an id glob, or {kind, tier, domain, id, label, within}',
      '22:13 tasks[1].effort.sd: `sd` is required',
      '23:15 tasks[1].contacts: must be between 0 and 1',
      '25:34 demand[0].rate: expected a rate per 1,000 residents such as 3/1000/mo, or a number per resident-hour',
    ])
    for (const p of problems) {
      expect(p.file).toBe(file)
      expect(p.severity).toBe('error')
      expect(p.hint).toBeTruthy()
    }
  })

  it('formats a problem as file:line:col path: message, with the hint below', async () => {
    const [first] = await problemsOf(file)
    expect(formatProblem(first)).toBe(
      `${file}:2:5 id: a model id may contain only lower-case letters, digits and \`-\`\n    hint: check the format of this value`,
    )
  })

  it('checks the format version', async () => {
    expect((await problemsOf(join(FIXTURES, 'hostile', 'no-version.yaml')))[0]).toMatchObject({line: 1, message: 'missing `loudou: 1` (the format version)'})
    expect((await problemsOf(join(FIXTURES, 'hostile', 'version-2.yaml')))[0]).toMatchObject({line: 1, column: 9, path: 'loudou', message: 'unsupported format version 2'})
  })

  it('requires the model id', async () => {
    const p = await problemsOf(join(tempModel(''), '..', 'none.yaml'))
    expect(p[0].message).toMatch(/no such file/)
    const noId = tempModel('', {'noid.yaml': 'loudou: 1\nname: x\n'})
    expect(errorsOf(await problemsOf(join(noId, '..', 'noid.yaml')))[0].message).toBe('missing `id` (the model id)')
  })

  it('explains effort shapes: a bad duration string, a wrong distribution field', async () => {
    const f = tempModel(`
units: [{id: c, kind: community, tier: community}]
tasks:
  - {id: a, issuer: c, target: community, every: 1mo, effort: 3 hours}
  - {id: b, issuer: c, target: community, every: 1mo, effort: {dist: triangular, min: 1h, mode: 2h}}
  - {id: c, issuer: c, target: community, every: 1mo, effort: {dist: exp, mean: 1h, sd: 2h}}
  - {id: d, issuer: c, target: community, every: 1mo, effort: [1h]}
  - {id: e, issuer: c, target: community, every: 1mo}
`)
    const p = await problemsOf(f)
    expect(p.map((x) => `${x.path}: ${x.message}`)).toEqual([
      'tasks[0].effort: expected a duration such as 30m, 6h, 5d, 2w, 1mo, 1y, or a number of hours',
      'tasks[1].effort.max: `max` is required',
      'tasks[2].effort.sd: unknown key `sd`',
      'tasks[3].effort: expected an effort: a duration (6h) or {dist: exp|lognormal|triangular|fixed, …}',
      'tasks[4].effort: `effort` is required',
    ])
  })

  it('checks vocabularies, kinds and relation types', async () => {
    const f = tempModel(`
powers: [ok, {id: Bad Power}]
kinds: [{id: team, territorial: maybe}]
relations: [{type: befriends, from: a, to: b}]
`)
    const p = await problemsOf(f)
    expect(p.map((x) => `${x.line} ${x.path}: ${x.message}`)).toEqual([
      '4 powers[1].id: an id may contain only letters, digits, `.`, `_` and `-`',
      '5 kinds[0].territorial: expected true or false',
      '6 relations[0].type: expected a relation type: leads, coordinates, contracts, shares-data, summons',
    ])
  })
})
