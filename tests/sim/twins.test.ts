import {describe, expect, it} from 'vitest'
import {deliveries, indexModel} from '../../src/model/routing.js'
import type {Model, Unit} from '../../src/model/types.js'
import {compileModel} from '../../src/sim/compile.js'
import type {Compiled} from '../../src/sim/compile.js'
import {findTwins} from '../../src/sim/twins.js'
import {UnitScopes} from '../../src/sim/unit-scopes.js'
import {expectOwnPlans} from '../helpers/plan-check.js'
import {buildModel, demand, relation, task, unit} from '../helpers/model-builder.js'

// district (civil, police) → 4 streets laid out alike (a police station, three communities
// each with a grid), as `count` lays them out. Street 3's second community hands over
// slower, and a summons relation names street 4's first community: neither street is a twin.
function units(): Unit[] {
  const out = [
    unit({id: 'd', kind: 'government', tier: 'district'}),
    unit({id: 'd/civil', kind: 'department', tier: 'district', parent: 'd', domain: 'civil', powers: ['civil.power']}),
    unit({id: 'd/police', kind: 'department', tier: 'district', parent: 'd', domain: 'police', powers: ['police.power']}),
    unit({id: 'd/centre', kind: 'department', tier: 'district', parent: 'd', domain: 'hotline'}),
  ]
  for (let s = 1; s <= 4; s++) {
    out.push(unit({id: `d/s${s}`, kind: 'street', tier: 'street', parent: 'd'}))
    out.push(unit({id: `d/s${s}/police`, kind: 'department', tier: 'street', parent: `d/s${s}`, domain: 'police', powers: ['police.power']}))
    for (let c = 1; c <= 3; c++) {
      const slow = s === 3 && c === 2 ? {handoffDelay: {dist: 'fixed' as const, value: 2}} : {}
      out.push(unit({id: `d/s${s}/c${c}`, kind: 'community', tier: 'community', parent: `d/s${s}`, residents: 1000, powers: ['mediate'], ...slow}))
      out.push(unit({id: `d/s${s}/c${c}/grid`, kind: 'grid', tier: 'grid', parent: `d/s${s}/c${c}`}))
    }
  }
  return out
}

/** The ids of every street ('s') or community ('c'), in model order. */
function all(level: 's' | 'c'): string[] {
  return units()
    .filter((u) => u.kind === (level === 's' ? 'street' : 'community'))
    .map((u) => u.id)
}

/** Every compiled tree against routing.ts deliveries for its issuer; the number checked. */
function expectOwnTrees(m: Model, c: Compiled): number {
  const ix = indexModel(m)
  let checked = 0
  for (let a = 0; a < c.nArrivals; a++) {
    if (c.arrTree[a] < 0) continue
    const tree = c.arrTree[a]
    const issuer = c.unitIds[c.routes.treeIssuer[tree]]
    const want = deliveries(ix, m.tasks[c.arrSrc[a]], issuer).map((d) => [...d.relays, d.target].join(' > '))
    const got: string[] = []
    const walk = (node: number, above: string[]) => {
      const path = [...above, c.unitIds[c.routes.nodeUnit[node]]]
      if (c.routes.nodeLeaf[node] === 1) got.push(path.join(' > '))
      else for (let k = c.routes.nodeChildStart[node]; k < c.routes.nodeChildEnd[node]; k++) walk(c.routes.children[k], path)
    }
    for (let k = c.routes.treeRootStart[tree]; k < c.routes.treeRootEnd[tree]; k++) walk(c.routes.roots[k], [])
    expect(got.sort(), `${m.tasks[c.arrSrc[a]].id} ${issuer}`).toEqual(want.sort())
    expect(c.routes.treeItems[tree]).toBe(want.length)
    checked++
  }
  return checked
}

