// `loudou simulate --unit`: the units' simulated hours, waits and lead times by item.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {validate} from '../helpers/json-schema.js'
import {ROOT, runCommand} from '../helpers/run-command.js'

const MODEL = 'tests/helpers/fixtures/funnel.yaml'
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas', 'simulate.schema.json'), 'utf8'))
const RUN = ['--replications', '2', '--horizon', '1y', '--seed', '5', '--workers', '1']

describe('loudou simulate --unit', () => {
  it("reports a community's simulated hours by item, close to the nominal hours inspect books", async () => {
    const r = await runCommand(['simulate', MODEL, '--unit', 'district/street-1/community-1', '--json', ...RUN])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    const focus = out.flow.focus
    expect(validate({...SCHEMA.properties.flow.properties.focus, $defs: SCHEMA.$defs}, focus)).toEqual([])
    expect(focus).toMatchObject({selector: 'district/street-1/community-1', units: ['district/street-1/community-1']})
    const task = (id: string) => focus.tasks.find((x: {id: string}) => x.id === id)
    // Nominal (tests/helpers/small-funnel.ts): census 72 h a year, each inspection 16 h, patrol's formal part 25 h.
    expect(task('census').hoursPerYear.mean).toBeGreaterThan(60)
    expect(task('census').hoursPerYear.mean).toBeLessThanOrEqual(72)
    expect(task('check-1').hoursPerYear.mean).toBeGreaterThan(11)
    expect(task('check-1').hoursPerYear.mean).toBeLessThanOrEqual(16)
    // Patrols need a power the community lacks: it starts them, does the formal part, and none ends here.
    expect(task('patrol').startedPerYear.mean).toBeGreaterThan(45)
    expect(task('patrol').completedPerYear.mean).toBe(0)
    expect(task('dispute')).toMatchObject({type: 'request', name: '邻里纠纷'})
  })

  it('prints the nominal and simulated hours side by side, in Chinese with --lang zh', async () => {
    const r = await runCommand(['simulate', MODEL, '--unit', 'tier=street', '--lang', 'zh', ...RUN])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('2 个单位（tier=street）的仿真结果，按事项，每年')
    expect(r.stdout).toMatch(/市容巡查\s+patrol\s+350\s+3\d\d /)
  })

  it('names the unit it cannot find, exit 1, before simulating', async () => {
    const r = await runCommand(['simulate', MODEL, '--unit', 'community-9', ...RUN])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('--unit community-9: no unit of the model matches')
  })
})
