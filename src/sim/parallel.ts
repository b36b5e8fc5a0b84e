// Replications in parallel on worker threads. Outside the pure core: this module owns the
// threads; each replication is still a pure function of (model, derived seed, options), so a
// run on N workers equals the serial run exactly.
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {availableParallelism} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'
import {summarise} from '../metrics/flow/summarise.js'
import {hoursPerYear} from '../model/types.js'
import type {Model} from '../model/types.js'
import type {FlowSummary, ReplicationResult, SimOptions, SimulateOptions, WarmupChoice} from './api.js'
import type {Compiled} from './compile.js'
import {lightlyLoaded, pilotWarmup} from './warmup.js'
import type {PilotResult} from './warmup.js'
import {compileModel} from './compile.js'
import {replicationSeed} from './prng.js'
import {runCompiled} from './replication.js'

export interface WorkerJob {
  r: number
  options: SimOptions
  /** Run the warm-up pilot (src/sim/warmup.ts) instead of the replication. */
  pilot?: boolean
}

export async function simulateModel(model: Model, o: SimulateOptions & {warmupChoice?: WarmupChoice}): Promise<FlowSummary> {
  const horizon = o.horizon ?? hoursPerYear(model.clock)
  const total = Math.max(1, Math.floor(o.replications))
  const compiled = compileModel(model)
  const {warmup, choice} = o.warmup === 'auto' ? await chooseWarmup(model, o, compiled) : {warmup: o.warmup ?? 0, choice: o.warmupChoice ?? FIXED}
  const jobs: WorkerJob[] = Array.from({length: total}, (_, r) => ({r, options: {seed: replicationSeed(o.seed, r), horizon, warmup, ...(o.series ? {series: true} : {})}}))
  const runs = await runJobs<ReplicationResult>(model, compiled, jobs, o)
  return {...summarise(model, runs, o.seed, {seed: o.seed, horizon, warmup}), warmupChoice: choice}
}

const FIXED: WarmupChoice = {method: 'fixed', perReplication: [], unsettled: 0}

/**
 * `--warmup auto`: MSER-5 per replication on a pilot of the same seed, and the longest of
 * those truncations for every replication, so that all count the same window (counts stay
 * comparable, also between models compared). Lightly loaded models need no pilot.
 */
export async function chooseWarmup(model: Model, o: SimulateOptions, compiled = compileModel(model)): Promise<{warmup: number; choice: WarmupChoice}> {
  if (lightlyLoaded(model)) return {warmup: 0, choice: {method: 'light-load', perReplication: [], unsettled: 0}}
  const horizon = o.horizon ?? hoursPerYear(model.clock)
  const total = Math.max(1, Math.floor(o.replications))
  const jobs: WorkerJob[] = Array.from({length: total}, (_, r) => ({r, pilot: true, options: {seed: replicationSeed(o.seed, r), horizon, warmup: 0}}))
  const pilots = await runJobs<PilotResult>(model, compiled, jobs, {...o, onProgress: undefined})
  const perReplication = pilots.map((p) => p.warmup)
  return {warmup: Math.max(0, ...perReplication), choice: {method: 'mser-5', perReplication, unsettled: pilots.filter((p) => p.limited).length}}
}

/** Jobs in this thread (workers: 1) or on worker threads; results by replication index. */
async function runJobs<T>(model: Model, compiled: Compiled, jobs: WorkerJob[], o: SimulateOptions): Promise<T[]> {
  const workers = Math.max(1, Math.min(Math.floor(o.workers ?? availableParallelism()), jobs.length))
  if (workers > 1) return runOnWorkers<T>(model, jobs, workers, o.onProgress)
  const out: T[] = []
  for (const job of jobs) {
    out.push((job.pilot ? pilotWarmup(compiled, job.options) : runCompiled(compiled, job.options)) as T)
    o.onProgress?.(out.length, jobs.length)
  }
  return out
}

/** The built worker next to this module; from the TypeScript sources (tests), via tsx. */
function workerEntry(): URL | string {
  const js = new URL('./worker.js', import.meta.url)
  if (existsSync(fileURLToPath(js))) return js
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
  const tsx = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href
  const ts = new URL('./worker.ts', import.meta.url).href
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}) })`
}

function runOnWorkers<T>(model: Model, jobs: WorkerJob[], count: number, onProgress?: (done: number, total: number) => void): Promise<T[]> {
  const entry = workerEntry()
  const results = new Array<T>(jobs.length)
  const pool: Worker[] = []
  return new Promise((resolve, reject) => {
    let next = 0
    let done = 0
    let failed = false
    const stop = (): void => {
      for (const w of pool) void w.terminate()
    }
    const feed = (w: Worker): void => {
      if (next < jobs.length) w.postMessage(jobs[next++])
    }
    for (let i = 0; i < count; i++) {
      const w = new Worker(entry, {workerData: {model}, eval: typeof entry === 'string'})
      pool.push(w)
      w.on('message', (m: {r: number; result?: T; error?: string}) => {
        if (failed) return
        if (m.error !== undefined || !m.result) {
          failed = true
          stop()
          reject(new Error(m.error ?? 'sim worker returned no result'))
          return
        }
        results[m.r] = m.result
        done++
        onProgress?.(done, jobs.length)
        if (done === jobs.length) {
          stop()
          resolve(results)
        } else feed(w)
      })
      w.on('error', (err) => {
        if (failed) return
        failed = true
        stop()
        reject(err)
      })
      feed(w)
    }
  })
}
