// Turns zod issues into located problems with plain messages and a hint each. Union failures
// are narrowed to the branch the value was evidently meant for (an object effort is reported
// against the distribution shapes, a string against the duration format).
import type {z} from 'zod'
import type {Problem} from './problems.js'
import type {SourceLocation} from './types.js'
import type {JsPath} from './yaml-source.js'

type Issue = z.core.$ZodIssue

export interface ZodProblemOptions {
  /** Prepended to every issue path (when the parsed value sat deeper in the file). */
  prefix?: JsPath
  severity?: Problem['severity']
  /**
   * The value that was parsed (the whole file's data when `prefix` is empty), used to tell a
   * missing key from a wrong value when a schema gives its own error message. Parsing with
   * zod's `reportInput: true` does the same.
   */
  data?: unknown
  /** Keys of the language, to suggest the one meant by an unknown key (edit distance ≤ 2). */
  keys?: readonly string[]
}

export function zodIssuesToProblems(
  issues: readonly Issue[],
  locate: (path: JsPath, options?: {key?: boolean}) => SourceLocation,
  file: string,
  options: ZodProblemOptions = {},
): Problem[] {
  const out: Raw[] = []
  const prefix = options.prefix ?? []
  const absent = (at: JsPath) => options.data !== undefined && isAbsent(options.data, at.slice(prefix.length))
  for (const issue of issues) collect(issue, [...prefix, ...toPath(issue.path)], out, absent)
  if (options.keys) {
    for (const r of out) {
      if (!r.key) continue
      const meant = closest(String(r.at[r.at.length - 1]), options.keys)
      if (meant) r.hint = `did you mean \`${meant}\`?`
    }
  }
  return out.map((p) => {
    const loc = locate(p.at, {key: p.key})
    return {
      file: loc.file || file,
      line: loc.line,
      column: loc.column,
      path: loc.path,
      message: p.message,
      hint: p.hint,
      severity: options.severity ?? 'error',
    }
  })
}

interface Raw {
  at: JsPath
  message: string
  hint?: string
  /** Locate the key itself rather than its value. */
  key?: boolean
}

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((k) => (typeof k === 'number' ? k : String(k)))
}

function isAbsent(data: unknown, path: JsPath): boolean {
  let v: unknown = data
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !(key in (v as object))) return true
    v = (v as Record<string, unknown>)[key as string]
  }
  return v === undefined
}

function collect(issue: Issue, at: JsPath, out: Raw[], absent: (at: JsPath) => boolean): void {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && (isMissing(issue) || absent(at))) {
    out.push(missing(at))
    return
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        out.push({at: [...at, key], key: true, message: `unknown key \`${key}\``, hint: 'check the spelling; docs/model-language.md lists the keys'})
      }
      return
    case 'invalid_union': {
      const branches = issue.errors ?? []
      const deep = branches.find((b) => b.length > 0 && b.every((i) => !isShallow(i)))
      if (deep) {
        for (const i of deep) collect(i, [...at, ...toPath(i.path)], out, absent)
        return
      }
      out.push({at, message: issue.message, hint: hintFor(issue)})
      return
    }
    case 'invalid_type':
      out.push({at, message: issue.message.replace(/^Invalid input: /, ''), hint: hintFor(issue)})
      return
    default:
      out.push({at, message: issue.message.replace(/^Invalid input: /, ''), hint: hintFor(issue)})
  }
}

/** Failed at the union's own level on type alone: the value was not meant for this branch. */
function isShallow(i: Issue): boolean {
  if (i.path.length > 0) return false
  if (i.code === 'invalid_type') return true
  if (i.code === 'invalid_union') return i.errors.length === 0 || i.errors.every((b) => b.some(isShallow))
  return false
}

function isMissing(i: Issue): boolean {
  if (i.code === 'invalid_type') return /received undefined$/.test(i.message) || ('input' in i && i.input === undefined)
  if (i.code === 'invalid_union') return i.errors.length > 0 && i.errors.every((b) => b.every(isMissing))
  return false
}

function missing(at: JsPath): Raw {
  const key = at[at.length - 1]
  return {at, message: `\`${String(key)}\` is required`, hint: `add \`${String(key)}:\` here`}
}

function hintFor(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return 'change the value to lie within the allowed range'
    case 'invalid_value':
      return `use one of: ${issue.values.map((v) => String(v)).join(', ')}`
    case 'invalid_format':
      return 'check the format of this value'
    default:
      return 'see docs/model-language.md for the expected form'
  }
}

/** The key within edit distance 2 of `word` (the nearest; none when `word` is a known key). */
export function closest(word: string, keys: readonly string[]): string | undefined {
  let best: string | undefined
  let bestD = 3
  for (const k of keys) {
    if (Math.abs(k.length - word.length) >= bestD) continue
    const d = distance(word.toLowerCase(), k.toLowerCase())
    if (d < bestD) {
      best = k
      bestD = d
    }
  }
  return best === word ? undefined : best
}

function distance(a: string, b: string): number {
  let prev = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]
}
