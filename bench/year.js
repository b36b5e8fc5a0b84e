// One simulated year of one model on one thread, in a process of its own so that its peak rss
// is the model's alone: `node bench/year.js models/beijing-scale.yaml` prints one JSON line
// (validation problems, load and compile time, events, wall and CPU time, peak rss); a second
// argument sets the horizon in hours instead of a year.
import {checkModel} from '../dist/model/load.js'
import {compileModel} from '../dist/sim/compile.js'
import {Engine} from '../dist/sim/engine.js'
import {timedEngine} from './measure.js'

const file = process.argv[2]
const t0 = performance.now()
const {model, problems} = checkModel(file)
const loadMs = performance.now() - t0
const errors = problems.filter((p) => p.severity === 'error')
if (!model) {
  console.log(JSON.stringify({file, valid: false, errors: errors.length, first: errors[0]?.message}))
  process.exit(1)
}
const t1 = performance.now()
const compiled = compileModel(model)
const compileMs = performance.now() - t1
const horizon = process.argv[3] ? Number(process.argv[3]) : model.clock.hoursPerDay * model.clock.daysPerYear
const {engine: e, wall, cpu} = timedEngine(Engine, compiled, horizon)
console.log(JSON.stringify({
  file, valid: true, warnings: problems.length - errors.length, units: model.units.length, tasks: model.tasks.length, demand: model.demand.length,
  loadMs, compileMs, horizon, events: e.events, items: e.generated, wall, cpu, peakRssMB: process.resourceUsage().maxRSS / 1024,
}))
