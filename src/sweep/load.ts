// Reading a sweep file: parse its YAML, check it with zod, load its base model or scenario
// (relative to the sweep file), then check every factor and cell (check.ts). Every problem
// is located by file, line, column and path (`factors[1].range.from`) and all come together.
import {existsSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {parseDuration} from '../model/duration.js'
import {loadModelSync} from '../model/load.js'
import {ModelError} from '../model/problems.js'
import type {Problem} from '../model/problems.js'
import type {Clock} from '../model/types.js'
import {readYamlFile} from '../model/yaml-source.js'
import {zodIssuesToProblems} from '../model/zod-problems.js'
import {readRootFile} from '../scenario/detect.js'
import {loadScenarioSync} from '../scenario/load.js'
import {checkSweep} from './check.js'
import type {CheckedSweep, SweepOverrides} from './check.js'
import {SweepFileSchema} from './schema.js'

export interface LoadedSweep extends CheckedSweep {
  file: string
  warnings: Problem[]
}

/** `window` reads command-line durations in the model's clock (it may throw a usage error). */
export function loadSweep(file: string, overrides: SweepOverrides = {}, window?: (clock: Clock) => {horizon?: number; warmup?: number}): LoadedSweep {
  const src = readYamlFile(file)
  const parsed = SweepFileSchema.safeParse(src.data)
  if (!parsed.success) {
    throw new ModelError(zodIssuesToProblems(parsed.error.issues, src.locate, file, {data: src.data}).map((p) => ({...p, hint: p.hint?.replace('docs/model-language.md', 'docs/sweeps.md')})))
  }
  const input = parsed.data
  const basePath = resolve(dirname(resolve(file)), input.base)
  if (!existsSync(basePath)) {
    const l = src.locate(['base'])
    throw new ModelError([{...l, message: `the base ${input.base} does not exist (looked for ${basePath})`, hint: 'give the model or scenario path relative to the sweep file', severity: 'error'}])
  }
  // The base is parsed once: the parse that tells a scenario is handed on to its loader.
  const {root, scenario} = readRootFile(basePath)
  let base
  if (scenario) {
    const s = loadScenarioSync(basePath, {}, undefined, root)
    base = {model: s.baseline, reforms: s.scenario.reforms, warnings: s.warnings}
  } else {
    const m = loadModelSync(basePath, {}, root)
    base = {model: m.model, reforms: undefined, warnings: m.warnings}
  }
  const clock = base.model.clock
  const hours = (key: 'horizon' | 'warmup'): number | undefined => (input[key] === undefined ? undefined : parseDuration(input[key], clock))
  const flags = window?.(clock) ?? {}
  const o: SweepOverrides = {...overrides}
  if (flags.horizon !== undefined) o.horizon = flags.horizon
  if (flags.warmup !== undefined) o.warmup = flags.warmup
  const {sweep, problems} = checkSweep(input, {model: base.model, reforms: base.reforms, horizon: hours('horizon'), warmup: hours('warmup')}, (path) => src.locate(path), o)
  if (!sweep) throw new ModelError(problems)
  return {...sweep, file, warnings: base.warnings}
}
