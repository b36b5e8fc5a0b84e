// Problems of an import, located in the spreadsheet the way its user sees it:
// `tasks.xlsx:事项!F12 — 频次 "每月两次" is not a rate: write 2/mo` (a CSV file has no sheet).

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

export function formatSheetProblem(p: SheetProblem, lang: 'en' | 'zh' = 'en'): string {
  const at = p.sheet === undefined ? (p.cell === undefined ? p.file : `${p.file}:${p.cell}`) : `${p.file}:${p.sheet}${p.cell === undefined ? '' : `!${p.cell}`}`
  const warning = p.severity === 'warning' ? (lang === 'zh' ? '警告：' : 'warning: ') : ''
  const hint = p.hint ? `\n    ${lang === 'zh' ? '提示' : 'hint'}: ${p.hint}` : ''
  return `${at} — ${warning}${p.message}${hint}`
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s
  return s
}
