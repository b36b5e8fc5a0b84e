// A replication worker: compiles the model once, then runs the replications it is sent.
import {parentPort, workerData} from 'node:worker_threads'
import type {Model} from '../model/types.js'
import {compileModel} from './compile.js'
import type {WorkerJob} from './parallel.js'
import {runCompiled} from './replication.js'
import {pilotWarmup} from './warmup.js'

const compiled = compileModel((workerData as {model: Model}).model)

parentPort?.on('message', (job: WorkerJob) => {
  try {
    parentPort!.postMessage({r: job.r, result: job.pilot ? pilotWarmup(compiled, job.options) : runCompiled(compiled, job.options)})
  } catch (err) {
    parentPort!.postMessage({r: job.r, error: err instanceof Error ? err.message : String(err)})
  }
})
