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
