// The attributes carried by the loudou graph: one node per unit, one edge per
// (type, from, to). Non-task edges carry zero volumes so every edge has the same columns
// once exported (Gephi and pandas read columns, not optional fields).
import type {MultiDirectedGraph} from 'graphology'
import type {Tier} from '../model/types.js'

export const EDGE_TYPES = [
  'administers',
  'task',
  'inspects',
  'leads',
  'coordinates',
  'contracts',
  'shares-data',
  'summons',
] as const
export type EdgeType = (typeof EDGE_TYPES)[number]

export interface NodeAttributes {
  label: string
  kind: string
  tier?: Tier
  parent?: string
  domain?: string
  staff: number
  residents: number
  households: number
  powers: string[]
  labels: string[]
}

export interface EdgeAttributes {
  type: EdgeType
  /** Task instances per year travelling this channel (0 for non-task edges). */
  tasksPerYear: number
  /** Working hours per year the channel puts on its target end (0 for non-task edges). */
  hoursPerYear: number
  /** Distinct catalogue items travelling the channel (0 for non-task edges). */
  items: number
  /** For `summons`: hours until the summoned unit reports. */
  responseTime?: number
}

export interface GraphAttributes {
  id: string
  name: string
  hoursPerYear: number
}

export type LoudouGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>

export function edgeKey(type: EdgeType, from: string, to: string): string {
  return `${type}:${from}->${to}`
}
