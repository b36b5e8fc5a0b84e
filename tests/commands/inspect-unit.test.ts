// `loudou inspect --unit`: why a unit is loaded, in process through oclif.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {validate} from '../helpers/json-schema.js'
import {ROOT, runCommand} from '../helpers/run-command.js'

const MODEL = 'tests/helpers/fixtures/funnel.yaml'
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas', 'inspect-unit.schema.json'), 'utf8'))
const inspect = (...args: string[]) => runCommand(['inspect', MODEL, ...args])

describe('loudou inspect --unit', () => {
  it('explains a community in English: items, issuers, kinds, principals, lacked powers', async () => {
    const r = await inspect('--unit', 'district/street-1/community-1')
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('Why is 社区1 (district/street-1/community-1) loaded?')
    expect(r.stdout).toContain('321 h demanded of 24,000 h available a year: nominal load 1.3%')
    expect(r.stdout).toMatch(/市容巡查\s+patrol\s+enforcement\s+城管\s+城管局\s+50\s+25\s+7\.8%\s+formal part, passes it on/)
    expect(r.stdout).toMatch(/民政局 \(district\/dept-civil\)\s+district\s+department\s+1\s+72\s+22\.4%\s+yes/i)
    expect(r.stdout).toContain('2 units send it work down a channel')
    expect(r.stdout).toMatch(/城管执法权 \(enforce\.urban-management\)\s+市容巡查\s+50\s+25\s+城管局 \(district\/dept-urban\)/)
  })

  it('speaks Chinese with --lang zh, with the model\'s category names', async () => {
    const r = await inspect('--unit', 'district/street-1/community-1', '--lang', 'zh')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('社区1 (district/street-1/community-1) 为什么负荷重？')
    expect(r.stdout).toMatch(/市容巡查\s+patrol\s+执法\s+城管\s+城管局\s+50\s+25\s+7\.8%\s+形式办理后上报/)
    expect(r.stdout).toContain('所接工作需要而它没有的职权')
    expect(r.stdout).not.toMatch(/formal part|issued by|per year/)
  })

  it('finds units by name, glob or selector and adds their hours up', async () => {
    const byName = await inspect('--unit', '街道1', '--json')
    expect(JSON.parse(byName.stdout).unit.units.map((u: {id: string}) => u.id)).toEqual(['district/street-1'])
    const glob = JSON.parse((await inspect('--unit', 'district/*/community-1', '--json')).stdout)
    expect(glob.unit.units).toHaveLength(2)
    expect(glob.unit.demandedHours).toBeCloseTo(642, 9)
    const sel = await inspect('--unit', 'tier=community,kind=community')
    expect(sel.stdout).toContain('Why are these 6 units loaded? (tier=community,kind=community)')
    expect(sel.stdout).toContain('1,926 h demanded of 144,000 h available')
    const yaml = JSON.parse((await inspect('--unit', '{tier: street}', '--json')).stdout)
    expect(yaml.unit.units).toHaveLength(2)
  })

  it('prints JSON that conforms to schemas/inspect-unit.schema.json', async () => {
    for (const unit of ['district/street-1/community-1', 'district/street-1', 'district/dept-urban', 'tier=district']) {
      const r = await inspect('--unit', unit, '--json')
      expect(r.code).toBe(0)
      expect(validate(SCHEMA, JSON.parse(r.stdout))).toEqual([])
    }
    const shipped = await runCommand(['inspect', 'models/classroom.yaml', '--unit', 'tier=community', '--json'])
    expect(validate(SCHEMA, JSON.parse(shipped.stdout))).toEqual([])
  })

  it('says which unit was meant when none matches, exit 1', async () => {
    const r = await inspect('--unit', 'community-1')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('--unit community-1: no unit of the model matches; did you mean `district/street-1/community-1`')
    const zh = await inspect('--unit', 'nowhere', '--lang', 'zh')
    expect(zh.code).toBe(1)
    expect(zh.stderr).toContain('--unit nowhere：模型中没有匹配的单位')
    const key = await inspect('--unit', 'tiers=street')
    expect(key.code).toBe(1)
    expect(key.stderr).toContain('unknown selector key tiers')
  })
})
