// Durations (`30m`, `6h`, `5d`, `2w`, `1mo`, `1y`) and rates (`6/y`, `3/1000/mo`) in working
// time. A day is `hoursPerDay`, a year `daysPerYear` days, a week 5 days, a month a twelfth
// of a year.
import type {Clock} from './types.js'

const UNIT_PATTERN = /^(\d+(?:\.\d+)?|\.\d+)\s*(m|min|h|d|w|mo|y)$/
const RATE_PATTERN = /^(\d+(?:\.\d+)?|\.\d+)\s*\/\s*(\d*(?:\.\d+)?)\s*(m|min|h|d|w|mo|y)$/
const PER_CAPITA_PATTERN = /^(\d+(?:\.\d+)?|\.\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*\/\s*(m|min|h|d|w|mo|y)$/
/** The written forms, for the editor schema (schemas/model.schema.json). */
export const WRITTEN_FORMS = {duration: UNIT_PATTERN, rate: RATE_PATTERN, perCapitaRate: PER_CAPITA_PATTERN} as const

export function unitHours(unit: string, clock: Clock): number | undefined {
  switch (unit) {
    case 'm':
    case 'min':
      return 1 / 60
    case 'h':
      return 1
    case 'd':
      return clock.hoursPerDay
    case 'w':
      return 5 * clock.hoursPerDay
    case 'mo':
      return (clock.hoursPerDay * clock.daysPerYear) / 12
    case 'y':
      return clock.hoursPerDay * clock.daysPerYear
    default:
      return undefined
  }
}

/** Parses a duration into working hours; a bare number is hours. Undefined when malformed. */
export function parseDuration(text: string | number, clock: Clock): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined
  const m = UNIT_PATTERN.exec(text.trim())
  if (!m) return undefined
  const per = unitHours(m[2], clock)
  return per === undefined ? undefined : Number(m[1]) * per
}

/** Parses `N/unit` into events per working hour. Undefined when malformed. */
export function parseRate(text: string | number, clock: Clock): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined
  const m = RATE_PATTERN.exec(text.trim())
  if (!m) return undefined
  const span = unitHours(m[3], clock)
  if (span === undefined) return undefined
  const count = m[2] === '' ? 1 : Number(m[2])
  if (!(count > 0)) return undefined
  return Number(m[1]) / (count * span)
}

/** Parses `N/1000/unit` (per 1,000 residents) into requests per resident per working hour. */
export function parsePerCapitaRate(text: string | number, clock: Clock): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined
  const m = PER_CAPITA_PATTERN.exec(text.trim())
  if (!m) return undefined
  const span = unitHours(m[3], clock)
  const residents = Number(m[2])
  if (span === undefined || !(residents > 0)) return undefined
  return Number(m[1]) / (residents * span)
}

/** Formats hours in the largest unit that keeps the number readable. */
export function formatHours(hours: number, clock: Clock): string {
  if (!Number.isFinite(hours)) return String(hours)
  const day = clock.hoursPerDay
  if (hours < 1) return `${round(hours * 60)}m`
  if (hours < day) return `${round(hours)}h`
  if (hours < 5 * day) return `${round(hours / day)}d`
  if (hours < (day * clock.daysPerYear) / 12) return `${round(hours / (5 * day))}w`
  if (hours < day * clock.daysPerYear) return `${round(hours / ((day * clock.daysPerYear) / 12))}mo`
  return `${round(hours / (day * clock.daysPerYear))}y`
}

function round(x: number): number {
  return Math.round(x * 10) / 10
}
