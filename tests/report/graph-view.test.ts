import {describe, expect, it} from 'vitest'
import {buildGraphView, commonLabel, type RawEdge, type RawNode} from '../../src/report/graph-view.js'
import {fixtureGraph} from './fixtures.js'

describe('buildGraphView', () => {
  it('draws a small graph whole, tiers top to bottom and children in tree order', () => {
    const {nodes, edges} = fixtureGraph(6)
    const g = buildGraphView(nodes, edges)
    expect(g.nodes).toHaveLength(11)
    expect(g.edges).toHaveLength(edges.length)
    expect(g.aggregated).toBe(false)
    const y = (id: string) => g.nodes.find((n) => n.id === id)!.y
    const x = (id: string) => g.nodes.find((n) => n.id === id)!.x
    expect(y('district')).toBeLessThan(y('district/street-1'))
    expect(y('district/street-1')).toBeLessThan(y('district/street-1/community-1'))
    // Street 1's communities sit left of street 2's.
    expect(x('district/street-1/community-3')).toBeLessThan(x('district/street-2/community-4'))
    expect(x('district/street-1')).toBeLessThan(x('district/street-2'))
    expect(g.kinds.map((k) => k.kind)).toEqual(['government', 'department', 'street', 'community'])
  })

  it('wraps a wide tier onto lines of seven, the next tier below its last line', () => {
    const {nodes, edges} = fixtureGraph(30)
    const g = buildGraphView(nodes, edges)
    const ys = (kind: string) => [...new Set(g.nodes.filter((n) => n.kind === kind).map((n) => n.y))]
    // 30 communities on 5 lines of 6, 44 apart; 10 streets on 2 lines of 5.
    expect(ys('community')).toHaveLength(5)
    expect(ys('street')).toEqual([140, 184])
    expect(Math.min(...ys('community'))).toBe(184 + 140)
  })

  it('draws a graph above the readable size as one node per tier and kind, and says so', () => {
    const {nodes, edges} = fixtureGraph(3000)
    const g = buildGraphView(nodes, edges)
    expect(g.totalNodes).toBe(3 + 1000 + 3000)
    expect(g.aggregated).toBe(true)
    expect(g.nodes.map((n) => [n.label, n.members, n.staff])).toEqual([
      ['教学区人民政府', 1, 10], ['', 2, 42], ['第…街道', 1000, 3000], ['社区', 3000, 18000],
    ])
    // Links summed per pair of groups and type; the coordination inside the departments is gone.
    const link = (from: string, to: string, type: string) => g.edges.find((e) => e.source === from && e.target === to && e.type === type)
    expect(link('group:2|street', 'group:3|community', 'task')!.hoursPerYear).toBe(3000 * 900)
    expect(link('group:1|department', 'group:2|street', 'task')!.hoursPerYear).toBe(2 * 1000 * 400)
    expect(g.edges.some((e) => e.type === 'coordinates')).toBe(false)
    expect(g.edges).toHaveLength(5)
  })

  it('aggregates above --max-nodes and keeps units without a tier half a row below their parents', () => {
    const {nodes, edges} = fixtureGraph(6)
    for (const c of nodes.filter((n) => n.kind === 'community')) nodes.push({id: `${c.id}/party`, label: '社区党委', kind: 'party', staff: 1, parent: c.id})
    const whole = buildGraphView(nodes, edges)
    const y = (id: string) => whole.nodes.find((n) => n.id === id)!.y
    expect(y('district/street-1/community-1/party') - y('district/street-1/community-1')).toBe(70)
    const g = buildGraphView(nodes, edges, {maxNodes: 12})
    expect(g.aggregated).toBe(true)
    expect(g.nodes.filter((n) => n.kind === 'party').map((n) => [n.label, n.members, n.tier])).toEqual([['社区党委', 6, 'community']])
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
