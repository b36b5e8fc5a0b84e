// How work moves through a model: territories, relay chains, fan-out targets and the units
// that hold the powers an item needs. The graph, the structural metrics, the simulation and
// the reforms all route through these functions, so that structure and flow agree.
import {BUILTIN_KINDS, TERRITORIAL_KINDS, TIERS} from './types.js'
import type {Climb} from './resolution.js'
import type {Contested, Model, Rules, Tier, Unit} from './types.js'

export {dispatchPlan, findResolver, planClass, planShape, resolutionPlan} from './resolution.js'
export {deliveries, deliveryRoutes, relayTerritories, relayUnitAt} from './delivery.js'
export type {Delivery} from './delivery.js'
export type {Escalation, ResolutionPlan, Stage, StageType} from './resolution.js'

export interface ModelIndex {
  model: Model
  byId: Map<string, Unit>
  children: Map<string, Unit[]>
  territorialKinds: Set<string>
  /** Memo of targetsInScope per (territory, tier): models are immutable once indexed. */
  scopeTargets: Map<Tier, Map<string, Unit[]>>
  /** Memos of ancestors and scopeRoot per unit id (compiling a city asks for each thousands of times). */
  ancestorLists: Map<string, readonly Unit[]>
  scopeRoots: Map<string, Unit | null>
  /** Memo of findResolver's climb per rule, needs and first territory above the start; the needs' key per needs list. */
  climbs: Map<string, Map<string, Map<Unit, Climb>>>
  needsKeys: WeakMap<readonly string[], string>
  /** Memo of the first actor of a territory holding the needs, per rule and needs (null: none). */
  holders: Map<string, Map<string, Map<Unit, Unit | null>>>
  /** Memos of the nearest territorial ancestor per unit (null: none), and of a territory's actors per rule and unit. */
  territoriesAbove: Map<Unit, Unit | null>
  actorLists: Map<string, Map<Unit, readonly Unit[]>>
  /** Memos of the territories down to a unit's parent, per issuer territory and parent, and of their relays' ids per issuer domain: deliveries. */
  territoryChains: Map<string, Map<string, readonly Unit[]>>
  relayChains: Map<string, Map<readonly Unit[], readonly string[]>>
  /** Memo of contest candidates by territory, per candidate list (contestScope). */
  candidateGroups: WeakMap<readonly string[], Map<string, string[]>>
}

export function indexModel(model: Model): ModelIndex {
  const byId = new Map<string, Unit>()
  const children = new Map<string, Unit[]>()
  for (const u of model.units) byId.set(u.id, u)
  for (const u of model.units) {
    if (u.parent === undefined) continue
    let list = children.get(u.parent)
    if (!list) children.set(u.parent, (list = []))
    list.push(u)
  }
  const territorialKinds = new Set<string>(TERRITORIAL_KINDS)
  for (const k of model.kinds) if (k.territorial) territorialKinds.add(k.id)
  return {model, byId, children, territorialKinds, scopeTargets: new Map(), ancestorLists: new Map(), scopeRoots: new Map(), climbs: new Map(), needsKeys: new WeakMap(), holders: new Map(), territoriesAbove: new Map(), actorLists: new Map(), candidateGroups: new WeakMap(), territoryChains: new Map(), relayChains: new Map()}
}

export function isBuiltinKind(kind: string): boolean {
  return (BUILTIN_KINDS as readonly string[]).includes(kind)
}

export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier)
}

export function isTerritorial(ix: ModelIndex, u: Unit): boolean {
  return ix.territorialKinds.has(u.kind)
}

/** Ancestors from the parent up to the root (a shared list: do not change it). */
export function ancestors(ix: ModelIndex, id: string): readonly Unit[] {
  const known = ix.ancestorLists.get(id)
  if (known !== undefined) return known
  // The parent's list, known and free of this unit, gives this one without a walk.
  const parentId = ix.byId.get(id)?.parent
  const parent = parentId === undefined ? undefined : ix.byId.get(parentId)
  const above = parent === undefined || parent.id === id ? undefined : ix.ancestorLists.get(parent.id)
  if (above !== undefined && !above.some((a) => a.id === id)) {
    const list = [parent!, ...above]
    ix.ancestorLists.set(id, list)
    return list
  }
  const out: Unit[] = []
  const seen = new Set<string>([id])
  let cur = ix.byId.get(id)?.parent
  while (cur !== undefined && !seen.has(cur)) {
    const u = ix.byId.get(cur)
    if (!u) break
    out.push(u)
    seen.add(cur)
    cur = u.parent
  }
  ix.ancestorLists.set(id, out)
  return out
}

/** The territory a unit acts in: itself if territorial, else its nearest territorial ancestor. */
export function scopeRoot(ix: ModelIndex, id: string): Unit | undefined {
  const known = ix.scopeRoots.get(id)
  if (known !== undefined) return known ?? undefined
  const u = ix.byId.get(id)
  const root = u === undefined || isTerritorial(ix, u) ? u : ancestors(ix, id).find((a) => isTerritorial(ix, a))
  ix.scopeRoots.set(id, root ?? null)
  return root
}

