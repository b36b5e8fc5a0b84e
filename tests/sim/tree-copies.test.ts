import {describe, expect, it} from 'vitest'
import {deliveries, indexModel} from '../../src/model/routing.js'
import {compileModel} from '../../src/sim/compile.js'
import type {Compiled} from '../../src/sim/compile.js'
import {buildModel, districtUnits, task, unit} from '../helpers/model-builder.js'

// district (civil, police, health) → 3 streets → 2 communities, each with a grid; streets 1
// and 2 have a police station of the police line (条条), street 3 has none.
function model() {
  const units = districtUnits({domains: ['civil', 'police', 'health'], streets: 3, communities: 2})
  for (const s of [1, 2]) units.push(unit({id: `district/street-${s}/police`, kind: 'department', parent: `district/street-${s}`, domain: 'police'}))
  for (const s of [1, 2, 3]) for (const c of [1, 2]) units.push(unit({id: `district/street-${s}/community-${c}/grid`, kind: 'grid', tier: 'grid', parent: `district/street-${s}/community-${c}`}))
  const district = ['district/dept-civil', 'district/dept-police', 'district/dept-health', 'district']
  return buildModel({
    id: 'tree-copies',
    units,
    tasks: [
      task({id: 'census', issuers: district, target: 'community', every: 100}),
      task({id: 'patrol', issuers: ['district/dept-police', 'district/dept-civil'], target: 'grid', every: 100}),
      task({id: 'check', issuers: ['district/dept-police', 'district/dept-health'], target: 'community', kind: 'inspection', every: 100}),
      task({id: 'visit', issuers: ['district/street-1', 'district/street-2/police', 'district/street-3'], target: 'grid', every: 100}),
    ],
  })
}

/** Every leaf of a compiled tree as "relays > target", from the issuer down. */
function paths(c: Compiled, tree: number): string[] {
  const r = c.routes
  const out: string[] = []
  const walk = (node: number, above: string[]) => {
    if (r.nodeLeaf[node] === 1) out.push([...above, c.unitIds[r.nodeUnit[node]]].join(' > '))
    else for (let k = r.nodeChildStart[node]; k < r.nodeChildEnd[node]; k++) walk(r.children[k], [...above, c.unitIds[r.nodeUnit[node]]])
  }
  for (let k = r.treeRootStart[tree]; k < r.treeRootEnd[tree]; k++) walk(r.roots[k], [])
  return out
}

// Trees of one issuer territory are built once and copied for its other issuers with the
// relaying units replaced: every copy must hold what routing.ts delivers for its own issuer.
describe('compiled relay trees', () => {
  it('give every issuer, copied or not, the deliveries routing.ts gives it', () => {
    const m = model()
    const c = compileModel(m)
    const ix = indexModel(m)
    let checked = 0
    for (let a = 0; a < c.nArrivals; a++) {
      const t = m.tasks[c.arrSrc[a]]
      const issuer = c.unitIds[c.routes.treeIssuer[c.arrTree[a]]]
      const want = deliveries(ix, t, issuer).map((d) => [...d.relays, d.target].join(' > '))
      expect(paths(c, c.arrTree[a]).sort(), `${t.id} ${issuer}`).toEqual(want.sort())
      expect(c.routes.treeItems[c.arrTree[a]]).toBe(want.length)
      checked++
    }
    expect(checked).toBe(11)
  })

  it('relays through the police line where a street has one, and through the street elsewhere', () => {
    const c = compileModel(model())
    const treeOf = (taskId: string, issuer: string) => c.arrTree[[...c.arrSrc].findIndex((s, a) => c.model.tasks[s].id === taskId && c.unitIds[c.routes.treeIssuer[c.arrTree[a]]] === issuer)]
    expect(paths(c, treeOf('census', 'district/dept-police')).sort()).toEqual([
      'district/street-1/police > district/street-1/community-1',
      'district/street-1/police > district/street-1/community-2',
      'district/street-2/police > district/street-2/community-1',
      'district/street-2/police > district/street-2/community-2',
      'district/street-3 > district/street-3/community-1',
      'district/street-3 > district/street-3/community-2',
    ])
    expect(paths(c, treeOf('patrol', 'district/dept-police'))[0]).toBe('district/street-1/police > district/street-1/community-1 > district/street-1/community-1/grid')
    expect(paths(c, treeOf('patrol', 'district/dept-civil'))[0]).toBe('district/street-1 > district/street-1/community-1 > district/street-1/community-1/grid')
  })
})
