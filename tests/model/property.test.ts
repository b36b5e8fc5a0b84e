// Property tests: random valid models load; random corruptions give a ModelError whose
// problems are located, never another exception.
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {stringify} from 'yaml'
import {loadModelWithWarnings} from '../../src/model/load.js'
import {ModelError} from '../../src/model/problems.js'
import {BUILTIN_KINDS, DEFAULT_CLOCK, TASK_KINDS, TIERS} from '../../src/model/types.js'
import {parseDuration} from '../../src/model/duration.js'
import {tempFiles} from './helpers.js'

function hoursOf(d: string | number): number {
  return parseDuration(d, DEFAULT_CLOCK)!
}

/** More runs for a deeper search: LOUDOU_FC_RUNS=2000 npx vitest run tests/model/property.test.ts */
const RUNS = Number(process.env.LOUDOU_FC_RUNS ?? 60)
const POWERS = ['mediate', 'enforce.urban', 'register']
const DURATION = fc.oneof(
  fc.constantFrom('30m', '2h', '1d', '2w', '1mo', '1y', '0.5h'),
  fc.double({min: 0, max: 100, noNaN: true}),
)
const EFFORT = fc.oneof(
  DURATION,
  DURATION.map((value) => ({dist: 'fixed', value})),
  DURATION.map((mean) => ({dist: 'exp', mean})),
  fc.tuple(DURATION.filter((d) => hoursOf(d) > 0), DURATION).map(([mean, sd]) => ({dist: 'lognormal', mean, sd})),
  // A triangular effort must be ordered: min ≤ mode ≤ max.
  fc.tuple(DURATION, DURATION, DURATION).map((t) => {
    const [min, mode, max] = [...t].sort((x, y) => hoursOf(x) - hoursOf(y))
    return {dist: 'triangular', min, mode, max}
  }),
)

interface U {
  id: string
  kind: string
  tier?: string
  count?: number
  staff?: number
  residents?: number
  powers?: string[]
  labels?: string[]
  children?: U[]
}

const unitFields = {
  kind: fc.constantFrom(...BUILTIN_KINDS),
  tier: fc.option(fc.constantFrom(...TIERS), {nil: undefined}),
  count: fc.option(fc.integer({min: 1, max: 3}), {nil: undefined}),
  staff: fc.option(fc.double({min: 0, max: 50, noNaN: true}), {nil: undefined}),
  residents: fc.option(fc.integer({min: 0, max: 10000}), {nil: undefined}),
  powers: fc.option(fc.subarray(POWERS), {nil: undefined}),
  labels: fc.option(fc.subarray(['old', 'new', 'grid']), {nil: undefined}),
}

const unitTree: fc.Arbitrary<U[]> = fc.letrec<{units: U[]; unit: U}>((tie) => ({
  units: fc.array(tie('unit'), {maxLength: 3, depthIdentifier: 'tree'}),
  unit: fc.record({...unitFields, children: fc.option(tie('units'), {nil: undefined, depthSize: 'small', depthIdentifier: 'tree'})}, {requiredKeys: ['kind']}) as unknown as fc.Arbitrary<U>,
})).units.map((units) => name(units))

/** Sibling ids must differ: number them. */
function name(units: U[], prefix = 'u'): U[] {
  return units.map((u, i) => {
    const out: U = {...u, id: `${prefix}${i}`}
    for (const k of Object.keys(out) as (keyof U)[]) if (out[k] === undefined) delete out[k]
    if (u.children) out.children = name(u.children, `${prefix}${i}c`)
    return out
  })
}

function kindsOf(units: U[]): string[] {
  return units.flatMap((u) => [u.kind, ...kindsOf(u.children ?? [])])
}

const model = unitTree
  .filter((units) => units.length > 0)
  .chain((units) => {
    const kinds = [...new Set(kindsOf(units))]
    const task = fc.record(
      {
        issuer: fc.oneof(fc.constantFrom(...kinds).map((kind) => ({kind})), fc.constant('**'), fc.constant('u0*')),
        target: fc.constantFrom(...TIERS),
        kind: fc.option(fc.constantFrom(...TASK_KINDS), {nil: undefined}),
        arrival: fc.oneof(DURATION.filter((d) => d !== 0).map((every) => ({every})), fc.constantFrom('6/y', '1/mo', '2/1w').map((rate) => ({rate}))),
        effort: EFFORT,
        needs: fc.subarray(POWERS),
        contacts: fc.double({min: 0, max: 1, noNaN: true}),
        veto: fc.boolean(),
        count: fc.option(fc.integer({min: 1, max: 3}), {nil: undefined}),
      },
      {requiredKeys: ['issuer', 'target', 'arrival', 'effort']},
    )
    return fc.record({
      units: fc.constant(units),
      tasks: fc.array(task, {maxLength: 4}),
      demand: fc.array(fc.record({at: fc.constantFrom(...TIERS), rate: fc.constantFrom('3/1000/mo', '1/1000/y'), effort: EFFORT}), {maxLength: 2}),
      relation: fc.boolean(),
    })
  })
  .map(({units, tasks, demand, relation}) => {
    const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))
    return {
      loudou: 1,
      id: 'random',
      powers: POWERS,
      units,
      tasks: tasks.map(({arrival, ...t}, i) => clean({id: `t${i}`, ...t, ...arrival})),
      demand: demand.map((d, i) => ({id: `d${i}`, ...d})),
      ...(relation && {relations: [{type: 'coordinates', from: 'u0*', to: '**'}]}),
    }
  })

