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
import {invalidUtf8At, readFailure, utf16Order} from './encoding.js'

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
  /** Refuse larger files before reading them (default DEFAULT_MAX_BYTES, 4 MB). */
  maxBytes?: number
  /** yaml's limit on alias expansion (default 100): stops billion-laughs documents. */
  maxAliasCount?: number
  /** The limit of all the model's files together, for messages (maxBytes is what is left of it). */
  totalBytes?: number
  /** Name to report instead of `file`. */
  displayName?: string
}

/**
 * The YAML parser keeps about 5 KB per value written (its syntax tree, with positions for
 * messages): 4 MB of one-line units is ~80,000 values and ~700 MB at peak, so the cap keeps a
 * load under 1 GB and under a minute. Larger models are written with `count`.
 */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024
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
    if (st.size > max) {
      const mb = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${n} bytes`)
      return fail(`the file is too large (${mb(st.size)}, more than the ${mb(options.totalBytes ?? max)} a model's files may hold together)`, 'write repeated units and tasks once with `count` (100,000 units take one line)')
    }
    bytes = readFileSync(file)
  } catch (error) {
    const [why, hint] = readFailure(error)
    return fail(`cannot read the file: ${why}`, hint)
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
    const utf16 = utf16Order(input)
    if (utf16) return fail(`the file is UTF-16 text (${utf16}), not UTF-8`, 'save it as UTF-8 (in the editor\'s "save with encoding" or "save as" dialog)')
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
      const at = invalidUtf8At(input)
      return fail(`not valid UTF-8 text: byte 0x${input[at.offset].toString(16).padStart(2, '0')} here is not part of a UTF-8 character`, 'save the file as UTF-8 text (it may be in GBK or another legacy encoding)', at.line, at.column)
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
    const several = e.code === 'MULTIPLE_DOCS'
    problems.push({
      file,
      line,
      column: col,
      path: '',
      message: several ? 'a second YAML document starts here (`---`): a model or scenario file holds one document' : deep ? 'the YAML is nested too deeply to read' : `YAML syntax error: ${firstLine(e.message)}`,
      hint: several ? 'remove this `---` line and what follows, or put it in another file (models join files with `include:`)' : 'check indentation, quotes and brackets here',
      severity: 'error',
    })
  }
  // yaml resolves an unknown tag (`!!js/function`, `!pwn`) to a plain string with a warning:
  // loudou refuses it rather than read a value other than the one written.
  for (const w of doc.warnings) {
    if (w.code !== 'TAG_RESOLVE_FAILED') continue
    const {line, col} = pos(w.pos[0])
    const tag = firstLine(w.message).replace(/^Unresolved tag:\s*/, '').replace(/^tag:yaml\.org,2002:/, '!!')
    problems.push({file, line, column: col, path: '', message: `unknown YAML tag \`${tag}\``, hint: 'remove the tag: loudou reads plain YAML values (strings, numbers, booleans, lists, mappings)', severity: 'error'})
  }
  let duplicates: {offset: number; key: string; merge?: boolean}[]
  try {
    duplicates = duplicateKeys(doc)
  } catch {
    return fail('the YAML is nested too deeply to read', 'check indentation, quotes and brackets here')
  }
  for (const d of duplicates) {
    const {line, col} = pos(d.offset)
    if (d.merge) {
      problems.push({file, line, column: col, path: '', message: 'YAML merge keys (`<<`) are not supported', hint: 'write the keys out; to repeat units use `count`, for shared settings use `defaults`', severity: 'error'})
      continue
    }
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
function duplicateKeys(doc: Document.Parsed): {offset: number; key: string; merge?: boolean}[] {
  const out: {offset: number; key: string; merge?: boolean}[] = []
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>()
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue
        const key = String(pair.key.value)
        if (key === '<<' && pair.key.type === 'PLAIN') out.push({offset: pair.key.range?.[0] ?? 0, key, merge: true})
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
export {readFailure} from './encoding.js'
export type {ZodProblemOptions} from './zod-problems.js'
