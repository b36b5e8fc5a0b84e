// How much of the engine's time at city scale comes from the model's size rather than its work:
// models/city-scale.yaml against the same city cut to 2 streets a district (about 1/6 of its
// units, everything else equal, so its records mostly stay in cache), run alternately in one
// process: `node bench/footprint.js [pairs] [hours]`. Prints the median events/s of each, their
// ratio, and events per item born, to show that the two simulate the same mix of work.
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadModelText} from '../dist/model/load.js'
import {compileModel} from '../dist/sim/compile.js'
import {Engine} from '../dist/sim/engine.js'
import {inTurn, median, timedEngine} from './measure.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const FILE = join(ROOT, 'models/city-scale.yaml')
const pairs = Number(process.argv[2] ?? 8)
const hours = Number(process.argv[3] ?? 100)

/** The city with every district's streets counted as 2: the first `count:` of each street entry. */
function cutCity(text) {
  let inStreet = false
  return text
    .split('\n')
    .map((line) => {
      if (/id: d\d\d-street\b/.test(line)) inStreet = true
      if (!inStreet || !/\bcount: \d+/.test(line)) return line
      inStreet = false
      return line.replace(/\bcount: \d+/, 'count: 2')
    })
    .join('\n')
}

function load(text) {
  return compileModel(loadModelText({text, name: 'city-scale.yaml', dir: dirname(FILE)}).model)
}

const text = readFileSync(FILE, 'utf8')
const full = load(text)
const small = load(cutCity(text))
if (small.nUnits * 5 > full.nUnits) throw new Error(`the cut city has ${small.nUnits} units of ${full.nUnits}: the street counts were not found`)
// The cut city runs longer in proportion to its fewer units, so that both process about as
// many events.
const smallHours = Math.round((hours * full.nUnits) / small.nUnits)
const run = (c, h) => {
  const {engine, cpu} = timedEngine(Engine, c, h)
  return {rate: engine.events / cpu, perItem: engine.events / engine.generated}
}
run(full, hours / 10)
run(small, smallHours / 10)
const a = [], b = [], ratio = []
for (let k = 0; k < pairs; k++) {
  const [x, y] = inTurn(k, () => run(full, hours), () => run(small, smallHours))
  a.push(x)
  b.push(y)
  ratio.push(y.rate / x.rate)
}
const fmt = (r) => (r / 1e6).toFixed(2)
console.log(
  JSON.stringify({
    units: [full.nUnits, small.nUnits],
    hours: [hours, smallHours],
    pairs,
    fullMps: fmt(median(a.map((r) => r.rate))),
    cutMps: fmt(median(b.map((r) => r.rate))),
    ratio: median(ratio).toFixed(3),
    eventsPerItem: [median(a.map((r) => r.perItem)).toFixed(2), median(b.map((r) => r.perItem)).toFixed(2)],
  }),
)
