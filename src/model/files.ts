// Reads the root model file and, recursively, the files it includes. Includes are relative
// paths confined to the root model's folder tree (real paths, so `..` and symlinks cannot
// escape); a file included twice or in a cycle is refused. Each file is checked against the
// schema on its own, so problems name the file they are in.
import {existsSync, realpathSync, statSync} from 'node:fs'
import {dirname, isAbsolute, join, normalize, resolve} from 'node:path'
import type {Problem} from './problems.js'
import {FileSchema, FORMAT_VERSION, MODEL_KEYS} from './schema/file.js'
import type {FileInput} from './schema/file.js'
import {DEFAULT_MAX_BYTES, parseYamlText, readFailure, tryReadYamlFile} from './yaml-source.js'
import type {ParseResult, ReadYamlOptions, YamlSource} from './yaml-source.js'
import {zodIssuesToProblems} from './zod-problems.js'
import {isInside} from './paths.js'

export interface ModelFile {
  source: YamlSource
  /** The file's data when it passed the schema. */
  data?: FileInput
  real: string
  isRoot: boolean
}

export interface ReadFilesResult {
  files: ModelFile[]
  problems: Problem[]
  /** Absolute real path of the root file. */
  rootReal?: string
}

/** A root model given as text (standard input): includes are relative to `dir`. */
export interface RootText {
  /** UTF-8 bytes or text. */
  text: string | Uint8Array
  dir: string
}

/** The root file (or text) parsed, with its real path; a path that cannot be resolved is a problem. */
export interface RootParse extends ParseResult {
  real?: string
}

/**
 * Parses the root file the way readModelFiles reads it. Callers that must look at the root
 * before loading (is it a scenario?) pass the result on, so the file is parsed once.
 */
export function parseRootFile(rootFile: string, options: ReadYamlOptions = {}, rootText?: RootText): RootParse {
  let real: string
  try {
    real = rootText ? join(realpathSync(rootText.dir), rootFile) : realpathSync(rootFile)
  } catch (error) {
    const [why, hint] = readFailure(error)
    return {problems: [{file: rootFile, line: 1, column: 1, path: '', message: `cannot read the file: ${why}`, hint, severity: 'error'}]}
  }
  const total = options.maxBytes ?? DEFAULT_MAX_BYTES
  const read = {...options, maxBytes: total, totalBytes: total, displayName: rootFile, root: undefined}
  return {...(rootText ? parseYamlText(rootText.text, rootFile, read) : tryReadYamlFile(real, read)), real}
}

/** `root`: the result of parseRootFile for the same arguments, when the caller has it already. */
export function readModelFiles(rootFile: string, options: ReadYamlOptions = {}, rootText?: RootText, root = parseRootFile(rootFile, options, rootText)): ReadFilesResult {
  const problems: Problem[] = []
  const files: ModelFile[] = []
  if (root.real === undefined) return {files, problems: [...root.problems]}
  const rootReal = root.real
  const rootDir = dirname(rootReal)
  const included = new Map<string, string>()

  // The byte limit holds for the root and its includes together: includes cannot multiply it.
  const total = options.maxBytes ?? DEFAULT_MAX_BYTES
  let used = 0
  const visit = (real: string, display: string, chain: string[]) => {
    included.set(real, display)
    const read = {...options, maxBytes: Math.max(0, total - used), totalBytes: total, displayName: display, root: undefined}
    const fromText = rootText !== undefined && chain.length === 0
    const {source, problems: readProblems} = chain.length === 0 ? root : tryReadYamlFile(real, read)
    if (source) used += fromText ? rootText.text.length : statSync(real).size
    problems.push(...readProblems)
    if (!source) return
    const isRoot = chain.length === 0
    const file: ModelFile = {source, real, isRoot}
    files.push(file)
    const raw = source.data as Record<string, unknown>
    checkVersion(raw, source, isRoot, problems)
    const parsed = FileSchema.safeParse(raw)
    if (parsed.success) file.data = parsed.data
    else {
      const found = zodIssuesToProblems(parsed.error.issues, source.locate, display, {data: raw, keys: MODEL_KEYS})
      problems.push(...found.sort((a, b) => a.line - b.line || a.column - b.column))
    }

    const inc = raw.include
    const list = typeof inc === 'string' ? [inc] : Array.isArray(inc) ? inc : []
    list.forEach((rel, j) => {
      if (typeof rel !== 'string') return
      const at = source.locate(typeof inc === 'string' ? ['include'] : ['include', j])
      const fail = (message: string, hint: string) => problems.push({...at, message, hint, severity: 'error'})
      if (isAbsolute(rel)) return fail(`include \`${rel}\` is an absolute path`, "give a path relative to this file, inside the model's folder")
      const target = resolve(dirname(real), rel)
      let targetReal: string
      try {
        targetReal = realpathSync(target)
      } catch (error) {
        if (!existsSync(target) && (error as NodeJS.ErrnoException).code === 'ENOENT') return fail(`included file \`${rel}\` not found`, 'check the path; it is relative to this file')
        const [why, hint] = readFailure(error)
        return fail(`cannot read included file \`${rel}\`: ${why}`, hint)
      }
      if (!isInside(targetReal, rootDir)) {
        return fail(`include \`${rel}\` lies outside the model's folder`, "included files must lie inside the root model's folder tree (no `..` escapes, no symlinks out)")
      }
      if (!statSync(targetReal).isFile()) return fail(`included \`${rel}\` is not a regular file`, 'include a YAML file, not a folder or a device')
      const childDisplay = normalize(join(dirname(display), rel))
      if (targetReal === real || chain.includes(targetReal)) {
        const loop = [...chain, real]
        const names = [...loop.slice(loop.indexOf(targetReal)), targetReal].map((r) => included.get(r) ?? r)
        return fail(`include cycle: ${names.join(' → ')}`, 'remove one of the includes')
      }
      if (included.has(targetReal)) {
        return fail(`\`${rel}\` is already included (as ${included.get(targetReal)})`, 'include each file once: its lists would be counted twice')
      }
      visit(targetReal, childDisplay, [...chain, real])
    })
  }
  visit(rootReal, rootFile, [])
  return {files, problems, rootReal}
}

function checkVersion(raw: Record<string, unknown>, source: YamlSource, isRoot: boolean, problems: Problem[]): void {
  const v = raw.loudou
  if (v === undefined) {
    if (isRoot) {
      problems.push({...source.locate([]), path: '', message: 'missing `loudou: 1` (the format version)', hint: 'add `loudou: 1` as the first line', severity: 'error'})
    }
    return
  }
  if (v !== FORMAT_VERSION) {
    problems.push({
      ...source.locate(['loudou']),
      message: `unsupported format version ${JSON.stringify(v)}`,
      hint: `this loudou reads \`loudou: ${FORMAT_VERSION}\``,
      severity: 'error',
    })
  }
}
