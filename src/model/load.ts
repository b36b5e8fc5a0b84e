// Loading a model: read the root file and its includes, check each against the schema,
// merge them, then resolve ids, selectors and references. Every problem found is reported
// together (ModelError); warnings travel beside the model.
import {dirname} from 'node:path'
import {ModelError, clipProblem} from './problems.js'
import type {Problem} from './problems.js'
import type {Model} from './types.js'
import {readModelFiles, type RootParse, type RootText} from './files.js'
import {mergeFiles} from './merge.js'
import {resolveModel} from './resolve.js'
import {replicaTableReader} from './replicas.js'
import type {ReadYamlOptions} from './yaml-source.js'

export interface LoadOptions {
  /** Refuse models that expand to more units (default 1,000,000). */
  maxUnits?: number
  /** Refuse models whose relation selectors expand to more pairs (default 1,000,000). */
  maxRelations?: number
  /** Refuse models whose tasks expand (`count`) to more (default: the unit limit). */
  maxTasks?: number
  /** Refuse models whose files hold more bytes together (default 4 MB, yaml-source.ts). */
  maxBytes?: number
}

export const DEFAULT_MAX_UNITS = 1_000_000
export const DEFAULT_MAX_RELATIONS = 1_000_000

export async function loadModel(file: string, options: LoadOptions = {}): Promise<Model> {
  return (await loadModelWithWarnings(file, options)).model
}

/** A loaded model, its warnings, and the real paths of the files read (root and includes). */
export interface LoadedModel {
  model: Model
  warnings: Problem[]
  inputs: string[]
}

export async function loadModelWithWarnings(file: string, options: LoadOptions = {}): Promise<LoadedModel> {
  return loadModelSync(file, options)
}

/** The synchronous core of loadModel (file reading is synchronous anyway). */
export function loadModelSync(file: string, options: LoadOptions = {}, root?: RootParse): LoadedModel {
  const {model, problems, inputs} = checkModel(file, options, undefined, root)
  if (!model) throw new ModelError(problems)
  return {model, warnings: problems.filter((p) => p.severity === 'warning'), inputs: inputs ?? []}
}

/** A model given as text rather than a file (standard input): `name` stands for the file in problems. */
export interface ModelText extends RootText {
  name: string
}

/** loadModelSync for a model given as text. */
export function loadModelText(input: ModelText, options: LoadOptions = {}, root?: RootParse): LoadedModel {
  const {model, problems, inputs} = checkModelText(input, options, root)
  if (!model) throw new ModelError(problems)
  return {model, warnings: problems.filter((p) => p.severity === 'warning'), inputs: inputs ?? []}
}

/** checkModel for a model given as text. */
export function checkModelText(input: ModelText, options: LoadOptions = {}, root?: RootParse): {model?: Model; problems: Problem[]; inputs?: string[]} {
  return checkModel(input.name, options, input, root)
}

/**
 * Loads without throwing: the model when valid, every problem (errors and warnings), the files
 * read. `root`: the root already parsed by parseRootFile (with the same file, limits and text).
 */
export function checkModel(file: string, options: LoadOptions = {}, text?: ModelText, root?: RootParse): {model?: Model; problems: Problem[]; inputs?: string[]} {
  const r = checkUnclipped(file, options, text, root)
  return {...r, problems: r.problems.map(clipProblem)}
}

function checkUnclipped(file: string, options: LoadOptions, text?: ModelText, rootParse?: RootParse): {model?: Model; problems: Problem[]; inputs?: string[]} {
  try {
    const read: ReadYamlOptions = {maxBytes: options.maxBytes}
    const {files, problems, rootReal} = readModelFiles(file, read, text, rootParse)
    const root = files.find((f) => f.isRoot)
    if (!root || !rootReal || problems.some((p) => p.severity === 'error')) {
      return {problems: problems.length > 0 ? problems : [internal(file, 'the model could not be read')]}
    }
    const {merged, problems: mergeProblems} = mergeFiles(files)
    if (mergeProblems.length > 0) return {problems: [...problems, ...mergeProblems]}
    const {model, report} = resolveModel(merged, {
      file: text ? text.name : rootReal,
      root: {src: root.source, path: []},
      maxUnits: options.maxUnits ?? DEFAULT_MAX_UNITS,
      maxRelations: options.maxRelations ?? DEFAULT_MAX_RELATIONS,
      maxTasks: options.maxTasks ?? options.maxUnits ?? DEFAULT_MAX_UNITS,
      readTable: replicaTableReader(new Map(files.map((f) => [f.source, f.real])), dirname(rootReal), options.maxBytes),
    })
    return {model, problems: [...problems, ...report.problems], inputs: files.filter((f) => !(text && f.isRoot)).map((f) => f.real)}
  } catch (error) {
    if (error instanceof ModelError) return {problems: error.problems}
    const e = error as Error
    const message = e instanceof RangeError ? 'the model is nested too deeply to read' : `the model could not be loaded: ${e.message}`
    return {problems: [internal(file, message)]}
  }
}

function internal(file: string, message: string): Problem {
  return {file, line: 1, column: 1, path: '', message, hint: 'simplify the file here; if it looks valid, report this as a bug', severity: 'error'}
}