function model(rules: 'whistle' | 'hotline', extra: Unit[] = []) {
  return buildModel({
    id: `twins-${rules}`,
    units: [...units(), ...extra],
    relations: [relation('summons', 'd/s4/c1', 'd/civil', 3)],
    defaults: {handoffDelay: {dist: 'fixed', value: 0.5}},
    rules:
      rules === 'whistle'
        ? {whistle: {from: ['community'], responseTime: {dist: 'fixed', value: 4}}}
        : {responsibility: 'split', hotline: {centres: ['d/centre'], dispatchEffort: {dist: 'fixed', value: 0.1}, dispatchTime: {dist: 'fixed', value: 1}, deadline: 40}},
    tasks: [
      task({id: 'civil', issuers: ['d/civil'], target: 'community', needs: ['civil.power'], every: 100}),
      task({id: 'police', issuers: ['d/police', 'd'], target: 'community', needs: ['police.power'], every: 100}),
      task({id: 'mediate', issuers: ['d'], target: 'community', needs: ['mediate'], every: 100}),
      task({id: 'patrol', issuers: ['d/civil'], target: 'grid', needs: ['civil.power'], every: 100}),
      // Issued inside twin territories, relays included.
      task({id: 'visit', issuers: ['d/civil', ...all('c')], target: 'grid', every: 100}),
      task({id: 'round', issuers: all('s'), target: 'grid', every: 100}),
      task({id: 'check', issuers: [...all('s').map((s) => `${s}/police`), ...all('s')], target: 'community', kind: 'inspection', every: 100}),
    ],
    demand: [demand({id: 'complaint', at: 'community', perResidentHour: 0.001, needs: ['civil.power']}), demand({id: 'noise', at: 'grid', perResidentHour: 0.001, needs: ['police.power']})],
  })
}

describe('twin territories', () => {
  it('are the later siblings laid out alike, not those that hand over differently or are named by a relation', () => {
    const m = model('whistle')
    const c = compileModel(m)
    const ix = indexModel(m)
    const index = new Map(m.units.map((u, i) => [u.id, i]))
    const scopes = UnitScopes.of(ix, index, c.unitTier)!
    const t = findTwins(m, scopes, c.unitHandoff, index)
    const twinOf = (id: string) => {
      const u = index.get(id)!
      return t.anchor[u] === u ? m.units[t.model[u]].id : undefined
    }
    expect(twinOf('d/s2')).toBe('d/s1')
    expect(twinOf('d/s3')).toBeUndefined()
    expect(twinOf('d/s4')).toBeUndefined()
    // Inside a street that is no twin, its communities still are, but for the slower one.
    expect(twinOf('d/s3/c3')).toBe('d/s3/c1')
    expect(twinOf('d/s3/c2')).toBeUndefined()
    expect(twinOf('d/s4/c3')).toBe('d/s4/c2')
    // Units inside a twin belong to it: they are no twins of their own.
    expect(twinOf('d/s2/c2')).toBeUndefined()
    expect(t.anchor[index.get('d/s2/c2/grid')!]).toBe(index.get('d/s2'))
  })

  it('get the plans and relay trees routing.ts gives their own units, under a whistle and under a hotline', () => {
    for (const rules of ['whistle', 'hotline'] as const) {
      const m = model(rules)
      const c = compileModel(m)
      expect(expectOwnPlans(m, c, rules)).toBeGreaterThan(40)
      expect(expectOwnTrees(m, c)).toBe(30)
    }
  })

  it('are not looked for where a parent is missing: trees and plans come from routing.ts walks', () => {
    const m = model('whistle', [unit({id: 'stray', kind: 'community', tier: 'community', parent: 'nowhere'})])
    expect(UnitScopes.of(indexModel(m), new Map(m.units.map((u, i) => [u.id, i])), new Int8Array(m.units.length))).toBeUndefined()
    const c = compileModel(m)
    expect(expectOwnTrees(m, c)).toBe(30)
    expect(expectOwnPlans(m, c, 'stray')).toBeGreaterThan(40)
  })
})
