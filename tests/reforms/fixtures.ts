// A tiny resolved model built in code, small enough to work every reform out by hand:
//
//   district (government, 10)
//   ├─ dept-civil  (department, civil-affairs, 20, register.population)
//   ├─ dept-urban  (department, urban-management, 10, enforce.urban)
//   ├─ street-1 (street, 6)
//   │   ├─ street-1/squad (department, urban-management, 4, enforce.urban)
//   │   ├─ street-1/c1 (community, 10) ─ grids street-1/c1/g1 (1), street-1/c1/g2 (2)
//   │   ├─ street-1/c2 (community, 10)
//   │   └─ street-1/c3 (community, 10)
//   └─ street-2 (street, 5)
//       ├─ street-2/c1 (community, 12)
//       └─ street-2/c2 (community, 12)
//
// Clock 8 h × 250 d = 2,000 h a year; a month is 166.67 h, a week 40 h.
import {word} from '../../src/i18n/message.js'
import type {Message} from '../../src/i18n/message.js'
import {DEFAULT_CLOCK, DEFAULT_DEFAULTS, DEFAULT_RULES} from '../../src/model/types.js'
import type {Model, Task, Unit} from '../../src/model/types.js'

function unit(id: string, kind: string, staff: number, extra: Partial<Unit> = {}): Unit {
  const parent = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : undefined
  return {id, name: id, kind, parent, staff, powers: [], residents: 0, households: 0, labels: [], ...extra}
}

function task(id: string, extra: Partial<Task> & Pick<Task, 'issuers' | 'target'>): Task {
  return {
    id,
    name: id,
    kind: 'routine',
    arrival: {type: 'periodic', every: 2000 / 12, offset: 0},
    effort: {dist: 'fixed', value: 2},
    needs: [],
    collects: [],
    contacts: 0,
    veto: false,
    labels: [],
    ...extra,
  }
}

const community = (id: string, staff: number) =>
  unit(id, 'community', staff, {tier: 'community', residents: 6000, households: 2400})

export function tinyModel(): Model {
  const units: Unit[] = [
    unit('district', 'government', 10, {tier: 'district'}),
    unit('dept-civil', 'department', 20, {tier: 'district', parent: 'district', domain: 'civil-affairs', powers: ['register.population']}),
    unit('dept-urban', 'department', 10, {tier: 'district', parent: 'district', domain: 'urban-management', powers: ['enforce.urban']}),
    unit('street-1', 'street', 6, {tier: 'street', parent: 'district'}),
    unit('street-1/squad', 'department', 4, {tier: 'street', domain: 'urban-management', powers: ['enforce.urban']}),
    community('street-1/c1', 10),
    unit('street-1/c1/g1', 'grid', 1, {tier: 'grid', residents: 2000, households: 800}),
    unit('street-1/c1/g2', 'grid', 2, {tier: 'grid', residents: 4000, households: 1600}),
    community('street-1/c2', 10),
    community('street-1/c3', 10),
    unit('street-2', 'street', 5, {tier: 'street', parent: 'district'}),
    community('street-2/c1', 12),
    community('street-2/c2', 12),
  ]
  const tasks: Task[] = [
    task('census', {issuers: ['dept-civil'], target: 'community', kind: 'statistics', category: 'civil-affairs', effort: {dist: 'fixed', value: 6}, collects: ['household.size'], contacts: 0.3}),
    task('survey', {issuers: ['dept-civil'], target: 'community', kind: 'statistics', category: 'civil-affairs', collects: ['household.size', 'household.income'], contacts: 0.2, labels: ['social-work']}),
    task('urban-check', {issuers: ['dept-urban'], target: 'community', kind: 'inspection', category: 'urban', arrival: {type: 'periodic', every: 40, offset: 0}}),
    task('urban-check-2', {issuers: ['dept-urban'], target: 'community', kind: 'inspection', category: 'urban', arrival: {type: 'periodic', every: 80, offset: 0}, effort: {dist: 'fixed', value: 3}}),
    task('safety-check', {issuers: ['dept-civil'], target: 'community', kind: 'inspection', category: 'safety'}),
    task('enforce', {issuers: ['dept-urban'], target: 'community', kind: 'enforcement', category: 'urban', needs: ['enforce.urban'], arrival: {type: 'poisson', perHour: 0.01}}),
    task('patrol-a', {issuers: ['dept-urban'], target: 'grid', category: 'urban', arrival: {type: 'periodic', every: 40, offset: 0}}),
    task('patrol-b', {issuers: ['dept-civil'], target: 'grid', category: 'urban', deadline: 16}),
    task('street-report', {issuers: ['district'], target: 'street', category: 'civil-affairs'}),
    task('own-meeting', {issuers: ['street-1/c2'], target: 'community', category: 'civil-affairs'}),
  ]
  return {
    format: 1,
    id: 'tiny',
    name: 'tiny',
    sources: [],
    clock: {...DEFAULT_CLOCK},
    kinds: [],
    powers: [{id: 'register.population', name: 'register'}, {id: 'enforce.urban', name: 'enforce'}],
    categories: [
      {id: 'civil-affairs', name: '民政'},
      {id: 'urban', name: '城管'},
      {id: 'safety', name: '安全'},
    ],
    units,
    relations: [{type: 'coordinates', from: 'dept-civil', to: 'street-1'}, {type: 'coordinates', from: 'street-1', to: 'street-2'}],
    tasks,
    demand: [
      // Contested between the two district departments where it reaches the district (street-2).
      {id: 'noise', name: 'noise', at: 'community', perResidentHour: 1e-5, effort: {dist: 'fixed', value: 2}, needs: ['enforce.urban'], labels: [], contested: {share: 0.5, candidates: ['dept-urban', 'dept-civil']}},
    ],
    defaults: structuredClone(DEFAULT_DEFAULTS),
    rules: structuredClone(DEFAULT_RULES),
    file: 'tiny.yaml',
  }
}

export function unitOf(model: Model, id: string): Unit {
  const u = model.units.find((x) => x.id === id)
  if (!u) throw new Error(`no unit ${id}`)
  return u
}

export function taskOf(model: Model, id: string): Task {
  const t = model.tasks.find((x) => x.id === id)
  if (!t) throw new Error(`no task ${id}`)
  return t
}

/** A reform's result with its change log worded in English, as the JSON outputs give it. */
export function english<R extends {changes: Message[]}>(r: R): Omit<R, 'changes'> & {changes: string[]} {
  return {...r, changes: r.changes.map((m) => word('en', m))}
}
