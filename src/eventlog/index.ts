// Event logs of a simulation run: OCEL 2.0 JSON or XES, written atomically in bounded memory.
import type {TraceEvent, TraceSink} from '../sim/api.js'
import {OcelWriter} from './ocel.js'
import type {EventLogOptions, EventLogWriter} from './ocel.js'
import {XesWriter} from './xes.js'

export type EventLogFormat = 'ocel' | 'xes'
export type {EventLogOptions, EventLogWriter} from './ocel.js'
export {OcelWriter} from './ocel.js'
export {XesWriter} from './xes.js'
export {DEFAULT_START, makeCalendar, parseStartDate, toTimestamp} from './calendar.js'
export {catalogueOf} from './objects.js'

export function openEventLog(file: string, format: EventLogFormat, options: EventLogOptions & {name?: string}): EventLogWriter {
  return format === 'xes' ? new XesWriter(file, options) : new OcelWriter(file, options)
}

/**
 * Runs `run` with a sink into `writer`, keeping the first `limit` events, then commits the log;
 * if anything throws (the run, a write, the commit), removes every temp file and rethrows, so
 * the target is either the complete log or what it was before.
 */
export function recordLog(writer: EventLogWriter, run: (sink: TraceSink) => void, limit = Infinity): {events: number; truncated: boolean} {
  let truncated = false
  const sink = (e: TraceEvent): void => {
    if (writer.events < limit) writer.write(e)
    else truncated = true
  }
  try {
    run(sink)
    writer.finish()
  } catch (error) {
    writer.abort()
    throw error
  }
  return {events: writer.events, truncated}
}

/** recordLog for a run that yields between slices (signals are handled while it runs). */
export async function recordLogAsync(writer: EventLogWriter, run: (sink: TraceSink) => Promise<void>, limit = Infinity): Promise<{events: number; truncated: boolean}> {
  let truncated = false
  const sink = (e: TraceEvent): void => {
    if (writer.events < limit) writer.write(e)
    else truncated = true
  }
  try {
    await run(sink)
    writer.finish()
  } catch (error) {
    writer.abort()
    throw error
  }
  return {events: writer.events, truncated}
}
