// Where one issuer's instance of a task goes: the targets in the issuer's territory and the
// relays on the way. The territories passed depend on the issuer's territory only; which unit
// relays at each of them depends on the issuer's domain too (relayUnitAt), so every issuer of
// one territory shares one walk (relayTerritories) and the compiler one tree's shape.
import {ancestors, isTerritorial, scopeRoot, targetsInScope} from './routing.js'
import type {ModelIndex} from './routing.js'
import type {Task, Unit} from './types.js'

/** One delivery of a task instance: the relays it passes (top to bottom) and the target. */
export interface Delivery {
  target: string
  /** Shared between the deliveries to one parent's children: do not change it. */
  relays: readonly string[]
}

/**
 * Where one issuer's instance of a task goes. Relays are the territorial units strictly
 * between the issuer's territory and the target; at a relay tier, a department of the same
 * domain as the issuer does the relaying when the territorial unit has one (a city bureau's
 * task passes through the district bureau of the same line, 条条).
 */
export function deliveries(ix: ModelIndex, task: Task, issuerId: string): Delivery[] {
  if (task.executors) return task.executors.map((target) => ({target, relays: []}))
  const {targets, relays} = deliveryRoutes(ix, task, issuerId)
  return targets.map((t, k) => ({target: t.id, relays: relays[k].length === 0 ? [] : relays[k]}))
}

const NO_RELAYS: readonly string[] = []
const NO_TERRITORIES: readonly Unit[] = []

/**
 * deliveries of a task without executors, as the target units and the relays of each (lists
 * shared between the targets of one parent, and between calls: do not change them). The
 * target list is targetsInScope's, the same array for every issuer of one territory.
 */
export function deliveryRoutes(ix: ModelIndex, task: Task, issuerId: string): {targets: readonly Unit[]; relays: (readonly string[])[]} {
  const {targets, chains} = relayTerritories(ix, task, issuerId)
  if (task.kind === 'inspection') return {targets, relays: targets.map(() => NO_RELAYS)}
  const domain = ix.byId.get(issuerId)?.domain
  let byChain = ix.relayChains.get(domain ?? '\u0001')
  if (byChain === undefined) ix.relayChains.set(domain ?? '\u0001', (byChain = new Map()))
  const relays: (readonly string[])[] = []
  for (const chain of chains) {
    let ids = byChain.get(chain)
    if (ids === undefined) byChain.set(chain, (ids = chain.map((a) => relayUnitAt(ix, a, domain).id)))
    relays.push(ids)
  }
  return {targets, relays}
}

/**
 * The territories an instance of `task` passes from the issuer's territory down to each
 * target (top to bottom, both ends excluded; none for inspections, which go straight to the
 * inspected). They depend on the issuer only through its territory. Lists are shared between
 * the targets of one parent and between calls: do not change them.
 */
export function relayTerritories(ix: ModelIndex, task: Task, issuerId: string): {targets: readonly Unit[]; chains: (readonly Unit[])[]} {
  const targets = targetsInScope(ix, issuerId, task.target)
  if (task.kind === 'inspection') return {targets, chains: targets.map(() => NO_TERRITORIES)}
  const root = scopeRoot(ix, issuerId)
  let byParent: Map<string, readonly Unit[]> | undefined
  const chains: (readonly Unit[])[] = []
  // Targets come in subtree order: the children of one parent one after another.
  let parent: string | undefined
  let above = NO_TERRITORIES
  for (const t of targets) {
    if (t.id === root?.id) chains.push(NO_TERRITORIES)
    else {
      if (parent === undefined || t.parent !== parent) {
        byParent ??= ix.territoryChains.get(root?.id ?? '')
        if (byParent === undefined) ix.territoryChains.set(root?.id ?? '', (byParent = new Map()))
        above = territoriesAbove(ix, t, root, byParent)
      }
      parent = t.parent ?? ''
      chains.push(above)
    }
  }
  return {targets, chains}
}

/** The territories from `root` down to target t: they depend on t's parent only, so are found once per parent. */
function territoriesAbove(ix: ModelIndex, t: Unit, root: Unit | undefined, byParent: Map<string, readonly Unit[]>): readonly Unit[] {
  const parent = t.parent ?? ''
  let chain = byParent.get(parent)
  if (chain === undefined) {
    const found: Unit[] = []
    // Up the parents to the root; a walk longer than the model (a parent cycle) is done by ancestors.
    let steps = 0
    for (let a = t.parent === undefined ? undefined : ix.byId.get(t.parent); a !== undefined && a !== root; a = a.parent === undefined ? undefined : ix.byId.get(a.parent)) {
      if (++steps > ix.byId.size) break
      if (isTerritorial(ix, a)) found.push(a)
    }
    if (steps > ix.byId.size) {
      found.length = 0
      for (const a of ancestors(ix, t.id)) {
        if (root && a.id === root.id) break
        if (isTerritorial(ix, a)) found.push(a)
      }
    }
    byParent.set(parent, (chain = found.reverse()))
  }
  return chain
}

/** The unit relaying at `territory` for an issuer of `domain`: its department of that line, else the territory itself. */
export function relayUnitAt(ix: ModelIndex, territory: Unit, domain: string | undefined): Unit {
  if (domain === undefined) return territory
  const line = (ix.children.get(territory.id) ?? []).find((c) => c.domain === domain && !isTerritorial(ix, c))
  return line ?? territory
}
