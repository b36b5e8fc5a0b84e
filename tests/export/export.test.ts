import {execFileSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {MultiDirectedGraph} from 'graphology'
import gexf from 'graphology-gexf'
import graphml from 'graphology-graphml'
import {describe, expect, it} from 'vitest'
import {exportGraph, toDot, toGexf, toGraphml} from '../../src/export/index.js'
import {buildGraph} from '../../src/graph/build.js'
import type {LoudouGraph} from '../../src/graph/types.js'
import {smallFunnel} from '../helpers/small-funnel.js'

const dir = mkdtempSync(join(tmpdir(), 'loudou-export-'))
const reader = join(import.meta.dirname, 'networkx_like.py')

/** Parses with python's xml.etree the way networkx's readers do (see networkx_like.py). */
function readLikeNetworkx(format: 'graphml' | 'gexf', text: string): any {
  const file = join(dir, `g.${format}`)
  writeFileSync(file, text)
  return JSON.parse(execFileSync('python3', [reader, format, file], {encoding: 'utf8'}))
}

/** A graph with every kind of value the writers must handle. */
function awkward(): LoudouGraph {
  const g = new MultiDirectedGraph() as unknown as LoudouGraph
  g.replaceAttributes({id: 'awk', name: 'A & B <"quoted">', hoursPerYear: 2000})
  g.addNode('a/"1"', {label: "社区 & <x> 'q'", kind: 'community', staff: 1.5, residents: 3_000_000_000, households: 0, powers: ['p1', 'p2'], labels: [], flag: true} as never)
  g.addNode('b\\2', {label: 'tab\there\u0001', kind: 'street', staff: 2, residents: 0, households: 0, powers: [], labels: ['x'], flag: false, ratio: NaN} as never)
  g.addDirectedEdgeWithKey('e1', 'a/"1"', 'b\\2', {type: 'task', tasksPerYear: 12.5, hoursPerYear: 1e21, items: 1})
  g.addDirectedEdgeWithKey('e2', 'a/"1"', 'b\\2', {type: 'administers', tasksPerYear: 0, hoursPerYear: 0, items: 0})
  return g
}

describe('GraphML', () => {
  it('is read by a networkx-strict reader with the same counts and typed values', () => {
    const g = buildGraph(smallFunnel())
    const r = readLikeNetworkx('graphml', toGraphml(g))
    // Street → community carries both an administration and a task edge: a multigraph.
    expect(r).toMatchObject({directed: true, multigraph: true, nodes: g.order, edges: g.size})
    expect(r.graph).toEqual({id: 'small-funnel', name: 'small-funnel', hoursPerYear: 2000})
    expect(r.node['district/street-1/community-1']).toMatchObject({kind: 'community', tier: 'community', staff: 12, residents: 8000, powers: 'mediate'})
    expect(r.edge['task:district/dept-urban->district/street-1'].data).toEqual({type: 'task', tasksPerYear: 50, hoursPerYear: 25, items: 1})
  })

  it('escapes, types and drops values strictly', () => {
    const text = toGraphml(awkward())
    expect(text).toContain('attr.name="staff" attr.type="double"')
    expect(text).toContain('attr.name="residents" attr.type="long"')
    expect(text).toContain('attr.name="flag" attr.type="boolean"')
    expect(text).toContain('attr.name="hoursPerYear" attr.type="double"')
    expect(text).not.toContain('\u0001')
    const r = readLikeNetworkx('graphml', text)
    expect(r).toMatchObject({multigraph: true, nodes: 2, edges: 2})
    expect(r.graph.name).toBe('A & B <"quoted">')
    expect(r.node['a/"1"']).toEqual({label: "社区 & <x> 'q'", kind: 'community', staff: 1.5, residents: 3_000_000_000, households: 0, powers: 'p1;p2', flag: true})
    expect(r.node['b\\2']).toMatchObject({label: 'tab\there', flag: false, labels: 'x'})
    expect(r.node['b\\2']).not.toHaveProperty('ratio')
    expect(r.edge.e1.data.hoursPerYear).toBe(1e21)
  })

  it('round-trips through graphology-graphml', () => {
    const g = buildGraph(smallFunnel())
    const back = graphml.parse(MultiDirectedGraph, toGraphml(g))
    expect([back.order, back.size]).toEqual([g.order, g.size])
    expect(back.getNodeAttribute('district/dept-civil', 'staff')).toBe(30)
  })
})

describe('GEXF', () => {
  it('is GEXF 1.2 that a networkx-strict reader accepts, with labels and attributes', () => {
    const g = buildGraph(smallFunnel())
    const text = toGexf(g)
    expect(text).toContain('xmlns="http://www.gexf.net/1.2draft"')
    const r = readLikeNetworkx('gexf', text)
    expect(r).toMatchObject({directed: true, nodes: g.order, edges: g.size})
    expect(r.node['district/dept-urban']).toMatchObject({label: 'district/dept-urban', kind: 'department', staff: 30, powers: 'urban.power'})
    const back = gexf.parse(MultiDirectedGraph, text)
    expect([back.order, back.size]).toEqual([g.order, g.size])
  })

  it('keeps awkward values readable', () => {
    const r = readLikeNetworkx('gexf', toGexf(awkward()))
    expect(r.node['a/"1"']).toMatchObject({label: "社区 & <x> 'q'", powers: 'p1;p2'})
  })
})

describe('DOT', () => {
  it('quotes every id and value and writes one line per edge', () => {
    const g = buildGraph(smallFunnel())
    const text = toDot(g)
    expect(text.startsWith('digraph "small-funnel" {')).toBe(true)
    expect(text.match(/ -> /g)).toHaveLength(g.size)
    expect(text).toContain('"district/dept-urban" -> "district/street-1" ["type"="task", "tasksPerYear"="50", "hoursPerYear"="25", "items"="1", color="#1f77b4"];')
    const awk = toDot(awkward())
    expect(awk).toContain('"a/\\"1\\"" -> "b\\\\2"')
    expect(awk).toContain('"hoursPerYear"="1e+21"')
    expect(awk).not.toContain('"ratio"')
  })
})

describe('JSON', () => {
  it("is graphology's own serialisation", () => {
    const g = buildGraph(smallFunnel())
    const back = MultiDirectedGraph.from(JSON.parse(exportGraph(g, 'json')))
    expect([back.order, back.size]).toEqual([g.order, g.size])
    expect(back.getEdgeAttributes('task:district/dept-urban->district/street-1')).toEqual(g.getEdgeAttributes('task:district/dept-urban->district/street-1'))
    expect(back.getAttributes()).toEqual({id: 'small-funnel', name: 'small-funnel', hoursPerYear: 2000})
  })
})
