// The twin benchmark: bench/network.yaml run by loudou's engine and bench/twin.js (a bare
// typed-array event loop written for that network alone) back to back, in pairs that
// alternate which goes first. Rates are events per second of user CPU time of this process,
// so that other processes on a shared machine count less than in wall time.
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadModel} from '../dist/model/load.js'
import {compileModel} from '../dist/sim/compile.js'
import {Engine, U_BUSY_HOURS, L_COUNT, L_HOURS} from '../dist/sim/engine.js'
import {inTurn, median, timed} from './measure.js'
import {runTwin} from './twin.js'

const HERE = dirname(fileURLToPath(import.meta.url))

/** One run of the network model by the engine (compile not timed: the twin has none). */
function engineRun(compiled, horizon, seed) {
  return timed(() => {
    const e = new Engine(compiled, seed, horizon, 0)
    e.runUntil(horizon)
    let busy = 0
    let leadHours = 0
    let ended = 0
    for (let u = 0; u < compiled.nUnits; u++) {
      if (compiled.servers[u] === 125) busy += e.stat(u, U_BUSY_HOURS)
      leadHours += e.leadStat(u, L_HOURS)
      ended += e.leadStat(u, L_COUNT)
    }
    return {events: e.events, completed: ended, meanSojourn: leadHours / ended, districtUtilisation: busy / (30 * 125 * horizon)}
  })
}

/** `pairs` back-to-back pairs of `horizon` simulated hours; odd pairs run the engine first. */
export async function networkPairs(pairs = 5, horizon = 1000, log = console.log) {
  const compiled = compileModel(await loadModel(join(HERE, 'network.yaml')))
  const rows = []
  for (let k = 1; k <= pairs; k++) {
    const seed = k
    const engineFirst = k % 2 === 1
    const [engine, twin] = inTurn(k - 1, () => engineRun(compiled, horizon, seed), () => timed(() => runTwin(horizon, seed)))
    const ratio = engine.events / engine.cpu / (twin.events / twin.cpu)
    rows.push({pair: k, engineFirst, engine, twin, ratio})
    log(`  pair ${k}: engine ${(engine.events / engine.cpu / 1e6).toFixed(2)} M events/s CPU, twin ${(twin.events / twin.cpu / 1e6).toFixed(2)} M/s, ratio ${ratio.toFixed(3)}`)
  }
  return {horizon, rows, medianRatio: median(rows.map((r) => r.ratio))}
}

/** The markdown section of a networkPairs result; `f` formats a number with d decimals. */
export function networkMarkdown(net, f) {
  const pairRows = net.rows
    .map((r) => `| ${r.pair} | ${r.engineFirst ? 'engine' : 'twin'} | ${f(r.engine.events)} | ${f(r.engine.cpu, 2)} s | ${f(r.engine.events / r.engine.cpu)} | ${f(r.twin.events)} | ${f(r.twin.cpu, 2)} s | ${f(r.twin.events / r.twin.cpu)} | ${f(r.ratio, 3)} |`)
    .join('\n')
  const check = net.rows[0]
  return `## The engine against its twin

bench/network.yaml (30 districts × 10 streets × 10 communities, 3,330 units; a request raised at
a community, its formal part there, one escalation hop at the street, the work at the district:
four events a request) run by the engine, and bench/twin.js, a bare typed-array event loop
written for that network alone, ${net.rows.length} pairs of ${f(net.horizon)} simulated hours back to back,
alternating which runs first. Rates per second of user CPU time; compile not timed.

| pair | first | engine events | engine CPU | engine events/s | twin events | twin CPU | twin events/s | ratio |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${pairRows}

Median ratio: **${f(net.medianRatio, 3)}**. Both simulate the same system (pair 1): mean sojourn
${f(check.engine.meanSojourn, 3)} h (engine) and ${f(check.twin.meanSojourn, 3)} h (twin); district
utilisation ${f(check.engine.districtUtilisation, 3)} and ${f(check.twin.districtUtilisation, 3)}.
`
}
