// What the benchmark scripts share: timing a run in wall and user CPU time, and writing a
// script's own section of bench/RESULTS.md.
import {readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'RESULTS.md')

/** Runs `run` and returns what it returns with `wall` and `cpu` (user CPU of this process), in seconds. */
export function timed(run) {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const r = run()
  return {...r, wall: (performance.now() - t0) / 1000, cpu: process.cpuUsage(cpu0).user / 1e6}
}

/** One engine run of `horizon` hours from a compiled model, timed: {engine, wall, cpu}. */
export function timedEngine(Engine, compiled, horizon, seed = 1) {
  return timed(() => {
    const engine = new Engine(compiled, seed, horizon, 0)
    engine.runUntil(horizon)
    return {engine}
  })
}

/** The median of xs: the upper of the two middle values when their number is even. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

/** Pair k of a back-to-back comparison: [first(), second()], run in that order when k is even and the other way round when it is odd. */
export function inTurn(k, first, second) {
  if (k % 2 === 0) {
    const a = first()
    return [a, second()]
  }
  const b = second()
  return [first(), b]
}

/**
 * Runs `before` and `after` (each returning {events, cpu}) alternately, `pairs` times, odd pairs
 * `after` first; both must simulate the same events. Returns the median CPU time of each and
 * the median and range of the pairs' ratios (before / after CPU time: above 1 is faster after).
 */
export function alternate(before, after, pairs) {
  const cpuBefore = [], cpuAfter = [], ratios = []
  for (let k = 0; k < pairs; k++) {
    const [a, b] = inTurn(k, before, after)
    if (a.events !== b.events) throw new Error(`the builds simulate different events: ${a.events} and ${b.events}`)
    cpuBefore.push(a.cpu)
    cpuAfter.push(b.cpu)
    ratios.push(a.cpu / b.cpu)
  }
  const r = [...ratios].sort((x, y) => x - y)
  return {cpuBefore: median(cpuBefore), cpuAfter: median(cpuAfter), ratio: median(ratios), min: r[0], max: r[r.length - 1]}
}

/**
 * Replaces the section between `<!-- name -->` and `<!-- /name -->` of RESULTS.md with
 * `body` (which carries both markers), or appends it when the file has none.
 */
export function writeResultsSection(name, body) {
  const text = readFileSync(RESULTS, 'utf8')
  const open = `<!-- ${name} -->`
  const close = `<!-- /${name} -->\n`
  const at = text.indexOf(open)
  const end = text.indexOf(close)
  writeFileSync(RESULTS, at >= 0 && end > at ? text.slice(0, at) + body + text.slice(end + close.length) : `${text.trimEnd()}\n\n${body}`)
}
