// Problems found in a model or scenario file, each located by file, line, column and path.
import {problemTextZh} from '../i18n/problems-zh.js'
import type {SourceLocation} from './types.js'

export interface Problem extends SourceLocation {
  message: string
  hint?: string
  severity: 'error' | 'warning'
}

/** Thrown at the edge when input cannot be used; carries every problem found, not just the first. */
export class ModelError extends Error {
  readonly problems: Problem[]

  constructor(problems: Problem[]) {
    super(problems.map((p) => formatProblem(p)).join('\n'))
    this.name = 'ModelError'
    this.problems = problems
  }
}

/** One located line (and its hint); `zh` words the frame, the message and the hint in Chinese. */
export function formatProblem(p: Problem, lang: 'en' | 'zh' = 'en'): string {
  p = clipProblem(p)
  const zh = lang === 'zh'
  const where = `${p.file}:${p.line}:${p.column}`
  const path = p.path ? ` ${p.path}:` : ''
  const hint = p.hint ? `\n    ${zh ? `提示：${problemTextZh(p.hint)}` : `hint: ${p.hint}`}` : ''
  const warning = p.severity === 'warning' ? (zh ? '警告：' : 'warning: ') : ''
  return `${where}${path} ${warning}${zh ? problemTextZh(p.message) : p.message}${hint}`
}

/** Quoted values in messages are cut at 60 characters: a 200,000-character id is not echoed back. */
export function clipProblem(p: Problem): Problem {
  const clip = (s: string) => s.replace(/`([^`]{61,})`/g, (_m, v: string) => `\`${v.slice(0, 60)}…\``)
  const path = p.path.length > 200 ? `${p.path.slice(0, 200)}…` : p.path
  return {...p, path, message: clip(p.message), ...(p.hint ? {hint: clip(p.hint)} : {})}
}

/**
 * Problems as printed: at most `perFile` per file (default 100), then one line saying how
 * many more there are (JSON output lists them all).
 */
export function capProblems(problems: readonly Problem[], lang: 'en' | 'zh' = 'en', perFile = 100): string[] {
  return cappedLines(problems, lang, perFile).map((l) => l.text)
}

/** capProblems with each line's kind: errors (and the "more" lines) print even with --quiet. */
export function cappedLines(problems: readonly Problem[], lang: 'en' | 'zh' = 'en', perFile = 100): Array<{text: string; error: boolean}> {
  const shown = new Map<string, number>()
  const lines: Array<{text: string; error: boolean}> = []
  for (const p of problems) {
    const n = shown.get(p.file) ?? 0
    shown.set(p.file, n + 1)
    if (n < perFile) lines.push({text: formatProblem(p, lang), error: p.severity === 'error'})
  }
  for (const [file, n] of shown) {
    if (n <= perFile) continue
    const more = n - perFile
    lines.push({text: lang === 'zh' ? `${file}：… 另有 ${more} 个问题（--json 列出全部）` : `${file}: … and ${more} more (--json lists them all)`, error: true})
  }
  return lines
}

/** The closing line under a list of problems. */
export function problemCount(errors: number, lang: 'en' | 'zh' = 'en'): string {
  return lang === 'zh' ? `发现 ${errors} 个问题。` : `${errors} problem${errors === 1 ? '' : 's'} found.`
}

export function problemAt(
  loc: SourceLocation | undefined,
  file: string,
  message: string,
  hint?: string,
  severity: Problem['severity'] = 'error',
): Problem {
  return {file: loc?.file ?? file, line: loc?.line ?? 1, column: loc?.column ?? 1, path: loc?.path ?? '', message, hint, severity}
}

/**
 * A warning in JSON output (`warnings[]`): `code` is a stable kebab-case id; the location, or
 * the unit it concerns, when there is one. Human output prints them on stderr like problems.
 */
export interface Warning {
  code: string
  message: string
  hint?: string
  unit?: string
  file?: string
  line?: number
  column?: number
  path?: string
}
