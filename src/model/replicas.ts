// Per-replica values of a unit entry with `count`: lists (`residents: [8000, 9500, 7200]`) or
// a CSV table (`replicas: communities.csv`, one row a replica). A list or table holds either
// one value per replica of the entry (`count` values, the same under every replica of its
// parents) or one per replica in the whole model (`count` × the parents' counts, in the order
// the units are expanded). The table lies inside the model's folder tree, as includes do.
import {existsSync, readFileSync, realpathSync, statSync} from 'node:fs'
import {dirname, isAbsolute, join, normalize, resolve} from 'node:path'
import type {Item, Origin} from './merge.js'
import type {Problem} from './problems.js'
import type {Report} from './report.js'
import type {UnitInput} from './schema/units.js'
import type {JsPath, YamlSource} from './yaml-source.js'
import {parseCsv} from './csv.js'
import {isInside} from './paths.js'

export const REPLICA_FIELDS = ['name', 'staff', 'residents', 'households'] as const
export type ReplicaField = (typeof REPLICA_FIELDS)[number]
export type ReplicaValues = {name?: string} & {[K in Exclude<ReplicaField, 'name'>]?: number}

/** Column headers a replica table may use (the same words as `loudou import`'s units sheet). */
export const REPLICA_HEADERS: Record<ReplicaField, readonly string[]> = {
  name: ['name', '名称', '单位名称'],
  staff: ['staff', '编制', '人数', '编制/人数', '人员'],
  residents: ['residents', '常住人口', '人口'],
  households: ['households', '户数'],
}

/** Columns kept out of a table: notes (备注) and any header starting with `#`. */
export function isNoteHeader(header: string): boolean {
  const h = header.trim().toLowerCase()
  return h.startsWith('#') || ['备注', '说明', 'note', 'notes', 'remarks', 'comment', 'comments'].includes(h)
}

export type TableReader = (src: YamlSource, rel: string, at: JsPath) => {rows?: ReplicaValues[]; problems: Problem[]}

/** Reads replica tables relative to the file that names them, confined to `rootDir`. */
export function replicaTableReader(realOf: ReadonlyMap<YamlSource, string>, rootDir: string, maxBytes = 50 * 1024 * 1024): TableReader {
  return (src, rel, at) => {
    const fail = (message: string, hint: string) => ({problems: [{...src.locate(at), message, hint, severity: 'error' as const}]})
    const from = realOf.get(src)
    if (from === undefined) return fail('cannot tell which folder this file is in', 'report this as a bug')
    if (isAbsolute(rel)) return fail(`replicas \`${rel}\` is an absolute path`, "give a path relative to this file, inside the model's folder")
    const target = resolve(dirname(from), rel)
    if (!existsSync(target)) return fail(`replica table \`${rel}\` not found`, 'check the path; it is relative to this file')
    const real = realpathSync(target)
    if (!isInside(real, rootDir)) return fail(`replicas \`${rel}\` lies outside the model's folder`, "the table must lie inside the root model's folder tree, as included files do")
    const stat = statSync(real)
    if (!stat.isFile()) return fail(`replicas \`${rel}\` is not a regular file`, 'name a CSV file')
    if (stat.size > maxBytes) return fail(`replica table \`${rel}\` is larger than ${Math.round(maxBytes / 1048576)} MB`, 'a table holds one row per replica')
    if (!/\.csv$/i.test(rel)) return fail(`replicas \`${rel}\` is not a .csv file`, 'save the table as CSV (UTF-8) with a header row: name, staff, residents, households')
    return parseReplicaTable(readFileSync(real), normalize(join(dirname(src.file), rel)))
  }
}

