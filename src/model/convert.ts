// Written durations, rates and efforts → working hours, once the model's clock is known.
// The schema has already checked their form, so a failure here is a bug, not bad input.
import {parseDuration, parsePerCapitaRate, parseRate} from './duration.js'
import type {Clock, Distribution} from './types.js'
import type {DurationInput, EffortInput} from './schema/common.js'
import type {Origin} from './merge.js'
import type {Report} from './report.js'
import type {JsPath} from './yaml-source.js'

export function hours(d: DurationInput, clock: Clock): number {
  const h = parseDuration(d, clock)
  if (h === undefined) throw new Error(`unchecked duration ${String(d)}`)
  return h
}

export function perHour(r: string | number, clock: Clock): number {
  const v = parseRate(r, clock)
  if (v === undefined) throw new Error(`unchecked rate ${String(r)}`)
  return v
}

export function perResidentHour(r: string | number, clock: Clock): number {
  const v = parsePerCapitaRate(r, clock)
  if (v === undefined) throw new Error(`unchecked rate ${String(r)}`)
  return v
}

export function effort(e: EffortInput, clock: Clock): Distribution {
  if (typeof e === 'string' || typeof e === 'number') return {dist: 'fixed', value: hours(e, clock)}
  switch (e.dist) {
    case 'fixed':
      return {dist: 'fixed', value: hours(e.value, clock)}
    case 'exp':
      return {dist: 'exp', mean: hours(e.mean, clock)}
    case 'lognormal':
      return {dist: 'lognormal', mean: hours(e.mean, clock), sd: hours(e.sd, clock)}
    case 'triangular':
      return {dist: 'triangular', min: hours(e.min, clock), mode: hours(e.mode, clock), max: hours(e.max, clock)}
  }
}

/** Why a distribution cannot be sampled as written, or undefined when it can. */
export function effortProblem(d: Distribution): string | undefined {
  if (d.dist === 'triangular' && !(d.min <= d.mode && d.mode <= d.max)) {
    return `a triangular effort needs min ≤ mode ≤ max (here ${d.min}h, ${d.mode}h, ${d.max}h)`
  }
  if (d.dist === 'lognormal' && d.sd > 0 && !(d.mean > 0)) return 'a lognormal effort with `sd` above 0 needs a `mean` above 0'
  return undefined
}

/** The effort in hours; a distribution that cannot be sampled is reported at `sub`. */
export function checkedEffort(e: EffortInput, clock: Clock, at: Origin, sub: JsPath, report: Report): Distribution {
  const d = effort(e, clock)
  const why = effortProblem(d)
  if (why) report.error(at, sub, why, 'fix the values here, or give a plain duration')
  return d
}

/** `name 3`, or the name with `{n}` replaced by the replica number. */
export function replicaName(name: string, n: number): string {
  return name.includes('{n}') ? name.replaceAll('{n}', String(n)) : `${name} ${n}`
}
