// Raw sheets → typed rows of the five tables. A sheet is named for its table (单位, 事项, 诉求,
// 类别, 职权 or the English names) or recognised by its headers; its header row is the first
// with two recognised headers (title rows above it are skipped). Every cell that cannot be
// read is a problem at its cell; all of them are found in one pass.
import {basename} from 'node:path'
import {DEMAND, TASKS, UNITS, columnFor, isIgnoredHeader, isReadmeSheet, normaliseHeader, tableNamed} from './columns.js'
import type {Column, Table, TableName} from './columns.js'
import {closest} from './closest.js'
import {columnLetter} from './problems.js'
import type {SheetProblem} from './problems.js'
import {readCell} from './values.js'
import type {Cell} from './values.js'
import type {RawCell, RawSheet} from './workbook.js'

export interface TableRow {
  file: string
  sheet?: string
  row: number
  values: Record<string, unknown>
  /** Where each value came from: the cell and the header as written. */
  cells: Record<string, {cell: string; header: string}>
}

export type Rows = Record<TableName, TableRow[]>

const HEADER_SEARCH_ROWS = 20

const isIssue = (c: RawCell | undefined): c is {issue: string; fix: string} => typeof c === 'object' && c !== null

/** Reads every sheet; sheets of no table are left out with a warning. */
export function readTables(sheets: readonly RawSheet[]): {rows: Rows; problems: SheetProblem[]; used: {file: string; sheet?: string; table: TableName; rows: number}[]} {
  const rows: Rows = {units: [], tasks: [], demand: [], categories: [], powers: []}
  const problems: SheetProblem[] = []
  const used: {file: string; sheet?: string; table: TableName; rows: number}[] = []
  for (const sheet of sheets) {
    if (sheet.sheet !== undefined && isReadmeSheet(sheet.sheet)) continue
    const at = (cell: string | undefined, message: string, hint?: string, severity: SheetProblem['severity'] = 'error') =>
      problems.push({file: sheet.file, sheet: sheet.sheet, cell, message, hint, severity})
    const name = sheet.sheet ?? basename(sheet.file)
    const named = tableNamed(name)
    const found = named ?? tableByHeaders(sheet)
    if (!found) {
      if (sheet.rows.length > 0) {
        at(undefined, 'not read: neither its name nor its headers are those of a units, tasks or demand table', 'name the sheet 单位, 事项 or 诉求 (units, tasks, demand), or 说明 to keep notes', 'warning')
      }
      continue
    }
    const table = found
    // A sheet named for its table may have a single column (类别: 名称); otherwise two headers
    // tell the header row from a title above it.
    const header = sheet.rows.slice(0, HEADER_SEARCH_ROWS).find((r) => recognised(table, r.cells) >= (named ? 1 : 2))
    if (!header) {
      at(undefined, `no header row: none of the first ${HEADER_SEARCH_ROWS} rows has the headers of a ${table.name} table`, `put the headers in one row: ${table.columns.filter((c) => c.required).map((c) => c.zh[0]).join(', ')} …`)
      continue
    }
    // Columns: each header once, every header known (or kept out with # or 备注).
    const columns = new Map<number, {column: Column; header: string}>()
    const seen = new Map<string, string>()
    for (const [col, raw] of header.cells) {
      const cell = `${columnLetter(col)}${header.row}`
      if (isIssue(raw)) {
        at(cell, `the header ${raw.issue}`, raw.fix)
        continue
      }
      const text = String(raw).trim()
      if (isIgnoredHeader(text)) continue
      const column = columnFor(table, text)
      if (!column) {
        at(cell, `unknown column "${text}" in a ${table.name} table`, `${suggestHeader(table, text)}start the header with # to keep the column out of the import`)
        continue
      }
      const first = seen.get(column.key)
      if (first) at(cell, `"${text}" says the same as the column ${first}`, 'keep one of the two columns')
      else {
        seen.set(column.key, `${columnLetter(col)} (${text})`)
        columns.set(col, {column, header: text})
      }
    }
    for (const c of table.columns.filter((c) => c.required && !seen.has(c.key))) {
      at(String(header.row), `no column ${c.zh[0]} (${c.en[0]})`, `add a column headed ${c.zh[0]}: ${c.note}`)
    }
    if (table === TASKS && !seen.has('frequency') && !seen.has('perYear')) at(String(header.row), 'no column 频次 (frequency) or 次数/年 (per year)', 'say how often each task arrives')
    if (table === DEMAND && !seen.has('rate') && !seen.has('perThousandYear')) at(String(header.row), 'no column 发生率 (rate) or 每千人每年件数', 'say how often residents raise each request')
    for (const m of sheet.merges) {
      if (m.bottom >= header.row) at(m.range, 'merged cells', 'unmerge them and fill in every cell (a merged cell holds a value for its first cell only)')
    }
    const before = rows[table.name].length
    for (const r of sheet.rows) {
      if (r.row <= header.row) continue
      const row: TableRow = {file: sheet.file, sheet: sheet.sheet, row: r.row, values: {}, cells: {}}
      const written = new Set<string>()
      for (const [col, {column, header: text}] of columns) {
        const raw = r.cells.get(col)
        const cell = `${columnLetter(col)}${r.row}`
        row.cells[column.key] = {cell, header: text}
        if (raw === undefined) continue
        written.add(column.key)
        if (isIssue(raw)) {
          at(cell, `${text} ${raw.issue}`, raw.fix)
          continue
        }
        const read = readCell(column.type, raw as Cell)
        if (read.ok) row.values[column.key] = read.value
        else at(cell, `${text} ${JSON.stringify(typeof raw === 'string' ? raw.trim() : raw)} ${read.message}: ${read.fix}`)
      }
      if (![...columns.keys()].some((col) => r.cells.has(col))) continue // only notes on this row
      for (const [col, {column, header: text}] of columns) {
        if (column.required && !r.cells.has(col)) at(`${columnLetter(col)}${r.row}`, `${text} is empty`, column.note)
      }
      checkArrival(table, row, written, at)
      rows[table.name].push(row)
    }
    used.push({file: sheet.file, sheet: sheet.sheet, table: table.name, rows: rows[table.name].length - before})
  }
  return {rows, problems, used}
}

