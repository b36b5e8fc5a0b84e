// Chain depth: how many levels the administrative chain has, how many of them own a
// territory, and how many relays (二传手) an instance passes on its way down.
import {analyseFlows} from '../../graph/flows.js'
import {isTerritorial} from '../../model/routing.js'
import type {Model} from '../../model/types.js'

export interface DepthReport {
  /** Units on the longest parent chain, root included. */
  levels: number
  /** Territorial units (government, street, community, grid…) on the longest such chain. */
  territorialLevels: number
  /** Relays per delivery, weighted by deliveries per year; max over deliveries that occur. */
  relayHops: {mean: number; max: number}
}

export function chainDepth(model: Model): DepthReport {
  const flows = analyseFlows(model)
  const ix = flows.ix
  const memo = new Map<string, [number, number]>()
  const depthOf = (id: string): [number, number] => {
    // Walk up to the first memoised ancestor, then fill the chain top-down (no recursion).
    const chain: string[] = []
    const seen = new Set<string>()
    let cur: string | undefined = id
    while (cur !== undefined && !memo.has(cur) && !seen.has(cur) && ix.byId.has(cur)) {
      seen.add(cur)
      chain.push(cur)
      cur = ix.byId.get(cur)!.parent
    }
    let [levels, territorial] = cur !== undefined && memo.has(cur) ? memo.get(cur)! : [0, 0]
    for (let i = chain.length - 1; i >= 0; i--) {
      levels += 1
      if (isTerritorial(ix, ix.byId.get(chain[i])!)) territorial += 1
      memo.set(chain[i], [levels, territorial])
    }
    return memo.get(id) ?? [0, 0]
  }
  let levels = 0
  let territorialLevels = 0
  for (const u of model.units) {
    const [l, t] = depthOf(u.id)
    levels = Math.max(levels, l)
    territorialLevels = Math.max(territorialLevels, t)
  }
  const d = flows.deliveries
  return {levels, territorialLevels, relayHops: {mean: d.perYear > 0 ? d.hopsPerYear / d.perYear : 0, max: d.maxHops}}
}
