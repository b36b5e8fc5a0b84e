// Two builds of the engine in one process, run alternately on one model, so that both see the
// same state of a shared machine: `node bench/ab.js BEFORE_ROOT AFTER_ROOT [model] [hours]
// [pairs]` (roots are checkouts with a built dist/; model defaults to bench/network.yaml).
// Prints the median user CPU time of each and the median and range of the pairs' ratios of
// events per second (after / before). Both builds must simulate the same events. Quick, but
// the two builds share one process: confirm a gain with bench/pairs.js (fresh processes).
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {alternate, timedEngine} from './measure.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const [before, after] = [resolve(process.argv[2]), resolve(process.argv[3])]
const model = resolve(process.argv[4] ?? join(HERE, 'network.yaml'))
const hours = Number(process.argv[5] ?? 100)
const pairs = Number(process.argv[6] ?? 16)

async function runner(root) {
  const {loadModel} = await import(join(root, 'dist/model/load.js'))
  const {compileModel} = await import(join(root, 'dist/sim/compile.js'))
  const {Engine} = await import(join(root, 'dist/sim/engine.js'))
  const compiled = compileModel(await loadModel(model))
  return () => {
    const {engine, cpu} = timedEngine(Engine, compiled, hours)
    return {cpu, events: engine.events}
  }
}

const runBefore = await runner(before)
const runAfter = await runner(after)
runBefore()
runAfter()
const result = alternate(runBefore, runAfter, pairs)
console.log(JSON.stringify({model: relative(process.cwd(), model), hours, pairs, events: runAfter().events, ...result}))
