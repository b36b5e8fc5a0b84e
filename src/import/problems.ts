// Problems of an import, located in the spreadsheet the way its user sees it:
// `tasks.xlsx:事项!F12 — 频次 "每月两次" is not a rate: write 2/mo` (a CSV file has no sheet).
import {importTextZh} from '../i18n/import-zh.js'

export interface SheetProblem {
  /** The file as given on the command line. */
  file: string
  sheet?: string
  /** A cell (F12), a range (A3:B5), a row (12) or nothing for the whole sheet or file. */
  cell?: string
  message: string
  hint?: string
  severity: 'error' | 'warning'
}

/** The file of a problem found in the model made of the sheets, not in one of them. */
export const IMPORTED_MODEL = 'the imported model'

export function formatSheetProblem(p: SheetProblem, lang: 'en' | 'zh' = 'en'): string {
  const zh = lang === 'zh'
  const file = zh && p.file === IMPORTED_MODEL ? '导入后的模型' : p.file
  const at = p.sheet === undefined ? (p.cell === undefined ? file : `${file}:${p.cell}`) : `${file}:${p.sheet}${p.cell === undefined ? '' : `!${p.cell}`}`
  const warning = p.severity === 'warning' ? (zh ? '警告：' : 'warning: ') : ''
  const hint = p.hint ? `\n    ${zh ? `提示：${importTextZh(p.hint)}` : `hint: ${p.hint}`}` : ''
  return `${at} — ${warning}${zh ? importTextZh(p.message) : p.message}${hint}`
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s
  return s
}
