// The simulation benchmark: a city-scale model for one simulated year on one thread and an
// M/M/15 queue with 1,000,000 customers. Prints events/s, items/s, wall and CPU time and
// peak memory, and writes bench/RESULTS.md. Run with `npm run bench` (builds first).
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {compileModel} from '../dist/sim/compile.js'
import {Engine} from '../dist/sim/engine.js'
import {runReplication} from '../dist/sim/replication.js'
import {simulateModel} from '../dist/sim/parallel.js'
import {buildCityModel} from './city-model.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..')
const BARE_HEAP = [1.7e6, 2.6e6] // events/s of a bare typed-array heap loop (STYLE.md reference)
const MB = 1024 * 1024

let peakRss = 0
let peakHeap = 0
function sampleMemory() {
  const m = process.memoryUsage()
  if (m.rss > peakRss) peakRss = m.rss
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed
}

async function cityModel() {
  const file = join(ROOT, 'models/city-scale.yaml')
  if (existsSync(file)) {
    try {
      const {loadModel} = await import('../dist/model/load.js')
      return {model: await loadModel(file), source: 'models/city-scale.yaml'}
    } catch (err) {
      console.error(`models/city-scale.yaml did not load (${err.message.split('\n')[0]}); using the model built in bench/city-model.js`)
    }
  }
  return {model: buildCityModel(), source: 'bench/city-model.js (built in code)'}
}

function cityRun(model) {
  const t0 = performance.now()
  const compiled = compileModel(model)
  const compileMs = performance.now() - t0
  const horizon = model.clock.hoursPerDay * model.clock.daysPerYear
  global.gc?.()
  peakRss = 0
  peakHeap = 0
  sampleMemory()
  const cpu0 = process.cpuUsage()
  const t1 = performance.now()
  const e = new Engine(compiled, 1, horizon, 0)
  // Stepping in 200 slices changes nothing in the run and lets us sample memory.
  for (let k = 1; k <= 200; k++) {
    e.runUntil((horizon * k) / 200)
    sampleMemory()
  }
  const wall = (performance.now() - t1) / 1000
  const cpu = process.cpuUsage(cpu0).user / 1e6
  return {
    units: model.units.length, tasks: model.tasks.length, demand: model.demand.length, compileMs, horizon,
    events: e.events, items: e.generated, wall, cpu, jobsCapacity: e.jobs.capacity, rss: peakRss, heap: peakHeap,
  }
}

function mm15(customers) {
  const lambda = 13.5
  const model = {
    format: 1, id: 'mm15', name: 'M/M/15', sources: [], clock: {hoursPerDay: 8, daysPerYear: 250}, kinds: [], powers: [], categories: [],
    units: [{id: 'c', name: 'c', kind: 'community', tier: 'community', staff: 15, powers: [], residents: 1000, households: 0, labels: []}],
    relations: [], tasks: [],
    demand: [{id: 'd', name: 'd', at: 'community', perResidentHour: lambda / 1000, effort: {dist: 'exp', mean: 1}, needs: [], labels: []}],
    defaults: {relayEffort: {dist: 'fixed', value: 0.5}, escalationEffort: {dist: 'fixed', value: 1}, formalShare: 0.25, householdSize: 2.5, collectionValidity: 2000},
    rules: {responsibility: 'territorial', reportEffort: {dist: 'fixed', value: 0.5}},
    file: 'bench',
  }
  return {model, horizon: customers / lambda}
}

function erlangC(c, lambda, mean) {
  const a = lambda * mean
  let term = 1
  let sum = 1
  for (let k = 1; k < c; k++) sum += term *= a / k
  const last = (term * a) / c / (1 - a / c)
  return ((last / (sum + last)) * mean) / (c - a)
}

function mmRuns(reps) {
  const {model, horizon} = mm15(1_000_000)
  const out = []
  for (let s = 1; s <= reps; s++) {
    const cpu0 = process.cpuUsage()
    const t = performance.now()
    const r = runReplication(model, {seed: s, horizon, warmup: 0})
    out.push({wall: (performance.now() - t) / 1000, cpu: process.cpuUsage(cpu0).user / 1e6, events: r.events, customers: r.items.generated, wait: r.units[0].meanWait})
  }
  return out
}

function machine() {
  let cpuModel = 'unknown'
  try {
    cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel
  } catch {}
  return {nproc: os.availableParallelism(), cpuModel, node: process.version, date: new Date().toISOString(), load: os.loadavg().map((x) => x.toFixed(1)).join(' ')}
}

