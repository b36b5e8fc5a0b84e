// Budgets through the commands: a run estimated above --max-events is refused at once, naming
// the task or demand, its rate and the estimate; replications above the maximum are a usage
// error; structural warnings reach validate, inspect and simulate.
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runCommand} from '../helpers/run-command.js'

const FIX = join(ROOT, 'tests/fixtures/model/runaway')

describe('run budgets on the command line', () => {
  it('refuses a million arrivals an hour within seconds, in English and Chinese', async () => {
    const start = performance.now()
    const r = await runCommand(['simulate', join(FIX, 'flood.yaml'), '--workers', '1'])
    expect(performance.now() - start).toBeLessThan(30_000)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/this run would process about 360 billion events over 2,000 working hours × 10 replications, more than the budget of 1 billion \(--max-events\): task `report` is issued 1 million times a working hour and reaches 3 units each time/)
    expect(r.stderr).toMatch(/hint: check `report`'s rate/)
    const zh = await runCommand(['simulate', join(FIX, 'flood.yaml'), '--lang', 'zh'])
    expect(zh.stderr).toMatch(/错误：本次运行在 2,000 工作小时 × 10 次重复中约需处理 3,600亿 个事件，超过预算 10亿/)
    for (const cmd of [['compare', join(FIX, 'flood.yaml'), join(FIX, 'flood.yaml')], ['report', join(FIX, 'flood.yaml'), '--html', join(ROOT, '.out', 'flood.html')]]) {
      const c = await runCommand(cmd)
      expect(c.code, cmd[0]).toBe(1)
      expect(c.stderr, cmd[0]).toMatch(/--max-events/)
    }
  })

  it('--max-events lowers the budget; --replications above 1000 is a usage error', async () => {
    const low = await runCommand(['simulate', join(ROOT, 'models/classroom.yaml'), '--max-events', '1000', '--workers', '1'])
    expect(low.code).toBe(1)
    expect(low.stderr).toMatch(/more than the budget of 1,000 \(--max-events\)/)
    const many = await runCommand(['simulate', join(ROOT, 'models/classroom.yaml'), '--replications', '1000000'])
    expect(many.code).toBe(2)
    expect(many.stderr).toMatch(/1000/)
  })

  it('warns of an overloaded unit in validate, inspect and simulate (stderr and JSON warnings[])', async () => {
    const file = join(FIX, 'overload.yaml')
    const v = await runCommand(['validate', file])
    expect(v.stderr).toMatch(/warning: unit `district\/community` has a nominal load of 3000%/)
    const i = JSON.parse((await runCommand(['inspect', file, '--json'])).stdout)
    expect(i.warnings).toEqual([expect.objectContaining({code: 'overloaded', unit: 'district/community', line: 11, column: 9})])
    const s = JSON.parse((await runCommand(['simulate', file, '--json', '--horizon', '20h', '-r', '2', '--workers', '1'])).stdout)
    expect(s.warnings.map((w: {code: string}) => w.code)).toEqual(['overloaded'])
  })

  it('warns of staff: 0 on a unit that receives work', async () => {
    const {mkdtempSync, writeFileSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'loudou-staff0-'))
    const file = join(dir, 'm.yaml')
    writeFileSync(file, 'loudou: 1\nid: z\nname: Z\nunits:\n  - id: d\n    kind: government\n    tier: district\n    staff: 5\n    children:\n      - {id: c, kind: community, tier: community, staff: 0, residents: 1000}\ntasks:\n  - {id: form, issuer: d, target: community, every: 1mo, effort: 2h}\n')
    const v = await runCommand(['validate', file, '--json'])
    expect(JSON.parse(v.stdout).warnings).toEqual([expect.objectContaining({code: 'staff-zero', unit: 'd/c', line: 10, column: 9})])
    const zh = await runCommand(['validate', file, '--lang', 'zh'])
    expect(zh.stderr).toMatch(/警告：单位 `d\/c` 的 `staff: 0`，却每年收到 24 小时的工作/)
  })
})
