// inspect and simulate take a scenario file as well as a model: the structure and flow of the
// model after the scenario's reforms, with the change log.
import {describe, expect, it} from 'vitest'
import {runCommand} from '../helpers/run-command.js'

describe('a scenario as input', () => {
  it('inspect shows the structure after flattening, and what changed', async () => {
    const base = JSON.parse((await runCommand(['inspect', 'models/classroom.yaml', '--json'])).stdout)
    const r = await runCommand(['inspect', 'scenarios/classroom/flatten.yaml', '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.scenario.changes.map((c: {reform: string}) => c.reform)).toEqual(['flatten'])
    expect(out.scenario.changes[0].lines.join('\n')).toMatch(/street/)
    const tiers = (j: {structure: {funnel: Array<{tier: string; units: number}>}}) => j.structure.funnel.map((f) => f.tier)
    expect(tiers(base)).toContain('street')
    expect(tiers(out)).not.toContain('street')
    expect(out.structure.depth.relayHops.max).toBeLessThan(base.structure.depth.relayHops.max)
  })

  it('inspect prints the change log above the tables', async () => {
    const r = await runCommand(['inspect', 'scenarios/classroom/flatten.yaml'])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toMatch(/^Scenario .* \(based on .*models\/classroom\.yaml\)$/)
  })

  it('simulate runs the reformed model: the access catalogue sends work back up', async () => {
    const args = ['--json', '-r', '2', '--horizon', '400h', '--workers', '1', '--seed', '3']
    const base = JSON.parse((await runCommand(['simulate', 'models/classroom.yaml', ...args])).stdout)
    const r = await runCommand(['simulate', 'scenarios/classroom/access-catalogue.yaml', ...args])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.scenario.id).toBeTruthy()
    expect(out.scenario.changes[0].reform).toBe('access-catalogue')
    const sum = (i: Record<string, {mean: number}>) => i.completed.mean + i.rejected.mean + i.unresolved.mean + i.open.mean
    expect(sum(out.flow.items)).toBeCloseTo(out.flow.items.generated.mean, 9)
    expect(base.scenario).toBeUndefined()
    type Units = Array<{tier?: string; utilisation: {mean: number}}>
    const community = (units: Units) => {
      const c = units.filter((u) => u.tier === 'community')
      return c.reduce((a, u) => a + u.utilisation.mean, 0) / c.length
    }
    expect(community(out.flow.units)).toBeLessThan(community(base.flow.units) - 0.1)
  })
})

describe('errors in the language asked for', () => {
  it('locates a bad scenario and frames the problems in Chinese with --lang zh', async () => {
    const r = await runCommand(['simulate', 'tests/fixtures/model/hostile/version-2.yaml', '--lang', 'zh'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/version-2\.yaml:1:9 loudou: 不支持的格式版本 2\n {4}提示：本版 loudou 读取 `loudou: 1`/)
    expect(r.stderr).toMatch(/发现 1 个问题。/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
