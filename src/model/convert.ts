// Written durations, rates and efforts → working hours, once the model's clock is known.
// The schema has already checked their form, so a failure here is a bug, not bad input.
import {parseDuration, parsePerCapitaRate, parseRate} from './duration.js'
import type {Clock, Distribution} from './types.js'
import type {DurationInput, EffortInput} from './schema/common.js'

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

/** `name 3`, or the name with `{n}` replaced by the replica number. */
export function replicaName(name: string, n: number): string {
  return name.includes('{n}') ? name.replaceAll('{n}', String(n)) : `${name} ${n}`
}
