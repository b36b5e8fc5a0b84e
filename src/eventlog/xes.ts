// A streaming XES writer (IEEE 1849-2016). One trace per item (case = item or resident
// request) holding the steps of the governance process it went through (steps.ts): relays
// above it, its formal part, escalations, the work, with `lifecycle:transition` schedule,
// start and complete on one activity name, `org:resource` the unit, `task` and `tier`.
//
// Events arrive interleaved in time, traces must be contiguous. Bounded memory by external
// sort: each event becomes one line "case key + arrival number, trace header, event XML" in a
// buffer of at most `chunkLines` lines; a full buffer is sorted and spilled to a chunk file;
// `finish` merges the chunks, opening a <trace> whenever the case changes. The arrival number
// keeps time order inside a trace. Unlike "write a trace when its item ends", this stays bounded
// when a queue is unstable and open items pile up, which is the funnel's very subject.
//
// Hand-written: no npm package writes XES, and the trace sink is called synchronously inside
// the simulation loop, where an XML builder's async stream cannot be awaited (files.ts).
import {join} from 'node:path'
import type {TraceEvent} from '../sim/api.js'
import {toTimestamp} from './calendar.js'
import {BufferedFile, LineReader, discard, stage, writeStaged} from './files.js'
import type {Staging} from './files.js'
import type {EventLogOptions, EventLogWriter} from './ocel.js'
import {StepMapper, type StepEvent} from './steps.js'

export interface XesOptions extends EventLogOptions {
  /** Lines sorted in memory before spilling to a chunk file. */
  chunkLines?: number
  /** The log's concept:name. */
  name?: string
}

const KEY = 25 // 'a' (item) | 'b' (request), 12-digit case id, 12-digit arrival number

/** XML attribute text: escaped, with tabs and newlines as character references (one line per event). */
export function xmlEscape(v: string): string {
  return v.replace(/[&<>"'\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => {
    switch (c) {
      case '&': return '&amp;'
      case '<': return '&lt;'
      case '>': return '&gt;'
      case '"': return '&quot;'
      case "'": return '&apos;'
      case '\t': return '&#9;'
      case '\n': return '&#10;'
      case '\r': return '&#13;'
      default: return '\ufffd' // not allowed in XML 1.0
    }
  })
}

const s = (key: string, value: string): string => `<string key="${key}" value="${xmlEscape(value)}"/>`
const pad = (n: number): string => String(n).padStart(12, '0')

export class XesWriter implements EventLogWriter {
  /** Trace events received. */
  events = 0
  /** XES events written (steps × their lifecycle transitions). */
  steps = 0
  /** The most lines ever held in memory at once. */
  maxBuffered = 0
  chunks = 0
  private buffer: string[] = []
  private readonly staging: Staging
  private readonly chunkLines: number
  private done = false
  private readonly mapper: StepMapper

  constructor(file: string, private readonly options: XesOptions) {
    this.mapper = new StepMapper((e) => this.step(e), options.catalogue)
    this.chunkLines = Math.max(1, options.chunkLines ?? 50_000)
    this.staging = stage(file, options.reads)
  }

  /** The sort buffer plus about 200 bytes per item still open (steps.ts). */
  get stateBytes(): number {
    let n = 0
    for (const l of this.buffer) n += l.length
    return n + 200 * this.mapper.openItems
  }

  write(e: TraceEvent): void {
    if (this.done) throw new Error('event log: write after finish')
    this.events++
    this.mapper.push(e)
  }

  /** Attribute XML of the few distinct activities, units and tasks, escaped once. */
  private readonly attrs = new Map<string, string>()

  private attr(key: string, value: string): string {
    const k = `${key}\u0000${value}`
    let x = this.attrs.get(k)
    if (x === undefined) {
      const tier = key === 'org:resource' ? this.mapper.tierOf(value) : undefined
      this.attrs.set(k, (x = s(key, value) + (tier ? s('tier', tier) : '')))
    }
    return x
  }

