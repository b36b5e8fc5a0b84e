// GraphML writer (graphology-graphml only parses). Written for strict readers: every
// <data> refers to a declared <key>, attr.type is one networkx, Gephi and yEd all accept
// (boolean, int, long, double, string), booleans are true/false, integers are written
// without a decimal point, arrays become ';'-joined strings, and non-finite numbers are
// left out rather than written as text a number parser would reject.
import type {Attributes} from 'graphology-types'
import type {LoudouGraph} from '../graph/types.js'
import {escapeXml} from './xml.js'

type KeyType = 'boolean' | 'int' | 'long' | 'double' | 'string'
type Domain = 'graph' | 'node' | 'edge'

interface Key {
  id: string
  domain: Domain
  name: string
  type: KeyType
}

const INT32 = 2 ** 31 - 1

/** The narrowest type that holds every value of an attribute. */
function inferType(values: unknown[]): KeyType | undefined {
  let type: KeyType | undefined
  const widen = (t: KeyType): void => {
    if (type === undefined || type === t) type = t
    else if (type === 'string' || t === 'string') type = 'string'
    else if (type === 'boolean' || t === 'boolean') type = 'string'
    else if (type === 'double' || t === 'double') type = 'double'
    else type = 'long'
  }
  for (const v of values) {
    if (v === undefined || v === null) continue
    if (typeof v === 'boolean') widen('boolean')
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) continue
      // Integers beyond 2^53 are not exact in a double and overflow a Java long: write doubles.
      widen(!Number.isSafeInteger(v) ? 'double' : Math.abs(v) <= INT32 ? 'int' : 'long')
    } else widen('string')
  }
  return type
}

function text(v: unknown, type: KeyType): string | undefined {
  if (v === undefined || v === null) return undefined
  if (Array.isArray(v)) return v.map(String).join(';')
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined
    // Exponent notation (1e21) is not valid for int/long parsers; integers stay integral.
    if (type === 'int' || type === 'long') return BigInt(v).toString()
    return String(v)
  }
  return String(v)
}

function collectKeys(domain: Domain, prefix: string, records: Attributes[]): Key[] {
  const names = new Map<string, unknown[]>()
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) {
      let list = names.get(k)
      if (!list) names.set(k, (list = []))
      list.push(Array.isArray(v) ? v.join(';') : v)
    }
  }
  const keys: Key[] = []
  for (const [name, values] of names) {
    const type = inferType(values)
    if (type) keys.push({id: `${prefix}_${name}`, domain, name, type})
  }
  return keys
}

function dataLines(keys: Key[], attrs: Attributes, indent: string): string[] {
  const out: string[] = []
  for (const k of keys) {
    const v = text(attrs[k.name], k.type)
    if (v !== undefined && v !== '') out.push(`${indent}<data key="${escapeXml(k.id)}">${escapeXml(v)}</data>`)
  }
  return out
}

export function toGraphml(graph: LoudouGraph): string {
  const nodeAttrs: Attributes[] = []
  graph.forEachNode((_n, a) => {
    nodeAttrs.push(a)
  })
  const edgeAttrs: Attributes[] = []
  graph.forEachEdge((_e, a) => {
    edgeAttrs.push(a)
  })
  const graphKeys = collectKeys('graph', 'g', [graph.getAttributes()])
  const nodeKeys = collectKeys('node', 'n', nodeAttrs)
  const edgeKeys = collectKeys('edge', 'e', edgeAttrs)

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ]
  for (const k of [...graphKeys, ...nodeKeys, ...edgeKeys]) {
    lines.push(`  <key id="${escapeXml(k.id)}" for="${k.domain}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`)
  }
  lines.push(`  <graph id="${escapeXml(String(graph.getAttribute('id') ?? 'G'))}" edgedefault="directed">`)
  lines.push(...dataLines(graphKeys, graph.getAttributes(), '    '))
  graph.forEachNode((node, attrs) => {
    const data = dataLines(nodeKeys, attrs, '      ')
    if (data.length === 0) lines.push(`    <node id="${escapeXml(node)}"/>`)
    else lines.push(`    <node id="${escapeXml(node)}">`, ...data, '    </node>')
  })
  graph.forEachEdge((edge, attrs, source, target) => {
    const open = `    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"`
    const data = dataLines(edgeKeys, attrs, '      ')
    if (data.length === 0) lines.push(`${open}/>`)
    else lines.push(`${open}>`, ...data, '    </edge>')
  })
  lines.push('  </graph>', '</graphml>')
  return lines.join('\n') + '\n'
}
