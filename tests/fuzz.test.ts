// Fuzzing the edge: the shipped models and scenarios, mutated (lines deleted, duplicated or
// swapped, numbers pushed to extremes, text truncated, random bytes inserted), then loaded and,
// when they load, simulated briefly in-process. Every outcome is a result or located problems:
// never another exception, a hang (each run is bounded by the event budget and the live-job
// bound) or memory above 1 GB. LOUDOU_FC_RUNS sets the number of cases (default 40).
import {cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {checkModel} from '../src/model/load.js'
import {ModelError} from '../src/model/problems.js'
import type {Problem} from '../src/model/problems.js'
import {loadScenarioSync} from '../src/scenario/load.js'
import {BudgetError, RunawayError, checkBudget, compileModel, runCompiled} from '../src/sim/index.js'
import type {Model} from '../src/model/types.js'
import {ROOT} from './helpers/run-command.js'

const RUNS = Number(process.env.LOUDOU_FC_RUNS ?? 40)
const HORIZON = 40
const MAX_EVENTS = 2_000_000

const work = mkdtempSync(join(tmpdir(), 'loudou-fuzz-'))
cpSync(join(ROOT, 'models'), join(work, 'models'), {recursive: true})
cpSync(join(ROOT, 'scenarios'), join(work, 'scenarios'), {recursive: true})
const inputs = [
  ...readdirSync(join(ROOT, 'models')).filter((f) => f.endsWith('.yaml') && f !== 'city-scale.yaml' && f !== 'beijing-scale.yaml').map((f) => join('models', f)),
  ...readdirSync(join(ROOT, 'scenarios', 'classroom')).map((f) => join('scenarios', 'classroom', f)),
  ...readdirSync(join(ROOT, 'models', 'lib')).map((f) => join('models', 'lib', f)),
]

/** The first shipped model that includes a library file. */
function includer(lib: string): string {
  const name = lib.slice(lib.lastIndexOf('/') + 1)
  return inputs.find((f) => f.startsWith('models') && !f.includes('lib') && readFileSync(join(ROOT, f), 'utf8').includes(`lib/${name}`)) ?? join('models', 'classroom.yaml')
}

const EXTREMES = ['0', '-1', '1e308', '1e-308', '.nan', '-.inf', '1e15', '4294967296', '0.0000001', '99999999999']

type Mutation = (lines: string[], k: number, bytes: number[]) => string | Buffer

const mutations: Mutation[] = [
  (l, k) => l.filter((_, i) => i !== k % l.length).join('\n'),
  (l, k) => [...l.slice(0, k % l.length + 1), l[k % l.length], ...l.slice(k % l.length + 1)].join('\n'),
  (l, k) => {
    const a = k % l.length
    const b = (k * 7 + 3) % l.length
    const c = [...l]
    ;[c[a], c[b]] = [c[b], c[a]]
    return c.join('\n')
  },
  (l, k) => {
    let n = 0
    return l.join('\n').replace(/-?\d+(\.\d+)?/g, (m) => (n++ % 5 === k % 5 ? EXTREMES[k % EXTREMES.length] : m))
  },
  (l, k) => {
    const text = l.join('\n')
    return text.slice(0, (k * 131) % (text.length + 1))
  },
  (l, k, bytes) => {
    const text = Buffer.from(l.join('\n'))
    const at = (k * 97) % (text.length + 1)
    return Buffer.concat([text.subarray(0, at), Buffer.from(bytes), text.subarray(at)])
  },
]

function located(problems: readonly Problem[]): void {
  expect(problems.length).toBeGreaterThan(0)
  for (const p of problems) {
    expect(typeof p.file).toBe('string')
    expect(p.line).toBeGreaterThanOrEqual(1)
    expect(p.column).toBeGreaterThanOrEqual(1)
    expect(p.message.length).toBeGreaterThan(0)
  }
}

/** A short run of a loaded model: a result, or a budget or runaway stop. */
function simulate(model: Model): void {
  const c = compileModel(model)
  try {
    checkBudget(c, {horizon: HORIZON, replications: 1, maxEvents: MAX_EVENTS})
    const r = runCompiled(c, {seed: 1, horizon: HORIZON, warmup: 0, maxLiveJobs: 1 << 16})
    const i = r.items
    expect(i.generated).toBe(i.completed + i.rejected + i.unresolved + i.open)
  } catch (error) {
    if (!(error instanceof BudgetError) && !(error instanceof RunawayError)) throw error
  }
}

describe('fuzzed models and scenarios', () => {
  it(`load and simulate as results or located problems (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...inputs), fc.integer({min: 0, max: mutations.length - 1}), fc.nat(100_000), fc.array(fc.integer({min: 0, max: 255}), {minLength: 1, maxLength: 8}), (input, m, k, bytes) => {
        const original = readFileSync(join(ROOT, input), 'utf8').split('\n')
        const target = join(work, input)
        writeFileSync(target, mutations[m](original, k, bytes))
        try {
          if (input.startsWith('scenarios')) {
            try {
              simulate(loadScenarioSync(target).model)
            } catch (error) {
              if (!(error instanceof ModelError)) throw error
              located(error.problems)
            }
          } else {
            // A library file is loaded through the model that includes it.
            const root = input.startsWith(join('models', 'lib')) ? join(work, includer(input)) : target
            const {model, problems} = checkModel(root)
            if (model) simulate(model)
            else located(problems)
          }
        } finally {
          writeFileSync(target, original.join('\n'))
        }
        expect(process.memoryUsage().rss).toBeLessThan(1024 ** 3)
      }),
      {numRuns: RUNS, seed: Number(process.env.LOUDOU_FC_SEED ?? 11)},
    )
  }, Math.max(60_000, RUNS * 3000))
})
