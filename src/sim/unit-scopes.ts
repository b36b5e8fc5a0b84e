// The unit hierarchy by index, for building relay trees: parents, territoriality and one
// depth-first order in which every subtree is a range (routing.ts subtree's order), so that a
// territory's targets are one scan and a target's relaying territories one walk up the
// parents, with no id strings, maps or lists per call. At city scale the 3,000 communities'
// own trees (one grid each) were mostly that overhead. twins.ts finds twin territories on it.
import {isTerritorial, relayTerritories} from '../model/routing.js'
import type {ModelIndex} from '../model/routing.js'
import {TIERS} from '../model/types.js'
import type {Task, Tier, Unit} from '../model/types.js'

/** A relay of a tree being built: relays below it by territory, then the targets it delivers to (unit indices). */
export interface Trie {
  /** The territory passed (a unit index; -1 at the top), and the unit relaying there. */
  territory: number
  unit: number
  kids: Trie[]
  leaves: number[]
}

export class UnitScopes {
  /** Per unit: its parent (-1: none), whether it is territorial, its domain. */
  readonly parent: Int32Array
  readonly territorial: Uint8Array
  readonly domain: (string | undefined)[] = []
  /** Units in depth-first order, each unit's place in it, and the end of its subtree there. */
  readonly order: Int32Array
  readonly place: Int32Array
  readonly end: Int32Array
  /** Children of unit u: kids[first[u]] .. kids[first[u + 1] - 1], in model order. */
  private readonly first: Int32Array
  private readonly kids: Int32Array
  /** Per territory (once asked): its first department of each domain (relayUnit). */
  private readonly lines = new Map<number, Map<string, number>>()
  /** Per territory: the build (territoryTrie) that last made it a node, and that node's place in `nodes`. */
  private readonly mark: Int32Array
  private readonly markNode: Int32Array
  private readonly nodes: Trie[] = []
  private built = 0

  private constructor(
    private readonly ix: ModelIndex,
    parent: Int32Array,
    /** Per unit: its tier's index in TIERS (-1: none), compile.ts's unitTier. */
    private readonly tier: Int8Array,
  ) {
    const n = parent.length
    this.parent = parent
    this.territorial = new Uint8Array(n)
    // Units differ in shape (optional fields): read once here, so later loops read arrays only.
    for (let i = 0; i < n; i++) {
      const u = ix.model.units[i]
      this.territorial[i] = isTerritorial(ix, u) ? 1 : 0
      this.domain.push(u.domain)
    }
    // Children in model order (routing.ts indexModel's), as ranges of one array.
    const first = new Int32Array(n + 1)
    for (let i = 0; i < n; i++) if (parent[i] >= 0) first[parent[i] + 1]++
    for (let i = 0; i < n; i++) first[i + 1] += first[i]
    const kids = new Int32Array(first[n])
    const fill = first.slice(0, n)
    for (let i = 0; i < n; i++) if (parent[i] >= 0) kids[fill[parent[i]]++] = i
    this.first = first
    this.kids = kids
    this.order = new Int32Array(n)
    this.place = new Int32Array(n).fill(-1)
    this.end = new Int32Array(n)
    const stack = new Int32Array(n)
    let at = 0
    for (let r = 0; r < n; r++) {
      if (parent[r] >= 0) continue
      let top = 0
      stack[top++] = r
      while (top > 0) {
        const u = stack[--top]
        this.place[u] = at
        this.order[at++] = u
        for (let k = first[u + 1] - 1; k >= first[u]; k--) stack[top++] = kids[k]
      }
    }
    // Subtree ends, children before parents: a unit's subtree ends where its last descendant's does.
    for (let k = n - 1; k >= 0; k--) {
      const u = this.order[k]
      if (this.end[u] === 0) this.end[u] = k + 1
      const p = parent[u]
      if (p >= 0 && this.end[p] < this.end[u]) this.end[p] = this.end[u]
    }
    this.mark = new Int32Array(n)
    this.markNode = new Int32Array(n)
  }

