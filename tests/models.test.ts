// The shipped models in models/: each loads, cites its sources, and holds the figures it
// was calibrated on (seed 003's catalogue, seed 002's party structure, Beijing's 162 items).
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {loadModel} from '../src/model/load.js'
import type {Model, Task, Unit} from '../src/model/types.js'

const MODELS = join(import.meta.dirname, '..', 'models')
const modelFiles = readdirSync(MODELS)
  .filter((f) => f.endsWith('.yaml'))
  .sort()

// Each model is loaded once for the whole file.
const loaded = new Map<string, Promise<Model>>()
function load(name: string): Promise<Model> {
  let m = loaded.get(name)
  if (!m) loaded.set(name, (m = loadModel(join(MODELS, name))))
  return m
}

function countTasks(model: Model, pick: (t: Task) => boolean): number {
  return model.tasks.filter(pick).length
}

function countUnits(model: Model, pick: (u: Unit) => boolean): number {
  return model.units.filter(pick).length
}

const isWorkItem = (t: Task): boolean => t.kind !== 'statistics' && t.kind !== 'inspection'
const has = (label: string) => (x: {labels: string[]}): boolean => x.labels.includes(label)

describe('shipped models', () => {
  it('ships the six models and the two benchmark cities', () => {
    expect(modelFiles).toEqual(['beijing-scale.yaml', 'beijing-street.yaml', 'city-scale.yaml', 'classroom.yaml', 'handan-fuxing.yaml', 'shenzhen-funnel.yaml', 'tongling.yaml'])
  })

  for (const file of modelFiles.filter((f) => f !== 'city-scale.yaml' && f !== 'beijing-scale.yaml')) {
    it(`${file} loads, names its sources and has work for its communities`, async () => {
      const model = await load(file)
      expect(model.id).toBe(file.replace(/\.yaml$/, ''))
      expect(model.sources.length).toBeGreaterThan(0)
      expect(model.tasks.length).toBeGreaterThan(0)
      expect(model.demand.length).toBeGreaterThan(0)
      expect(countUnits(model, (u) => u.kind === 'community')).toBeGreaterThan(0)
      // Every community has residents, so resident demand reaches it.
      for (const u of model.units.filter((x) => x.kind === 'community')) expect(u.residents).toBeGreaterThan(0)
    })
  }
})

describe('shenzhen-funnel: the community catalogue of seed 003', () => {
  let model: Model
  beforeAll(async () => {
    model = await load('shenzhen-funnel.yaml')
  })

  it('has 26 categories, 125 work items, 127 statistics items and 121 inspected items', () => {
    expect(new Set(model.tasks.map((t) => t.category)).size).toBe(26)
    expect(model.categories).toHaveLength(26)
    expect(countTasks(model, isWorkItem)).toBe(125)
    expect(countTasks(model, (t) => t.kind === 'statistics')).toBe(127)
    expect(countTasks(model, (t) => t.kind === 'inspection')).toBe(121)
    expect(model.tasks).toHaveLength(125 + 127 + 121)
  })

  it('labels the 125 work items 109 long-term, 16 temporary and 68 social-work', () => {
    expect(countTasks(model, has('long-term'))).toBe(109)
    expect(countTasks(model, has('temporary'))).toBe(16)
    expect(countTasks(model, has('social-work'))).toBe(68)
    // Long-term and temporary partition the work items; statistics and inspections carry neither.
    for (const t of model.tasks) {
      const lt = t.labels.includes('long-term')
      const tmp = t.labels.includes('temporary')
      if (isWorkItem(t)) expect(lt !== tmp, t.id).toBe(true)
      else expect(lt || tmp, t.id).toBe(false)
      if (t.labels.includes('social-work')) expect(isWorkItem(t), t.id).toBe(true)
    }
  })

  it('keeps communities of 15 staff without enforcement powers under 4 streets of 2 districts', () => {
    const communities = model.units.filter((u) => u.kind === 'community')
    expect(communities).toHaveLength(64)
    expect(countUnits(model, (u) => u.kind === 'street')).toBe(8)
    for (const c of communities) {
      expect(c.staff).toBe(15)
      expect(c.powers.filter((p) => p.startsWith('enforce.'))).toEqual([])
    }
  })

  it('has three grid networks for a grid merge, and tasks and demand that need powers', () => {
    for (const net of ['net-police', 'net-urban', 'net-party']) {
      expect(countUnits(model, (u) => u.kind === 'grid' && u.labels.includes(net))).toBe(64)
    }
    expect(countTasks(model, (t) => t.needs.length > 0)).toBeGreaterThan(0)
    expect(model.demand.filter((d) => d.needs.some((p) => p.startsWith('enforce.'))).length).toBeGreaterThan(0)
    expect(countTasks(model, (t) => t.collects.includes('household.size'))).toBeGreaterThan(1)
  })
})