/** A replica table's rows; problems name the table's file, line and column. */
export function parseReplicaTable(bytes: Uint8Array, file: string): {rows?: ReplicaValues[]; problems: Problem[]} {
  const problems: Problem[] = []
  const at = (line: number, column: number, path: string, message: string, hint?: string) =>
    problems.push({file, line, column, path, message, hint, severity: 'error'})
  const csv = parseCsv(bytes)
  if (csv.error) {
    at(csv.error.line, 1, '', `not a readable CSV table: ${csv.error.message}`, 'save the table again as CSV')
    return {problems}
  }
  const [head, ...body] = csv.rows
  if (!head) {
    at(1, 1, '', 'the table is empty', `give a header row (${REPLICA_FIELDS.join(', ')}) and one row per replica`)
    return {problems}
  }
  const columns = head.cells.map((h, j) => {
    const word = h.trim()
    const field = REPLICA_FIELDS.find((f) => REPLICA_HEADERS[f].some((w) => w.toLowerCase() === word.toLowerCase()))
    if (!field && word !== '' && !isNoteHeader(word)) at(head.line, j + 1, word, `unknown column \`${word}\``, `a replica table has the columns ${REPLICA_FIELDS.join(', ')} (or 名称, 编制, 常住人口, 户数); notes go in a column 备注 or one whose header starts with #`)
    return field
  })
  const rows = body.map((r) => {
    const values: ReplicaValues = {}
    columns.forEach((field, j) => {
      const cell = (r.cells[j] ?? '').trim()
      if (!field || cell === '') return
      if (field === 'name') values.name = cell
      else {
        const n = Number(cell.replace(/[,\s]/g, ''))
        if (!Number.isFinite(n) || n < 0) at(r.line, j + 1, field, `${field} \`${cell}\` is not a number of 0 or more`, 'write a plain number such as 8000')
        else values[field] = n
      }
    })
    return values
  })
  return problems.length > 0 ? {problems} : {rows, problems}
}

/** The checked per-replica values of each entry, by the entry's location (file and path). */
export type ReplicaPlan = Map<string, {count: number; total: number; values: Partial<Record<ReplicaField, readonly (string | number | undefined)[]>>}>

export const originKey = (o: Origin): string => `${o.src.file}\0${o.path.join('\0')}`

/** Checks every list and table against `count` (and the parents' counts) and reads the tables. */
export function planReplicas(entries: readonly Item<UnitInput>[], readTable: TableReader | undefined, report: Report): ReplicaPlan {
  const plan: ReplicaPlan = new Map()
  const visit = (u: UnitInput, at: Origin, above: number) => {
    const n = u.count ?? 1
    const lists = REPLICA_FIELDS.filter((f) => Array.isArray(u[f]))
    if (u.count === undefined) {
      for (const f of lists) report.error(at, [f], `a list of \`${f}\` needs \`count\``, 'add `count: N` (one value per replica), or give a single value')
      if (u.replicas !== undefined) report.error(at, ['replicas'], '`replicas` needs `count`', 'add `count: N`, the number of rows in the table')
    } else if (lists.length > 0 || u.replicas !== undefined) {
      const total = n * above
      const sizes = total === n ? `${n}` : `${n} (one per replica, the same under every replica of its parents) or ${total} (one per replica in the whole model, in order)`
      const values: Partial<Record<ReplicaField, readonly (string | number | undefined)[]>> = {}
      for (const f of lists) {
        const list = u[f] as readonly (string | number)[]
        if (list.length !== n && list.length !== total) report.error(at, [f], `\`${f}\` lists ${list.length} value${list.length === 1 ? '' : 's'} but \`count\` is ${n}`, `give ${sizes} values`)
        else values[f] = list
      }
      if (u.replicas !== undefined && readTable) {
        const {rows, problems} = readTable(at.src, u.replicas, [...at.path, 'replicas'])
        report.problems.push(...problems) // located in the YAML or in the table itself
        if (rows) {
          if (rows.length !== n && rows.length !== total) report.error(at, ['replicas'], `\`${u.replicas}\` has ${rows.length} row${rows.length === 1 ? '' : 's'} but \`count\` is ${n}`, `give ${sizes} rows below the header`)
          else {
            for (const f of REPLICA_FIELDS) {
              if (!rows.some((r) => r[f] !== undefined)) continue
              if (values[f]) report.error(at, [f], `\`${f}\` is given both here and in \`${u.replicas}\``, 'keep one of them')
              else values[f] = rows.map((r) => r[f])
            }
          }
        }
      }
      plan.set(originKey(at), {count: n, total, values})
    }
    u.children?.forEach((c, j) => visit(c, {src: at.src, path: [...at.path, 'children', j]}, above * n))
  }
  for (const e of entries) visit(e.value, e, 1)
  return plan
}
