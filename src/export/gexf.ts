// GEXF 1.2 through graphology-gexf's writer, which Gephi and networkx read. Arrays are
// joined with ';' (GEXF 1.2 list types are not read the same way everywhere), and graph
// attributes go in as a description: the writer's pedantic mode keeps <meta> to the tags
// the GEXF schema allows.
import gexf from 'graphology-gexf'
import type {Attributes} from 'graphology-types'
import type {LoudouGraph} from '../graph/types.js'
import {stripInvalidXml} from './xml.js'

function flatten(attrs: Attributes, skip: string): Attributes {
  const out: Attributes = {}
  for (const [k, v] of Object.entries(attrs)) {
    if (k === skip || v === undefined) continue
    if (typeof v === 'number' && !Number.isFinite(v)) continue
    // The writer escapes markup but not characters XML forbids outright.
    out[k] = Array.isArray(v) ? stripInvalidXml(v.join(';')) : typeof v === 'string' ? stripInvalidXml(v) : v
  }
  return out
}

export function toGexf(graph: LoudouGraph): string {
  const copy = graph.copy()
  const {id, name, hoursPerYear} = graph.getAttributes()
  copy.replaceAttributes({creator: 'loudou', description: stripInvalidXml(`${name} (${id}); volumes per year of ${hoursPerYear} working hours`)} as never)
  return gexf.write(copy, {
    version: '1.2',
    pedantic: true,
    formatNode: (_key, attrs) => ({label: stripInvalidXml(String(attrs.label)), attributes: flatten(attrs, 'label')}),
    formatEdge: (_key, attrs) => ({attributes: flatten(attrs, '')}),
  })
}