/** A task needs exactly one of 频次 and 次数/年; a request one of 发生率 and 每千人每年件数. */
function checkArrival(table: Table, row: TableRow, written: ReadonlySet<string>, at: (cell: string, message: string, hint: string) => void): void {
  const pair = table === TASKS ? ['frequency', 'perYear'] : table === DEMAND ? ['rate', 'perThousandYear'] : undefined
  if (!pair) return
  const present = pair.filter((k) => row.cells[k] !== undefined)
  if (present.length === 0) return // the missing column is reported once, at the header
  const given = pair.filter((k) => written.has(k))
  if (given.length === 2) at(row.cells[pair[1]].cell, `both ${row.cells[pair[0]].header} and ${row.cells[pair[1]].header} are given`, 'keep one of them')
  if (given.length === 0) {
    const first = row.cells[present[0]]
    at(first.cell, `${first.header} is empty`, table === TASKS ? 'say how often it arrives: 每月, 2/mo, 6/y …' : 'write a rate such as 3/1000/mo')
  }
}

function recognised(table: Table, cells: Map<number, RawCell>): number {
  let n = 0
  for (const c of cells.values()) if (typeof c === 'string' && columnFor(table, c)) n++
  return n
}

/** A sheet of no known name: the main table whose headers it shares most (at least two). */
function tableByHeaders(sheet: RawSheet): Table | undefined {
  let best: {table: Table; n: number} | undefined
  for (const row of sheet.rows.slice(0, HEADER_SEARCH_ROWS)) {
    for (const table of [UNITS, TASKS, DEMAND]) {
      const n = recognised(table, row.cells) - (table === DEMAND ? 0.5 : 0) // 名称 and 工时 are shared with tasks
      if (n >= 2 && (!best || n > best.n)) best = {table, n}
    }
    if (best) return best.table
  }
  return undefined
}

function suggestHeader(table: Table, text: string): string {
  const meant = closest(text, table.columns.flatMap((c) => [...c.zh, ...c.en]), normaliseHeader)
  return meant ? `did you mean ${meant}? ` : `the columns of a ${table.name} table: ${table.columns.map((c) => c.zh[0]).join(' ')}; `
}
