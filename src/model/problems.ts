// Problems found in a model or scenario file, each located by file, line, column and path.
import {problemTextZh} from '../i18n/problems-zh.js'
import type {SourceLocation} from './types.js'

export interface Problem extends SourceLocation {
  message: string
  hint?: string
  severity: 'error' | 'warning'
}

/** A warning for JSON `warnings[]` and stderr: what was found, where, and what to do. */
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
  const zh = lang === 'zh'
  const where = `${p.file}:${p.line}:${p.column}`
  const path = p.path ? ` ${p.path}:` : ''
  const hint = p.hint ? `\n    ${zh ? `提示：${problemTextZh(p.hint)}` : `hint: ${p.hint}`}` : ''
  const warning = p.severity === 'warning' ? (zh ? '警告：' : 'warning: ') : ''
  return `${where}${path} ${warning}${zh ? problemTextZh(p.message) : p.message}${hint}`
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
