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
import {DEFAULT_MAX_LIVE_JOBS, RunawayError} from './bounds.js'
import {checkBudget} from './budget.js'
import type {Compiled} from './compile.js'
import {lightlyLoaded, pilotWarmup} from './warmup.js'
import type {PilotResult} from './warmup.js'
import {compileModel} from './compile.js'
import {replicationSeed} from './prng.js'
import {PROGRESS_STEPS, steppedReplication} from './replication.js'

export interface WorkerJob {
  r: number
  options: SimOptions
  /** Run the warm-up pilot (src/sim/warmup.ts) instead of the replication. */
  pilot?: boolean
}

/** What a worker is started with; `progress` holds each replication's simulated hours, when watched. */
export interface WorkerSetup {
  model: Model
  progress?: SharedArrayBuffer
}

/** How often the main thread reads the workers' progress: a bar needs no more. */
const POLL_MS = 100

export async function simulateModel(model: Model, o: SimulateOptions & {warmupChoice?: WarmupChoice}): Promise<FlowSummary> {
  const horizon = o.horizon ?? hoursPerYear(model.clock)
  const total = Math.max(1, Math.floor(o.replications))
  const compiled = o.compiled ?? compileModel(model)
  checkBudget(compiled, {horizon, replications: total, maxEvents: o.maxEvents})
  const {warmup, choice} = o.warmup === 'auto' ? await chooseWarmup(model, o, compiled) : {warmup: o.warmup ?? 0, choice: o.warmupChoice ?? FIXED}
  const maxLiveJobs = liveBound(o, total)
  const focus = o.focus?.length ? {focus: [...o.focus]} : {}
  const jobs: WorkerJob[] = Array.from({length: total}, (_, r) => ({r, options: {seed: replicationSeed(o.seed, r), horizon, warmup, maxLiveJobs, ...(o.series ? {series: true} : {}), ...focus}}))
  const runs = await runJobs<ReplicationResult>(model, compiled, jobs, o, horizon)
  return {...summarise(model, runs, o.seed, {seed: o.seed, horizon, warmup}), warmupChoice: choice}
}

const FIXED: WarmupChoice = {method: 'fixed', perReplication: [], unsettled: 0}

/** The live-job bound is shared: N engines at once each get 1/N of it. */
function liveBound(o: SimulateOptions, jobs: number): number {
  const workers = Math.max(1, Math.min(Math.floor(o.workers ?? availableParallelism()), jobs))
  return Math.max(4096, Math.floor((o.maxLiveJobs ?? DEFAULT_MAX_LIVE_JOBS) / workers))
}

/**
 * `--warmup auto`: MSER-5 per replication on a pilot of the same seed, and the longest of
 * those truncations for every replication, so that all count the same window (counts stay
 * comparable, also between models compared). Lightly loaded models need no pilot.
 */
export async function chooseWarmup(model: Model, o: SimulateOptions, compiled = compileModel(model)): Promise<{warmup: number; choice: WarmupChoice}> {
  if (lightlyLoaded(model)) return {warmup: 0, choice: {method: 'light-load', perReplication: [], unsettled: 0}}
  const horizon = o.horizon ?? hoursPerYear(model.clock)
  const total = Math.max(1, Math.floor(o.replications))
  // The pilot costs what the run costs: refuse a runaway before it, not after.
  checkBudget(compiled, {horizon, replications: total, maxEvents: o.maxEvents})
  const jobs: WorkerJob[] = Array.from({length: total}, (_, r) => ({r, pilot: true, options: {seed: replicationSeed(o.seed, r), horizon, warmup: 0, maxLiveJobs: liveBound(o, total)}}))
  const pilots = await runJobs<PilotResult>(model, compiled, jobs, {...o, onProgress: undefined}, horizon)
  const perReplication = pilots.map((p) => p.warmup)
  return {warmup: Math.max(0, ...perReplication), choice: {method: 'mser-5', perReplication, unsettled: pilots.filter((p) => p.limited).length}}
}

