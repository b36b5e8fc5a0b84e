// Reads an XES file with Python's strict XML parser (expat, via xml.etree) for the tests, and
// checks lifecycle pairing the way PM4Py's interval conversion pairs events.
import {spawnSync} from 'node:child_process'

export interface XesEvent {
  name: string
  time: string
  resource: string
  lifecycle?: string
  /** Every attribute as [XES type element, value], e.g. hours: ['float', '12.5']. */
  attrs: Record<string, [string, string]>
}

export interface Parsed {
  root: string
  attrs: Record<string, string>
  extensions: string[]
  classifiers: string[]
  traces: Array<{name: string; kind: string; attrs: Record<string, [string, string]>; events: XesEvent[]}>
}

/** Parses with Python's strict XML parser (expat) and returns the XES structure as JSON. */
export function parseXes(file: string): Parsed {
  const py = `
import json, sys, xml.etree.ElementTree as E
ns = '{http://www.xes-standard.org/}'
root = E.parse(sys.argv[1]).getroot()
def attrs(el): return {a.get('key'): [a.tag[len(ns):], a.get('value')] for a in el if a.tag != ns + 'event'}
out = {'root': root.tag, 'attrs': dict(root.attrib),
  'extensions': [x.get('prefix') for x in root.findall(ns + 'extension')],
  'classifiers': [x.get('keys') for x in root.findall(ns + 'classifier')], 'traces': []}
for t in root.findall(ns + 'trace'):
  ta = attrs(t)
  evs = []
  for e in t.findall(ns + 'event'):
    ea = attrs(e)
    evs.append({'name': ea['concept:name'][1], 'time': ea['time:timestamp'][1], 'resource': ea['org:resource'][1], 'attrs': ea,
      **({'lifecycle': ea['lifecycle:transition'][1]} if 'lifecycle:transition' in ea else {})})
  out['traces'].append({'name': ta['concept:name'][1], 'kind': ta['kind'][1], 'attrs': ta, 'events': evs})
print(json.dumps(out))
`
  const r = spawnSync('python3', ['-c', py, file], {encoding: 'utf8', maxBuffer: 1 << 28})
  if (r.status !== 0) throw new Error(`python3 xml.etree rejected ${file}: ${r.stderr}`)
  return JSON.parse(r.stdout) as Parsed
}

/**
 * Lifecycle pairing as PM4Py's interval conversion does it: within a trace, each `complete`
 * takes the earliest unpaired `start` of the same activity. Returns what does not pair: a
 * `start` with no `complete` of the same activity and resource after it, a `complete` paired
 * with a start at another unit or later in time, a `schedule` with no start or started elsewhere. A trace that ends
 * without an `outcome: …` event is an item still open at the horizon: its last step may lack
 * its completion.
 */
export function unpaired(trace: {name: string; events: XesEvent[]}): string[] {
  const problems: string[] = []
  const starts = new Map<string, XesEvent[]>()
  const scheduled = new Map<string, XesEvent[]>()
  for (const e of trace.events) {
    const list = (m: Map<string, XesEvent[]>) => m.get(e.name) ?? (m.set(e.name, []), m.get(e.name)!)
    if (e.lifecycle === 'schedule') list(scheduled).push(e)
    else if (e.lifecycle === 'start') {
      // Waits (a hand-off, a summons, a dispatch) start unscheduled: they queue nowhere.
      const s = list(scheduled).shift()
      if (s && s.resource !== e.resource) problems.push(`${trace.name}: ${e.name} scheduled at ${s.resource}, started at ${e.resource}`)
      list(starts).push(e)
    } else if (e.lifecycle === 'complete') {
      const s = starts.get(e.name)?.shift()
      if (s && (s.resource !== e.resource || s.time > e.time)) problems.push(`${trace.name}: ${e.name} started at ${s.resource} ${s.time}, completed at ${e.resource} ${e.time}`)
    } else problems.push(`${trace.name}: ${e.name} has no lifecycle:transition`)
  }
  const open = !trace.events.at(-1)?.name.startsWith('outcome: ')
  const left = [...starts.values()].flat()
  if (left.length > (open ? 1 : 0) || (left.length === 1 && left[0] !== trace.events.findLast((e) => e.lifecycle === 'start'))) {
    for (const s of left) problems.push(`${trace.name}: ${s.name} started at ${s.time} never completes`)
  }
  if (!open) for (const s of [...scheduled.values()].flat()) problems.push(`${trace.name}: ${s.name} scheduled at ${s.time} never starts`)
  return problems
}
