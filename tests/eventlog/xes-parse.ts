// Reads an XES file with Python's strict XML parser (expat, via xml.etree) for the tests.
import {spawnSync} from 'node:child_process'

interface Parsed {
  root: string
  attrs: Record<string, string>
  extensions: string[]
  classifiers: string[]
  traces: Array<{name: string; kind: string; events: Array<{name: string; time: string; resource: string; lifecycle?: string}>}>
}

/** Parses with Python's strict XML parser (expat) and returns the XES structure as JSON. */
export function parseXes(file: string): Parsed {
  const py = `
import json, sys, xml.etree.ElementTree as E
ns = '{http://www.xes-standard.org/}'
root = E.parse(sys.argv[1]).getroot()
def attrs(el): return {a.get('key'): a.get('value') for a in el if a.tag != ns + 'event'}
out = {'root': root.tag, 'attrs': dict(root.attrib),
  'extensions': [x.get('prefix') for x in root.findall(ns + 'extension')],
  'classifiers': [x.get('keys') for x in root.findall(ns + 'classifier')], 'traces': []}
for t in root.findall(ns + 'trace'):
  ta = attrs(t)
  evs = []
  for e in t.findall(ns + 'event'):
    ea = attrs(e)
    evs.append({'name': ea['concept:name'], 'time': ea['time:timestamp'], 'resource': ea['org:resource'], **({'lifecycle': ea['lifecycle:transition']} if 'lifecycle:transition' in ea else {})})
  out['traces'].append({'name': ta['concept:name'], 'kind': ta['kind'], 'events': evs})
print(json.dumps(out))
`
  const r = spawnSync('python3', ['-c', py, file], {encoding: 'utf8', maxBuffer: 1 << 28})
  if (r.status !== 0) throw new Error(`python3 xml.etree rejected ${file}: ${r.stderr}`)
  return JSON.parse(r.stdout) as Parsed
}

