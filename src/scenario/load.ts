// Loading a scenario: read its YAML, check it, load the base model (relative to the scenario
// file), check every reform's type and parameters, then apply the reforms in order. Every
// problem is located by file, line, column and path (`reforms[2].leakage`).
import {existsSync, realpathSync} from 'node:fs'
import {dirname, join, normalize, resolve} from 'node:path'
import {checkModel, loadModelSync, loadModelText} from '../model/load.js'
import type {LoadOptions, ModelText} from '../model/load.js'
import {ModelError} from '../model/problems.js'
import type {Problem} from '../model/problems.js'
import type {Model} from '../model/types.js'
import {parseYamlText, readYamlFile} from '../model/yaml-source.js'
import type {JsPath, YamlSource} from '../model/yaml-source.js'
import {zodIssuesToProblems} from '../model/zod-problems.js'
import {REFORM_TYPES, ReformError, applyReforms, getReform, parseReformParams} from '../reforms/index.js'
import type {ReformChanges, ReformSpec} from '../reforms/index.js'
import {SCENARIO_KEYS, ScenarioFileSchema} from './schema.js'
import {readRootFile} from './detect.js'
import type {RootParse} from '../model/files.js'

export interface Scenario {
  id: string
  name: string
  description?: string
  /** Absolute path of the base model (for loading; outputs show baseFile). */
  base: string
  /** The base model's path as the user wrote it, joined to the scenario's path as given. */
  baseFile: string
  /** The reforms with their parameters, defaults filled in. */
  reforms: Array<{type: string; params: Record<string, unknown>}>
  /** The scenario file as given. */
  file: string
}

export interface LoadedScenario {
  scenario: Scenario
  /** The model after the reforms. */
  model: Model
  /** The base model as loaded. */
  baseline: Model
  changes: ReformChanges[]
  warnings: Problem[]
  /** Real paths of every file read: the scenario, its base model and the model's includes. */
  inputs: string[]
}

function parsedOrThrow(r: {source?: YamlSource; problems: Problem[]}): YamlSource {
  if (!r.source || r.problems.some((p) => p.severity === 'error')) throw new ModelError(r.problems)
  return r.source
}

function problem(src: YamlSource, path: JsPath, message: string, hint?: string): Problem {
  const loc = src.locate(path)
  return {file: loc.file, line: loc.line, column: loc.column, path: loc.path, message, hint, severity: 'error'}
}

export async function loadScenario(file: string, options: LoadOptions = {}): Promise<LoadedScenario> {
  return loadScenarioSync(file, options)
}

/**
 * With `text`, the scenario is that text (standard input) and `file` only names it; `base` is
 * relative to `text.dir`. `root`: the scenario file already parsed (readRootFile).
 */
