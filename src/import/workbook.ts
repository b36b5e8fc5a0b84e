// Reading an .xlsx workbook (exceljs) or a CSV file into raw sheets: cells as text, numbers
// or booleans, by row and column. What a cell cannot be read as (a date Excel made of what was
// typed, a formula without a value, an error) travels as an issue, reported by the table
// reader only when the cell is one it reads. Files Excel or WPS must convert first (.xls,
// .numbers, .et, .ods) are refused with what to do.
import {readFileSync, statSync} from 'node:fs'
import {extname} from 'node:path'
import type ExcelJS from 'exceljs'
import {parseCsv} from '../model/csv.js'
import {prescanXlsx} from './prescan.js'
import type {SheetProblem} from './problems.js'

export interface CellIssue {
  issue: string
  fix: string
}
export type RawCell = string | number | boolean | CellIssue

export interface RawRow {
  row: number
  cells: Map<number, RawCell>
}

export interface RawSheet {
  /** The file as given. */
  file: string
  /** Undefined for a CSV file. */
  sheet?: string
  rows: RawRow[]
  /** Merged ranges, with the rows they span. */
  merges: {range: string; top: number; bottom: number}[]
}

export interface ReadLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number
  /** Rows per sheet, and for all the files of one import together. */
  maxRows: number
  /** Uncompressed bytes of a workbook's parts. */
  maxXmlBytes: number
}

// Measured here: a 20,000-row sheet took 11 s of processor time and 400 MB to import, most of
// it in writing and checking the YAML; 5,000 rows took 5 s and 180 MB. A district's workbook
// has hundreds of rows.
export const DEFAULT_READ_LIMITS: ReadLimits = {maxFileBytes: 20 * 1024 * 1024, maxRows: 5_000, maxXmlBytes: 200 * 1024 * 1024}

const SAVE_AS: Record<string, string> = {
  '.xls': 'an Excel 97-2003 workbook (.xls)',
  '.numbers': 'a Numbers document',
  '.et': 'a WPS spreadsheet (.et)',
  '.ods': 'an OpenDocument spreadsheet (.ods)',
  '.xlsb': 'a binary Excel workbook (.xlsb)',
}

export type ReadResult = {sheets: RawSheet[]; problems: SheetProblem[]}

export async function readSpreadsheet(file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<ReadResult> {
  const fail = (message: string, hint?: string): ReadResult => ({sheets: [], problems: [{file, message, hint, severity: 'error'}]})
  const ext = extname(file).toLowerCase()
  const saveAs = 'open it in Excel or WPS and save it as an Excel workbook (.xlsx), or as CSV (UTF-8)'
  if (SAVE_AS[ext]) return fail(`${SAVE_AS[ext]} cannot be read`, saveAs)
  if (!['.xlsx', '.xlsm', '.csv'].includes(ext)) return fail(`not a spreadsheet loudou reads (${ext || 'no extension'})`, 'give .xlsx workbooks or .csv files')
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) return fail('not a regular file', 'give a spreadsheet file')
    size = stat.size
  } catch {
    return fail('cannot read the file: no such file', 'check the path')
  }
  if (size > limits.maxFileBytes) return fail(`the file is larger than ${limits.maxFileBytes / 1048576} MB`, 'a model\'s workbook holds hundreds of rows: split it, or write units with `count` in YAML')
  const bytes = readFileSync(file)
  if (ext === '.csv') return readCsvSheet(file, bytes, limits)
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return fail('this is an .xls workbook or a password-protected one, not an .xlsx', `remove the password, or ${saveAs}`)
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail('not an .xlsx workbook (the file is not a zip archive)', saveAs)
  const scan = await prescanXlsx(bytes, {maxRows: limits.maxRows + 200, maxBytes: limits.maxXmlBytes})
  if (!scan.ok) {
    if (scan.kind === 'not-xlsx') return fail(`not a readable .xlsx workbook: ${scan.detail}`, saveAs)
    if (scan.kind === 'bytes') return fail(`the workbook unpacks to more than ${limits.maxXmlBytes / 1048576} MB`, 'a model\'s workbook holds hundreds of rows: remove what it does not need')
    return {sheets: [], problems: [tooManyRows(file, scan.sheet, limits.maxRows)]}
  }
  // Loaded here, not at start-up: most commands never read a workbook.
  const {default: excel} = await import('exceljs')
  const workbook = new excel.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    return fail(`not a readable .xlsx workbook: ${(error as Error).message}`, saveAs)
  }
  const sheets: RawSheet[] = []
  const problems: SheetProblem[] = []
  for (const ws of workbook.worksheets) {
    const sheet = readWorksheet(file, ws, excel.ValueType.Merge)
    if (sheet.rows.length > limits.maxRows) problems.push(tooManyRows(file, ws.name, limits.maxRows))
    else sheets.push(sheet)
  }
  return {sheets, problems}
}

