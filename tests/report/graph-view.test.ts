import {describe, expect, it} from 'vitest'
import {buildGraphView, commonLabel, type RawEdge, type RawNode} from '../../src/report/graph-view.js'
import {fixtureGraph} from './fixtures.js'

describe('buildGraphView', () => {
  it('draws a small graph whole, tiers top to bottom and children in tree order', () => {
    const {nodes, edges} = fixtureGraph(6)
    const g = buildGraphView(nodes, edges)
    expect(g.nodes).toHaveLength(11)
    expect(g.edges).toHaveLength(edges.length)
    expect(g.grouped).toEqual([])
    const y = (id: string) => g.nodes.find((n) => n.id === id)!.y
    const x = (id: string) => g.nodes.find((n) => n.id === id)!.x
    expect(y('district')).toBeLessThan(y('district/street-1'))
    expect(y('district/street-1')).toBeLessThan(y('district/street-1/community-1'))
    // Street 1's communities sit left of street 2's.
    expect(x('district/street-1/community-3')).toBeLessThan(x('district/street-2/community-4'))
    expect(x('district/street-1')).toBeLessThan(x('district/street-2'))
    expect(g.kinds.map((k) => k.kind)).toEqual(['government', 'department', 'street', 'community'])
  })

  it('groups replicated communities per street in a 3,000-community model and says so', () => {
    const {nodes, edges} = fixtureGraph(3000)
    const g = buildGraphView(nodes, edges)
    expect(g.totalNodes).toBe(3 + 1000 + 3000)
    // Grouping communities per street still leaves 2,003 nodes, so the streets are grouped
    // too, and their communities with them: one node per tier and kind.
    expect(g.grouped).toEqual(['community', 'street'])
    expect(g.topByDegree).toBeUndefined()
    expect(g.nodes.map((n) => n.label)).toEqual(['教学区人民政府', '公安分局', '民政局', '1000 × 第…街道', '3000 × 社区'])
    expect(g.nodes.at(-1)!.staff).toBe(18000)
  })

  it('groups the lowest tiers first and keeps the hours of merged links', () => {
    const {nodes, edges} = fixtureGraph(600)
    const g = buildGraphView(nodes, edges, {maxNodes: 450})
    expect(g.grouped).toEqual(['community'])
    expect(g.topByDegree).toBeUndefined()
    expect(g.nodes).toHaveLength(3 + 200 + 200)
    const group = g.nodes.find((n) => n.id.startsWith('group:') && n.label.startsWith('3 × 社区'))!
    expect(group.members).toBe(3)
    expect(group.staff).toBe(18)
    const task = g.edges.find((e) => e.target === group.id && e.type === 'task')!
    expect(task.hoursPerYear).toBe(2700)
  })

  it('places a unit without a tier half a row below its parent and groups it with its tier', () => {
    const {nodes, edges} = fixtureGraph(6)
    for (const c of nodes.filter((n) => n.kind === 'community')) nodes.push({id: `${c.id}/party`, label: '社区党委', kind: 'party', staff: 1, parent: c.id})
    const g = buildGraphView(nodes, edges)
    const y = (id: string) => g.nodes.find((n) => n.id === id)!.y
    expect(y('district/street-1/community-1/party')).toBeGreaterThan(y('district/street-1/community-1'))
    expect(y('district/street-1/community-1/party') - y('district/street-1/community-1')).toBe(80)
    const grouped = buildGraphView(nodes, edges, {maxNodes: 12})
    expect(grouped.grouped).toEqual(['community'])
    expect(grouped.nodes.filter((n) => n.kind === 'party').map((n) => n.label)).toEqual(['3 × 社区党委', '3 × 社区党委'])
  })

  it('groups units whose parent is in the same row together with that parent', () => {
    const {nodes, edges} = fixtureGraph(3000)
    for (const s of nodes.filter((n) => n.kind === 'street')) nodes.push({id: `${s.id}/squad`, label: '执法队', kind: 'department', tier: 'street', staff: 2, parent: s.id})
    const g = buildGraphView(nodes, edges)
    expect(g.grouped).toEqual(['community', 'street'])
    expect(g.nodes.filter((n) => n.tier === 'street').map((n) => [n.label, n.members])).toEqual([['1000 × 第…街道', 1000], ['1000 × 执法队', 1000]])
  })

  it('falls back to the best-connected nodes when grouping is not enough', () => {
    const nodes: RawNode[] = Array.from({length: 50}, (_v, i) => ({id: `d${i}`, label: `d${i}`, kind: 'department', staff: 1}))
    const edges: RawEdge[] = nodes.slice(1).map((n) => ({source: 'd0', target: n.id, type: 'coordinates', hoursPerYear: 0}))
    edges.push({source: 'd1', target: 'd2', type: 'coordinates', hoursPerYear: 0})
    const g = buildGraphView(nodes, edges, {maxNodes: 3})
    expect(g.topByDegree).toBe(3)
    expect(g.nodes.map((n) => n.id)).toEqual(['d0', 'd1', 'd2'])
    expect(g.edges).toHaveLength(3)
  })

  it('names a group by what the names of its members share', () => {
    expect(commonLabel(['第1街道', '第2街道', '第10街道'])).toBe('第…街道')
    expect(commonLabel(['社区1', '社区10', '社区11'])).toBe('社区')
    expect(commonLabel(['Grid A', 'Grid A'])).toBe('Grid A')
    expect(commonLabel(['alpha', 'beta'])).toBe('')
  })

  it('caps links, keeping administration first and then the heaviest', () => {
    const nodes: RawNode[] = [0, 1, 2, 3].map((i) => ({id: `n${i}`, label: `n${i}`, kind: 'department', tier: 'district', staff: 1}))
    const edges: RawEdge[] = [
      {source: 'n0', target: 'n1', type: 'task', hoursPerYear: 5},
      {source: 'n1', target: 'n2', type: 'task', hoursPerYear: 50},
      {source: 'n2', target: 'n3', type: 'administers', hoursPerYear: 0},
    ]
    const g = buildGraphView(nodes, edges, {maxEdges: 2})
    expect(g.edges.map((e) => `${e.source}-${e.target}`)).toEqual(['n1-n2', 'n2-n3'])
    expect(g.totalEdges).toBe(3)
  })

  it('is deterministic', () => {
    const {nodes, edges} = fixtureGraph(900)
    expect(buildGraphView(nodes, edges)).toEqual(buildGraphView(nodes, edges))
  })
})
