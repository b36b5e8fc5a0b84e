// The traced replication behind `simulate --events`, in process: a real run of the classroom
// model through recordLog, committed whole or not at all.
import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {catalogueOf, makeCalendar, openEventLog, recordLog} from '../../src/eventlog/index.js'
import type {EventLogWriter} from '../../src/eventlog/index.js'
import {loadModel} from '../../src/model/load.js'
import {runReplication} from '../../src/sim/index.js'
import type {TraceEvent} from '../../src/sim/api.js'
import {checkReferences, validateOcel} from './ocel-schema.js'
import type {OcelDoc} from './ocel-schema.js'

const MODEL = join(import.meta.dirname, '../../models/classroom.yaml')
const options = {seed: 11, horizon: 120, warmup: 0}

async function setup(file: string, format: 'ocel' | 'xes' = 'ocel') {
  const model = await loadModel(MODEL)
  const writer = openEventLog(file, format, {calendar: makeCalendar('2026-01-05', model.clock.hoursPerDay), catalogue: catalogueOf(model)})
  return {model, writer}
}

describe('recordLog with the simulation engine', () => {
  it('logs one replication: a valid OCEL log with one item object per generated item', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'loudou-rec-')), 'log.json')
    const {model, writer} = await setup(file)
    let result: ReturnType<typeof runReplication> | undefined
    const r = recordLog(writer, (trace) => (result = runReplication(model, {...options, trace})))
    expect(r.truncated).toBe(false)
    const doc = JSON.parse(readFileSync(file, 'utf8')) as OcelDoc
    expect(validateOcel(doc)).toEqual([])
    expect(checkReferences(doc)).toEqual([])
    expect(doc.events).toHaveLength(r.events)
    const items = doc.objects.filter((o) => o.type === 'item' || o.type === 'request').length
    expect(items).toBe(result!.items.generated)
    const ends = doc.events.filter((e) => e.type === 'completed').length
    expect(ends).toBe(result!.items.completed)
  })

  it('stops at the limit and says so', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'loudou-rec-')), 'log.json')
    const {model, writer} = await setup(file)
    const r = recordLog(writer, (trace) => runReplication(model, {...options, trace}), 100)
    expect(r).toEqual({events: 100, truncated: true})
    const doc = JSON.parse(readFileSync(file, 'utf8')) as OcelDoc
    expect(doc.events).toHaveLength(100)
    expect(checkReferences(doc)).toEqual([])
  })

  for (const format of ['ocel', 'xes'] as const) {
    it(`leaves an existing ${format} file untouched and no temp files when the sink throws mid-run`, async () => {
      const d = mkdtempSync(join(tmpdir(), 'loudou-rec-'))
      const file = join(d, 'log')
      writeFileSync(file, 'previous')
      const {model, writer} = await setup(file, format)
      let n = 0
      const failing: EventLogWriter = {
        get events() {
          return writer.events
        },
        get stateBytes() {
          return writer.stateBytes
        },
        write(e: TraceEvent) {
          if (++n === 500) throw new Error('disk full')
          writer.write(e)
        },
        finish: () => writer.finish(),
        abort: () => writer.abort(),
      }
      expect(() => recordLog(failing, (trace) => runReplication(model, {...options, trace}))).toThrow('disk full')
      expect(readFileSync(file, 'utf8')).toBe('previous')
      expect(readdirSync(d)).toEqual(['log'])
    })
  }
})
