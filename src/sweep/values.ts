// What a factor's values mean: each target reads its values as one kind (a plain number, a
// share, hours, a rate, …). Written values become the model's own units here (durations in
// working hours, rates per hour), so ranges interpolate and outputs compare in one unit.
import {parseDuration, parsePerCapitaRate, parseRate} from '../model/duration.js'
import type {Clock} from '../model/types.js'

/** A factor value in the model's units: numbers in hours or per hour, or a word, or a flag. */
export type FactorValue = number | string | boolean

export type ValueKind =
  | 'number' // any finite number ≥ 0
  | 'share' // a number in [0, 1]
  | 'hours' // a duration: hours or `6h`, `2d`, …
  | 'rate' // per hour, or `6/y`
  | 'perCapitaRate' // per resident-hour, or `3/1000/mo`
  | 'word' // text (an enum the model or reform checks)
  | 'flag' // true or false
  | 'any' // a reform parameter: numbers, durations and rates read as numbers, other text kept

export type Read = {ok: true; value: FactorValue} | {ok: false; message: string}

const KIND_TEXT: Record<ValueKind, string> = {
  number: 'a number (at least 0)',
  share: 'a share between 0 and 1',
  hours: 'a duration such as 6h, 2d or a number of hours',
  rate: 'a rate such as 6/y or a number per hour',
  perCapitaRate: 'a rate per 1,000 residents such as 3/1000/mo or a number per resident-hour',
  word: 'a word',
  flag: 'true or false',
  any: 'a number, a duration, a rate or a word',
}

export function describeKind(kind: ValueKind): string {
  return KIND_TEXT[kind]
}

/** Reads one written value as `kind` (in `set` mode); a message when it cannot be. */
export function readValue(raw: unknown, kind: ValueKind, clock: Clock): Read {
  const bad = (): Read => ({ok: false, message: `expected ${KIND_TEXT[kind]}, got ${JSON.stringify(raw)}`})
  switch (kind) {
    case 'word':
      return typeof raw === 'string' ? {ok: true, value: raw} : bad()
    case 'flag':
      return typeof raw === 'boolean' ? {ok: true, value: raw} : bad()
    case 'any':
      if (typeof raw === 'boolean') return {ok: true, value: raw}
      if (typeof raw === 'number') return Number.isFinite(raw) ? {ok: true, value: raw} : bad()
      if (typeof raw === 'string') return {ok: true, value: numberOf(raw, clock) ?? raw}
      return bad()
    default: {
      const x = readNumber(raw, kind, clock)
      if (x === undefined) return bad()
      if (x < 0) return {ok: false, message: `must not be negative, got ${JSON.stringify(raw)}`}
      if (kind === 'share' && x > 1) return {ok: false, message: `must be between 0 and 1, got ${JSON.stringify(raw)}`}
      return {ok: true, value: x}
    }
  }
}

/** A scale factor (`mode: scale`): a plain number ≥ 0 that multiplies the model's value. */
export function readScale(raw: unknown): Read {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return {ok: false, message: `expected a number to multiply by, got ${JSON.stringify(raw)}`}
  if (raw < 0) return {ok: false, message: `a scale must not be negative, got ${raw}`}
  return {ok: true, value: raw}
}

function readNumber(raw: unknown, kind: ValueKind, clock: Clock): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined
  if (typeof raw !== 'string') return undefined
  if (kind === 'hours') return parseDuration(raw, clock)
  if (kind === 'rate') return parseRate(raw, clock)
  if (kind === 'perCapitaRate') return parsePerCapitaRate(raw, clock)
  return undefined
}

/** A duration, a rate or a per-capita rate written as text, as a number; undefined for a word. */
function numberOf(text: string, clock: Clock): number | undefined {
  return parseDuration(text, clock) ?? parseRate(text, clock) ?? parsePerCapitaRate(text, clock)
}

/** `steps` evenly spaced values from `from` to `to`, both included. */
export function linspace(from: number, to: number, steps: number): number[] {
  return Array.from({length: steps}, (_, i) => (i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1)))
}

/** A point x in [0, 1] as a factor value: along the range, or one of `values` in equal bins. */
export function atUnit(x: number, f: {range?: {from: number; to: number}; values?: readonly FactorValue[]}): FactorValue {
  if (f.range) return f.range.from + x * (f.range.to - f.range.from)
  const vs = f.values ?? []
  return vs[Math.min(vs.length - 1, Math.floor(x * vs.length))]
}