type Model = Record<string, unknown> & {units: U[]; tasks: Record<string, unknown>[]}

/** Writes the text as a model file; returns its path. */
function write(text: string | Uint8Array): string {
  const dir = tempFiles({})
  const file = join(dir, 'model.yaml')
  writeFileSync(file, text)
  return file
}

async function expectLocatedError(file: string): Promise<ModelError> {
  let caught: unknown
  try {
    await loadModelWithWarnings(file)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(ModelError)
  const e = caught as ModelError
  expect(e.problems.length).toBeGreaterThan(0)
  for (const p of e.problems) {
    expect(p.file).toBe(file)
    expect(p.line).toBeGreaterThanOrEqual(1)
    expect(p.column).toBeGreaterThanOrEqual(1)
    expect(p.message.length).toBeGreaterThan(0)
  }
  return e
}

type Corruption = {apply: (m: Model) => void; path: RegExp}

const corruption: fc.Arbitrary<Corruption> = fc.constantFrom<Corruption>(
  {apply: (m) => delete (m as Record<string, unknown>).loudou, path: /^$/},
  {apply: (m) => delete (m.units[0] as Partial<U>).kind, path: /^units\[0\]\.kind$/},
  {apply: (m) => delete (m.units[0] as Partial<U>).id, path: /^units\[0\]\.id$/},
  {apply: (m) => ((m.units[0] as unknown as Record<string, unknown>).staff = 'lots'), path: /^units\[0\]\.staff$/},
  {apply: (m) => ((m.units[0] as unknown as Record<string, unknown>).tier = 42), path: /^units\[0\]\.tier$/},
  {apply: (m) => ((m.units[0] as unknown as Record<string, unknown>).parent = 'ghost/unit'), path: /^units\[0\]\.parent$/},
  {apply: (m) => ((m.units[0] as unknown as Record<string, unknown>).powers = ['unknown-power']), path: /^units\[0\]\.powers\[0\]$/},
  {apply: (m) => m.tasks.push({id: 'x', issuer: 'no/such/unit', target: 'community', every: '1mo', effort: '1h'}), path: /^tasks\[\d+\]\.issuer$/},
  {apply: (m) => m.tasks.push({id: 'x', issuer: '**', target: 'community', effort: '1h'}), path: /^tasks\[\d+\]$/},
  {apply: (m) => m.tasks.push({id: 'x', issuer: '**', target: 'community', every: '1mo', effort: {dist: 'gamma'}}), path: /^tasks\[\d+\]\.effort\.dist$/},
  {apply: (m) => ((m as Record<string, unknown>).units = {not: 'a list'}), path: /^units$/},
)

describe('random models', () => {
  it('the generator reaches nesting, replication and tasks', () => {
    const samples = fc.sample(model, {numRuns: 200, seed: 1})
    const flat = (us: U[]): U[] => us.flatMap((u) => [u, ...flat(u.children ?? [])])
    expect(samples.some((m) => flat(m.units).some((u) => u.children && u.children.length > 0))).toBe(true)
    expect(samples.some((m) => flat(m.units).some((u) => u.count !== undefined))).toBe(true)
    expect(samples.some((m) => m.tasks.length > 0)).toBe(true)
    expect(samples.some((m) => m.demand.length > 0)).toBe(true)
  })

  it('valid models load', async () => {
    await fc.assert(
      fc.asyncProperty(model, async (m) => {
        const {model: loaded} = await loadModelWithWarnings(write(stringify(m)))
        expect(loaded.units.length).toBeGreaterThan(0)
        expect(loaded.tasks.length).toBeGreaterThanOrEqual(m.tasks.length)
      }),
      {numRuns: RUNS},
    )
  })

  it('corrupted models give a ModelError naming the corrupted path', async () => {
    await fc.assert(
      fc.asyncProperty(model, corruption, async (m, c) => {
        const copy = structuredClone(m) as Model
        c.apply(copy)
        const e = await expectLocatedError(write(stringify(copy)))
        expect(e.problems.some((p) => c.path.test(p.path))).toBe(true)
      }),
      {numRuns: RUNS},
    )
  })

  it('garbage bytes never cause anything but a located ModelError', async () => {
    await fc.assert(
      fc.asyncProperty(model, fc.uint8Array({minLength: 1, maxLength: 40}), fc.nat(), async (m, garbage, at) => {
        const text = Buffer.from(stringify(m))
        const pos = at % (text.length + 1)
        const file = write(Buffer.concat([text.subarray(0, pos), garbage, text.subarray(pos)]))
        try {
          await loadModelWithWarnings(file)
        } catch (error) {
          if (!(error instanceof ModelError)) throw error
          for (const p of error.problems) {
            expect(p.file).toBe(file)
            expect(p.line).toBeGreaterThanOrEqual(1)
            expect(p.column).toBeGreaterThanOrEqual(1)
          }
        }
      }),
      {numRuns: 2 * RUNS},
    )
  })
})
