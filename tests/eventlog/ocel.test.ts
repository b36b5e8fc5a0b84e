import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {makeCalendar} from '../../src/eventlog/calendar.js'
import {OcelWriter} from '../../src/eventlog/ocel.js'
import {checkReferences, isDateTime, validateOcel} from './ocel-schema.js'
import type {OcelDoc} from './ocel-schema.js'
import {synthetic} from './synthetic.js'

const calendar = makeCalendar('2026-01-05', 8)
const dir = (): string => mkdtempSync(join(tmpdir(), 'loudou-ocel-'))
const catalogue = {
  units: [
    {id: 'district', name: '区', kind: 'government', tier: 'district'},
    {id: 'district/street-1', name: '街道', kind: 'street', tier: 'street', parent: 'district'},
  ],
  sources: [{id: 'repair', name: '报修', type: 'demand' as const}],
}

describe('OCEL 2.0 writer', () => {
  it('writes a log that validates against the OCEL 2.0 JSON schema and resolves every relationship', () => {
    const file = join(dir(), 'log.json')
    const syn = synthetic(40)
    const w = new OcelWriter(file, {calendar, catalogue})
    for (const e of syn.events) w.write(e)
    w.finish()
    const doc = JSON.parse(readFileSync(file, 'utf8')) as OcelDoc
    expect(validateOcel(doc)).toEqual([])
    expect(checkReferences(doc)).toEqual([])
    expect(doc.events).toHaveLength(syn.events.length)
    expect(new Set(doc.events.map((e) => e.id)).size).toBe(doc.events.length)
    expect(doc.events.every((e) => isDateTime(e.time))).toBe(true)
    const byType = (t: string): number => doc.objects.filter((o) => o.type === t).length
    expect(byType('item')).toBe(syn.items)
    expect(byType('request')).toBe(syn.requests)
    expect(byType('instance')).toBe(syn.instances)
    // Units: the two declared plus the three communities first seen in events.
    expect(byType('unit')).toBe(5)
    // Events keep the order they came in, so times never go back.
    expect(doc.events.map((e) => e.time)).toEqual([...doc.events.map((e) => e.time)].sort())
  })

  it('relates each event to its item, instance, unit ("at") and task ("of")', () => {
    const file = join(dir(), 'log.json')
    const w = new OcelWriter(file, {calendar, catalogue})
    w.write({time: 0, activity: 'relayed', item: -1, instance: 7, unit: 'district/street-1', source: 'ledger'})
    w.write({time: 8, activity: 'issued', item: 3, instance: 7, unit: 'district/street-1/c', source: 'ledger'})
    w.write({time: 9.5, activity: 'issued', item: 4, instance: -1, unit: 'district/street-1/c', source: 'repair'})
    w.finish()
    const doc = JSON.parse(readFileSync(file, 'utf8')) as OcelDoc
    expect(doc.events[0]).toEqual({
      id: 'e1', type: 'relayed', time: '2026-01-05T09:00:00.000Z', attributes: [{name: 'hours', value: 0}],
      relationships: [{objectId: 'instance-7', qualifier: 'instance'}, {objectId: 'unit:district/street-1', qualifier: 'at'}, {objectId: 'task:ledger', qualifier: 'of'}],
    })
    expect(doc.events[1].relationships).toEqual([
      {objectId: 'item-3', qualifier: 'item'}, {objectId: 'instance-7', qualifier: 'instance'},
      {objectId: 'unit:district/street-1/c', qualifier: 'at'}, {objectId: 'task:ledger', qualifier: 'of'},
    ])
    expect(doc.events[2]).toMatchObject({time: '2026-01-06T10:30:00.000Z', relationships: [{objectId: 'request-4', qualifier: 'request'}, {objectId: 'unit:district/street-1/c', qualifier: 'at'}, {objectId: 'demand:repair', qualifier: 'of'}]})
    const item = doc.objects.find((o) => o.id === 'item-3')!
    expect(item.relationships).toEqual([{objectId: 'task:ledger', qualifier: 'of'}, {objectId: 'instance-7', qualifier: 'part of'}])
    expect(doc.objects.find((o) => o.id === 'unit:district/street-1')).toMatchObject({
      attributes: [{name: 'name', value: '街道'}, {name: 'kind', value: 'street'}, {name: 'tier', value: 'street'}],
      relationships: [{objectId: 'unit:district', qualifier: 'part of'}],
    })
    expect(doc.objectTypes.map((t) => t.name)).toEqual(['item', 'request', 'instance', 'unit', 'task', 'demand'])
    expect(doc.eventTypes.map((t) => t.name)).toContain('escalated')
  })

  it('holds no per-event state: 20,000 events leave the item state at a few bits per item', () => {
    const file = join(dir(), 'log.json')
    const syn = synthetic(1_400) // ~10 events per instance
    expect(syn.events.length).toBeGreaterThan(20_000)
    const w = new OcelWriter(file, {calendar})
    const sizes: number[] = []
    syn.events.forEach((e, i) => {
      w.write(e)
      if (i % 5_000 === 0) sizes.push(w.stateBytes)
    })
    const items = syn.items + syn.requests
    // One bit per item and per instance id (rounded up to powers of two), nothing per event.
    expect(w.stateBytes).toBeLessThanOrEqual((2 * items + 2 * syn.instances) / 8 + 256)
    expect(w.stateBytes).toBeLessThan(syn.events.length)
    w.finish()
    const doc = JSON.parse(readFileSync(file, 'utf8')) as OcelDoc
    expect(doc.events).toHaveLength(syn.events.length)
    expect(checkReferences(doc)).toEqual([])
    for (const size of sizes) expect(size).toBeLessThanOrEqual(w.stateBytes)
  })

  it('is checked by a validator that rejects what the schema rejects', () => {
    const ok = {objectTypes: [], eventTypes: [], objects: [{id: 'o', type: 't'}], events: [{id: 'e', type: 'x', time: '2026-01-05T09:00:00Z'}]}
    expect(validateOcel(ok)).toEqual([])
    expect(validateOcel({...ok, events: [{id: 'e', type: 'x', time: '5 Jan 2026'}]})).toEqual(['$.events.0.time: must match format "date-time"'])
    // Numbers are allowed as attribute values (see ocel-schema.ts); objects and lists are not.
    expect(validateOcel({...ok, events: [{id: 'e', type: 'x', time: '2026-01-05T09:00:00Z', attributes: [{name: 'n', value: 1}]}]})).toEqual([])
    expect(validateOcel({...ok, events: [{id: 'e', type: 'x', time: '2026-01-05T09:00:00Z', attributes: [{name: 'n', value: {n: 1}}]}]})).toHaveLength(1)
    expect(validateOcel({objectTypes: [], eventTypes: [], objects: []})).toHaveLength(1)
    expect(checkReferences({...ok, events: [{id: 'e', type: 'x', time: 't', relationships: [{objectId: 'nope', qualifier: 'q'}]}]} as never)).toEqual([
      'object o: undeclared type t', 'event e: undeclared type x', 'event e: relationship to missing nope',
    ])
  })

  it('escapes any text as JSON', () => {
    const file = join(dir(), 'log.json')
    const w = new OcelWriter(file, {calendar})
    w.write({time: 1, activity: 'issued', item: 0, instance: 0, unit: 'a "quoted"\nunit\\', source: '任务\t1'})
    w.finish()
    const doc = JSON.parse(readFileSync(file, 'utf8')) as OcelDoc
    expect(doc.objects.some((o) => o.id === 'unit:a "quoted"\nunit\\')).toBe(true)
    expect(validateOcel(doc)).toEqual([])
  })

  it('is atomic: a failure mid-write leaves an existing file untouched and no temp files', () => {
    const d = dir()
    const file = join(d, 'log.json')
    writeFileSync(file, 'previous')
    const w = new OcelWriter(file, {calendar})
    const syn = synthetic(10)
    try {
      for (const [i, e] of syn.events.entries()) {
        if (i === 30) throw new Error('sink failed')
        w.write(e)
      }
    } catch {
      w.abort()
    }
    expect(readFileSync(file, 'utf8')).toBe('previous')
    expect(readdirSync(d)).toEqual(['log.json'])
  })

  it('fails at once on an unwritable target', () => {
    const d = dir()
    writeFileSync(join(d, 'file'), 'x')
    expect(() => new OcelWriter(join(d, 'file', 'log.json'), {calendar})).toThrow()
    expect(existsSync(join(d, 'file', 'log.json'))).toBe(false)
  })
})
