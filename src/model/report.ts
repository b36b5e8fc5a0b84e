// Collects the problems of the resolution pass, each located through the origin of the item
// it concerns (file and path as written) plus the field inside it.
import type {Problem} from './problems.js'
import type {Origin} from './merge.js'
import type {JsPath} from './yaml-source.js'

export class Report {
  readonly problems: Problem[] = []
  private readonly seen = new Set<string>()

  error(at: Origin, sub: JsPath, message: string, hint?: string): void {
    this.add(at, sub, message, hint, 'error')
  }

  warning(at: Origin, sub: JsPath, message: string, hint?: string): void {
    this.add(at, sub, message, hint, 'warning')
  }

  get failed(): boolean {
    return this.problems.some((p) => p.severity === 'error')
  }

  private add(at: Origin, sub: JsPath, message: string, hint: string | undefined, severity: Problem['severity']): void {
    const p: Problem = {...at.src.locate([...at.path, ...sub]), message, hint, severity}
    // Replicas share their entry's location: say each thing once.
    const key = `${p.file}\0${p.line}\0${p.column}\0${p.path}\0${message}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    this.problems.push(p)
  }
}
