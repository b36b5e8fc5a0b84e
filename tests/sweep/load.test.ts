// Bad sweep input: every problem is located (file:line:column and path), names the factor and
// value, and comes before anything runs.
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ModelError} from '../../src/model/problems.js'
import type {Problem} from '../../src/model/problems.js'
import {loadSweep} from '../../src/sweep/index.js'
import {runCommand} from '../helpers/run-command.js'

const FIXTURES = join(import.meta.dirname, 'fixtures')
const dir = mkdtempSync(join(tmpdir(), 'loudou-sweep-load-'))

function sweepFile(name: string, factors: string, head = ''): string {
  const file = join(dir, `${name}.yaml`)
  writeFileSync(file, `loudou: 1\nid: ${name}\nname: ${name}\nbase: ${join(FIXTURES, 'catalogue.yaml')}\nreplications: 2\nhorizon: 100\n${head}factors:\n${factors}`)
  return file
}

function problems(file: string): Problem[] {
  try {
    loadSweep(file)
  } catch (error) {
    if (error instanceof ModelError) return error.problems
    throw error
  }
  throw new Error('expected the sweep to be refused')
}

describe('sweep file errors', () => {
  it('a path that matches nothing', () => {
    const f = sweepFile('nothing', '  - {id: a, path: units.staf, values: [1]}\n  - {id: b, path: "reforms[3].leakage", values: [0.1]}\n  - {id: c, path: units.staff, select: {kind: school}, values: [1]}\n  - {id: d, path: "reforms[0].leakag", values: [0.1]}\n  - {id: e, path: defaults.nothing, values: [1]}\n')
    const ps = problems(f)
    expect(ps.map((p) => [p.line, p.path])).toEqual([[8, 'factors[0].path'], [9, 'factors[1].path'], [10, 'factors[2].select'], [11, 'factors[3].path'], [12, 'factors[4].path']])
    expect(ps[0].message).toBe('factor a: units have no field `staf` a sweep can vary')
    expect(ps[0].hint).toBe('fields of units: staff, residents, households')
    expect(ps[1].message).toBe('factor b: the base scenario has no reform [3]')
    expect(ps[1].hint).toBe('its reforms: reforms[0] (access-catalogue)')
    expect(ps[2].message).toBe('factor c: the selector matches no unit of the model')
    expect(ps[3].message).toBe('factor d: reform access-catalogue has no parameter `leakag`')
    expect(ps[4].message).toBe('factor e: the model has no `defaults.nothing`')
    expect(ps.every((p) => p.file === f && p.column > 0)).toBe(true)
  })

  it('a value of the wrong type', () => {
    const ps = problems(sweepFile('type', '  - id: staff\n    path: units.staff\n    values: [4, ten]\n  - {id: effort, path: tasks.effort, values: [2h, lots]}\n'))
    expect(ps.map((p) => `${p.line}:${p.column} ${p.path} ${p.message}`)).toEqual([
      '10:17 factors[0].values[1] factor staff: expected a number (at least 0), got "ten"',
      '11:51 factors[1].values[1] factor effort: expected a duration such as 6h, 2d or a number of hours, got "lots"',
    ])
  })

  it('a range with from > to, and a grid range without steps', () => {
    const ps = problems(sweepFile('range', '  - {id: leakage, path: "reforms[0].leakage", range: {from: 0.5, to: 0.1, steps: 3}}\n  - {id: staff, path: units.staff, range: {from: 4, to: 8}}\n'))
    expect(ps.map((p) => [p.path, p.message])).toEqual([
      ['factors[0].range', 'factor leakage: the range runs backwards (from 0.5 is greater than to 0.1)'],
      ['factors[1].range', 'factor staff: a grid needs `steps` in the range, or a list of values'],
    ])
  })

  it('values the model cannot take: negative staff, a share above 1 (found by the reform), a word not allowed', () => {
    const ps = problems(sweepFile('cannot', '  - {id: staff, path: units.staff, select: {kind: community}, values: [6, -2]}\n  - {id: leakage, path: "reforms[0].leakage", values: [0.2, 1.5]}\n  - {id: rule, path: rules.responsibility, values: [split, nobody]}\n'))
    expect(ps.map((p) => [p.path, p.message])).toEqual([
      ['factors[0].values[1]', 'factor staff: must not be negative, got -2'],
      ['factors[2].values[1]', 'factor rule: expected one of territorial, split, got "nobody"'],
    ])
    // The reform checks its own parameters once the model-level values are fine.
    const leak = problems(sweepFile('leak', '  - {id: leakage, path: "reforms[0].leakage", values: [0.2, 1.5]}\n'))
    expect(leak).toHaveLength(1)
    expect(leak[0]).toMatchObject({line: 8, path: 'factors[0].values[1]', message: 'factor leakage = 1.5: access-catalogue: must be between 0 and 1'})
  })

  it('the schema: unknown keys, an unknown metric, odd Morris levels, a reserved id', () => {
    const ps = problems(sweepFile('schema', '  - {id: value, path: units.staff, values: [1]}\n', 'design: morris\nlevels: 3\nmetrics: [community.wait, community.nothing]\n'))
    expect(ps.map((p) => [p.path, p.message])).toEqual([
      ['metrics[1]', 'unknown metric `community.nothing`'],
      ['levels', 'Morris needs an even number of levels, got 3'],
      ['factors[0].id', '`value` names a column of the tidy table'],
    ])
    const typo = problems(sweepFile('typo', '  - {id: a, path: units.staff, valus: [1]}\n'))
    expect(typo[0].message).toBe('unknown key `valus`')
  })

  it('the command exits 1 with the located problems and writes nothing', async () => {
    const out = join(dir, 'never.parquet')
    const r = await runCommand(['sweep', sweepFile('cmd', '  - {id: staff, path: units.staff, values: [-1]}\n'), '--parquet', out])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/cmd\.yaml:8:\d+ factors\[0\]\.values\[0\]: factor staff: must not be negative, got -1/)
    expect(r.stderr).toContain('1 problem found.')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(out)).toBe(false)
  })
})
