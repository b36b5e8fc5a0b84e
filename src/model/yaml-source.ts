// YAML with positions: parse a file once, keep its document and a LineCounter, and map any JS
// path (`['units', 3, 'parent']`, a zod issue path) back to file:line:column. Shared by the
// model loader and the scenario loader. Hostile input (binary, huge, alias bombs, duplicate
// keys, syntax errors) becomes located problems, never an exception.
import {readFileSync, realpathSync, statSync} from 'node:fs'
import {isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit} from 'yaml'
import type {Document, Node as YamlNode, Pair, YAMLMap} from 'yaml'
import {ModelError, problemAt} from './problems.js'
import type {Problem} from './problems.js'
import type {SourceLocation} from './types.js'
import {isInside} from './paths.js'

export type JsPath = readonly (string | number)[]

export interface YamlSource {
  /** The file name used in problems (as given, or joined from the including file). */
  file: string
  doc: Document.Parsed
  /** The document as plain JS (aliases resolved). */
  data: unknown
  lineCounter: LineCounter
  /**
   * Where the value at `path` was written; the nearest existing ancestor when it is missing.
   * With `{key: true}`, the position of the last key itself (for unknown-key messages).
   */
  locate(path: JsPath, options?: {key?: boolean}): SourceLocation
}

export interface ReadYamlOptions {
  /** When set, the file's real path must lie inside this folder's real path. */
  root?: string
  /** Refuse larger files before reading them (default 50 MB). */
  maxBytes?: number
  /** yaml's limit on alias expansion (default 100): stops billion-laughs documents. */
  maxAliasCount?: number
  /** Name to report instead of `file`. */
  displayName?: string
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024
export const DEFAULT_MAX_ALIAS_COUNT = 100

export interface ParseResult {
  source?: YamlSource
  problems: Problem[]
}

/** Reads and parses a YAML file; throws ModelError (with every problem) when unusable. */
export function readYamlFile(file: string, options: ReadYamlOptions = {}): YamlSource {
  const {source, problems} = tryReadYamlFile(file, options)
  if (!source || problems.some((p) => p.severity === 'error')) throw new ModelError(problems)
  return source
}

/** Like readYamlFile, but returns the problems instead of throwing. */
export function tryReadYamlFile(file: string, options: ReadYamlOptions = {}): ParseResult {
  const name = options.displayName ?? file
  const fail = (message: string, hint?: string): ParseResult => ({
    problems: [problemAt(undefined, name, message, hint)],
  })
  let bytes: Buffer
  try {
    if (options.root !== undefined && !isInside(realpathSync(file), realpathSync(options.root))) {
      return fail(`the file lies outside the model's folder ${options.root}`, 'keep every model file inside the folder of the root model')
    }
    const st = statSync(file)
    if (!st.isFile()) return fail('not a regular file', 'give the path of a YAML file')
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES
    if (st.size > max) return fail(`the file is too large (${st.size} bytes, limit ${max})`, 'split the model or use `count` to replicate units')
    bytes = readFileSync(file)
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.message
    return fail(`cannot read the file: ${why}`, 'check the path')
  }
  return parseYamlText(bytes, name, options)
}

/** Parses YAML text or bytes that claim to come from `file`. */
export function parseYamlText(input: string | Uint8Array, file: string, options: ReadYamlOptions = {}): ParseResult {
  const fail = (message: string, hint?: string, line = 1, column = 1): ParseResult => ({
    problems: [{file, line, column, path: '', message, hint, severity: 'error'}],
  })
  let text: string
  if (typeof input === 'string') text = input
  else {
    const nul = input.indexOf(0)
    if (nul >= 0) {
      let line = 1
      let start = 0
      for (let k = input.indexOf(10); k >= 0 && k < nul; k = input.indexOf(10, k + 1)) {
        line++
        start = k + 1
      }
      return fail(`binary file: NUL byte at offset ${nul}`, 'a model is a UTF-8 YAML text file', line, nul - start + 1)
    }
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(input)
    } catch {
      return fail('binary file: not valid UTF-8', 'save the file as UTF-8 text')
    }
  }
  if (text.includes('\0')) return fail('binary file: NUL character', 'a model is a UTF-8 YAML text file')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const lineCounter = new LineCounter()
  let doc: Document.Parsed
  try {
    // yaml's own uniqueKeys check compares every key with every other: quadratic on a mapping
    // with many keys, so duplicates are found below with a set per mapping instead.
    doc = parseDocument(text, {lineCounter, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false})
  } catch (error) {
    return fail(`cannot parse the file: ${(error as Error).message}`, 'check the YAML syntax')
  }
  const pos = (offset: number) => lineCounter.linePos(offset)
  const problems: Problem[] = []
  // A syntax error derails the parser, so only the first is worth reading; duplicate keys are
  // independent of each other and all reported.
  const e = doc.errors[0]
  if (e) {
    const {line, col} = pos(e.pos[0])
    const deep = /call stack/i.test(e.message)
    problems.push({
      file,
      line,
      column: col,
      path: '',
      message: deep ? 'the YAML is nested too deeply to read' : `YAML syntax error: ${firstLine(e.message)}`,
      hint: 'check indentation, quotes and brackets here',
      severity: 'error',
    })
  }
  let duplicates: {offset: number; key: string}[]
  try {
    duplicates = duplicateKeys(doc)
  } catch {
    return fail('the YAML is nested too deeply to read', 'check indentation, quotes and brackets here')
  }
  for (const d of duplicates) {
    const {line, col} = pos(d.offset)
    problems.push({
      file,
      line,
      column: col,
      path: '',
      message: `duplicate key \`${d.key}\``,
      hint: 'each key may appear once in a mapping; remove or rename one',
      severity: 'error',
    })
  }
  if (problems.length > 0) return {problems: problems.sort((a, b) => a.line - b.line || a.column - b.column)}
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return fail('the file is empty', 'a model file is a YAML mapping that starts with `loudou: 1`')
  }
  if (!isMap(doc.contents)) {
    const {line, col} = pos(doc.contents.range?.[0] ?? 0)
    return fail('the top level is not a mapping', 'write `key: value` lines at the top level, starting with `loudou: 1`', line, col)
  }
  let data: unknown
  try {
    data = doc.toJS({maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT})
  } catch (error) {
    const msg = (error as Error).message
    if (/alias/i.test(msg)) {
      let offset = 0
      visit(doc, {
        Alias(_, node) {
          offset = node.range?.[0] ?? 0
          return visit.BREAK
        },
      })
      const {line, col} = pos(offset)
      return fail(`too many aliases: ${firstLine(msg)}`, 'expand aliases by hand or use `count`; alias bombs are refused', line, col)
    }
    return fail(`cannot read the YAML values: ${firstLine(msg)}`, 'check the YAML here')
  }
  return {source: makeSource(file, doc, data, lineCounter), problems}
}

