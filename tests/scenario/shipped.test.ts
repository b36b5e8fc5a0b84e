// Every shipped scenario loads against its model and says what it changed.
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {REFORM_TYPES} from '../../src/reforms/index.js'
import {loadScenarioSync} from '../../src/scenario/load.js'

const dir = join(import.meta.dirname, '..', '..', 'scenarios')
const files = readdirSync(dir).flatMap((m) => readdirSync(join(dir, m)).map((f) => [m, f] as const))

describe('shipped scenarios', () => {
  it('cover every single reform and the four packages for the classroom model', () => {
    const names = files.filter(([m]) => m === 'classroom').map(([, f]) => f.replace(/\.yaml$/, ''))
    expect(names.sort()).toEqual([...REFORM_TYPES, 'beijing', 'tongling', 'jiangxi', 'burden-reduction'].sort())
  })

  it.each(files)('%s/%s loads and reports its changes', (model, file) => {
    const s = loadScenarioSync(join(dir, model, file))
    expect(s.scenario.id).toBe(`${model}-${file.replace(/\.yaml$/, '')}`)
    expect(s.baseline.id).toBe(model)
    expect(s.changes.length).toBe(s.scenario.reforms.length)
    for (const c of s.changes) expect(c.lines.length).toBeGreaterThan(0)
  })
})
