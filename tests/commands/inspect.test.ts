// `loudou inspect` in-process through oclif (the built commands in dist/; `npm test` builds first).
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {validate} from '../helpers/json-schema.js'
import {ROOT, runCommand} from '../helpers/run-command.js'

const MODEL = 'tests/helpers/fixtures/funnel.yaml'
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas', 'inspect.schema.json'), 'utf8'))

const cli = (...args: string[]) => runCommand(['inspect', ...args])

describe('loudou inspect', () => {
  it('prints human tables in English by default', async () => {
    const r = await cli(MODEL)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout.split('\n')[0]).toBe('示范区 (fixture district): 12 units, 28 edges')
    expect(r.stdout).toMatch(/community\s+6\s+72\s+2\s+4\s+1,926\s+144,000\s+1\.3%/)
    expect(r.stdout).toContain('Krackhardt dimensions of the command graph')
  })

  it('prints Chinese with --lang zh', async () => {
    const r = await cli(MODEL, '--lang', 'zh')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('漏斗结构（每年）')
    expect(r.stdout).toMatch(/社区\s+6\s+72\s+2\s+4\s+1,926/)
  })

  it('prints JSON that conforms to the published schema', async () => {
    const r = await cli(MODEL, '--json')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(validate(SCHEMA, out)).toEqual([])
    expect(out.catalogue.categories).toEqual({count: 2, items: {urban: 3, 'civil-affairs': 1}, uncategorised: 0})
    expect(out.catalogue.byKind).toEqual({inspection: 2, enforcement: 1, statistics: 1})
    expect(out.structure.krackhardt).toMatchObject({connectedness: 1, hierarchy: 1, efficiency: 1, lubness: 1})
    expect(out.structure.principals).toMatchObject({mean: 2, min: 2, max: 2})
    // Aligned: 6 × (72 + 32 + 192) at the communities + 600 h of patrols at the urban department;
    // the formal parts (6 × 25) and escalation hops (2 × 150 + 300) are not.
    expect(out.structure.alignment.rate).toBeCloseTo(2376 / 3126, 12)
    expect(out.graph).toMatchObject({nodes: 12, edges: 28})
  })

  it('conforms on the bundled classroom model', async () => {
    const r = await cli('models/classroom.yaml', '--json')
    expect(r.code).toBe(0)
    expect(validate(SCHEMA, JSON.parse(r.stdout))).toEqual([])
  })

  it('writes to --out and leaves stdout empty', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'loudou-inspect-')), 'r.json')
    const r = await cli(MODEL, '--json', '--out', out)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    expect(JSON.parse(readFileSync(out, 'utf8')).model.id).toBe('funnel-fixture')
  })

  it('names file, line, column and path of a bad value, exit 1, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-inspect-'))
    const bad = join(dir, 'bad.yaml')
    writeFileSync(bad, readFileSync(join(ROOT, MODEL), 'utf8').replace('issuer: district/dept-civil', 'issuer: district/dept-nope'))
    const r = await cli(bad)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+ tasks\[0\]\.issuer/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 1 for a missing file and 2 for a bad flag', async () => {
    const missing = await cli('nope.yaml')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('nope.yaml')
    expect((await cli(MODEL, '--lang', 'fr')).code).toBe(2)
  })
})
