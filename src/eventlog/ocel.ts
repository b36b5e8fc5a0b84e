// A streaming OCEL 2.0 JSON writer (https://www.ocel-standard.org, JSON format). Events go to
// one scratch file as they come and objects to another, the first time each is referenced;
// `finish` streams both into a temp file beside the target and renames it (atomic). Nothing
// per event stays in memory: only bitsets of written item and instance ids and the set of
// written unit, task and demand ids (bounded by the model).
//
// Hand-written for the same reasons as the XES writer: no npm package writes OCEL 2.0, and
// events arrive synchronously from inside the simulation loop.
//
// Attribute values are JSON numbers where the declared type is a number (`hours`, a unit's
// `staff`), so that PM4Py, which takes values as they are, reads numbers; the published OCEL 2.0
// JSON Schema types every value as a string, a rule this writer relaxes (docs/event-logs.md).
import {join} from 'node:path'
import type {TraceEvent} from '../sim/api.js'
import type {Calendar} from './calendar.js'
import {toTimestamp} from './calendar.js'
import {BufferedFile, discard, stage, writeStaged} from './files.js'
import type {Staging} from './files.js'
import {IdSet} from './idset.js'
import {ACTIVITIES, instanceObjectId, isRequest, itemObjectId, sourceObjectId, sourceType, unitObjectId} from './objects.js'
import type {Catalogue, SourceInfo, UnitInfo} from './objects.js'

export interface EventLogOptions {
  calendar: Calendar
  catalogue?: Catalogue
  /** The run's input files: the log may not replace them. */
  reads?: readonly string[]
}

/** The common shape of the event-log writers: a trace sink plus an atomic commit. */
export interface EventLogWriter {
  write(e: TraceEvent): void
  /** Assembles the log and renames it into place. */
  finish(): void
  /** Removes every temp file; the target is left as it was. */
  abort(): void
  readonly events: number
  /** Bytes of per-item and per-instance state held (grows with ids, never with events). */
  readonly stateBytes: number
}

type Attr = {name: string; type: 'string' | 'integer' | 'float' | 'time' | 'boolean'}
const str = (name: string): Attr => ({name, type: 'string'})

export const OCEL_OBJECT_TYPES: Array<{name: string; attributes: Attr[]}> = [
  {name: 'item', attributes: [str('source')]},
  {name: 'request', attributes: [str('source')]},
  {name: 'instance', attributes: [str('source')]},
  {name: 'unit', attributes: [str('name'), str('kind'), str('tier'), {name: 'staff', type: 'float'}]},
  {name: 'task', attributes: [str('name'), str('kind'), str('category')]},
  {name: 'demand', attributes: [str('name'), str('category')]},
]

export const OCEL_EVENT_TYPES = ACTIVITIES.map((name) => ({name, attributes: [{name: 'hours', type: 'float'}] as Attr[]}))

type Rel = {objectId: string; qualifier: string}
type Value = string | number

export class OcelWriter implements EventLogWriter {
  events = 0
  private objects = 0
  private readonly staging: Staging
  private readonly eventFile: BufferedFile
  private readonly objectFile: BufferedFile
  private readonly items = new IdSet()
  private readonly instances = new IdSet()
  private readonly named = new Set<string>()
  private readonly origin: string
  private done = false

  constructor(file: string, private readonly options: EventLogOptions) {
    this.staging = stage(file, options.reads)
    try {
      this.eventFile = new BufferedFile(join(this.staging.scratch, 'events.json'))
      this.objectFile = new BufferedFile(join(this.staging.scratch, 'objects.json'))
    } catch (error) {
      discard(this.staging)
      throw error
    }
    this.origin = toTimestamp(options.calendar, 0)
    const cat = options.catalogue
    if (cat) {
      for (const u of cat.units) this.unit(u.id, u)
      for (const u of cat.units) if (u.parent !== undefined) this.unit(u.parent)
      for (const s of cat.sources) this.source(s.type, s.id, s)
    }
  }

