// The tidy table: one row per (cell, replication, metric[, unit]), with the cell's factor
// values as columns: `cell, replication, seed, <factor ids…>, metric, unit, tier, value`.
// Written as CSV and as Parquet (hyparquet-writer: a maintained, dependency-light writer;
// hyparquet reads it back for `sweep merge`). The plan rides in the Parquet file's key-value
// metadata (`loudou.sweep`), a shard's position beside it (`loudou.shard`). Both encodings are
// pure functions of the plan and the rows, so equal runs give equal bytes.
import {parquetMetadata, parquetRead} from 'hyparquet'
import {parquetWriteBuffer} from 'hyparquet-writer'
import type {ColumnSource} from 'hyparquet-writer'
import type {SweepPlan} from './plan.js'
import type {UnitResult} from './runner.js'
import type {Shard} from './shard.js'

export const PLAN_KEY = 'loudou.sweep'
export const SHARD_KEY = 'loudou.shard'
const FIXED = ['cell', 'replication', 'seed'] as const
const TAIL = ['metric', 'unit', 'tier', 'value'] as const

export function tableColumns(plan: SweepPlan): string[] {
  return [...FIXED, ...plan.factors.map((f) => f.id), ...TAIL]
}

/** Whether factor j's cell values are all numbers (a DOUBLE column) or not (text). */
function numericFactor(plan: SweepPlan, j: number): boolean {
  return plan.cells.every((c) => typeof c[j] === 'number')
}

function rowCount(units: readonly UnitResult[]): number {
  let n = 0
  for (const u of units) n += u.value.length
  return n
}

export function tableCsv(plan: SweepPlan, units: readonly UnitResult[]): string {
  const lines = [tableColumns(plan).join(',')]
  const numeric = plan.factors.map((_, j) => numericFactor(plan, j))
  for (const u of units) {
    const cell = Math.floor(u.k / plan.replications)
    const head = [String(cell), String(u.k % plan.replications), String(u.seed), ...plan.cells[cell].map((v, j) => (numeric[j] ? csvNumber(v as number) : csvText(String(v))))].join(',')
    for (let i = 0; i < u.value.length; i++) lines.push(`${head},${csvText(plan.metrics[u.metric[i]])},${csvText(u.unit[i])},${u.tier[i]},${csvNumber(u.value[i])}`)
  }
  return lines.join('\n') + '\n'
}

/** Shortest round-trip decimal; empty for a value that does not exist (NaN). */
export function csvNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : ''
}

export function csvText(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function tableParquet(plan: SweepPlan, units: readonly UnitResult[], shard?: Shard): Uint8Array {
  const n = rowCount(units)
  const cell = new Int32Array(n)
  const replication = new Int32Array(n)
  const seed = new BigInt64Array(n)
  const metric: string[] = new Array(n)
  const unit: string[] = new Array(n)
  const tier: string[] = new Array(n)
  const value: Array<number | null> = new Array(n)
  const factorCells: number[] = new Array(n)
  let row = 0
  for (const u of units) {
    const c = Math.floor(u.k / plan.replications)
    for (let i = 0; i < u.value.length; i++, row++) {
      cell[row] = c
      replication[row] = u.k % plan.replications
      seed[row] = BigInt(u.seed)
      metric[row] = plan.metrics[u.metric[i]]
      unit[row] = u.unit[i]
      tier[row] = u.tier[i]
      value[row] = Number.isFinite(u.value[i]) ? u.value[i] : null
      factorCells[row] = c
    }
  }
  const factors: ColumnSource[] = plan.factors.map((f, j) =>
    numericFactor(plan, j)
      ? {name: f.id, data: Float64Array.from(factorCells, (c) => plan.cells[c][j] as number), type: 'DOUBLE', nullable: false}
      : {name: f.id, data: factorCells.map((c) => String(plan.cells[c][j])), type: 'STRING', nullable: false},
  )
  const kv = [{key: PLAN_KEY, value: JSON.stringify(plan)}]
  if (shard) kv.push({key: SHARD_KEY, value: `${shard.index}/${shard.count}`})
  const buffer = parquetWriteBuffer({
    createdBy: 'loudou',
    kvMetadata: kv,
    columnData: [
      {name: 'cell', data: cell, type: 'INT32', nullable: false},
      {name: 'replication', data: replication, type: 'INT32', nullable: false},
      {name: 'seed', data: seed, type: 'INT64', nullable: false},
      ...factors,
      {name: 'metric', data: metric, type: 'STRING', nullable: false},
      {name: 'unit', data: unit, type: 'STRING', nullable: false},
      {name: 'tier', data: tier, type: 'STRING', nullable: false},
      {name: 'value', data: value, type: 'DOUBLE', nullable: true},
    ],
  })
  return new Uint8Array(buffer)
}

export interface ReadTable {
  plan: SweepPlan
  shard?: Shard
  units: UnitResult[]
}

/** Reads a table written by tableParquet; throws with a plain message on anything else. */
export async function readTableParquet(bytes: Uint8Array): Promise<ReadTable> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  const meta = parquetMetadata(buffer)
  const kv = new Map((meta.key_value_metadata ?? []).map((e) => [e.key, e.value ?? '']))
  const planText = kv.get(PLAN_KEY)
  if (planText === undefined) throw new Error('not a loudou sweep table (no loudou.sweep metadata)')
  const plan = JSON.parse(planText) as SweepPlan
  let shard: Shard | undefined
  const shardText = kv.get(SHARD_KEY)
  if (shardText !== undefined) {
    const [index, count] = shardText.split('/').map(Number)
    shard = {index, count}
  }
  const cols = new Map<string, unknown[]>()
  const wanted = ['cell', 'replication', 'seed', 'metric', 'unit', 'tier', 'value']
  await parquetRead({
    file: buffer,
    columns: wanted,
    onChunk(chunk) {
      const list = cols.get(chunk.columnName) ?? []
      const data = chunk.columnData as ArrayLike<unknown>
      for (let i = 0; i < data.length; i++) list[chunk.rowStart + i] = data[i]
      cols.set(chunk.columnName, list)
    },
  })
  const col = (name: string) => cols.get(name) ?? []
  const [cells, reps, seeds, metrics, unitIds, tiers, values] = wanted.map(col)
  const metricIndex = new Map(plan.metrics.map((m, i) => [m, i]))
  const units: UnitResult[] = []
  let current: UnitResult | undefined
  for (let row = 0; row < cells.length; row++) {
    const k = Number(cells[row]) * plan.replications + Number(reps[row])
    if (!current || current.k !== k) {
      current = {k, seed: Number(seeds[row]), metric: [], unit: [], tier: [], value: []}
      units.push(current)
    }
    const m = metricIndex.get(String(metrics[row]))
    if (m === undefined) throw new Error(`row ${row} has the metric ${String(metrics[row])}, which the sweep does not measure`)
    current.metric.push(m)
    current.unit.push(String(unitIds[row]))
    current.tier.push(String(tiers[row]))
    current.value.push(values[row] === null || values[row] === undefined ? NaN : Number(values[row]))
  }
  return {plan, shard, units}
}
