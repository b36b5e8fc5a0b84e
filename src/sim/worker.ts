// A replication worker: compiles the model once, then runs the replications it is sent.
import {parentPort, workerData} from 'node:worker_threads'
import {compileModel} from './compile.js'
import type {WorkerJob, WorkerSetup} from './parallel.js'
import {runCompiled} from './replication.js'
import {pilotWarmup} from './warmup.js'
import {RunawayError} from './bounds.js'

const setup = workerData as WorkerSetup
const compiled = compileModel(setup.model)
// Each replication's simulated clock, read by the main thread for the progress bar.
const clocks = setup.progress ? new Float64Array(setup.progress) : undefined

parentPort?.on('message', (job: WorkerJob) => {
  try {
    const onAdvance = clocks && ((now: number) => void (clocks[job.r] = now))
    parentPort!.postMessage({r: job.r, result: job.pilot ? pilotWarmup(compiled, job.options) : runCompiled(compiled, job.options, onAdvance)})
  } catch (err) {
    const runaway = err instanceof RunawayError ? {unit: err.unit, inSystem: err.inSystem, live: err.live, time: err.time} : undefined
    parentPort!.postMessage({r: job.r, error: err instanceof Error ? err.message : String(err), runaway})
  }
})