function tooManyRows(file: string, sheet: string, max: number): SheetProblem {
  return {
    file,
    sheet,
    message: `the sheet has more than ${max.toLocaleString('en-US')} rows`,
    hint: 'a model\'s sheet holds hundreds of rows: delete the empty or formatted rows below the table, or write units with `count` in YAML',
    severity: 'error',
  }
}

function readWorksheet(file: string, ws: ExcelJS.Worksheet, mergeType: ExcelJS.ValueType): RawSheet {
  const rows: RawRow[] = []
  const spans = new Map<string, {top: number; left: string; bottom: number; right: string}>()
  ws.eachRow({includeEmpty: false}, (row, r) => {
    const cells = new Map<number, RawCell>()
    row.eachCell({includeEmpty: false}, (cell, c) => {
      if (cell.type === mergeType) {
        const master = cell.master.address
        const span = spans.get(master) ?? {top: Number(cell.master.row), left: master, bottom: r, right: cell.address}
        span.bottom = Math.max(span.bottom, r)
        span.right = cell.address
        spans.set(master, span)
        return
      }
      const v = cellValue(cell.value)
      if (v !== undefined) cells.set(c, v)
    })
    if (cells.size > 0) rows.push({row: r, cells})
  })
  const merges = [...spans.entries()].map(([master, s]) => ({range: `${master}:${s.right}`, top: s.top, bottom: s.bottom}))
  return {file, sheet: ws.name, rows, merges}
}

const dateText = (d: Date) => d.toISOString().slice(0, 10)
const DATE_ISSUE = (d: Date): CellIssue => ({
  issue: `holds a date (${dateText(d)}), not what was typed`,
  fix: 'Excel turns entries such as 3-5 or 1/2 into dates: format the column as text (文本) and type the value again',
})

function cellValue(v: ExcelJS.CellValue): RawCell | undefined {
  if (v === null || v === undefined) return undefined
  if (typeof v === 'string') return v.trim() === '' ? undefined : v
  if (typeof v === 'number' || typeof v === 'boolean') return v
  if (v instanceof Date) return DATE_ISSUE(v)
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as {result?: unknown}).result
    const formula = 'formula' in v ? v.formula : v.sharedFormula
    if (result === undefined || result === null) {
      return {issue: `holds a formula (=${formula}) without a computed value`, fix: 'open and save the workbook in Excel or WPS, or paste the values (选择性粘贴 → 数值)'}
    }
    return cellValue(result as ExcelJS.CellValue)
  }
  if ('richText' in v) return cellValue(v.richText.map((t) => t.text).join(''))
  if ('hyperlink' in v) return cellValue((v as {text: unknown}).text as ExcelJS.CellValue)
  if ('error' in v) return {issue: `holds the error ${v.error}`, fix: 'correct the cell in Excel or WPS'}
  return {issue: 'holds a value loudou cannot read', fix: 'type plain text or a number'}
}

function readCsvSheet(file: string, bytes: Uint8Array, limits: ReadLimits): ReadResult {
  const csv = parseCsv(bytes, limits.maxRows + 2)
  if (csv.error) return {sheets: [], problems: [{file, cell: String(csv.error.line), message: `not a readable CSV file: ${csv.error.message}`, hint: 'save the sheet again as CSV (UTF-8)', severity: 'error'}]}
  if (csv.rows.length > limits.maxRows) return {sheets: [], problems: [{file, message: `more than ${limits.maxRows.toLocaleString('en-US')} rows`, hint: 'a model\'s table holds hundreds of rows', severity: 'error'}]}
  const rows = csv.rows.map((r) => {
    const cells = new Map<number, RawCell>()
    r.cells.forEach((c, j) => {
      if (c.trim() !== '') cells.set(j + 1, c)
    })
    return {row: r.line, cells}
  })
  return {sheets: [{file, rows, merges: []}], problems: []}
}
