import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {makeCalendar} from '../../src/eventlog/calendar.js'
import {XesWriter, xmlEscape} from '../../src/eventlog/xes.js'
import {synthetic} from './synthetic.js'
import {parseXes, unpaired} from './xes-parse.js'

const calendar = makeCalendar('2026-01-05', 8)
const dir = (): string => mkdtempSync(join(tmpdir(), 'loudou-xes-'))

function write(file: string, chunkLines?: number): {w: XesWriter; syn: ReturnType<typeof synthetic>} {
  const syn = synthetic(60)
  const w = new XesWriter(file, {calendar, chunkLines, name: '教学区 <test> & "log"'})
  for (const e of syn.events) w.write(e)
  w.finish()
  return {w, syn}
}

describe('XES writer', () => {
  it('writes well-formed XES: extensions, one trace per item of governance steps, events in time order', () => {
    const file = join(dir(), 'log.xes')
    const {w, syn} = write(file)
    const x = parseXes(file)
    expect(x.root).toBe('{http://www.xes-standard.org/}log')
    expect(x.attrs).toEqual({'xes.version': '1849-2016'})
    expect(x.extensions).toEqual(['concept', 'time', 'lifecycle', 'org'])
    expect(x.classifiers).toContain('concept:name')
    const items = x.traces.filter((t) => t.kind === 'item')
    expect(items).toHaveLength(syn.items)
    expect(x.traces.filter((t) => t.kind === 'request')).toHaveLength(syn.requests)
    expect(x.traces).toHaveLength(syn.items + syn.requests)
    expect(new Set(x.traces.map((t) => t.name)).size).toBe(x.traces.length)
    expect(x.traces.reduce((n, t) => n + t.events.length, 0)).toBe(w.steps)
    for (const t of x.traces) expect(t.events.map((e) => e.time)).toEqual(t.events.map((e) => e.time).sort())
    for (const t of x.traces) expect(unpaired(t)).toEqual([])
    // Without a catalogue, units are named by their ids.
    const first = items.find((t) => t.name === 'item-0')!
    expect(first.events.map((e) => `${e.name} ${e.lifecycle}`)).toEqual([
      'issue complete', 'relay at district/street-1 complete',
      'work at district/street-1/community-1 schedule', 'work at district/street-1/community-1 start', 'work at district/street-1/community-1 complete',
      'outcome: completed complete',
    ])
    expect(first.events[0]).toMatchObject({time: '2026-01-05T09:15:00.000Z', resource: 'district/street-1/community-1'})
    expect(first.attrs).toMatchObject({kind: ['string', 'item'], task: ['string', '台账 <统计> & co'], instance: ['int', '0']})
    expect(first.events[2].attrs).toMatchObject({hours: ['float', '0.25'], task: ['string', '台账 <统计> & co'], 'time:timestamp': ['date', '2026-01-05T09:15:00.000Z']})
    // The third item of each instance is escalated and ends unresolved: a formal part.
    expect(items.find((t) => t.name === 'item-2')!.events.map((e) => e.name).slice(2, 3)).toEqual(['formal part at district/street-1/community-3'])
  })

  it('sorts externally in bounded memory: the same log from many spilled chunks', () => {
    const d = dir()
    const one = write(join(d, 'one.xes'))
    const many = write(join(d, 'many.xes'), 97)
    expect(one.w.chunks).toBe(0)
    expect(many.w.chunks).toBeGreaterThan(5)
    expect(many.w.maxBuffered).toBeLessThanOrEqual(97)
    expect(readFileSync(join(d, 'many.xes'), 'utf8')).toBe(readFileSync(join(d, 'one.xes'), 'utf8'))
    expect(readdirSync(d).sort()).toEqual(['many.xes', 'one.xes'])
  })

  // The bound is the chunk, whatever the log's length: ten chunks' worth of events shows it.
  it('holds at most one chunk of events for a log of more than ten chunks', () => {
    const file = join(dir(), 'big.xes')
    const syn = synthetic(2_000, 2)
    expect(syn.events.length).toBeGreaterThan(20_000)
    const w = new XesWriter(file, {calendar, chunkLines: 2_000})
    for (const e of syn.events) w.write(e)
    expect(w.maxBuffered).toBeLessThanOrEqual(2_000)
    w.finish()
    expect(w.chunks).toBeGreaterThanOrEqual(10)
    const text = readFileSync(file, 'utf8')
    expect(text.match(/^<event>/gm)).toHaveLength(w.steps)
    expect(text.match(/^<trace>/gm)).toHaveLength(syn.items + syn.requests)
  })

  it('escapes XML, keeping one line per event', () => {
    expect(xmlEscape(`a<b>&"c"'\td\ne\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;&#9;d&#10;e\ufffd')
    const file = join(dir(), 'odd.xes')
    const w = new XesWriter(file, {calendar})
    w.write({time: 0, activity: 'issued', item: 0, instance: 0, unit: 'u<1>&"x"\n', source: '台账'})
    w.finish()
    const x = parseXes(file)
    expect(x.traces[0].events[0].resource).toBe('u<1>&"x"\n')
  })

  it('is atomic: an aborted log leaves an existing file untouched and no temp files', () => {
    const d = dir()
    const file = join(d, 'log.xes')
    writeFileSync(file, 'previous')
    const w = new XesWriter(file, {calendar, chunkLines: 5})
    for (const e of synthetic(5).events) w.write(e)
    w.abort()
    expect(readFileSync(file, 'utf8')).toBe('previous')
    expect(readdirSync(d)).toEqual(['log.xes'])
  })
})
