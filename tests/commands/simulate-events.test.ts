// `loudou simulate --events` and `--csv` in-process through oclif (`npm test` builds dist/ first): the
// logs and the CSV are read back the way PM4Py, pandas and R read them.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import {ROOT, runCommand} from '../helpers/run-command.js'
import {checkReferences, validateOcel} from '../eventlog/ocel-schema.js'
import type {OcelDoc} from '../eventlog/ocel-schema.js'
import {parseXes, unpaired} from '../eventlog/xes-parse.js'

const MODEL = join(ROOT, 'models/classroom.yaml')
// No warm-up: the logs start at simulated hour 0, so their first events fall on the first working day.
const RUN = ['simulate', MODEL, '--horizon', '200h', '--warmup', '0', '-r', '1', '--workers', '1']

/** stderr holds run-length warnings at most (a 200 h run of this model leaves items open), never an error or a trace. */
function onlyWarnings(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning: ') && !l.startsWith('    hint: '))
}

/** RFC 4180 rows, read by csv-parse (as pandas and R would: quotes, doubled quotes, line breaks). */
const parseCsv = (text: string): string[][] => parse(text, {relax_column_count: false}) as string[][]

const tmp = (): string => mkdtempSync(join(tmpdir(), 'loudou-simev-'))

describe('loudou simulate --events / --csv', () => {
  it('writes a valid OCEL 2.0 log of replication 0 whose items are the generated items, and tidy CSV', async () => {
    const d = tmp()
    const r = await runCommand([...RUN, '--events', join(d, 'out.json'), '--csv', '--out', join(d, 'runs.csv')])
    expect(r.code).toBe(0)
    expect(onlyWarnings(r.stderr)).toEqual([])
    const doc = JSON.parse(readFileSync(join(d, 'out.json'), 'utf8')) as OcelDoc
    expect(validateOcel(doc)).toEqual([])
    expect(checkReferences(doc)).toEqual([])
    expect(doc.events[0].time.startsWith('2026-01-05T')).toBe(true)

    const [header, ...rows] = parseCsv(readFileSync(join(d, 'runs.csv'), 'utf8'))
    expect(header).toEqual(['replication', 'unit', 'tier', 'kind', 'metric', 'value'])
    expect(rows.every((x) => x.length === 6 && x[0] === '0')).toBe(true)
    const generated = rows.find((x) => x[1] === '' && x[4] === 'items.generated')!
    const items = doc.objects.filter((o) => o.type === 'item' || o.type === 'request').length
    expect(items).toBe(Number(generated[5]))
    expect(doc.events.filter((e) => e.type === 'issued')).toHaveLength(items)

    // One row per observation: each unit has the same 13 metrics, model totals have no unit.
    const perUnit = new Map<string, string[]>()
    for (const x of rows) if (x[1] !== '') perUnit.set(x[1], [...(perUnit.get(x[1]) ?? []), x[4]])
    const units = doc.objects.filter((o) => o.type === 'unit').length
    expect(perUnit.size).toBe(units)
    for (const metrics of perUnit.values()) expect(metrics).toHaveLength(13)
    const totals = rows.filter((x) => x[1] === '')
    expect(totals.every((x) => x[2] === '' && x[3] === '')).toBe(true)
    for (const m of ['items.generated', 'duplicates.escalations', 'timeSplit.admin', 'requests.raised']) expect(totals.map((x) => x[4])).toContain(m)
    expect(rows).toHaveLength(totals.length + 13 * units)
    expect(rows.find((x) => x[1] === 'district/street-1/community-1')!.slice(2, 4)).toEqual(['community', 'community'])
  })

  it('is deterministic: the same seed gives a byte-identical log', async () => {
    const d = tmp()
    for (const f of ['a.json', 'b.json']) expect((await runCommand([...RUN, '--seed', '4', '--events', join(d, f)])).code).toBe(0)
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe(readFileSync(join(d, 'b.json'), 'utf8'))
  })

  it('has exactly the structure pm4py.read_ocel2_json and pandas.read_csv read (python3 stdlib)', async () => {
    const d = tmp()
    expect((await runCommand([...RUN, '--events', join(d, 'out.json'), '--csv', '--out', join(d, 'runs.csv')])).code).toBe(0)
    // The accesses of pm4py's OCEL 2.0 JSON importer (jsonocel/variants/ocel20_standard.py), and csv.DictReader.
    const py = `
import csv, json, sys
from datetime import datetime
d = json.load(open(sys.argv[1], encoding='utf-8'))
objs = {o['id']: o['type'] for o in d['objects']}
for o in d['objects']:
  for a in o.get('attributes') or []: a['name'], a['value'], a['time']
  if o['type'] == 'unit': assert type({a['name']: a['value'] for a in o['attributes']}['staff']) in (int, float), o
  for r in o.get('relationships') or []: assert r['objectId'] in objs
n = 0
for e in d['events']:
  e['id'], e['type'], datetime.fromisoformat(e['time'].replace('Z', '+00:00'))
  vmap = {x['name']: x['value'] for x in e.get('attributes') or []}
  assert type(vmap['hours']) in (int, float), vmap  # a JSON number: pandas keeps it numeric
  for r in e.get('relationships') or []: assert r['objectId'] in objs, r; r['qualifier']
  n += 1
rows = list(csv.DictReader(open(sys.argv[2], encoding='utf-8', newline='')))
assert all(float(r['value']) == float(r['value']) for r in rows if r['value'])
print(json.dumps({'events': n, 'objects': len(objs), 'rows': len(rows), 'columns': list(rows[0].keys())}))
`
    const r = spawnSync('python3', ['-c', py, join(d, 'out.json'), join(d, 'runs.csv')], {encoding: 'utf8'})
    expect(r.stderr).toBe('')
    const out = JSON.parse(r.stdout)
    expect(out.columns).toEqual(['replication', 'unit', 'tier', 'kind', 'metric', 'value'])
    expect(out.events).toBeGreaterThan(1000)
  })

  it('writes XES with --events-format xes: one trace per item, governance steps whose starts and completions pair', async () => {
    const d = tmp()
    const r = await runCommand([...RUN, '--events', join(d, 'out.log'), '--events-format', 'xes', '--json', '--runs'])
    expect(r.code).toBe(0)
    const x = parseXes(join(d, 'out.log'))
    expect(x.extensions).toEqual(['concept', 'time', 'lifecycle', 'org'])
    const generated = JSON.parse(r.stdout).runs[0].items.generated
    expect(x.traces).toHaveLength(generated)
    for (const t of x.traces) expect(t.events.map((e) => e.time)).toEqual(t.events.map((e) => e.time).sort())
    // PM4Py's interval pairing: every start has a complete of the same activity at the same unit.
    expect(x.traces.flatMap(unpaired)).toEqual([])
    const events = x.traces.flatMap((t) => t.events)
    const activities = new Set(events.map((e) => e.name))
    const STEP = /^(issue|raise request|return to issuer|hotline intake|(relay|formal part|work|inspection|refusal|arbitration) at \S+|(escalate|hand-off|dispatch) to \S+|(report|summons|inspector's visit) from \S+|outcome: (completed|unresolved|rejected))$/
    expect([...activities].filter((a) => !STEP.test(a))).toEqual([])
    for (const a of ['relay at street', 'formal part at community', 'hand-off to street', 'escalate to street', 'work at department', 'work at community', 'inspection at community']) expect(activities).toContain(a)
    // Attributes typed as XES says: the unit, its tier, the task, the clock as a float.
    for (const e of events) {
      expect(e.attrs['org:resource'][0]).toBe('string')
      expect(e.attrs.hours[0]).toBe('float')
      expect(e.attrs['time:timestamp'][0]).toBe('date')
      expect(e.attrs.task[0]).toBe('string')
    }
    const tiers = new Set(events.filter((e) => e.name === 'work at department').map((e) => e.attrs.tier.join(' ')))
    expect(tiers).toEqual(new Set(['string district', 'string street'])) // district bureaus and the street's squad
    // A .xes name picks the format by itself.
    expect((await runCommand([...RUN, '--events', join(d, 'auto.xes')])).code).toBe(0)
    expect(readFileSync(join(d, 'auto.xes'), 'utf8')).toMatch(/^<\?xml[^\n]*\n<log xes.version="1849-2016"/)
  })

  it('stops at --events-limit with a warning', async () => {
    const d = tmp()
    const r = await runCommand([...RUN, '--events', join(d, 'out.json'), '--events-limit', '50'])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('--events-limit')
    const doc = JSON.parse(readFileSync(join(d, 'out.json'), 'utf8')) as OcelDoc
    expect(doc.events).toHaveLength(50)
    expect(checkReferences(doc)).toEqual([])
  })

  it('maps the calendar from --start and rejects a bad date as a usage error', async () => {
    const d = tmp()
    expect((await runCommand([...RUN, '--events', join(d, 'out.json'), '--start', '2026-03-07'])).code).toBe(0) // a Saturday
    const doc = JSON.parse(readFileSync(join(d, 'out.json'), 'utf8')) as OcelDoc
    expect(doc.events[0].time.startsWith('2026-03-09T')).toBe(true)
    const bad = await runCommand([...RUN, '--events', join(d, 'x.json'), '--start', '2026-02-30'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--start')
    expect(bad.stderr).not.toMatch(/\n\s+at /)
  })

  it('reports an unwritable --events path with exit code 1 and no stack trace', async () => {
    const d = tmp()
    writeFileSync(join(d, 'file'), 'x')
    const r = await runCommand([...RUN, '--events', join(d, 'file', 'out.json')])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('--events')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(readFileSync(join(d, 'file'), 'utf8')).toBe('x')
  })
})
