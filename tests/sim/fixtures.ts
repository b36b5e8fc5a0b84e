// Small models built in code for the simulation tests.
import {DEFAULT_CLOCK, DEFAULT_DEFAULTS, DEFAULT_RULES} from '../../src/model/types.js'
import type {Demand, Model, Rules, Task, Unit} from '../../src/model/types.js'

export function unit(id: string, over: Partial<Unit> = {}): Unit {
  return {id, name: id, kind: 'department', staff: 1, powers: [], residents: 0, households: 0, labels: [], ...over}
}

export function task(id: string, over: Partial<Task> = {}): Task {
  return {
    id,
    name: id,
    issuers: [],
    target: 'community',
    kind: 'routine',
    arrival: {type: 'periodic', every: 100, offset: 0},
    effort: {dist: 'fixed', value: 1},
    needs: [],
    collects: [],
    contacts: 0,
    veto: false,
    labels: [],
    ...over,
  }
}

export function demand(id: string, over: Partial<Demand> = {}): Demand {
  return {id, name: id, at: 'community', perResidentHour: 0.001, effort: {dist: 'fixed', value: 1}, needs: [], labels: [], ...over}
}

/**
 * The defaults with hand-off delays and inspection campaigns off: the queueing and
 * hand-computed tests isolate one mechanism each; tests of delays and campaigns turn them on.
 */
export const NO_DELAYS = {...DEFAULT_DEFAULTS, handoffDelay: {dist: 'fixed', value: 0}, spread: 0} as const

export function model(parts: Partial<Model> & {units: Unit[]}): Model {
  return {
    format: 1,
    id: 'test',
    name: 'test',
    sources: [],
    clock: DEFAULT_CLOCK,
    kinds: [],
    powers: [],
    categories: [],
    relations: [],
    tasks: [],
    demand: [],
    defaults: NO_DELAYS,
    rules: DEFAULT_RULES,
    file: 'test.yaml',
    ...parts,
  }
}

/** One community with `servers` staff fed by Poisson resident demand: an M/M/c queue. */
export function mmc(servers: number, lambda: number, meanService: number): Model {
  return model({
    units: [unit('c', {kind: 'community', tier: 'community', staff: servers, residents: 1000})],
    demand: [demand('d', {perResidentHour: lambda / 1000, effort: {dist: 'exp', mean: meanService}})],
  })
}

/** Erlang C: mean wait in queue of M/M/c. */
export function erlangCWait(c: number, lambda: number, meanService: number): number {
  const a = lambda * meanService
  const rho = a / c
  let term = 1
  let sum = 1
  for (let k = 1; k < c; k++) {
    term *= a / k
    sum += term
  }
  const last = (term * a) / c / (1 - rho)
  const pWait = last / (sum + last)
  return (pWait * meanService) / (c - a)
}

/** A tandem: a city government issues to one community through district and street relays. */
export function tandem(lambda: number, relayMean: number, workMean: number): Model {
  return model({
    units: [
      unit('city', {kind: 'government', tier: 'city', staff: 5}),
      unit('city/district', {kind: 'government', tier: 'district', parent: 'city'}),
      unit('city/district/street', {kind: 'street', tier: 'street', parent: 'city/district'}),
      unit('city/district/street/c', {kind: 'community', tier: 'community', parent: 'city/district/street'}),
    ],
    tasks: [
      task('t', {
        issuers: ['city'],
        arrival: {type: 'poisson', perHour: lambda},
        effort: {dist: 'exp', mean: workMean},
        relayEffort: {dist: 'exp', mean: relayMean},
      }),
    ],
  })
}

export const fixed = (value: number) => ({dist: 'fixed' as const, value})

/** district ← civil dept; street ← two communities of 100 households (and `residents` each). */
export function relayModel(over: Partial<Task> = {}, residents = 0): Model {
  return model({
    units: [
      unit('d', {kind: 'government', tier: 'district'}),
      unit('d/civil', {kind: 'department', tier: 'district', parent: 'd', domain: 'civil'}),
      unit('d/s', {kind: 'street', tier: 'street', parent: 'd'}),
      unit('d/s/c1', {kind: 'community', tier: 'community', parent: 'd/s', households: 100, residents}),
      unit('d/s/c2', {kind: 'community', tier: 'community', parent: 'd/s', households: 100, residents}),
    ],
    tasks: [task('t', {issuers: ['d/civil'], effort: fixed(2), relayEffort: fixed(0.5), ...over})],
  })
}

/** A street issues work needing `powers`, which only the district's urban department holds. */
export function powersModel(rules: Partial<Rules> = {}, powers = ['enforce']): Model {
  return model({
    units: [
      unit('d', {kind: 'government', tier: 'district'}),
      unit('d/urban', {kind: 'department', tier: 'district', parent: 'd', powers}),
      unit('d/s', {kind: 'street', tier: 'street', parent: 'd'}),
      unit('d/s/c', {kind: 'community', tier: 'community', parent: 'd/s', residents: 1000}),
    ],
    tasks: [task('t', {issuers: ['d/s'], effort: fixed(4), needs: ['enforce']})],
    rules: {...DEFAULT_RULES, ...rules},
  })
}
