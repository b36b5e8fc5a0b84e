// The city-scale model of one build for a few simulated hours, in a process of its own, for
// pairing two builds back to back: `node bench/slice.js [root] [hours]` loads root/dist and
// root/models/city-scale.yaml (default: this checkout, 300 h) and prints one JSON line.
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {timedEngine} from './measure.js'

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'))
const hours = Number(process.argv[3] ?? 300)
const {loadModel} = await import(join(root, 'dist/model/load.js'))
const {compileModel} = await import(join(root, 'dist/sim/compile.js'))
const {Engine} = await import(join(root, 'dist/sim/engine.js'))
const model = await loadModel(join(root, 'models/city-scale.yaml'))
const t0 = performance.now()
const compiled = compileModel(model)
const compileMs = performance.now() - t0
const {engine: e, wall, cpu} = timedEngine(Engine, compiled, hours)
console.log(JSON.stringify({root, hours, compileMs, events: e.events, items: e.generated, wall, cpu, rate: e.events / cpu}))
