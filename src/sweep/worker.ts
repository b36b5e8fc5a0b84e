// A sweep worker thread: builds its unit runner once from the plan, then runs the chunks of
// work units it is sent (src/sim/parallel.ts's pool feeds it), one cell per chunk.
import {parentPort, workerData} from 'node:worker_threads'
import {createUnitRunner} from './runner.js'
import type {RunContext} from './runner.js'

const run = createUnitRunner(workerData as RunContext)

parentPort?.on('message', (job: {r: number; units: number[]}) => {
  try {
    parentPort!.postMessage({r: job.r, result: job.units.map(run)})
  } catch (err) {
    parentPort!.postMessage({r: job.r, error: err instanceof Error ? err.message : String(err)})
  }
})
