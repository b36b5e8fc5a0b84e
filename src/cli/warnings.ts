// Warnings in JSON `warnings[]` and, framed like problems, on stderr. Which warnings a model
// gets before any run is in ./structure-warnings.ts (it loads the structural metrics).
import type {Warning} from '../model/problems.js'
import {formatProblem} from '../model/problems.js'
import type {Lang} from './output.js'

export type {Warning} from '../model/problems.js'

/** One warning framed like a problem: `file:line:col path: warning: …` and its hint. */
export function formatWarning(w: Warning, lang: Lang = 'en'): string {
  if (w.file !== undefined) {
    return formatProblem({file: w.file, line: w.line ?? 1, column: w.column ?? 1, path: w.path ?? '', message: w.message, hint: w.hint, severity: 'warning'}, lang)
  }
  const hint = w.hint ? `\n    ${lang === 'zh' ? '提示：' : 'hint: '}${w.hint}` : ''
  return `${lang === 'zh' ? '警告：' : 'warning: '}${w.message}${hint}`
}

/** The list without repeats (the scenarios of one base share its warnings). */
export function uniqueWarnings(list: readonly Warning[]): Warning[] {
  const seen = new Set<string>()
  return list.filter((w) => {
    const key = JSON.stringify(w)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