/** Keys written twice in one mapping (compared as JS keys: `1` and `"1"` collide), in order. */
function duplicateKeys(doc: Document.Parsed): {offset: number; key: string}[] {
  const out: {offset: number; key: string}[] = []
  visit(doc, {
    Map(_, map) {
      if (map.items.length < 2) return
      const seen = new Set<string>()
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue
        const key = String(pair.key.value)
        if (seen.has(key)) out.push({offset: pair.key.range?.[0] ?? 0, key: key.length > 60 ? `${key.slice(0, 60)}…` : key})
        else seen.add(key)
      }
    },
  })
  return out
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim()
}

function makeSource(file: string, doc: Document.Parsed, data: unknown, lineCounter: LineCounter): YamlSource {
  const locate = (path: JsPath, options: {key?: boolean} = {}): SourceLocation => {
    let node: unknown = doc.contents
    for (let i = 0; i < path.length; i++) {
      const next = child(doc, node, path[i], options.key === true && i === path.length - 1)
      if (next === undefined) break
      node = next
    }
    const offset = (node as YamlNode | null)?.range?.[0] ?? 0
    const {line, col} = lineCounter.linePos(offset)
    return {file, line, column: col, path: formatPath(path)}
  }
  return {file, doc, data, lineCounter, locate}
}

// Key → pair of each large mapping, built on first lookup: locating every key of a mapping
// with thousands of (say, unknown) keys would otherwise cost quadratic time.
const pairIndex = new WeakMap<object, Map<string, Pair>>()

function pairOf(node: YAMLMap, key: string): Pair | undefined {
  if (node.items.length <= 16) {
    for (const pair of node.items) if (keyText(pair) === key) return pair
    return undefined
  }
  let index = pairIndex.get(node)
  if (!index) {
    index = new Map()
    for (const pair of node.items) {
      const k = keyText(pair)
      if (!index.has(k)) index.set(k, pair)
    }
    pairIndex.set(node, index)
  }
  return index.get(key)
}

function keyText(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key)
}

function child(doc: Document.Parsed, node: unknown, key: string | number, wantKey = false): unknown {
  if (isAlias(node)) node = node.resolve(doc)
  if (isMap(node)) {
    const pair = pairOf(node, String(key))
    if (!pair) return undefined
    return (wantKey ? pair.key : pair.value ?? pair.key) ?? undefined
  }
  if (isSeq(node) && typeof key === 'number') return node.items[key] ?? undefined
  return undefined
}

/** `['units', 3, 'parent']` → `units[3].parent`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else {
      const k = String(key)
      if (/^[A-Za-z_$][\w$-]*$/.test(k)) out += out === '' ? k : `.${k}`
      else out += `[${JSON.stringify(k)}]`
    }
  }
  return out
}

export {zodIssuesToProblems} from './zod-problems.js'
export type {ZodProblemOptions} from './zod-problems.js'