describe('handan-fuxing: the four-level party structure of seed 002', () => {
  let model: Model
  beforeAll(async () => {
    model = await load('handan-fuxing.yaml')
  })

  it('has 10 streets with their party working committees and 112 villages and communities', () => {
    expect(countUnits(model, (u) => u.kind === 'street')).toBe(10)
    expect(countUnits(model, (u) => u.kind === 'party' && u.labels.includes('street-party-committee'))).toBe(10)
    expect(countUnits(model, (u) => u.kind === 'community')).toBe(112)
    expect(countUnits(model, (u) => u.kind === 'party' && u.labels.includes('district-party-committee'))).toBe(1)
  })

  it('has 112 big party committees, 535 grassroots party organisations and 539 social organisations', () => {
    expect(countUnits(model, (u) => u.kind === 'party' && u.labels.includes('big-party-committee'))).toBe(112)
    expect(countUnits(model, (u) => u.kind === 'party' && u.labels.includes('grassroots-party'))).toBe(535)
    expect(countUnits(model, (u) => u.kind === 'social-org')).toBe(539)
  })

  it('runs the red-steward scheme in 71 communities and weekly street visits', () => {
    expect(countUnits(model, (u) => u.kind === 'community' && u.labels.includes('red-steward'))).toBe(71)
    const visits = model.tasks.find((t) => t.id === 'sink-street')
    expect(visits?.arrival).toEqual({type: 'periodic', every: 40})
    expect(visits?.issuers).toHaveLength(10)
  })
})

describe('beijing-street: a street before the task-list reform', () => {
  let model: Model
  beforeAll(async () => {
    model = await load('beijing-street.yaml')
  })

  it('imposes 162 items on its communities: 53 statutory and 109 assisting', () => {
    expect(countTasks(model, has('statutory'))).toBe(53)
    expect(countTasks(model, has('assisting'))).toBe(109)
    expect(countTasks(model, (t) => t.labels.includes('statutory') || t.labels.includes('assisting'))).toBe(162)
    expect(countTasks(model, (t) => t.labels.includes('statutory') && t.labels.includes('assisting'))).toBe(0)
  })

  it('keeps 150+ ledgers, 44 city forms and 40+ IT systems, and 42 bodies in every community', () => {
    expect(countTasks(model, (t) => t.kind === 'statistics' && t.labels.includes('ledger'))).toBeGreaterThanOrEqual(150)
    expect(countTasks(model, has('city-form'))).toBe(44)
    expect(countTasks(model, has('it-system'))).toBeGreaterThanOrEqual(40)
    const communities = model.units.filter((u) => u.kind === 'community')
    expect(communities.length).toBeGreaterThanOrEqual(10)
    expect(communities.length).toBeLessThanOrEqual(30)
    for (const c of communities) {
      expect(countUnits(model, (u) => u.kind === 'signboard' && u.parent === c.id)).toBe(42)
    }
  })
})

describe('classroom: the teaching district', () => {
  it('has one district, 8 departments, 2 streets, 6 communities and a task of every kind', async () => {
    const model = await load('classroom.yaml')
    expect(countUnits(model, (u) => u.kind === 'government' && u.tier === 'district')).toBe(1)
    expect(countUnits(model, (u) => u.kind === 'department' && u.tier === 'district')).toBe(8)
    expect(countUnits(model, (u) => u.kind === 'street')).toBe(2)
    expect(countUnits(model, (u) => u.kind === 'community')).toBe(6)
    const kinds = new Set(model.tasks.map((t) => t.kind))
    expect([...kinds].sort()).toEqual(['enforcement', 'inspection', 'mediation', 'routine', 'service', 'statistics', 'temporary'])
  })
})

describe('city-scale: the benchmark city', () => {
  it('has 16 districts of 35 departments, about 300 streets and 3,000 communities', async () => {
    const model = await load('city-scale.yaml')
    expect(countUnits(model, (u) => u.kind === 'government' && u.tier === 'district')).toBe(16)
    expect(countUnits(model, (u) => u.kind === 'department' && u.tier === 'district')).toBe(16 * 35)
    const streets = countUnits(model, (u) => u.kind === 'street')
    expect(streets).toBeGreaterThanOrEqual(280)
    expect(streets).toBeLessThanOrEqual(320)
    expect(countUnits(model, (u) => u.kind === 'community')).toBe(3000)
    expect(model.tasks.length).toBeGreaterThanOrEqual(373)
    expect(model.demand.length).toBeGreaterThan(0)
  })
})

describe('beijing-scale: the Beijing-sized benchmark city', () => {
  it('has 16 districts of 35 departments, 336 streets and 7,056 communities with the full catalogue', async () => {
    const model = await load('beijing-scale.yaml')
    expect(countUnits(model, (u) => u.kind === 'government' && u.tier === 'district')).toBe(16)
    expect(countUnits(model, (u) => u.kind === 'department' && u.tier === 'district')).toBe(16 * 35)
    expect(countUnits(model, (u) => u.kind === 'street')).toBe(16 * 21)
    expect(countUnits(model, (u) => u.kind === 'community')).toBe(16 * 21 * 21)
    expect(model.tasks.length).toBeGreaterThanOrEqual(373)
    expect(model.demand.length).toBeGreaterThan(0)
  }, 120_000)
})