const f = (x, d = 0) => x.toLocaleString('en-US', {maximumFractionDigits: d, minimumFractionDigits: d})
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const m = machine()
console.log(`machine: ${m.cpuModel}, ${m.nproc} cores, node ${m.node}, load ${m.load}`)
const {model: city, source} = await cityModel()
console.log(`city-scale from ${source}: ${f(city.units.length)} units, ${city.tasks.length} tasks, ${city.demand.length} demand`)
const c = cityRun(city)
const cityWallRate = c.events / c.wall
const cityCpuRate = c.events / c.cpu
console.log(`city-scale, 1 simulated year: ${f(c.events)} events, ${f(c.items)} items in ${f(c.wall, 2)} s wall (${f(c.cpu, 2)} s CPU)`)
console.log(`  ${f(cityWallRate)} events/s wall, ${f(cityCpuRate)} events/s CPU, ${f(c.items / c.wall)} items/s; compile ${f(c.compileMs)} ms`)
console.log(`  peak rss ${f(c.rss / MB)} MB, peak heap ${f(c.heap / MB)} MB; job slots ${f(c.jobsCapacity)}`)
console.log(`  vs bare heap ${f(BARE_HEAP[0] / 1e6, 1)}–${f(BARE_HEAP[1] / 1e6, 1)} M/s: ${f(cityCpuRate / BARE_HEAP[1], 2)}–${f(cityCpuRate / BARE_HEAP[0], 2)} (CPU rate)`)

const mm = mmRuns(3)
const exact = erlangC(15, 13.5, 1)
const mmWall = median(mm.map((r) => r.wall))
const mmCpu = median(mm.map((r) => r.cpu))
const mmEvents = mm[0].events
const waits = mm.map((r) => r.wait)
const meanWait = waits.reduce((a, b) => a + b, 0) / waits.length
console.log(`M/M/15, 1,000,000 customers: median ${f(mmWall, 2)} s wall (${f(mmCpu, 2)} s CPU), ${f(mmEvents / mmCpu)} events/s CPU; runs ${mm.map((r) => f(r.wall, 2)).join(', ')} s`)
console.log(`  mean wait ${waits.map((w) => f(w, 4)).join(', ')} h vs Erlang C ${f(exact, 4)} h (mean of 3: ${f(((meanWait - exact) / exact) * 100, 1)}%)`)

const {model: mmModel, horizon: mmHorizon} = mm15(250_000)
const ser0 = performance.now()
const serial = await simulateModel(mmModel, {seed: 1, replications: 4, horizon: mmHorizon, workers: 1})
const serialWall = (performance.now() - ser0) / 1000
const par0 = performance.now()
const par = await simulateModel(mmModel, {seed: 1, replications: 4, horizon: mmHorizon, workers: m.nproc})
const parWall = (performance.now() - par0) / 1000
const same = JSON.stringify(serial) === JSON.stringify(par)
console.log(`4 replications × 250,000 customers: serial ${f(serialWall, 2)} s, ${m.nproc} workers ${f(parWall, 2)} s (identical: ${same})`)

