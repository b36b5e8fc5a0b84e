// Sharding: any N gives the same rows; merged shards are the bytes of the unsharded run
// (Parquet and CSV), whatever the number of worker threads; the Parquet reads back in DuckDB.
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {DuckDBInstance} from '@duckdb/node-api'
import {beforeAll, describe, expect, it} from 'vitest'
import {loadSweep, mergeTables, parseShard, readTableParquet, runSweep, shardUnits, tableCsv, tableParquet} from '../../src/sweep/index.js'
import type {LoadedSweep, UnitResult} from '../../src/sweep/index.js'

const FIXTURES = join(import.meta.dirname, 'fixtures')
const dir = mkdtempSync(join(tmpdir(), 'loudou-sweep-shard-'))

describe('shard specs', () => {
  it('I/N with 0 ≤ I < N', () => {
    expect(parseShard('2/8')).toEqual({index: 2, count: 8})
    expect(parseShard('0/1')).toEqual({index: 0, count: 1})
    for (const bad of ['-1/4', 'a/b', '1', '1/2/3', '']) expect(parseShard(bad)).toEqual({problem: 'format'})
    expect(parseShard('0/0')).toEqual({problem: 'count'})
    for (const bad of ['3/2', '2/2']) expect(parseShard(bad)).toEqual({problem: 'index', last: 1})
    expect(parseShard('0/1000001')).toEqual({problem: 'tooMany'})
  })

  it('every N-th work unit, and together all of them once', () => {
    expect(shardUnits(10, {index: 1, count: 3})).toEqual([1, 4, 7])
    for (const n of [1, 2, 3, 7, 11]) {
      const all = Array.from({length: n}, (_, i) => shardUnits(10, {index: i, count: n})).flat().sort((a, b) => a - b)
      expect(all).toEqual([...Array(10).keys()])
    }
  })
})

describe('sharded runs', () => {
  let sweep: LoadedSweep
  let whole: UnitResult[]
  let bytes: Uint8Array
  beforeAll(async () => {
    sweep = loadSweep(join(FIXTURES, 'leakage.yaml'))
    whole = await runSweep(sweep, {workers: 1})
    bytes = tableParquet(sweep.plan, whole)
  })

  it('merge N shards into the unsharded bytes, for N = 1…5 and N above the work units', async () => {
    expect(whole.map((u) => u.k)).toEqual([...Array(18).keys()])
    for (const n of [1, 2, 3, 5, 25]) {
      const tables = []
      for (let i = 0; i < n; i++) {
        const shard = {index: i, count: n}
        const part = await runSweep(sweep, {workers: 1, shard})
        tables.push({...(await readTableParquet(tableParquet(sweep.plan, part, shard))), file: `shard-${i}`})
      }
      const merged = mergeTables(tables.reverse())
      expect(Buffer.from(tableParquet(merged.plan, merged.units)).equals(Buffer.from(bytes))).toBe(true)
      expect(tableCsv(merged.plan, merged.units)).toBe(tableCsv(sweep.plan, whole))
    }
  })

  it('two worker threads give the rows of one', async () => {
    const two = await runSweep(sweep, {workers: 2})
    expect(Buffer.from(tableParquet(sweep.plan, two)).equals(Buffer.from(bytes))).toBe(true)
  })

  it('refuses a missing shard, a shard twice and a shard of another sweep', async () => {
    const read = async (i: number, n: number, plan = sweep.plan) => ({...(await readTableParquet(tableParquet(plan, await runSweep(sweep, {workers: 1, shard: {index: i, count: n}}), {index: i, count: n}))), file: `s${i}of${n}`})
    const [a, b, c] = [await read(0, 3), await read(1, 3), await read(2, 3)]
    expect(() => mergeTables([a, c])).toThrow('missing shard 1/3')
    expect(() => mergeTables([a, b, b, c])).toThrow('s1of3 and s1of3 are both shard 1/3')
    const other = await read(1, 3, {...sweep.plan, seed: 99})
    expect(() => mergeTables([a, other, c])).toThrow(/s1of3 is a shard of another sweep/)
    const four = await read(1, 4)
    expect(() => mergeTables([a, four, c])).toThrow('s1of4 is shard 1/4 but s0of3 is one of 3 shards')
  })

  it('the Parquet table reads back in DuckDB with the CSV\'s rows and the plan in its metadata', async () => {
    const file = join(dir, 'whole.parquet')
    writeFileSync(file, bytes)
    const db = await DuckDBInstance.create(':memory:')
    const con = await db.connect()
    const rows = (await con.runAndReadAll(`select * from read_parquet('${file}') order by cell, replication, metric`)).getRowObjectsJS()
    const csv = tableCsv(sweep.plan, whole).trim().split('\n')
    expect(rows).toHaveLength(csv.length - 1)
    expect(Object.keys(rows[0])).toEqual(csv[0].split(','))
    const first = csv[1].split(',')
    const row = rows.find((r) => r.cell === 0 && r.replication === 0 && r.metric === 'community.utilisation')!
    expect([row.cell, row.replication, Number(row.seed), row.leakage, row.staff, row.metric, row.unit, row.tier, row.value]).toEqual([0, 0, Number(first[2]), 0, 4, 'community.utilisation', '', 'community', Number(first[8])])
    const types = (await con.runAndReadAll(`select column_name, column_type from (describe select * from read_parquet('${file}'))`)).getRows()
    expect(Object.fromEntries(types)).toMatchObject({cell: 'INTEGER', replication: 'INTEGER', seed: 'BIGINT', leakage: 'DOUBLE', metric: 'VARCHAR', value: 'DOUBLE'})
    const grouped = (await con.runAndReadAll(`select leakage, avg(value) as mean from read_parquet('${file}') where metric = 'community.utilisation' group by leakage order by leakage`)).getRowObjectsJS()
    expect(grouped.map((g) => g.leakage)).toEqual([0, 0.25, 0.5])
    const meta = (await con.runAndReadAll(`select decode(key) as k, decode(value) as v from parquet_kv_metadata('${file}')`)).getRowObjectsJS()
    expect(JSON.parse(String(meta.find((m) => m.k === 'loudou.sweep')!.v))).toEqual(sweep.plan)
    con.closeSync()
  })
})
