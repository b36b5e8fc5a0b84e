// Tables bound for a workbook (`simulate --xlsx`, `compare --xlsx`): one sheet a table, headers
// in the language asked for, numbers kept as numbers with a display format, each confidence
// bound in a column of its own. Pure data; src/xlsx/write.ts makes the file.

export type Lang = 'en' | 'zh'
export type Value = string | number | boolean | null

export interface SheetColumn {
  header: string
  /** Excel number format for display; the stored value keeps full precision. */
  format?: string
  width?: number
}

export interface SheetTable {
  name: string
  columns: SheetColumn[]
  rows: Value[][]
}

export const FORMAT = {share: '0.000', hours: '0.0', count: '0.0', integer: '0'} as const

/** A number for a cell: non-finite values (no observation) leave the cell empty. */
export const cellNumber = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? x : null)

/** A mean with its 95% CI as three columns: value, low, high. */
export function estimateColumns(label: {en: string; zh: string}, lang: Lang, format: string): SheetColumn[] {
  const l = label[lang]
  return lang === 'zh'
    ? [{header: l, format}, {header: `${l}下限`, format}, {header: `${l}上限`, format}]
    : [{header: l, format}, {header: `${l} low`, format}, {header: `${l} high`, format}]
}

export const estimateCells = (e: {mean: number; lo: number; hi: number}): Value[] => [cellNumber(e.mean), cellNumber(e.lo), cellNumber(e.hi)]

/** Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'sheet'
  let out = base
  for (let k = 2; taken.has(out.toLowerCase()); k++) out = `${base.slice(0, 31 - String(k).length - 1)}~${k}`
  taken.add(out.toLowerCase())
  return out
}
