// Graphviz DOT: every id and value quoted (ids contain '/', '-' and CJK; numbers in
// exponent form are not valid bare DOT ids), edge types told apart by colour and style.
import type {Attributes} from 'graphology-types'
import type {EdgeType, LoudouGraph} from '../graph/types.js'

const STYLE: Record<EdgeType, string> = {
  administers: 'color="#444444"',
  task: 'color="#1f77b4"',
  inspects: 'color="#d62728", style="dashed"',
  leads: 'color="#9467bd", style="bold"',
  coordinates: 'color="#7f7f7f", style="dotted"',
  contracts: 'color="#2ca02c"',
  'shares-data': 'color="#17becf", style="dotted"',
  summons: 'color="#ff7f0e", style="dashed"',
}

export function quoteDot(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n') + '"'
}

function attrList(attrs: Attributes): string[] {
  const out: string[] = []
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue
    if (typeof v === 'number' && !Number.isFinite(v)) continue
    out.push(`${quoteDot(k)}=${quoteDot(Array.isArray(v) ? v.join(';') : String(v))}`)
  }
  return out
}

export function toDot(graph: LoudouGraph): string {
  const {id, name} = graph.getAttributes()
  const lines = [
    `digraph ${quoteDot(String(id ?? 'loudou'))} {`,
    `  graph [label=${quoteDot(String(name ?? ''))}, rankdir="TB"];`,
    '  node [shape="box", fontname="sans-serif"];',
  ]
  graph.forEachNode((node, attrs) => {
    lines.push(`  ${quoteDot(node)} [${attrList(attrs).join(', ')}];`)
  })
  graph.forEachEdge((_edge, attrs, source, target) => {
    lines.push(`  ${quoteDot(source)} -> ${quoteDot(target)} [${[...attrList(attrs), STYLE[attrs.type]].join(', ')}];`)
  })
  lines.push('}')
  return lines.join('\n') + '\n'
}
