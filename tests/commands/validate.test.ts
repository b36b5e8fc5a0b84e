// `loudou validate` in-process through oclif (the built commands in dist/, built by `npm test`).
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runCommand} from '../helpers/run-command.js'

const FIX = join(ROOT, 'tests', 'fixtures', 'model')

const run = (...args: string[]) => runCommand(['validate', ...args])

describe('loudou validate', () => {
  it('exits 0 with a one-line summary on stderr for a valid model', async () => {
    const r = await run('tests/fixtures/model/valid/classroom.yaml')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    // The fixture's urban-management department has more work than staff: a warning, not an error.
    expect(r.stderr).toBe('tests/fixtures/model/valid/departments.yaml:4:5 units[1]: warning: unit `dept-urban` has a nominal load of 173% (3,456 hours of work a year for 2,000 staff hours): its line grows without end and results depend on the horizon\n    hint: add staff, send it less work, or try a reform that moves work elsewhere\nclassroom: valid — 14 units, 3 tasks, 1 demand, 3 relations, 1 warning\n')
  })

  it('speaks Chinese with --lang zh', async () => {
    const r = await run('tests/fixtures/model/valid/classroom.yaml', '--lang', 'zh')
    expect(r.stderr).toMatch(/^tests\/fixtures\/model\/valid\/departments\.yaml:4:5 units\[1\]: 警告：单位 `dept-urban` 的名义负荷为 173%/)
    expect(r.stderr).toMatch(/\n    提示：增加人员/)
    expect(r.stderr).toMatch(/classroom：有效 — 14 个单位，3 项任务，1 类诉求，3 条关系，1 条警告\n$/)
  })

  it('exits 1 and prints every problem as file:line:col path: message with a hint, no stack trace', async () => {
    const r = await run('tests/fixtures/model/invalid/schema-errors.yaml')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines[0]).toBe('tests/fixtures/model/invalid/schema-errors.yaml:2:5 id: a model id may contain only lower-case letters, digits and `-`')
    expect(lines[1]).toBe('    hint: check the format of this value')
    expect(r.stderr).toContain('tests/fixtures/model/invalid/schema-errors.yaml:11:5 units[1].id: `id` is required\n')
    expect(lines.at(-1)).toBe('12 problems found.')
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
  })

  it('refuses hostile files cleanly', async () => {
    for (const f of ['alias-bomb.yaml', 'nul-bytes.yaml', 'huge-count.yaml', 'escape-include.yaml']) {
      const r = await run(join('tests/fixtures/model/hostile', f))
      expect(r.code, f).toBe(1)
      expect(r.stderr, f).toMatch(new RegExp(`^tests/fixtures/model/hostile/${f.replace('.', '\\.')}:\\d+:\\d+ `, 'm'))
      expect(r.stderr, f).not.toMatch(/\n\s+at /)
    }
  })

  it('reports a missing file as a problem (exit 1)', async () => {
    const r = await run('no/such/model.yaml')
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('no/such/model.yaml:1:1 cannot read the file: no such file\n    hint: check the path\n1 problem found.\n')
  })

  it('--max-units lowers or raises the limit', async () => {
    expect((await run('tests/fixtures/model/valid/classroom.yaml', '--max-units', '10')).stderr).toMatch(/expands to 14 units, more than the limit of 10/)
    expect((await run('tests/fixtures/model/valid/classroom.yaml', '--max-units', '14')).code).toBe(0)
  })

  it('--json prints {valid, problems, counts} on stdout', async () => {
    const ok = await run('tests/fixtures/model/valid/classroom.yaml', '--json')
    expect(ok.code).toBe(0)
    const okJson = JSON.parse(ok.stdout)
    expect(okJson).toMatchObject({valid: true, problems: [], counts: {units: 14, tasks: 3, demand: 1, relations: 3}})
    expect(okJson.warnings).toEqual([expect.objectContaining({code: 'overloaded', unit: 'dept-urban', file: 'tests/fixtures/model/valid/departments.yaml', line: 4, column: 5})])
    const bad = await run(join(FIX, 'invalid', 'crossref-errors.yaml'), '--json')
    expect(bad.code).toBe(1)
    const out = JSON.parse(bad.stdout)
    expect(out.valid).toBe(false)
    expect(out.counts).toBeNull()
    expect(out.problems).toHaveLength(17)
    expect(out.problems[0]).toEqual({
      file: join(FIX, 'invalid', 'crossref-errors.yaml'),
      line: 5,
      column: 9,
      path: 'kinds[0]',
      message: '`street` is a built-in kind',
      hint: 'declare only custom kinds; built-in ones need no declaration',
      severity: 'error',
    })
    expect(out.problems.filter((p: {severity: string}) => p.severity === 'warning')).toHaveLength(2)
  })

  it('prints warnings of a valid model before the summary', async () => {
    const r = await run(join(FIX, 'valid', 'warnings.yaml'))
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/warnings\.yaml:\d+:\d+ tasks\[0\]\.target: warning: no unit of tier `grid`/)
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('warned: valid — 1 units, 1 tasks, 0 demand, 0 relations, 1 warning')
  })

  it('is a usage error (exit 2) without a model argument', async () => {
    expect((await run()).code).toBe(2)
  })
})
