// Two builds of the engine, each run in a fresh process, alternately on one model:
// `node bench/pairs.js BEFORE_ROOT AFTER_ROOT [model] [hours] [pairs]` (roots are checkouts with
// a built dist/; the model defaults to bench/network.yaml). Prints the median user CPU time of
// each and the median and range of the pairs' ratios (before / after CPU time, so > 1 is faster).
// Slower than bench/ab.js, which runs both builds in one process, and the one to trust: both
// builds in one process once measured 1.07 for a change that fresh processes put at 0.95.
import {execFileSync} from 'node:child_process'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {alternate, timedEngine} from './measure.js'

const HERE = fileURLToPath(import.meta.url)

if (process.argv[2] === '--run') {
  // One timed run in this process: ROOT MODEL HOURS.
  const [root, model, hours] = [process.argv[3], process.argv[4], Number(process.argv[5])]
  const {loadModel} = await import(join(root, 'dist/model/load.js'))
  const {compileModel} = await import(join(root, 'dist/sim/compile.js'))
  const {Engine} = await import(join(root, 'dist/sim/engine.js'))
  const {engine, cpu} = timedEngine(Engine, compileModel(await loadModel(model)), hours)
  console.log(JSON.stringify({events: engine.events, cpu}))
} else {
  const [before, after] = [resolve(process.argv[2]), resolve(process.argv[3])]
  const model = resolve(process.argv[4] ?? join(dirname(HERE), 'network.yaml'))
  const hours = Number(process.argv[5] ?? 300)
  const pairs = Number(process.argv[6] ?? 8)
  const run = (root) => JSON.parse(execFileSync(process.execPath, [HERE, '--run', root, model, String(hours)], {encoding: 'utf8'}))
  console.log(JSON.stringify({model: relative(process.cwd(), model), hours, pairs, ...alternate(() => run(before), () => run(after), pairs)}))
}
