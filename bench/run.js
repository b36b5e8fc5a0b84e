// The simulation benchmark: a city-scale model for one simulated year on one thread, an
// M/M/15 queue with 1,000,000 customers, the engine against its bare twin on one network
// (bench/network.js, five pairs) and a Beijing-sized year (bench/year.js, a process of its own).
// Prints events/s, items/s, wall and CPU time and peak memory, and writes bench/RESULTS.md.
// Run with `npm run bench` (builds first); ONLY=network or ONLY=beijing runs that part alone
// and leaves RESULTS.md as it is.
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {compileModel} from '../dist/sim/compile.js'
import {Engine} from '../dist/sim/engine.js'
import {runReplication} from '../dist/sim/replication.js'
import {simulateModel} from '../dist/sim/parallel.js'
import {buildCityModel} from './city-model.js'
import {median, timed} from './measure.js'
import {networkMarkdown, networkPairs} from './network.js'

const HERE = dirname(fileURLToPath(import.meta.url))
/** QUICK=1 checks this script in a minute: short horizons, one pair, the report in OUT. */
const QUICK = process.env.QUICK === '1'
const OUT = process.env.OUT ?? join(HERE, 'RESULTS.md')
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
  const horizon = QUICK ? 40 : model.clock.hoursPerDay * model.clock.daysPerYear
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
    // The loader's defaults (docs/model.md), written out since this model is built in code.
    defaults: {
      relayEffort: {dist: 'fixed', value: 0.5}, escalationEffort: {dist: 'fixed', value: 1}, formalShare: 0.25, householdSize: 2.5, collectionValidity: 2000,
      redundancyWindow: 80, handoffDelay: {dist: 'fixed', value: 0}, spread: 80, inspectorEffort: {dist: 'fixed', value: 2},
    },
    rules: {
      responsibility: 'territorial', reportEffort: {dist: 'fixed', value: 0.5},
      buckPassing: {refusal: 0.5, maxTransfers: 2, transferEffort: {dist: 'fixed', value: 0.5}, arbitrationEffort: {dist: 'fixed', value: 1}},
    },
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
  const {model, horizon} = mm15(QUICK ? 20_000 : 1_000_000)
  const out = []
  for (let s = 1; s <= reps; s++) {
    const {r, wall, cpu} = timed(() => ({r: runReplication(model, {seed: s, horizon, warmup: 0})}))
    out.push({wall, cpu, events: r.events, customers: r.items.generated, wait: r.units[0].meanWait})
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

const m = machine()
console.log(`machine: ${m.cpuModel}, ${m.nproc} cores, node ${m.node}, load ${m.load}`)

const ONLY = process.env.ONLY
const PAIRS = QUICK ? 1 : Number(process.env.PAIRS ?? 5)
async function network() {
  const hours = QUICK ? 20 : 1000
  console.log(`network twin (bench/network.yaml against bench/twin.js), ${PAIRS} pairs of ${f(hours)} simulated hours:`)
  const net = await networkPairs(PAIRS, hours)
  console.log(`  median ratio of loudou's events/s to the twin's (CPU time): ${f(net.medianRatio, 3)}`)
  return net
}
function beijing() {
  const run = spawnSync(process.execPath, [join(HERE, 'year.js'), join(ROOT, 'models/beijing-scale.yaml'), ...(QUICK ? ['20'] : [])], {encoding: 'utf8', maxBuffer: 1 << 20})
  const r = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}')
  if (!r.valid) throw new Error(`models/beijing-scale.yaml is not valid: ${r.first}\n${run.stderr}`)
  console.log(`Beijing-sized year: ${f(r.units)} units, ${f(r.events)} events in ${f(r.wall, 2)} s wall (${f(r.cpu, 2)} s CPU), compile ${f(r.compileMs)} ms, peak rss ${f(r.peakRssMB)} MB`)
  return r
}
if (ONLY === 'network') await network()
if (ONLY === 'beijing') beijing()
if (ONLY !== undefined) process.exit(0)
const {model: city, source} = await cityModel()
console.log(`city-scale from ${source}: ${f(city.units.length)} units, ${city.tasks.length} tasks, ${city.demand.length} demand`)
const c = cityRun(city)
const cityWallRate = c.events / c.wall
const cityCpuRate = c.events / c.cpu
console.log(`city-scale, 1 simulated year: ${f(c.events)} events, ${f(c.items)} items in ${f(c.wall, 2)} s wall (${f(c.cpu, 2)} s CPU)`)
console.log(`  ${f(cityWallRate)} events/s wall, ${f(cityCpuRate)} events/s CPU, ${f(c.items / c.wall)} items/s; compile ${f(c.compileMs)} ms`)
console.log(`  peak rss ${f(c.rss / MB)} MB, peak heap ${f(c.heap / MB)} MB; job slots ${f(c.jobsCapacity)}`)
console.log(`  vs bare heap ${f(BARE_HEAP[0] / 1e6, 1)}–${f(BARE_HEAP[1] / 1e6, 1)} M/s: ${f(cityCpuRate / BARE_HEAP[1], 2)}–${f(cityCpuRate / BARE_HEAP[0], 2)} (CPU rate)`)

