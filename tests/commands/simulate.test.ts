// `loudou simulate` in-process through oclif (the built commands in dist/; `npm test` builds first).
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {validate} from '../helpers/json-schema.js'
import {ROOT, runCommand} from '../helpers/run-command.js'

const MODEL = join(ROOT, 'models/classroom.yaml')
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas/simulate.schema.json'), 'utf8'))
const QUICK = ['--replications', '2', '--horizon', '500h', '--workers', '1']

const cli = (...args: string[]) => runCommand(['simulate', ...args], {LANG: 'en_US.UTF-8'})

describe('loudou simulate', () => {
  it('writes JSON with the DESIGN §6 keys that satisfies the published schema', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'loudou-sim-')), 'flow.json')
    const r = await cli(MODEL, ...QUICK, '--json', '--seed', '9', '--out', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    // Only run-length warnings on stderr (a 500 h run of a loaded model), also in JSON warnings[].
    for (const line of r.stderr.trimEnd().split('\n').filter((l) => l !== '')) expect(line).toMatch(/warning: |^    hint: /)
    const text = readFileSync(out, 'utf8')
    const doc = JSON.parse(text)
    expect(validate(SCHEMA, doc)).toEqual([])
    expect(Object.keys(doc.flow.items)).toEqual(['generated', 'completed', 'rejected', 'unresolved', 'open'])
    expect(doc.flow.units[0]).toHaveProperty('utilisation.mean')
    expect(doc.runs).toBeUndefined()
    const i = doc.flow.items
    expect(i.completed.mean + i.rejected.mean + i.unresolved.mean + i.open.mean).toBeCloseTo(i.generated.mean, 9)
    expect(doc).toMatchObject({seed: 9, replications: 2, horizon: 500, model: {id: 'classroom'}, warmupChoice: {method: 'mser-5'}})
    expect(doc.warmup).toBe(Math.max(...doc.warmupChoice.perReplication))
    // 500 h of a loaded model: a run-length warning (a unit near capacity, or many items still open).
    expect(doc.warnings.map((w: {code: string}) => w.code).filter((c: string) => ['short-run', 'open-items'].includes(c)).length).toBeGreaterThan(0)

    // The same seed on two workers, with every replication: identical apart from `runs`.
    const two = await cli(MODEL, '--replications', '2', '--horizon', '500h', '--workers', '2', '--json', '--seed', '9', '--runs')
    expect(two.code).toBe(0)
    expect(validate(SCHEMA, JSON.parse(two.stdout))).toEqual([])
    const {runs, ...rest} = JSON.parse(two.stdout)
    expect(JSON.stringify(rest, null, 2) + '\n').toBe(text)
    expect(runs).toHaveLength(2)
    const g = runs[0].items
    expect(g.generated).toBe(g.completed + g.rejected + g.unresolved + g.open)
  }, 180_000)

  it('prints tidy CSV rows', async () => {
    const r = await cli(MODEL, ...QUICK, '--csv')
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toBe('replication,unit,tier,kind,metric,value')
    expect(lines.some((l) => /^0,,,,items\.generated,\d+$/.test(l))).toBe(true)
    expect(lines.some((l) => /^1,district\/street-1\/community-1,community,community,utilisation,[\d.]+$/.test(l))).toBe(true)
  })

  it('prints a human summary with the bottlenecks first', async () => {
    const r = await cli(MODEL, ...QUICK)
    expect(r.code).toBe(0)
    const text = r.stdout
    expect(text.indexOf('Bottlenecks')).toBeGreaterThan(0)
    expect(text.indexOf('Bottlenecks')).toBeLessThan(text.indexOf('Items'))
    expect(text.indexOf('Tiers')).toBeLessThan(text.indexOf('Bottlenecks'))
    // Units by name and id: 社区2 · district/street-1/community-2 (Community).
    expect(text).toMatch(/ 1\. \S+ · district\//)
    // A 500 h run of a loaded model: only run-length warnings on stderr, each with its hint.
    for (const line of r.stderr.trimEnd().split('\n').filter((l) => l !== '')) expect(line).toMatch(/warning: |^    hint: /)
  })

  it('speaks Chinese with --lang zh', async () => {
    expect((await cli(MODEL, ...QUICK, '--lang', 'zh')).stdout).toContain('瓶颈')
  })

  it('rejects a malformed duration as a usage error', async () => {
    const r = await cli(MODEL, '--horizon', 'soon')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('--horizon')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect((await cli(MODEL, '--horizon', '10h', '--warmup', '20h')).code).toBe(2)
  })

  it('reports a missing model file with exit code 1 and no stack trace', async () => {
    const r = await cli(join(ROOT, 'models/does-not-exist.yaml'))
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('does-not-exist.yaml')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
