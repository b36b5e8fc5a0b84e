import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ModelError, formatProblem} from '../../src/model/problems.js'
import {isScenarioFile, loadModelOrScenario, loadScenario} from '../../src/scenario/load.js'

const fx = (name: string) => join(import.meta.dirname, 'fixtures', name)

async function problems(name: string): Promise<string[]> {
  try {
    await loadScenario(fx(name))
  } catch (e) {
    if (e instanceof ModelError) return e.problems.map((p) => formatProblem(p))
    throw e
  }
  throw new Error('loaded without error')
}

describe('loadScenario', () => {
  it('loads the base relative to the scenario and applies the reforms in order', async () => {
    const s = await loadScenario(fx('good.yaml'))
    expect(s.scenario).toMatchObject({id: 'good', name: 'catalogue and flatten', description: 'two reforms in a row', base: fx('mini.yaml')})
    expect(s.scenario.reforms.map((r) => r.type)).toEqual(['access-catalogue', 'flatten'])
    // Defaults are filled in.
    expect(s.scenario.reforms[1].params).toEqual({tier: 'street', staffTo: 'children', tasksTo: 'parent', departmentsTo: 'parent'})
    expect(s.baseline.units.filter((u) => u.tier === 'street')).toHaveLength(2)
    expect(s.model.units.filter((u) => u.tier === 'street')).toHaveLength(0)
    expect(s.model.tasks.find((t) => t.id === 'check')?.gate).toEqual({tier: 'community', leakage: 0.2, otherwise: 'return'})
    expect(s.changes.map((c) => c.reform)).toEqual(['access-catalogue', 'flatten'])
    expect(s.changes[1].lines[0]).toBe('street tier removed: 2 units (8 staff)')
    // Street staff split over their communities: 6 + 4/2 = 8 each.
    expect(s.model.units.filter((u) => u.tier === 'community').map((u) => u.staff)).toEqual([8, 8, 8, 8])
  })

  it('locates an unknown reform and bad parameters, all at once', async () => {
    const out = await problems('bad-params.yaml')
    expect(out[0]).toMatch(/bad-params\.yaml:7:12 reforms\[1\]\.type: unknown reform `flaten`\n    hint: known reforms: flatten, merge, access-catalogue/)
    expect(out.some((p) => /bad-params\.yaml:8:\d+ reforms\[2\]\.leakage: /.test(p))).toBe(true)
    expect(out.some((p) => /bad-params\.yaml:8:\d+ reforms\[2\]\.otherwise: .*\n    hint: use one of: return, abolish/.test(p))).toBe(true)
  })

  it('locates parameters that do not fit the model', async () => {
    const out = await problems('bad-fit.yaml')
    expect(out).toHaveLength(1)
    expect(out[0]).toMatch(/bad-fit\.yaml:9:41 reforms\[1\]\.groups\[0\]\[1\]: merge: district\/street-2\/community-1 has parent district\/street-2/)
  })

  it('locates a missing base and top-level mistakes', async () => {
    expect((await problems('bad-base.yaml'))[0]).toMatch(/bad-base\.yaml:4:7 base: the base model nowhere\.yaml does not exist/)
    const top = await problems('bad-top.yaml')
    expect(top.some((p) => /bad-top\.yaml:2:5 id: a scenario id may contain only/.test(p))).toBe(true)
    // A scenario's name is optional, like a model's.
    expect(top.some((p) => /name: `name` is required/.test(p))).toBe(false)
    expect(top.some((p) => /bad-top\.yaml:5:1 extra: unknown key `extra`/.test(p))).toBe(true)
  })
})

describe('loadModelOrScenario', () => {
  it('tells a scenario from a model', async () => {
    expect(isScenarioFile(fx('good.yaml'))).toBe(true)
    expect(isScenarioFile(fx('mini.yaml'))).toBe(false)
    const plain = await loadModelOrScenario(fx('mini.yaml'))
    expect(plain.scenario).toBeUndefined()
    expect(plain.changes).toEqual([])
    expect(plain.model.id).toBe('mini')
    const sc = await loadModelOrScenario(fx('good.yaml'))
    expect(sc.scenario?.id).toBe('good')
    expect(sc.baseline?.units).toHaveLength(plain.model.units.length)
    expect(sc.changes).toHaveLength(2)
  })
})