  /**
   * The hierarchy of a model whose ids are unique, whose parents exist and which has no parent
   * cycle (what loading checks); undefined otherwise, for routing.ts's walks to handle.
   */
  static of(ix: ModelIndex, unitIndex: Map<string, number>, unitTier: Int8Array): UnitScopes | undefined {
    const units = ix.model.units
    if (unitIndex.size !== units.length) return undefined
    const parent = new Int32Array(units.length)
    for (let i = 0; i < units.length; i++) {
      const p = units[i].parent
      parent[i] = p === undefined ? -1 : (unitIndex.get(p) ?? -2)
      if (parent[i] === -2 || parent[i] === i) return undefined
    }
    const s = new UnitScopes(ix, parent, unitTier)
    // A unit in a parent cycle is reached from no root.
    return s.place.includes(-1) ? undefined : s
  }

  /** The territory unit `u` acts in: itself if territorial, else its nearest territorial ancestor (-1: none). */
  scopeRoot(u: number): number {
    while (u >= 0 && this.territorial[u] === 0) u = this.parent[u]
    return u
  }

  /** routing.ts relayUnitAt by index: territory t's first non-territorial child of `domain`, else t itself. */
  relayUnit(t: number, domain: string): number {
    let lines = this.lines.get(t)
    if (lines === undefined) {
      this.lines.set(t, (lines = new Map()))
      for (let k = this.first[t]; k < this.first[t + 1]; k++) {
        const c = this.kids[k]
        const d = this.domain[c]
        if (d !== undefined && this.territorial[c] === 0 && !lines.has(d)) lines.set(d, c)
      }
    }
    return lines.get(domain) ?? t
  }

  /**
   * What routing.ts relayTerritories gives an issuer of scope `root`, merged into a trie
   * (routes.ts emits it): the territorial units of tier `target` in root's subtree in depth-first
   * order (all units in model order without a root), each under the territories between
   * `root` and it unless `direct` (inspections); `relay` names the unit relaying at one.
   */
  territoryTrie(root: number, target: Tier, direct: boolean, relay: (territory: number) => number): Trie {
    const top: Trie = {territory: -1, unit: -1, kids: [], leaves: []}
    const units = this.ix.model.units
    const from = root < 0 ? 0 : this.place[root]
    const to = root < 0 ? units.length : this.end[root]
    const tier = TIERS.indexOf(target)
    const stamp = ++this.built
    const nodes = this.nodes
    nodes.length = 0
    const path: number[] = []
    for (let k = from; k < to; k++) {
      const t = root < 0 ? k : this.order[k]
      if (this.territorial[t] === 0 || (tier >= 0 ? this.tier[t] !== tier : units[t].tier !== target)) continue
      let last = top
      if (!direct && t !== root) {
        path.length = 0
        for (let a = this.parent[t]; a >= 0 && a !== root; a = this.parent[a]) if (this.territorial[a] === 1) path.push(a)
        for (let j = path.length - 1; j >= 0; j--) {
          const a = path[j]
          if (this.mark[a] !== stamp) {
            this.mark[a] = stamp
            this.markNode[a] = nodes.push({territory: a, unit: relay(a), kids: [], leaves: []}) - 1
            last.kids.push(nodes[this.markNode[a]])
          }
          last = nodes[this.markNode[a]]
        }
      }
      last.leaves.push(t)
    }
    return top
  }
}

/**
 * The trie of routing.ts relayTerritories itself, for a model UnitScopes does not take (ids
 * not unique, a parent cycle): slower, and exact whatever the hierarchy. `unit` gives an id's
 * index; `relay` names the unit relaying at a territory.
 */
export function chainTrie(ix: ModelIndex, task: Task, issuer: string, unit: (id: string) => number, relay: (territory: number) => number): Trie {
  const top: Trie = {territory: -1, unit: -1, kids: [], leaves: []}
  const kidOf = new Map<Trie, Map<number, Trie>>()
  const {targets, chains} = relayTerritories(ix, task, issuer)
  // The targets of one parent share one chain of territories: walk it once for all of them.
  let lastChain: readonly Unit[] | undefined
  let last = top
  for (let k = 0; k < targets.length; k++) {
    if (chains[k] !== lastChain) {
      last = top
      for (const a of chains[k]) {
        const territory = unit(a.id)
        let kids = kidOf.get(last)
        if (kids === undefined) kidOf.set(last, (kids = new Map()))
        let next = kids.get(territory)
        if (!next) {
          kids.set(territory, (next = {territory, unit: relay(territory), kids: [], leaves: []}))
          last.kids.push(next)
        }
        last = next
      }
      lastChain = chains[k]
    }
    last.leaves.push(unit(targets[k].id))
  }
  return top
}
