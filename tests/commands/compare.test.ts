// `loudou compare` in-process through oclif: exit codes, --json keys, CSV, the human table and
// located errors (the built commands in dist/; `npm test` builds first).
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {validate} from '../helpers/json-schema.js'
import {ROOT, runCommand} from '../helpers/run-command.js'

const fx = (name: string) => join('tests', 'scenario', 'fixtures', name)

const cli = (...args: string[]) => runCommand(args)

const FAST = ['--replications', '3', '--horizon', '300', '--workers', '1']

describe('loudou compare', () => {
  it('prints JSON with the paired comparison of every scenario', async () => {
    const r = await cli('compare', fx('mini.yaml'), fx('good.yaml'), ...FAST, '--json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(validate(JSON.parse(readFileSync(join(ROOT, 'schemas', 'compare.schema.json'), 'utf8')), out)).toEqual([])
    expect(Object.keys(out)).toEqual(['seed', 'replications', 'horizon', 'warmup', 'warmupChoice', 'hoursPerDay', 'metrics', 'baseline', 'scenarios', 'warnings'])
    expect(out.warmupChoice.method).toMatch(/^(mser-5|light-load)$/)
    expect([out.seed, out.replications, out.horizon]).toEqual([1, 3, 300])
    expect(out.baseline).toMatchObject({id: 'mini', file: fx('mini.yaml')})
    const [s] = out.scenarios
    expect(s).toMatchObject({id: 'good', name: 'catalogue and flatten'})
    expect(s.changes.map((c: {reform: string}) => c.reform)).toEqual(['access-catalogue', 'flatten'])
    expect(s.rows.map((row: {id: string}) => row.id)).toEqual(out.metrics)
    const hops = s.rows.find((row: {id: string}) => row.id === 'relayHops')
    expect(Object.keys(hops).sort()).toEqual(['baseline', 'change', 'en', 'hi', 'id', 'kind', 'lo', 'n', 'noChange', 'scenario', 'sd', 'significant', 'unit', 'zh'])
    expect(hops.scenario).toBe(0)
    expect(hops.baseline).toBeGreaterThan(0)
    expect(hops.n).toBe(3)
    expect(hops.significant).toBe(true)
  })

  it('prints CSV for the chosen metrics', async () => {
    const args = ['compare', fx('mini.yaml'), fx('good.yaml'), ...FAST, '--metrics', 'community.utilisation,relayHops', '--csv']
    const a = await cli(...args)
    expect(a.code).toBe(0)
    const lines = a.stdout.trim().split('\n')
    expect(lines[0]).toBe('scenario,metric,label,unit,baseline,scenario_value,change,lo,hi,significant,n,no_change')
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['good,community.utilisation', 'good,relayHops'])
    expect(lines).toHaveLength(3)
  })

  it('prints a table with the change log, a marker and headings in the chosen language', async () => {
    const en = await cli('compare', fx('mini.yaml'), fx('good.yaml'), ...FAST, '--metrics', 'relayHops,alignment')
    expect(en.code).toBe(0)
    expect(en.stdout).toContain('scenario: catalogue and flatten (good)')
    expect(en.stdout).toContain('  flatten: street tier removed: 2 units (8 staff)')
    expect(en.stdout).toMatch(/metric\s+baseline\s+scenario\s+change\s+95% CI \(paired\)/)
    expect(en.stdout).toMatch(/Relay hops per item\s+[\d.]+\s+0\.000\s+-[\d.]+\s+\[-[\d.]+, -[\d.]+\]\s+\*/)
    expect(en.stdout).toContain('* the paired 95% CI excludes zero (3 paired replications, seed 1')
    const zh = await cli('compare', fx('mini.yaml'), fx('good.yaml'), ...FAST, '--metrics', 'relayHops', '--lang', 'zh')
    expect(zh.stdout).toMatch(/指标\s+基线\s+情景\s+变化/)
    expect(zh.stdout).toContain('每事项转手次数')
  })

  it('locates problems in a scenario file and exits 1 without a stack trace', async () => {
    const r = await cli('compare', fx('mini.yaml'), fx('bad-params.yaml'), ...FAST)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(`${fx('bad-params.yaml')}:7:12 reforms[1].type: unknown reform \`flaten\``)
    expect(r.stderr).toMatch(/bad-params\.yaml:8:\d+ reforms\[2\]\.leakage: /)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    const fit = await cli('compare', fx('mini.yaml'), fx('bad-fit.yaml'), ...FAST)
    expect(fit.code).toBe(1)
    expect(fit.stderr).toContain('bad-fit.yaml:9:41 reforms[1].groups[0][1]: merge: district/street-2/community-1 has parent')
  })

  it('treats unknown metrics and a missing scenario as usage errors (exit 2)', async () => {
    const metric = await cli('compare', fx('mini.yaml'), fx('good.yaml'), '--metrics', 'nope')
    expect(metric.code).toBe(2)
    expect(metric.stderr).toContain('unknown metric: nope')
    expect((await cli('compare', fx('mini.yaml'))).code).toBe(2)
  })
})
