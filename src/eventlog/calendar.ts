// The calendar of event logs: simulated working hours → ISO-8601 timestamps. Pure.
//
// Working hours count from the start date: working days are Monday to Friday (no holidays),
// each with `hoursPerDay` working hours from 09:00 (earlier when the day would not fit: a
// 24-hour day starts at 00:00). Hour h falls on working day floor(h / hoursPerDay); the
// interval is half-open, so the instant that ends one day is the next working day's 09:00.
// Timestamps are written in UTC ('Z') with milliseconds: a nominal calendar, not a time zone.

export const DEFAULT_START = '2026-01-05'

export interface Calendar {
  /** Midnight UTC of the first working day, in epoch milliseconds. */
  startMs: number
  /** Weekday of the first working day, 0 = Monday … 4 = Friday. */
  startDow: number
  hoursPerDay: number
  /** Hour of the day at which work starts. */
  dayStart: number
}

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

/** Parses YYYY-MM-DD strictly (a real calendar date); undefined otherwise. */
export function parseStartDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined
  return ms
}

/** A calendar from a start date; a start on a weekend moves to the following Monday. */
export function makeCalendar(start: string, hoursPerDay: number): Calendar {
  const ms = parseStartDate(start)
  if (ms === undefined) throw new RangeError(`calendar: expected a date such as ${DEFAULT_START}, got "${start}"`)
  if (!(hoursPerDay > 0 && hoursPerDay <= 24)) throw new RangeError(`calendar: hoursPerDay must be in (0, 24], got ${hoursPerDay}`)
  // getUTCDay: 0 = Sunday; shift to 0 = Monday.
  const dow = (new Date(ms).getUTCDay() + 6) % 7
  const skip = dow >= 5 ? 7 - dow : 0
  return {startMs: ms + skip * DAY_MS, startDow: dow >= 5 ? 0 : dow, hoursPerDay, dayStart: Math.min(9, 24 - hoursPerDay)}
}

/** Epoch milliseconds of working hour h (h ≥ 0). */
export function toEpochMs(cal: Calendar, hours: number): number {
  const h = Math.max(0, hours)
  const day = Math.floor(h / cal.hoursPerDay)
  const within = h - day * cal.hoursPerDay
  const offset = cal.startDow + day
  const calendarDays = Math.floor(offset / 5) * 7 + (offset % 5) - cal.startDow
  return cal.startMs + calendarDays * DAY_MS + Math.round((cal.dayStart + within) * HOUR_MS)
}

/** ISO-8601 timestamp of working hour h, e.g. 2026-01-05T09:00:00.000Z. */
export function toTimestamp(cal: Calendar, hours: number): string {
  return new Date(toEpochMs(cal, hours)).toISOString()
}