const mm = mmRuns(QUICK ? 1 : 3)
const exact = erlangC(15, 13.5, 1)
const mmWall = median(mm.map((r) => r.wall))
const mmCpu = median(mm.map((r) => r.cpu))
const mmEvents = mm[0].events
const waits = mm.map((r) => r.wait)
const meanWait = waits.reduce((a, b) => a + b, 0) / waits.length
console.log(`M/M/15, 1,000,000 customers: median ${f(mmWall, 2)} s wall (${f(mmCpu, 2)} s CPU), ${f(mmEvents / mmCpu)} events/s CPU; runs ${mm.map((r) => f(r.wall, 2)).join(', ')} s`)
console.log(`  mean wait ${waits.map((w) => f(w, 4)).join(', ')} h vs Erlang C ${f(exact, 4)} h (mean of 3: ${f(((meanWait - exact) / exact) * 100, 1)}%)`)

const {model: mmModel, horizon: mmHorizon} = mm15(QUICK ? 10_000 : 250_000)
const ser0 = performance.now()
const serial = await simulateModel(mmModel, {seed: 1, replications: 4, horizon: mmHorizon, workers: 1})
const serialWall = (performance.now() - ser0) / 1000
const par0 = performance.now()
const par = await simulateModel(mmModel, {seed: 1, replications: 4, horizon: mmHorizon, workers: m.nproc})
const parWall = (performance.now() - par0) / 1000
const same = JSON.stringify(serial) === JSON.stringify(par)
console.log(`4 replications × 250,000 customers: serial ${f(serialWall, 2)} s, ${m.nproc} workers ${f(parWall, 2)} s (identical: ${same})`)

const net = await network()
const bj = beijing()

const ok = (b) => (b ? 'met' : 'not met')
const networkSection = `${networkMarkdown(net, f)}
## Beijing-sized year

models/beijing-scale.yaml (16 districts × 21 streets × 21 communities, the 373-item catalogue and
resident demand): ${f(bj.units)} units, valid (${bj.warnings} warnings). One simulated year
(${f(bj.horizon)} h) on one thread, in a process of its own:

| metric | value |
| --- | --- |
| load and validate | ${f(bj.loadMs)} ms |
| compile | ${f(bj.compileMs)} ms |
| events | ${f(bj.events)} |
| items generated | ${f(bj.items)} |
| wall time | ${f(bj.wall, 2)} s |
| CPU time | ${f(bj.cpu, 2)} s |
| events/s (CPU) | ${f(bj.events / bj.cpu)} |
| peak rss (whole process) | ${f(bj.peakRssMB)} MB |
`
const issueTargets = `| engine ≥ 0.8× its twin's events/s (median of ${net.rows.length} pairs) | ${f(net.medianRatio, 3)} | ${ok(net.medianRatio >= 0.8)} |
| city scale ≥ 2.0 M events/s of CPU time | ${f(cityCpuRate / 1e6, 2)} M/s | ${ok(cityCpuRate >= 2e6)} |
| city scale compile ≤ 0.3 s | ${f(c.compileMs / 1000, 2)} s | ${ok(c.compileMs <= 300)} |
| Beijing-sized year < 30 s on one thread | ${f(bj.wall, 1)} s wall, ${f(bj.cpu, 1)} s CPU | wall ${ok(bj.wall < 30)}, CPU ${ok(bj.cpu < 30)} |
| Beijing-sized year peak rss < 600 MB | ${f(bj.peakRssMB)} MB | ${ok(bj.peakRssMB < 600)} |
`
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
${issueTargets}
${networkSection}`
// Sections between <!-- name --> and <!-- /name --> are kept by hand or by bench/sweep.js: carry them over.
const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : existsSync(join(HERE, 'RESULTS.md')) ? readFileSync(join(HERE, 'RESULTS.md'), 'utf8') : ''
const kept = [...previous.matchAll(/<!-- ([a-z-]+) -->[\s\S]*?<!-- \/\1 -->\n?/g)].map((x) => `\n${x[0]}`).join('')
writeFileSync(OUT, `${report}${kept}`)
console.log(`wrote ${OUT}`)
