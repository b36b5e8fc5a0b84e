// Whole runs: conservation of items, determinism, worker/serial equality, every shipped model.
import {cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {toJson} from '../../src/cli/output.js'
import {loadModel} from '../../src/model/load.js'
import {DEFAULT_RULES} from '../../src/model/types.js'
import type {Model} from '../../src/model/types.js'
import {createSimulation, runReplication, simulateModel} from '../../src/sim/index.js'
import {applyReforms} from '../../src/reforms/index.js'
import type {ReplicationResult} from '../../src/sim/api.js'

const MODELS = join(import.meta.dirname, '../../models')
const shipped = readdirSync(MODELS).filter((f) => f.endsWith('.yaml'))

function conserved(r: ReplicationResult): void {
  const {generated, completed, rejected, unresolved, open} = r.items
  expect(completed + rejected + unresolved + open).toBe(generated)
}

/** The classroom model under every rule and a gate on every other task. */
function variants(m: Model): Model[] {
  const gated = (otherwise: 'return' | 'abolish'): Model => ({
    ...m,
    tasks: m.tasks.map((t, i) => (i % 2 === 0 ? {...t, gate: {tier: 'community' as const, leakage: 0.3, otherwise}} : t)),
  })
  const departments = m.units.filter((u) => u.kind === 'department').map((u) => u.id)
  const contest = {share: 0.5, candidates: departments}
  const contested: Model = {
    ...m,
    rules: {...DEFAULT_RULES, buckPassing: {...DEFAULT_RULES.buckPassing, refusal: 0.7}},
    tasks: m.tasks.map((t) => ({...t, contested: contest})),
    demand: m.demand.map((d) => ({...d, contested: contest})),
  }
  return [
    m,
    gated('return'),
    gated('abolish'),
    {...m, rules: {...DEFAULT_RULES, responsibility: 'split'}},
    {...m, rules: {...DEFAULT_RULES, whistle: {from: ['street', 'community'], responseTime: {dist: 'exp', mean: 8}}, dataSharing: {fields: 'all'}}},
    contested,
    applyReforms(contested, [{type: 'hotline-dispatch'}]).model,
    {...m, defaults: {...m.defaults, spread: 400, handoffDelay: {dist: 'lognormal', mean: 6, sd: 10}}},
  ]
}

describe('conservation of items', () => {
  it('generated = completed + rejected + unresolved + open, for any seed, rules and warm-up', async () => {
    const models = variants(await loadModel(join(MODELS, 'classroom.yaml')))
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: models.length - 1}),
        fc.integer({min: 0, max: 2 ** 31}),
        fc.integer({min: 100, max: 1500}),
        fc.double({min: 0, max: 0.5, noNaN: true}),
        (v, seed, horizon, warm) => {
          const r = runReplication(models[v], {seed, horizon, warmup: horizon * warm})
          conserved(r)
          expect(r.items.generated).toBeGreaterThan(0)
        },
      ),
      {numRuns: 40},
    )
  })

  it('moves items into rejected and completed at the issuer under a gate', async () => {
    const [, returned, abolished] = variants(await loadModel(join(MODELS, 'classroom.yaml')))
    const a = runReplication(abolished, {seed: 1, horizon: 2000, warmup: 0})
    const b = runReplication(returned, {seed: 1, horizon: 2000, warmup: 0})
    expect(a.items.rejected).toBeGreaterThan(0)
    expect(b.items.rejected).toBe(0)
    expect(b.duplicates.returned).toBeGreaterThan(0)
    conserved(a)
    conserved(b)
  })
})

describe('determinism', () => {
  it('gives byte-identical JSON for the same model, seed and options', async () => {
    const m = await loadModel(join(MODELS, 'classroom.yaml'))
    const a = toJson(runReplication(m, {seed: 99, horizon: 2000, warmup: 100}))
    const b = toJson(runReplication(m, {seed: 99, horizon: 2000, warmup: 100}))
    expect(a).toBe(b)
    expect(toJson(runReplication(m, {seed: 100, horizon: 2000, warmup: 100}))).not.toBe(a)
  })

  it('gives the same summary on worker threads as serially', async () => {
    const m = await loadModel(join(MODELS, 'classroom.yaml'))
    const serial = await simulateModel(m, {seed: 5, replications: 4, horizon: 1000, workers: 1})
    const threaded = await simulateModel(m, {seed: 5, replications: 4, horizon: 1000, workers: 2})
    expect(toJson(threaded)).toBe(toJson(serial))
    expect(serial.runs.map((r) => r.seed)).toEqual(threaded.runs.map((r) => r.seed))
  })

  it('steps a live simulation to the same state as a full run', async () => {
    const m = await loadModel(join(MODELS, 'classroom.yaml'))
    const live = createSimulation(m, {seed: 4, horizon: 1000, warmup: 0})
    for (let i = 0; i < 10; i++) live.advance(100)
    const snap = live.snapshot()
    const full = runReplication(m, {seed: 4, horizon: 1000, warmup: 0})
    expect(live.now).toBe(1000)
    expect(snap.items).toEqual(full.items)
    expect(snap.units.map((u) => u.busy + u.queue)).toEqual(full.units.map((u) => u.backlog))
  })
})

/**
 * Shipped benchmark models run here with their `count:` values (in file order) made smaller: the
 * same structure, catalogue and demand, compiled in a second rather than half a minute.
 * city-scale.yaml stays full size as this file's one city-scale run; models.test.ts loads
 * beijing-scale.yaml at full size, and bench/ times it.
 */
const COUNTED_DOWN: Record<string, number[]> = {'beijing-scale.yaml': [2, 3, 3]}

async function load(file: string): Promise<Model> {
  const counts = COUNTED_DOWN[file]
  if (!counts) return loadModel(join(MODELS, file))
  const dir = mkdtempSync(join(tmpdir(), 'loudou-runs-'))
  cpSync(join(MODELS, 'lib'), join(dir, 'lib'), {recursive: true})
  let i = 0
  const text = readFileSync(join(MODELS, file), 'utf8').replace(/^(\s*)count: \d+$/gm, (_, indent: string) => `${indent}count: ${counts[i++]}`)
  expect(i).toBe(counts.length)
  writeFileSync(join(dir, file), text)
  return loadModel(join(dir, file))
}

describe('every shipped model simulates', () => {
  for (const file of shipped) {
    const title = COUNTED_DOWN[file] ? `${file}, its counts down to ${COUNTED_DOWN[file].join(', ')}` : file
    it(title, async () => {
      const m = await load(file)
      // City-scale models get a working day: this checks that they run, not their numbers.
      const horizon = m.units.length > 2000 ? 8 : 500
      const s = await simulateModel(m, {seed: 1, replications: 2, horizon, workers: 1})
      expect(s.items.generated.mean).toBeGreaterThan(0)
      for (const r of s.runs) conserved(r)
      for (const u of s.units) expect(u.utilisation.mean).toBeGreaterThanOrEqual(0)
      const split = s.timeSplit.service.mean + s.timeSplit.admin.mean + s.timeSplit.inspection.mean
      expect(split === 0 || Math.abs(split - 1) < 1e-9).toBe(true)
      // The city-sized model compiles for seconds: a minute on a loaded machine.
    }, 300_000)
  }
})
