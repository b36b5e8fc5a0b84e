// Scenarios everywhere: validate, export and dashboard take one; every problem of a scenario in
// one pass; `name` optional; compare refuses another model's scenario unless asked; outputs
// carry paths as the user gave them and no date unless asked.
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runCommand} from '../helpers/run-command.js'

const fx = (name: string) => join('tests', 'scenario', 'fixtures', name)
const FAST = ['--replications', '2', '--horizon', '200', '--workers', '1']

describe('scenarios everywhere', () => {
  it('validate checks a scenario whole and says what it is based on', async () => {
    const r = await runCommand(['validate', fx('good.yaml')])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain(`scenario good: based on ${fx('mini.yaml')}, 2 reforms`)
    const json = JSON.parse((await runCommand(['validate', fx('good.yaml'), '--json'])).stdout)
    expect(json).toMatchObject({valid: true, scenario: {id: 'good', base: fx('mini.yaml'), reforms: 2}})
  })

  it('reports every problem of a scenario in one pass: its keys, each reform, its base model', async () => {
    const r = await runCommand(['validate', fx('many-wrongs.yaml'), '--json'])
    expect(r.code).toBe(1)
    const problems = JSON.parse(r.stdout).problems as Array<{file: string; path: string; message: string}>
    const got = problems.map((p) => `${p.file} ${p.path}: ${p.message}`)
    expect(got).toEqual(expect.arrayContaining([
      expect.stringMatching(/many-wrongs\.yaml colour: unknown key `colour`/),
      expect.stringMatching(/many-wrongs\.yaml reforms\[0\]\.type: unknown reform `flaten`/),
      expect.stringMatching(/many-wrongs\.yaml reforms\[1\]\.leakage: /),
      expect.stringMatching(/other\/broken\.yaml units\[0\]\.residnts: unknown key `residnts`/),
    ]))
    expect(problems.every((p) => !p.file.startsWith('/'))).toBe(true)
  })

  it('a scenario needs no name (its id stands in), like a model', async () => {
    const r = await runCommand(['inspect', fx('nameless.yaml'), '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).scenario).toMatchObject({id: 'nameless', name: 'nameless', base: fx('mini.yaml')})
  })

  it('export writes the reformed graph; dashboard runs the base with the reforms on keys', async () => {
    const base = JSON.parse((await runCommand(['export', fx('mini.yaml'), '--format', 'json'])).stdout)
    const flat = JSON.parse((await runCommand(['export', fx('nameless.yaml'), '--format', 'json'])).stdout)
    const ids = (g: {nodes: Array<{key: string}>}) => g.nodes.map((n) => n.key)
    const streets = (g: {nodes: Array<{key: string}>}) => ids(g).filter((k) => /street-\d+$/.test(k))
    expect(streets(base)).toHaveLength(2)
    expect(streets(flat)).toEqual([])
    expect(ids(flat)).toHaveLength(ids(base).length - 2)
    const dash = await runCommand(['dashboard', fx('nameless.yaml'), '--once', '--days', '2'])
    expect(dash.code).toBe(0)
    expect(dash.stdout).toMatch(/flatten/)
  })

  it("compare refuses a scenario of another model unless --allow-other-base", async () => {
    const r = await runCommand(['compare', fx('mini.yaml'), fx('other/flatten.yaml'), ...FAST])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`scenario ${fx('other/flatten.yaml')} is based on ${fx('other/model.yaml')}, not on ${fx('mini.yaml')}`)
    expect(r.stderr).toMatch(/--allow-other-base/)
    const ok = await runCommand(['compare', fx('mini.yaml'), fx('other/flatten.yaml'), ...FAST, '--allow-other-base'])
    expect(ok.code).toBe(0)
    expect(ok.stderr).toMatch(/^note: scenario/m)
  })
})

describe('reproducible bytes', () => {
  it('compare and simulate JSON carry no absolute path', async () => {
    const cmp = await runCommand(['compare', fx('mini.yaml'), fx('good.yaml'), ...FAST, '--json'])
    expect(cmp.code).toBe(0)
    expect(cmp.stdout).not.toContain(ROOT)
    expect(JSON.parse(cmp.stdout).scenarios[0].base).toBe(fx('mini.yaml'))
    const sim = await runCommand(['simulate', fx('good.yaml'), ...FAST, '--json'])
    expect(sim.stdout).not.toContain(ROOT)
  })

  it('the report shows a date only when asked, and the model path as given', async () => {
    const dir = join('.out', 'reports')
    const file = join(dir, `r-${process.pid}.html`)
    const plain = await runCommand(['report', fx('mini.yaml'), '--no-simulate', '--html', file])
    expect(plain.code).toBe(0)
    const {readFileSync} = await import('node:fs')
    const html = readFileSync(join(ROOT, file), 'utf8')
    expect(html).not.toContain(ROOT)
    expect(html).not.toContain(new Date().toISOString().slice(0, 10))
    expect(html).toContain(fx('mini.yaml'))
    const dated = await runCommand(['report', fx('mini.yaml'), '--no-simulate', '--html', file, '--date', '2026-03-02'])
    expect(dated.code).toBe(0)
    expect(readFileSync(join(ROOT, file), 'utf8')).toContain('2026-03-02')
    expect((await runCommand(['report', fx('mini.yaml'), '--no-simulate', '--html', file, '--date', 'March'])).code).toBe(2)
  })
})
