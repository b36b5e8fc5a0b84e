// One entry point for every export format.
import {toJson} from '../cli/output.js'
import type {LoudouGraph} from '../graph/types.js'
import {toDot} from './dot.js'
import {toGexf} from './gexf.js'
import {toGraphml} from './graphml.js'

export const EXPORT_FORMATS = ['graphml', 'gexf', 'dot', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export {toDot, toGexf, toGraphml}

/** JSON is graphology's own serialisation (`graph.export()`), readable by `Graph.from()`. */
export function exportGraph(graph: LoudouGraph, format: ExportFormat): string {
  switch (format) {
    case 'graphml':
      return toGraphml(graph)
    case 'gexf':
      return toGexf(graph)
    case 'dot':
      return toDot(graph)
    case 'json':
      return toJson(graph.export())
  }
}