  private step(e: StepEvent): void {
    const seq = this.steps++
    const request = e.instance < 0
    const key = `${request ? 'b' : 'a'}${pad(e.item)}`
    // Only a case's first line (its issue, which the mapper writes first) carries the trace's attributes.
    const first = e.activity === 'issue' || e.activity === 'raise request'
    const head = first ? s('concept:name', `${request ? 'request' : 'item'}-${e.item}`) + s('kind', request ? 'request' : 'item') + this.attr('task', e.source) +
      (request ? '' : `<int key="instance" value="${e.instance}"/>`) : ''
    const ev = '<event>' + this.attr('concept:name', e.activity) + this.attr('lifecycle:transition', e.transition) +
      `<date key="time:timestamp" value="${toTimestamp(this.options.calendar, e.time)}"/>` + this.attr('org:resource', e.unit) +
      this.attr('task', e.source) + `<float key="hours" value="${e.time}"/></event>`
    this.buffer.push(`${key}${pad(seq)}\t${head}\t${ev}`)
    if (this.buffer.length > this.maxBuffered) this.maxBuffered = this.buffer.length
    if (this.buffer.length >= this.chunkLines) this.spill()
  }

  finish(): void {
    if (this.done) return
    this.done = true
    this.mapper.finish()
    writeStaged(this.staging, (out) => {
      out.write(this.header())
      if (this.chunks === 0) {
        this.buffer.sort()
        let i = 0
        this.emit(out, () => this.buffer[i++])
      } else {
        if (this.buffer.length > 0) this.spill()
        this.merge(out)
      }
      out.write('</log>\n')
      this.buffer = []
    })
  }

  abort(): void {
    this.done = true
    this.buffer = []
    discard(this.staging)
  }

  private spill(): void {
    this.buffer.sort()
    const f = new BufferedFile(join(this.staging.scratch, `chunk-${this.chunks++}.txt`))
    for (const l of this.buffer) f.write(l + '\n')
    f.close()
    this.buffer = []
  }

  /** K-way merge of the sorted chunks through a binary min-heap of the chunks' head lines. */
  private merge(out: BufferedFile): void {
    const readers = Array.from({length: this.chunks}, (_, i) => new LineReader(join(this.staging.scratch, `chunk-${i}.txt`)))
    const heap: Array<{line: string; r: number}> = []
    const less = (a: number, b: number): boolean => heap[a].line < heap[b].line
    const swap = (a: number, b: number): void => void ([heap[a], heap[b]] = [heap[b], heap[a]])
    const down = (i: number): void => {
      for (;;) {
        const l = 2 * i + 1
        const m = l + 1 < heap.length && less(l + 1, l) ? l + 1 : l
        if (l >= heap.length || !less(m, i)) return
        swap(i, m)
        i = m
      }
    }
    readers.forEach((rd, r) => {
      const line = rd.next()
      if (line !== undefined) heap.push({line, r})
    })
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i)
    try {
      this.emit(out, () => {
        if (heap.length === 0) return undefined
        const top = heap[0]
        const line = top.line
        const next = readers[top.r].next()
        if (next !== undefined) top.line = next
        else {
          heap[0] = heap[heap.length - 1]
          heap.pop()
        }
        if (heap.length > 0) down(0)
        return line
      })
    } finally {
      for (const r of readers) r.close()
    }
  }

  /** Writes sorted lines as traces: a new <trace> whenever the case key changes. */
  private emit(out: BufferedFile, next: () => string | undefined): void {
    let current = ''
    for (let line = next(); line !== undefined; line = next()) {
      const kase = line.slice(0, 13)
      const tab = line.indexOf('\t', KEY + 1)
      if (kase !== current) {
        if (current !== '') out.write('</trace>\n')
        // A case cut before its issue (--events-limit, the warm-up) still gets its name.
        const head = line.slice(KEY + 1, tab) || s('concept:name', `${kase[0] === 'b' ? 'request' : 'item'}-${Number(kase.slice(1))}`)
        out.write(`<trace>${head}\n`)
        current = kase
      }
      out.write(line.slice(tab + 1) + '\n')
    }
    if (current !== '') out.write('</trace>\n')
  }

  private header(): string {
    const origin = toTimestamp(this.options.calendar, 0)
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">',
      '<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
      '<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
      '<extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>',
      '<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
      `<global scope="trace">${s('concept:name', '__INVALID__')}${s('kind', 'item')}${s('task', '')}</global>`,
      `<global scope="event">${s('concept:name', '__INVALID__')}${s('lifecycle:transition', 'complete')}<date key="time:timestamp" value="${origin}"/>${s('org:resource', '')}${s('task', '')}<float key="hours" value="0"/></global>`,
      '<classifier name="Activity" keys="concept:name"/>',
      '<classifier name="Activity and unit" keys="concept:name org:resource"/>',
      s('concept:name', this.options.name ?? 'loudou simulation'),
      s('lifecycle:model', 'standard'),
      '',
    ].join('\n')
  }
}
