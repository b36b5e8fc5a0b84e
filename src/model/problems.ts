// Problems found in a model or scenario file, each located by file, line, column and path.
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

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.column}`
  const path = p.path ? ` ${p.path}:` : ''
  const hint = p.hint ? `\n    hint: ${p.hint}` : ''
  return `${where}${path} ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}${hint}`
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
