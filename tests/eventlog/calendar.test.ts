import {describe, expect, it} from 'vitest'
import {DEFAULT_START, makeCalendar, parseStartDate, toTimestamp} from '../../src/eventlog/calendar.js'

describe('event-log calendar', () => {
  const cal = makeCalendar('2026-01-05', 8) // a Monday

  it('starts at 09:00 of the start date and counts working hours within the day', () => {
    expect(toTimestamp(cal, 0)).toBe('2026-01-05T09:00:00.000Z')
    expect(toTimestamp(cal, 2.5)).toBe('2026-01-05T11:30:00.000Z')
    expect(toTimestamp(cal, 7.999)).toBe('2026-01-05T16:59:56.400Z')
  })

  it('moves to the next working day at the hoursPerDay boundary', () => {
    expect(toTimestamp(cal, 8)).toBe('2026-01-06T09:00:00.000Z')
    expect(toTimestamp(cal, 8.5)).toBe('2026-01-06T09:30:00.000Z')
  })

  it('skips weekends', () => {
    expect(toTimestamp(cal, 4 * 8 + 1)).toBe('2026-01-09T10:00:00.000Z') // Friday
    expect(toTimestamp(cal, 5 * 8)).toBe('2026-01-12T09:00:00.000Z') // Monday after
    expect(toTimestamp(cal, 10 * 8)).toBe('2026-01-19T09:00:00.000Z')
    const wed = makeCalendar('2026-01-07', 8)
    expect(toTimestamp(wed, 2 * 8)).toBe('2026-01-09T09:00:00.000Z')
    expect(toTimestamp(wed, 3 * 8)).toBe('2026-01-12T09:00:00.000Z')
  })

  it('moves a weekend start to the following Monday', () => {
    expect(toTimestamp(makeCalendar('2026-01-10', 8), 0)).toBe('2026-01-12T09:00:00.000Z') // Saturday
    expect(toTimestamp(makeCalendar('2026-01-11', 8), 8)).toBe('2026-01-13T09:00:00.000Z') // Sunday
  })

  it('follows the model clock: other day lengths, a 24-hour day from midnight', () => {
    expect(toTimestamp(makeCalendar('2026-01-05', 6), 6)).toBe('2026-01-06T09:00:00.000Z')
    const full = makeCalendar('2026-01-05', 24)
    expect(toTimestamp(full, 23)).toBe('2026-01-05T23:00:00.000Z')
    expect(toTimestamp(full, 5 * 24)).toBe('2026-01-12T00:00:00.000Z')
  })

  it('is monotone in the hours', () => {
    let prev = ''
    for (let h = 0; h < 400; h += 0.37) {
      const t = toTimestamp(cal, h)
      expect(t >= prev).toBe(true)
      prev = t
    }
  })

  it('parses only real YYYY-MM-DD dates; the default is fixed', () => {
    expect(parseStartDate(DEFAULT_START)).toBe(Date.UTC(2026, 0, 5))
    for (const bad of ['2026-02-30', '2026-13-01', '05/01/2026', '2026-1-5', 'today', '']) expect(parseStartDate(bad)).toBeUndefined()
    expect(() => makeCalendar('soon', 8)).toThrow(/2026-01-05/)
  })
})
