// `loudou import`: spreadsheets → a model YAML that validates. Reads every file, every sheet
// and every cell before saying anything, so all the problems come out in one list; then checks
// the model it wrote with the loader itself.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, extname, join} from 'node:path'
import {checkModel} from '../model/load.js'
import type {Problem} from '../model/problems.js'
import {buildModel} from './build.js'
import type {ModelOut} from './build.js'
import {modelYaml} from './emit.js'
import {IMPORTED_MODEL, type SheetProblem} from './problems.js'
import {readTables} from './tables.js'
import type {Rows, TableRow} from './tables.js'
import {DEFAULT_READ_LIMITS, readSpreadsheet} from './workbook.js'
import type {RawSheet, ReadLimits} from './workbook.js'

export interface ImportOptions {
  id?: string
  name?: string
  limits?: ReadLimits
}

export interface ImportResult {
  /** The model's YAML, when there was no error. */
  yaml?: string
  model?: ModelOut
  /** Errors and warnings, in the order of the files, sheets, rows and columns. */
  problems: SheetProblem[]
  /** What was read: each table's sheet and its rows. */
  used: {file: string; sheet?: string; table: string; rows: number}[]
}

export async function importSpreadsheets(files: readonly string[], options: ImportOptions = {}): Promise<ImportResult> {
  const sheets: RawSheet[] = []
  const problems: SheetProblem[] = []
  for (const f of files) {
    const read = await readSpreadsheet(f, options.limits ?? DEFAULT_READ_LIMITS)
    sheets.push(...read.sheets)
    problems.push(...read.problems)
  }
  const limits = options.limits ?? DEFAULT_READ_LIMITS
  const total = sheets.reduce((n, s) => n + s.rows.length, 0)
  if (total > limits.maxRows) {
    const most = limits.maxRows.toLocaleString('en-US')
    problems.push({file: files[0], message: `the spreadsheets hold ${total.toLocaleString('en-US')} rows, more than ${most} in all`, hint: 'a model\'s workbook holds hundreds of rows: write large models with `count` and `replicas` in YAML', severity: 'error'})
  }
  if (problems.some((p) => p.severity === 'error')) return {problems, used: []}
  const {rows, problems: cellProblems, used} = readTables(sheets)
  problems.push(...cellProblems)
  const first = files[0] ?? 'model'
  const has = (t: string) => used.some((u) => u.table === t)
  if (!has('units')) problems.push({file: first, message: 'no units sheet (单位)', hint: 'add a sheet named 单位 (or units) with a row per unit: 名称, 类型, 上级, 层级, 编制/人数 …', severity: 'error'})
  if (!has('tasks') && !has('demand')) problems.push({file: first, message: 'no tasks sheet (事项) and no demand sheet (诉求)', hint: 'add a sheet named 事项 (tasks) or 诉求 (demand)', severity: 'error'})
  const stem = basename(first, extname(first))
  const sources = files.map((f) => ({title: basename(f), note: `imported with loudou import: ${used.filter((u) => u.file === f).map((u) => `${u.sheet ?? u.table} (${u.rows} row${u.rows === 1 ? '' : 's'})`).join(', ')}`}))
  const {model, problems: refProblems} = buildModel(rows, {id: options.id ?? slug(stem), name: options.name ?? stem, sources})
  problems.push(...refProblems)
  const sorted = sortProblems(problems, files, sheets)
  if (sorted.some((p) => p.severity === 'error')) return {problems: sorted, used}
  const yaml = modelYaml(model, [`A model imported from ${files.map((f) => basename(f)).join(', ')} by loudou import (docs/import.md).`, 'Relations (leads, coordinates, summons …) are not read from spreadsheets: add them below.'])
  const checked = validate(yaml, rows)
  return {yaml: checked.some((p) => p.severity === 'error') ? undefined : yaml, model, problems: [...sorted, ...checked], used}
}

/** Lower-case letters, digits and `-`; `imported` when nothing of the name is left. */
export function slug(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').replace(/-{2,}/g, '-')
  return s === '' ? 'imported' : s
}

/** The loader's verdict on the YAML; problems of a task or request point back to its row. */
function validate(yaml: string, rows: Rows): SheetProblem[] {
  const dir = mkdtempSync(join(tmpdir(), 'loudou-import-'))
  try {
    writeFileSync(join(dir, 'model.yaml'), yaml)
    return checkModel(join(dir, 'model.yaml')).problems.map((p) => backToRow(p, rows))
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

function backToRow(p: Problem, rows: Rows): SheetProblem {
  const m = /^(tasks|demand)\[(\d+)\](?:\.(\w+))?/.exec(p.path)
  const row: TableRow | undefined = m ? rows[m[1] as 'tasks' | 'demand'][Number(m[2])] : undefined
  if (!row) return {file: IMPORTED_MODEL, cell: `${p.line}:${p.column}`, message: `${p.path ? `${p.path}: ` : ''}${p.message}`, hint: p.hint, severity: p.severity}
  const key = m?.[3] === 'issuer' || m?.[3] === 'target' || m?.[3] === 'at' ? m[3] : 'name'
  return {file: row.file, sheet: row.sheet, cell: row.cells[key]?.cell ?? String(row.row), message: p.message, hint: p.hint, severity: p.severity}
}

function sortProblems(problems: SheetProblem[], files: readonly string[], sheets: readonly RawSheet[]): SheetProblem[] {
  const pos = (p: SheetProblem): number[] => {
    const m = /^([A-Z]*)(\d*)/.exec(p.cell ?? '') ?? ['', '', '']
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)
    const sheet = sheets.findIndex((s) => s.file === p.file && s.sheet === p.sheet)
    return [files.indexOf(p.file), sheet, m[2] === '' ? 0 : Number(m[2]), col]
  }
  return problems
    .map((p, i) => ({p, i, k: pos(p)}))
    .sort((a, b) => a.k.reduce((d, v, j) => d || v - b.k[j], 0) || a.i - b.i)
    .map((x) => x.p)
}
