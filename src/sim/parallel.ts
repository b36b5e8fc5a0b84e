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
import type {FlowSummary, ReplicationResult, SimOptions, SimulateOptions} from './api.js'
import {compileModel} from './compile.js'
import {replicationSeed} from './prng.js'
import {runCompiled} from './replication.js'

export interface WorkerJob {
  r: number
  options: SimOptions
}

/** What a worker is started with; `progress` holds each replication's simulated hours, when watched. */
export interface WorkerSetup {
  model: Model
  progress?: SharedArrayBuffer
}

/** How often the main thread reads the workers' progress: a bar needs no more. */
const POLL_MS = 100

export async function simulateModel(model: Model, o: SimulateOptions): Promise<FlowSummary> {
  const horizon = o.horizon ?? hoursPerYear(model.clock)
  const warmup = o.warmup ?? 0
  const total = Math.max(1, Math.floor(o.replications))
  const jobs: WorkerJob[] = Array.from({length: total}, (_, r) => ({r, options: {seed: replicationSeed(o.seed, r), horizon, warmup}}))
  const compiled = compileModel(model)
  const workers = Math.max(1, Math.min(Math.floor(o.workers ?? availableParallelism()), total))
  const report = o.onProgress
  const progress = (done: number, hoursDone: number): void => report?.({replicationsDone: done, replications: total, hoursDone, hoursTotal: total * horizon})
  let runs: ReplicationResult[]
  if (workers === 1) {
    runs = []
    for (const job of jobs) {
      const before = runs.length * horizon
      runs.push(runCompiled(compiled, job.options, report && ((now) => progress(runs.length, before + now))))
      progress(runs.length, runs.length * horizon)
    }
  } else {
    runs = await runOnWorkers(model, jobs, workers, report && progress)
  }
  return summarise(model, runs, o.seed, {seed: o.seed, horizon, warmup})
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

function runOnWorkers(model: Model, jobs: WorkerJob[], count: number, onProgress?: (done: number, hoursDone: number) => void): Promise<ReplicationResult[]> {
  const entry = workerEntry()
  const results = new Array<ReplicationResult>(jobs.length)
  const pool: Worker[] = []
  // Workers write each replication's clock here as they step; the main thread, idle while they
  // run, reads the sum a few times a second. No message per step, so watching costs nothing.
  const shared = onProgress ? new SharedArrayBuffer(8 * jobs.length) : undefined
  const clocks = shared ? new Float64Array(shared) : undefined
  let done = 0
  const poll = clocks && setInterval(() => onProgress!(done, clocks.reduce((a, b) => a + b, 0)), POLL_MS)
  return new Promise<ReplicationResult[]>((resolve, reject) => {
    let next = 0
    let failed = false
    const stop = (): void => {
      for (const w of pool) void w.terminate()
    }
    const feed = (w: Worker): void => {
      if (next < jobs.length) w.postMessage(jobs[next++])
    }
    for (let i = 0; i < count; i++) {
      const setup: WorkerSetup = {model, progress: shared}
      const w = new Worker(entry, {workerData: setup, eval: typeof entry === 'string'})
      pool.push(w)
      w.on('message', (m: {r: number; result?: ReplicationResult; error?: string}) => {
        if (failed) return
        if (m.error !== undefined || !m.result) {
          failed = true
          stop()
          reject(new Error(m.error ?? 'sim worker returned no result'))
          return
        }
        results[m.r] = m.result
        done++
        if (clocks) {
          clocks[m.r] = jobs[m.r].options.horizon
          onProgress!(done, clocks.reduce((a, b) => a + b, 0))
        }
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
  }).finally(() => clearInterval(poll))
}