const ok = (b) => (b ? 'met' : 'not met')
// The engine before the record layouts, measured on this machine (bench/baseline.json).
const base = JSON.parse(readFileSync(join(HERE, 'baseline.json'), 'utf8'))
const x = (after, before) => `${f(after / before, 2)}×`
const beforeAfter = `## Before and after

Before: ${base.engine}, on ${base.date.slice(0, 10)} (load ${base.load}).
The same build's rate varied by up to 1.5× between runs minutes apart on this shared machine
(cache and CPU contention the load average does not show): compare runs made back to back.

| | before | after | ratio |
| --- | --- | --- | --- |
| city year, wall time | ${f(base.city.wall, 2)} s | ${f(c.wall, 2)} s | ${x(base.city.wall, c.wall)} faster |
| city year, CPU time | ${f(base.city.cpu, 2)} s | ${f(c.cpu, 2)} s | ${x(base.city.cpu, c.cpu)} faster |
| events/s (wall) | ${f(base.city.events / base.city.wall)} | ${f(cityWallRate)} | ${x(cityWallRate, base.city.events / base.city.wall)} |
| events/s (CPU) | ${f(base.city.events / base.city.cpu)} | ${f(cityCpuRate)} | ${x(cityCpuRate, base.city.events / base.city.cpu)} |
| CPU rate / 1.7–2.6 M/s bare-heap reference | ${f(base.city.events / base.city.cpu / BARE_HEAP[1], 2)}–${f(base.city.events / base.city.cpu / BARE_HEAP[0], 2)} | ${f(cityCpuRate / BARE_HEAP[1], 2)}–${f(cityCpuRate / BARE_HEAP[0], 2)} | |
| peak rss | ${base.city.rssMB} MB | ${f(c.rss / MB)} MB | |
| M/M/15 10^6 customers, wall (CPU) | ${f(base.mm15.wall, 2)} s (${f(base.mm15.cpu, 2)} s) | ${f(mmWall, 2)} s (${f(mmCpu, 2)} s) | |

Events per simulated year are the same before and after (the event sequence is unchanged:
the change is in how the engine runs, not in what happens).
${base.notes ? `\n${base.notes.join('\n')}\n` : ''}`
const report = `# Simulation benchmark

Written by \`npm run bench\` (\`bench/run.js\`); numbers from the last run.

## Machine

| | |
| --- | --- |
| CPU | ${m.cpuModel} |
| cores (nproc) | ${m.nproc} |
| node | ${m.node} |
| date | ${m.date} |
| load average at start (1/5/15 min) | ${m.load} |
| load average at the end | ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} |

The machine is shared: when the load average exceeds the core count the process gets only part
of a core, so wall-clock rates understate the engine. CPU-time rates (user CPU of this process)
are given beside them.

## City scale, one simulated year, one thread

Model: ${source}: ${f(c.units)} units, ${c.tasks} tasks, ${c.demand} resident-demand types;
horizon ${f(c.horizon)} working hours.

| metric | value |
| --- | --- |
| events | ${f(c.events)} |
| items generated | ${f(c.items)} |
| wall time | ${f(c.wall, 2)} s |
| CPU time | ${f(c.cpu, 2)} s |
| events/s (wall) | ${f(cityWallRate)} |
| events/s (CPU) | ${f(cityCpuRate)} |
| items/s (wall) | ${f(c.items / c.wall)} |
| compile (routes, plans) | ${f(c.compileMs)} ms |
| peak rss (sampled) | ${f(c.rss / MB)} MB |
| peak heap used (sampled) | ${f(c.heap / MB)} MB |
| job slots at the end (most jobs ever alive, rounded up to a power of two) | ${f(c.jobsCapacity)} |
| ratio to the 1.7–2.6 M/s bare-heap reference (CPU rate) | ${f(cityCpuRate / BARE_HEAP[1], 2)}–${f(cityCpuRate / BARE_HEAP[0], 2)} |

## M/M/15, 1,000,000 customers

| metric | value |
| --- | --- |
| wall time, median of 3 (compile included) | ${f(mmWall, 2)} s (${mm.map((r) => f(r.wall, 2)).join(', ')}) |
| CPU time, median of 3 | ${f(mmCpu, 2)} s |
| events | ${f(mmEvents)} |
| events/s (CPU) | ${f(mmEvents / mmCpu)} |
| customers generated | ${mm.map((r) => f(r.customers)).join(', ')} |
| mean wait, three seeds | ${waits.map((w) => f(w, 4)).join(', ')} h |
| Erlang C mean wait | ${f(exact, 4)} h (mean of the three: ${f(((meanWait - exact) / exact) * 100, 1)}%) |

## Parallel replications

4 replications × 250,000 customers of M/M/15: serial ${f(serialWall, 2)} s, ${m.nproc} workers ${f(parWall, 2)} s;
results identical: ${same}.

## Targets

| target | result | |
| --- | --- | --- |
| ≥ 10 M events per simulated year (city scale) | ${f(c.events / 1e6, 1)} M | ${ok(c.events >= 10e6)} |
| ≥ 1.5 M events/s on one thread (city scale) | ${f(cityWallRate / 1e6, 2)} M/s wall, ${f(cityCpuRate / 1e6, 2)} M/s CPU | wall ${ok(cityWallRate >= 1.5e6)}, CPU ${ok(cityCpuRate >= 1.5e6)} |
| a simulated year of city scale under 500 MB | ${f(c.rss / MB)} MB rss | ${ok(c.rss < 500 * MB)} |
| 1,000,000-customer M/M/15 under 2 s | ${f(mmWall, 2)} s wall, ${f(mmCpu, 2)} s CPU | wall ${ok(mmWall < 2)}, CPU ${ok(mmCpu < 2)} |
`
// bench/sweep.js and bench/startup.js keep their own sections of the file: carry them over.
const previous = existsSync(join(HERE, 'RESULTS.md')) ? readFileSync(join(HERE, 'RESULTS.md'), 'utf8') : ''
const kept = ['sweep', 'startup'].map((name) => new RegExp(`<!-- ${name} -->[\\s\\S]*<!-- /${name} -->\\n?`).exec(previous)?.[0] ?? '').filter((x) => x)
writeFileSync(join(HERE, 'RESULTS.md'), `${report}\n${beforeAfter}${kept.map((x) => `\n${x}`).join('')}`)
console.log('wrote bench/RESULTS.md')
