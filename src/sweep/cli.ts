// What `sweep` and `sweep merge` share on the command line: the output flags, writing the
// outputs (each atomically), and the progress line. Outside the pure core: files and clocks.
import {existsSync, readFileSync, realpathSync, statSync} from 'node:fs'
import {resolve} from 'node:path'
import {Errors} from '@oclif/core'
import {writeAtomic} from '../cli/output.js'
import {toJson} from '../cli/output.js'
import {formatSweep, summaryCsv} from './format.js'
import {msg} from './messages.js'
import type {Lang} from './messages.js'
import type {SweepPlan} from './plan.js'
import type {UnitResult} from './runner.js'
import {summariseSweep} from './summary.js'
import type {SweepSummary} from './summary.js'
import {readTableParquet, tableCsv, tableParquet} from './table.js'
import type {ReadTable} from './table.js'

export interface OutputFlags {
  parquet?: string
  csv?: string
  summary?: string
  json?: boolean
  out?: string
}

/**
 * Outputs never replace an input, a special file (a device, a pipe) or each other: a usage
 * error (exit 2) before anything runs.
 */
export function checkOutputs(flags: OutputFlags & {shardParquet?: string}, inputs: readonly string[]): void {
  const real = (f: string) => (existsSync(f) ? realpathSync(f) : resolve(f))
  const ins = new Set(inputs.map(real))
  const seen = new Map<string, string>()
  for (const [flag, file] of [['--parquet', flags.parquet], ['--csv', flags.csv], ['--summary', flags.summary], ['--out', flags.out]] as const) {
    if (file === undefined) continue
    const path = real(file)
    if (ins.has(path)) throw new Errors.CLIError(`${flag} ${file} is one of the inputs: choose another file`, {exit: 2})
    if (existsSync(file) && !statSync(file).isFile()) throw new Errors.CLIError(`${flag} ${file} is not a regular file`, {exit: 2})
    const other = seen.get(path)
    if (other) throw new Errors.CLIError(`${other} and ${flag} name the same file ${file}`, {exit: 2})
    seen.set(path, flag)
  }
}

/** Writes every output asked for; returns what goes to stdout (or --out). */
export function writeOutputs(plan: SweepPlan, units: readonly UnitResult[], flags: OutputFlags, lang: Lang, say: (s: string) => void): string {
  const summary = summariseSweep(plan, units)
  const files: Array<[string | undefined, () => string | Uint8Array]> = [
    [flags.parquet, () => tableParquet(plan, units)],
    [flags.csv, () => tableCsv(plan, units)],
    [flags.summary, () => summaryCsv(summary)],
  ]
  for (const [file, make] of files) {
    if (file === undefined) continue
    writeAtomic(file, make())
    say(msg(lang, 'written', {file}))
  }
  return flags.json ? toJson(summary) : formatSweep(summary, lang)
}

export async function readTableFile(file: string): Promise<ReadTable & {file: string}> {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (error) {
    throw new Error(`${file}: cannot read the file: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
  try {
    return {...(await readTableParquet(bytes)), file}
  } catch (error) {
    throw new Error(`${file}: not a sweep table written by loudou sweep --parquet (${(error as Error).message})`)
  }
}

/** A whole sweep's summary from its table (a merged or unsharded --parquet file). */
export async function readSweepSummary(file: string): Promise<SweepSummary> {
  const t = await readTableFile(file)
  if (t.shard && t.shard.count > 1) throw new Error(`${file} is shard ${t.shard.index}/${t.shard.count}: combine the shards with \`loudou sweep merge\` first`)
  return summariseSweep(t.plan, t.units)
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const pad = (x: number) => String(x).padStart(2, '0')
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`
}

/**
 * A one-line progress bar on stderr when it is a terminal: work units done, cells finished
 * (all of a cell's units in this run), elapsed time and an estimate of what is left (the
 * elapsed time per unit so far × the units left).
 */
export function sweepProgress(lang: Lang, plan: SweepPlan, units: readonly number[], enabled: boolean): {tick: (done: number, total: number, unit: UnitResult) => void; clear: () => void} {
  if (!enabled) return {tick: () => {}, clear: () => {}}
  const start = Date.now()
  const left = new Map<number, number>()
  for (const k of units) {
    const cell = Math.floor(k / plan.replications)
    left.set(cell, (left.get(cell) ?? 0) + 1)
  }
  const cellsTotal = left.size
  let cellsDone = 0
  let last = 0
  return {
    tick(done, total, unit) {
      const cell = Math.floor(unit.k / plan.replications)
      const remaining = (left.get(cell) ?? 1) - 1
      left.set(cell, remaining)
      if (remaining === 0) cellsDone++
      const now = Date.now()
      if (done < total && now - last < 100) return
      last = now
      const elapsed = (now - start) / 1000
      const width = 24
      const filled = Math.round((done / total) * width)
      const eta = done > 0 ? (elapsed / done) * (total - done) : 0
      const parts = [msg(lang, 'cellsDone', {done: cellsDone, total: cellsTotal}), msg(lang, 'elapsed', {elapsed: clock(elapsed)}), msg(lang, 'left', {left: clock(eta)})]
      process.stderr.write(`\r\x1b[2K${msg(lang, 'progress')} ▕${'█'.repeat(filled)}${'░'.repeat(width - filled)}▏ ${done}/${total} · ${parts.join(' · ')}`)
    },
    clear: () => process.stderr.write('\r\x1b[2K'),
  }
}