export function loadScenarioSync(file: string, options: LoadOptions = {}, text?: ModelText, root?: RootParse): LoadedScenario {
  const src = root ? parsedOrThrow(root) : text ? parsedOrThrow(parseYamlText(text.text, file, {maxBytes: options.maxBytes})) : readYamlFile(file, {maxBytes: options.maxBytes})
  const raw = src.data as Record<string, unknown>
  // One pass finds every problem: the top level, each reform, and the base model's own.
  const problems: Problem[] = []
  const parsed = ScenarioFileSchema.safeParse(raw)
  if (!parsed.success) problems.push(...zodIssuesToProblems(parsed.error.issues, src.locate, file, {data: raw, keys: SCENARIO_KEYS}))
  const specs = checkReforms(src, file, Array.isArray(raw.reforms) ? raw.reforms : [], problems)
  const baseText = typeof raw.base === 'string' && raw.base !== '' ? raw.base : undefined
  const base = baseText === undefined ? undefined : resolve(text ? text.dir : dirname(resolve(file)), baseText)
  // The base as the user wrote it, joined to the scenario's path as given: outputs show this.
  const baseFile = baseText === undefined ? '' : text ? normalize(baseText) : normalize(join(dirname(file), baseText))
  let loaded: ReturnType<typeof checkModel> | undefined
  if (base !== undefined) {
    if (!existsSync(base)) {
      problems.push(problem(src, ['base'], `the base model ${baseText} does not exist (looked for ${baseFile})`, text ? 'a scenario read from standard input names its base relative to the current folder' : 'give the model path relative to the scenario file'))
    } else {
      loaded = checkModel(base, options)
      if (!loaded.model) problems.push(...loaded.problems.map((p) => (p.file === base ? {...p, file: baseFile} : p)))
    }
  }
  if (problems.length > 0 || !parsed.success || !loaded?.model || base === undefined) throw new ModelError(problems)
  const data = parsed.data
  const baseline = loaded.model
  const warnings = loaded.problems.filter((p) => p.severity === 'warning')
  let applied: {model: Model; changes: ReformChanges[]}
  try {
    applied = applyReforms(baseline, specs)
  } catch (error) {
    if (!(error instanceof ReformError)) throw error
    const [i, ...rest] = error.path
    throw new ModelError([problem(src, ['reforms', i, ...rest], `${specs[i as number]?.type ?? 'reform'}: ${error.message}`, error.hint)])
  }
  const scenario: Scenario = {
    id: data.id,
    name: data.name ?? data.id,
    description: data.description,
    base,
    baseFile,
    reforms: specs.map((s) => ({type: s.type, params: s.params ?? {}})),
    file,
  }
  return {scenario, model: applied.model, baseline, changes: applied.changes, warnings, inputs: [...(text ? [] : [realpathSync(file)]), ...(loaded.inputs ?? [])]}
}

/** Each reform's type and parameters, checked whatever else is wrong with the file. */
function checkReforms(src: YamlSource, file: string, entries: unknown[], problems: Problem[]): ReformSpec[] {
  const specs: ReformSpec[] = []
  entries.forEach((entry, i) => {
    if (entry === null || typeof entry !== 'object' || typeof (entry as {type?: unknown}).type !== 'string') return
    const {type, ...raw} = entry as {type: string}
    const def = getReform(type)
    if (!def) {
      problems.push(problem(src, ['reforms', i, 'type'], `unknown reform \`${type}\``, `known reforms: ${REFORM_TYPES.join(', ')}`))
      return
    }
    const outcome = parseReformParams(def, raw)
    if (!outcome.ok) {
      const found = zodIssuesToProblems(outcome.issues, src.locate, file, {prefix: ['reforms', i], data: raw})
      problems.push(...found.map((p) => ({...p, hint: p.hint?.replace('docs/model-language.md', 'docs/reforms.md')})))
      return
    }
    specs.push({type, params: outcome.params as Record<string, unknown>})
  })
  return specs
}

export interface ModelOrScenario {
  model: Model
  /** Empty for a plain model. */
  changes: ReformChanges[]
  scenario?: Scenario
  /** The base model, for a scenario. */
  baseline?: Model
  warnings: Problem[]
  /** Real paths of every file read. */
  inputs: string[]
}

/** Whether a file (or text) is a scenario (a top-level `base:` and `reforms:`) rather than a model. */
export function isScenarioFile(file: string, options: LoadOptions = {}, text?: ModelText): boolean {
  return readRootFile(file, options, text).scenario
}

/** Loads a model file, or a scenario file and its reformed model: what `simulate` and `inspect` accept. */
export async function loadModelOrScenario(file: string, options: LoadOptions = {}, text?: ModelText): Promise<ModelOrScenario> {
  const {root, scenario} = readRootFile(file, options, text)
  if (scenario) {
    const s = loadScenarioSync(file, options, text, root)
    return {model: s.model, changes: s.changes, scenario: s.scenario, baseline: s.baseline, warnings: s.warnings, inputs: s.inputs}
  }
  const {model, warnings, inputs} = text ? loadModelText(text, options, root) : loadModelSync(file, options, root)
  return {model, changes: [], warnings, inputs}
}