  get stateBytes(): number {
    return this.items.bytes + this.instances.bytes
  }

  write(e: TraceEvent): void {
    if (this.done) throw new Error('event log: write after finish')
    const time = toTimestamp(this.options.calendar, e.time)
    const type = sourceType(e)
    const src = this.source(type, e.source)
    const unit = this.unit(e.unit)
    const rels: Rel[] = []
    if (e.item >= 0) {
      const id = itemObjectId(e)
      if (!this.items.has(e.item)) {
        this.items.add(e.item)
        const o2o: Rel[] = [{objectId: src, qualifier: 'of'}]
        if (!isRequest(e)) o2o.push({objectId: this.instance(e, time), qualifier: 'part of'})
        this.object(id, isRequest(e) ? 'request' : 'item', [['source', e.source]], o2o, time)
      }
      rels.push({objectId: id, qualifier: isRequest(e) ? 'request' : 'item'})
    }
    if (e.instance >= 0) rels.push({objectId: this.instance(e, time), qualifier: 'instance'})
    rels.push({objectId: unit, qualifier: 'at'}, {objectId: src, qualifier: 'of'})
    const ev = {id: `e${++this.events}`, type: e.activity, time, attributes: [{name: 'hours', value: e.time}], relationships: rels}
    this.eventFile.write((this.events > 1 ? ',\n' : '') + JSON.stringify(ev))
  }

  finish(): void {
    if (this.done) return
    this.done = true
    writeStaged(this.staging, (out) => {
      this.eventFile.close()
      this.objectFile.close()
      out.write(`{\n"objectTypes": ${JSON.stringify(OCEL_OBJECT_TYPES)},\n"eventTypes": ${JSON.stringify(OCEL_EVENT_TYPES)},\n"objects": [\n`)
      out.append(this.objectFile.path)
      out.write('\n],\n"events": [\n')
      out.append(this.eventFile.path)
      out.write('\n]\n}\n')
    })
  }

  abort(): void {
    this.done = true
    for (const f of [this.eventFile, this.objectFile]) {
      try {
        f.close()
      } catch {
        // Already failing: the scratch directory goes anyway.
      }
    }
    discard(this.staging)
  }

  private instance(e: TraceEvent, time: string): string {
    const id = instanceObjectId(e.instance)
    if (!this.instances.has(e.instance)) {
      this.instances.add(e.instance)
      this.object(id, 'instance', [['source', e.source]], [{objectId: this.source('task', e.source), qualifier: 'of'}], time)
    }
    return id
  }

  private unit(id: string, info?: UnitInfo): string {
    const oid = unitObjectId(id)
    if (this.named.has(oid)) return oid
    this.named.add(oid)
    const parent = info?.parent !== undefined ? [{objectId: unitObjectId(info.parent), qualifier: 'part of'}] : []
    const attrs: Array<[string, Value]> = [['name', info?.name ?? id], ['kind', info?.kind ?? ''], ['tier', info?.tier ?? '']]
    if (info?.staff !== undefined) attrs.push(['staff', info.staff])
    this.object(oid, 'unit', attrs, parent, this.origin)
    return oid
  }

  private source(type: 'task' | 'demand', id: string, info?: SourceInfo): string {
    const oid = sourceObjectId(type, id)
    if (this.named.has(oid)) return oid
    this.named.add(oid)
    const attrs: Array<[string, string]> = type === 'task'
      ? [['name', info?.name ?? id], ['kind', info?.kind ?? ''], ['category', info?.category ?? '']]
      : [['name', info?.name ?? id], ['category', info?.category ?? '']]
    this.object(oid, type, attrs, [], this.origin)
    return oid
  }

  private object(id: string, type: string, attrs: Array<[string, Value]>, rels: Rel[], time: string): void {
    const o = {id, type, attributes: attrs.map(([name, value]) => ({name, time, value})), relationships: rels}
    this.objectFile.write((this.objects++ > 0 ? ',\n' : '') + JSON.stringify(o))
  }
}