/** Jobs in this thread (workers: 1) or on worker threads; results by replication index. */
async function runJobs<T>(model: Model, compiled: Compiled, jobs: WorkerJob[], o: SimulateOptions, horizon: number): Promise<T[]> {
  const workers = Math.max(1, Math.min(Math.floor(o.workers ?? availableParallelism()), jobs.length))
  const report = o.onProgress
  const total = jobs.length
  const progress = (done: number, hoursDone: number): void => report?.({replicationsDone: done, replications: total, hoursDone, hoursTotal: total * horizon})
  if (workers > 1) return runOnWorkers<T>(model, jobs, workers, report && progress)
  const out: T[] = []
  for (const job of jobs) {
    const before = out.length * horizon
    const onAdvance = report && ((now: number) => progress(out.length, before + now))
    out.push((job.pilot ? pilotWarmup(compiled, job.options) : await runSliced(compiled, job.options, onAdvance)) as T)
    progress(out.length, out.length * horizon)
  }
  return out
}

/**
 * One replication in this thread, yielding to the event loop between slices so that signals are
 * handled at once (with `onAdvance`, in the PROGRESS_STEPS steps it reports).
 */
export async function runSliced(c: Compiled, options: SimOptions, onAdvance?: (now: number) => void): Promise<ReplicationResult> {
  const run = steppedReplication(c, options, onAdvance ? PROGRESS_STEPS : undefined)
  while (!run.step()) {
    onAdvance?.(run.now)
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return run.result()
}

/** A worker module given as `new URL('./x.js', import.meta.url)`: the built file, or from the TypeScript sources (tests) via tsx. */
function workerEntry(js: URL): URL | string {
  if (existsSync(fileURLToPath(js))) return js
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
  const tsx = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href
  const ts = new URL(js.href.replace(/\.js$/, '.ts')).href
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}) })`
}

function runOnWorkers<T>(model: Model, jobs: WorkerJob[], count: number, onProgress?: (done: number, hoursDone: number) => void): Promise<T[]> {
  // Workers write each replication's clock here as they step; the main thread, idle while they
  // run, reads the sum a few times a second. No message per step, so watching costs nothing.
  const shared = onProgress ? new SharedArrayBuffer(8 * jobs.length) : undefined
  const clocks = shared ? new Float64Array(shared) : undefined
  const sum = (): number => clocks!.reduce((a, b) => a + b, 0)
  let done = 0
  const poll = clocks && setInterval(() => onProgress!(done, sum()), POLL_MS)
  const setup: WorkerSetup = {model, progress: shared}
  return runPool<WorkerJob, T>(new URL('./worker.js', import.meta.url), setup, jobs, count, (d, _total, _result, r) => {
    done = d
    if (clocks) {
      clocks[r] = jobs[r].options.horizon
      onProgress!(done, sum())
    }
  }).finally(() => clearInterval(poll))
}

/**
 * Runs `jobs` on `count` threads of the worker module `entry` (built once each with
 * `workerData`), feeding each thread its next job as it answers. A worker answers
 * `{r, result}` or `{r, error}`; results come back in job order (by `r`, the job's index).
 */
export function runPool<J extends {r: number}, R>(
  entry: URL,
  workerData: unknown,
  jobs: readonly J[],
  count: number,
  onProgress?: (done: number, total: number, result: R, r: number) => void,
): Promise<R[]> {
  const source = workerEntry(entry)
  const results = new Array<R>(jobs.length)
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
    if (jobs.length === 0) {
      resolve(results)
      return
    }
    for (let i = 0; i < count; i++) {
      const w = new Worker(source, {workerData, eval: typeof source === 'string'})
      pool.push(w)
      w.on('message', (m: {r: number; result?: R; error?: string; runaway?: RunawayError}) => {
        if (failed) return
        if (m.error !== undefined || m.result === undefined) {
          failed = true
          stop()
          const r = m.runaway
          reject(r ? new RunawayError(r.unit, r.inSystem, r.live, r.time) : new Error(m.error ?? 'worker returned no result'))
          return
        }
        results[m.r] = m.result
        done++
        onProgress?.(done, jobs.length, m.result, m.r)
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