/** Every unit in the subtree rooted at `id`, itself included, in depth-first order. */
export function subtree(ix: ModelIndex, id: string): Unit[] {
  const root = ix.byId.get(id)
  if (!root) return []
  const out: Unit[] = []
  const stack: Unit[] = [root]
  // With unique ids and no parent cycle below, nothing is met twice: the walk needs no set.
  if (ix.byId.size === ix.model.units.length) {
    while (stack.length > 0 && out.length <= ix.byId.size) {
      const u = stack.pop()!
      out.push(u)
      const kids = ix.children.get(u.id)
      if (kids !== undefined) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i])
    }
    if (out.length <= ix.byId.size) return out
    out.length = 0
    stack.length = 0
    stack.push(root)
  }
  const seen = new Set<string>()
  while (stack.length > 0) {
    const u = stack.pop()!
    if (seen.has(u.id)) continue
    seen.add(u.id)
    out.push(u)
    const kids = ix.children.get(u.id) ?? []
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i])
  }
  return out
}

/** Territorial units of `tier` inside an issuer's territory (the whole model for a root issuer). */
export function targetsInScope(ix: ModelIndex, issuerId: string, tier: Tier): Unit[] {
  const root = scopeRoot(ix, issuerId)
  let byRoot = ix.scopeTargets.get(tier)
  if (byRoot === undefined) ix.scopeTargets.set(tier, (byRoot = new Map()))
  let found = byRoot.get(root?.id ?? '')
  if (!found) {
    const pool = root ? subtree(ix, root.id) : ix.model.units
    found = pool.filter((u) => u.tier === tier && isTerritorial(ix, u))
    byRoot.set(root?.id ?? '', found)
  }
  return found
}

export function holdsPowers(u: Unit, needs: readonly string[]): boolean {
  return needs.every((p) => u.powers.includes(p))
}

/** The dispatch centre of the hotline whose territory holds `unitId` (the nearest), if any. */
export function hotlineCentre(ix: ModelIndex, unitId: string, centres: readonly string[]): string | undefined {
  if (centres.length === 0) return undefined
  const set = new Set(centres)
  const scopes = [unitId, ...ancestors(ix, unitId).map((a) => a.id)]
  for (const s of scopes) {
    const own = (ix.children.get(s) ?? []).find((c) => set.has(c.id))
    if (own) return own.id
    if (set.has(s)) return s
  }
  return centres[0]
}

/** Who takes part when a contested item reaches department `deptId` (the end of its plan). */
export interface ContestScope {
  /** Candidates in the department's territory; fewer than two means nothing is disputed there. */
  candidates: string[]
  /** Rules after the last refusal: the candidates' common superior, or the hotline centre. */
  arbiter?: string
  /** Whom the arbiter assigns: the department holding the power when it is a candidate. */
  assignee: string
  /** A named owner in scope (权责清单): takes the item with no refusal. */
  owner?: string
  /** Refusals before arbitration: the rule's maximum, or 1 when a hotline rules at the first refusal. */
  maxTransfers: number
}

export function contestScope(ix: ModelIndex, contested: Contested, deptId: string, rules: Rules, dispatched: boolean): ContestScope {
  const territory = scopeRoot(ix, deptId)?.id
  const inScope = (id: string) => scopeRoot(ix, id)?.id === territory
  const found = candidatesByTerritory(ix, contested.candidates).get(territory ?? '') ?? []
  // A dispute needs two departments to pass the item between.
  const candidates = found.length >= 2 ? found : []
  const arbiter = dispatched && rules.hotline ? hotlineCentre(ix, deptId, rules.hotline.centres) : superiorOf(ix, [...new Set([...candidates, deptId])])
  return {
    candidates,
    arbiter: arbiter ?? territory,
    assignee: candidates.includes(deptId) || candidates.length === 0 ? deptId : candidates[0],
    owner: contested.owner?.find(inScope),
    maxTransfers: dispatched ? 1 : rules.buckPassing.maxTransfers,
  }
}

/** A contest's candidates grouped by territory, in their order (built once per candidate list). */
function candidatesByTerritory(ix: ModelIndex, candidates: readonly string[]): Map<string, string[]> {
  let groups = ix.candidateGroups.get(candidates)
  if (groups === undefined) {
    groups = new Map()
    for (const id of candidates) {
      const key = scopeRoot(ix, id)?.id ?? ''
      const list = groups.get(key)
      if (list === undefined) groups.set(key, [id])
      else list.push(id)
    }
    ix.candidateGroups.set(candidates, groups)
  }
  return groups
}

/** Who arbitrates between `ids`: their nearest common ancestor, or its parent when it is one of them. */
function superiorOf(ix: ModelIndex, ids: readonly string[]): string | undefined {
  const chains = ids.map((id) => [id, ...ancestors(ix, id).map((a) => a.id)])
  const [first, ...rest] = chains
  const sets = rest.map((c) => new Set(c))
  const lca = first?.find((id) => sets.every((x) => x.has(id)))
  return lca !== undefined && ids.includes(lca) ? (ix.byId.get(lca)?.parent ?? lca) : lca
}

/** The tier a unit works at: its own, else its nearest ancestor's (a district bureau's tier). */
export function effectiveTier(ix: ModelIndex, u: Unit): Tier | undefined {
  let cur: Unit | undefined = u
  const seen = new Set<string>()
  while (cur && !seen.has(cur.id)) {
    if (cur.tier) return cur.tier
    seen.add(cur.id)
    cur = cur.parent === undefined ? undefined : ix.byId.get(cur.parent)
  }
  return undefined
}
