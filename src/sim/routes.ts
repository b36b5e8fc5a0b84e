// Relay trees: where one issuer's instance of a task goes, from routing.ts's deliveries,
// merged into a tree so that a relay forwards an instance once and then fans out. Trees are
// flat arrays; trees with the same issuer and routing are shared between tasks. Issuers of one
// territory differ only in the units relaying at each territory passed (relayUnitAt, by their
// domain), so the first tree of a territory is copied for the others with those units replaced.
// Trees are built by unit index (unit-scopes.ts) unless the model's hierarchy is irregular.
import {deliveries, relayUnitAt, scopeRoot} from '../model/routing.js'
import type {ModelIndex} from '../model/routing.js'
import type {Task, Tier, Unit} from '../model/types.js'
import {IntList} from './int-list.js'
import {chainTrie} from './unit-scopes.js'
import type {Trie, UnitScopes} from './unit-scopes.js'

export interface RouteTables {
  /** Per tree: issuer unit, root nodes [rootStart, rootEnd) in `roots`, items (leaves). */
  treeIssuer: Int32Array
  treeRootStart: Int32Array
  treeRootEnd: Int32Array
  treeItems: Int32Array
  roots: Int32Array
  /** Per node: unit, leaf flag, children [childStart, childEnd) in `children`, leaves below. */
  nodeUnit: Int32Array
  nodeLeaf: Uint8Array
  nodeChildStart: Int32Array
  nodeChildEnd: Int32Array
  nodeItems: Int32Array
  /** Relays passed from the issuer down to this node, this node excluded. */
  nodeDepth: Int32Array
  children: Int32Array
}

/** A tree as emitted first for its (routing, issuer territory): its nodes, children and roots, to copy. */
interface Shape {
  tree: number
  node0: number
  nodes: number
  child0: number
  children: number
  root0: number
  roots: number
  items: number
  /** Its relays: node (from node0) and territory, in pairs. */
  relays: Int32Array
}

const NO_RELAYS = new Int32Array(0)

/** The trees of one routing (kind, target tier, executors), by issuer index (-1: not built yet), and their shapes by issuer territory. */
interface Routing {
  trees: Int32Array
  shapes: Map<Unit | number | undefined, Shape>
  /** The task's target tier, whether it goes straight to the targets (inspections), whether it names executors. */
  target: Tier
  direct: boolean
  executors: boolean
}

export class RouteBuilder {
  private readonly routings = new Map<string, Routing>()
  private readonly routingOf = new WeakMap<Task, Routing>()
  /** Per tree: the first tree of its shape (the same leaves in the same order). */
  private readonly shapeTree: number[] = []
  /** Per issuer domain: the unit relaying at each territory (unit indices, -1: not yet known). */
  private readonly relayUnits = new Map<string, Int32Array>()
  private readonly tIssuer: number[] = []
  private readonly tRootStart: number[] = []
  private readonly tRootEnd: number[] = []
  private readonly tItems: number[] = []
  private readonly rootList: IntList
  private readonly nUnit: IntList
  private readonly nLeaf: IntList
  private readonly nChildStart: IntList
  private readonly nChildEnd: IntList
  private readonly nItems: IntList
  private readonly nDepth: IntList
  private readonly childList: IntList
  /** The relays emitted since the last shape was started: node and territory, in pairs. */
  private readonly emittedRelays: number[] = []

  constructor(
    private readonly ix: ModelIndex,
    private readonly unitIndex: Map<string, number>,
    /** The hierarchy by index, unless the model is irregular (UnitScopes.of). */
    private readonly scopes: UnitScopes | undefined,
  ) {
    // Sized for 16 nodes a unit (13 at city and Beijing scale), so that they rarely grow.
    const nodes = Math.max(1 << 14, 16 * ix.model.units.length)
    this.rootList = new IntList(nodes >> 1)
    this.nUnit = new IntList(nodes)
    this.nLeaf = new IntList(nodes)
    this.nChildStart = new IntList(nodes)
    this.nChildEnd = new IntList(nodes)
    this.nItems = new IntList(nodes)
    this.nDepth = new IntList(nodes)
    this.childList = new IntList(nodes)
  }

  /** The tree of `task` issued by unit `issuer` (an index), built once per distinct routing. */
  tree(task: Task, issuer: number): number {
    const routing = this.routingOf.get(task) ?? this.routingFor(task)
    const known = routing.trees[issuer]
    return known >= 0 ? known : this.newTree(task, issuer, routing)
  }

  /** A task's routing, looked up once per task (tasks differ in shape: kept out of the loop above). */
  private routingFor(task: Task): Routing {
    const key = `${task.kind === 'inspection' ? 'i' : 'r'}\u0000${task.target}\u0000${task.executors?.join('\u0001') ?? '-'}`
    let routing = this.routings.get(key)
    if (routing === undefined) {
      const trees = new Int32Array(this.ix.model.units.length).fill(-1)
      this.routings.set(key, (routing = {trees, shapes: new Map(), target: task.target, direct: task.kind === 'inspection', executors: task.executors !== undefined}))
    }
    this.routingOf.set(task, routing)
    return routing
  }

  /** A tree not built yet: a copy of its shape's first when there is one. */
  private newTree(task: Task, issuer: number, routing: Routing): number {
    const id = this.tIssuer.length
    const domain = this.scopes === undefined ? this.ix.model.units[issuer].domain : this.scopes.domain[issuer]
    this.tIssuer.push(issuer)
    this.tRootStart.push(this.rootList.length)
    let items = 0
    if (routing.executors) {
      const top: Trie = {territory: -1, unit: -1, kids: [], leaves: []}
      for (const d of deliveries(this.ix, task, this.ix.model.units[issuer].id)) top.leaves.push(this.unit(d.target))
      items = this.emitRoots(top)
      this.shapeTree.push(id)
    } else {
      // Without executors the routing key names just (inspection or not, target tier).
      const root = this.scopes === undefined ? scopeRoot(this.ix, this.ix.model.units[issuer].id) : this.scopes.scopeRoot(issuer)
      const shape = routing.shapes.get(root)
      if (shape !== undefined) {
        this.copy(shape, domain)
        items = shape.items
        this.shapeTree.push(shape.tree)
      } else {
        const node0 = this.nUnit.length
        const child0 = this.childList.length
        const root0 = this.rootList.length
        this.emittedRelays.length = 0
        const relay = (t: number) => this.relayUnit(t, domain)
        const trie = typeof root === 'number' ? this.scopes!.territoryTrie(root, routing.target, routing.direct, relay) : chainTrie(this.ix, task, this.ix.model.units[issuer].id, (id) => this.unit(id), relay)
        items = this.emitRoots(trie)
        const relays = this.emittedRelays.length === 0 ? NO_RELAYS : Int32Array.from(this.emittedRelays)
        for (let k = 0; k < relays.length; k += 2) relays[k] -= node0
        routing.shapes.set(root, {tree: id, node0, nodes: this.nUnit.length - node0, child0, children: this.childList.length - child0, root0, roots: this.rootList.length - root0, items, relays})
        this.shapeTree.push(id)
      }
    }
    this.tRootEnd.push(this.rootList.length)
    this.tItems.push(items)
    routing.trees[issuer] = id
    return id
  }

  /** The first tree with the same leaves as `tree`, in the same order (its shape's first). */
  sameLeaves(tree: number): number {
    return this.shapeTree[tree]
  }

  /** The nodes, children and roots of `s` appended again, relays replaced by those of `domain`. */
  private copy(s: Shape, domain: string | undefined): void {
    const dn = this.nUnit.length - s.node0
    const dc = this.childList.length - s.child0
    const n0 = this.nUnit.append(s.node0, s.nodes)
    this.nLeaf.append(s.node0, s.nodes)
    this.nDepth.append(s.node0, s.nodes)
    this.nItems.append(s.node0, s.nodes)
    this.nChildStart.append(s.node0, s.nodes)
    this.nChildEnd.append(s.node0, s.nodes)
    // Relays get the domain's relaying unit and their children's new place.
    const at = domain === undefined ? undefined : this.relaysOf(domain)
    for (let k = 0; k < s.relays.length; k += 2) {
      const node = n0 + s.relays[k]
      const t = s.relays[k + 1]
      this.nUnit.set(node, at === undefined ? t : at[t] >= 0 ? at[t] : this.relayUnit(t, domain))
      this.nChildStart.set(node, this.nChildStart.at(node) + dc)
      this.nChildEnd.set(node, this.nChildEnd.at(node) + dc)
    }
    const c0 = this.childList.append(s.child0, s.children)
    for (let c = c0; c < c0 + s.children; c++) this.childList.set(c, this.childList.at(c) + dn)
    for (let r = 0; r < s.roots; r++) this.rootList.push(this.rootList.at(s.root0 + r) + dn)
  }

  /** Per territory, the unit relaying there for an issuer of `domain` (-1: not yet known). */
  private relaysOf(domain: string): Int32Array {
    let at = this.relayUnits.get(domain)
    if (at === undefined) this.relayUnits.set(domain, (at = new Int32Array(this.ix.model.units.length).fill(-1)))
    return at
  }

  /** The unit relaying at territory `t` (an index) for an issuer of `domain`: routing.ts relayUnitAt. */
  private relayUnit(t: number, domain: string | undefined): number {
    if (domain === undefined) return t
    const at = this.relaysOf(domain)
    if (at[t] < 0) at[t] = this.scopes !== undefined ? this.scopes.relayUnit(t, domain) : this.unit(relayUnitAt(this.ix, this.ix.model.units[t], domain).id)
    return at[t]
  }

  private unit(id: string): number {
    const i = this.unitIndex.get(id)
    if (i === undefined) throw new Error(`sim/routes: unknown unit ${id}`)
    return i
  }

  /** Emits a trie's nodes and appends its top ones to the roots; returns the items (leaves) below them. */
  private emitRoots(top: Trie): number {
    let items = 0
    for (const k of this.emitChildren(top, 0)) {
      this.rootList.push(k)
      items += this.nItems.at(k)
    }
    return items
  }

  /** Emits the children of a trie node (relays first, then leaves); returns their node ids. */
  private emitChildren(t: Trie, depth: number): number[] {
    const ids: number[] = []
    for (const k of t.kids) ids.push(this.emitRelay(k, depth))
    for (const unit of t.leaves) ids.push(this.emitNode(unit, -1, depth, 1))
    return ids
  }

  private emitNode(unit: number, territory: number, depth: number, items: number): number {
    const id = this.nUnit.length
    this.nUnit.push(unit)
    this.nLeaf.push(territory < 0 ? 1 : 0)
    this.nDepth.push(depth)
    this.nChildStart.push(0)
    this.nChildEnd.push(0)
    this.nItems.push(items)
    if (territory >= 0) this.emittedRelays.push(id, territory)
    return id
  }

  private emitRelay(t: Trie, depth: number): number {
    const id = this.emitNode(t.unit, t.territory, depth, 0)
    const kids = this.emitChildren(t, depth + 1)
    this.nChildStart.set(id, this.childList.length)
    let items = 0
    for (const k of kids) {
      this.childList.push(k)
      items += this.nItems.at(k)
    }
    this.nChildEnd.set(id, this.childList.length)
    this.nItems.set(id, items)
    return id
  }

  freeze(): RouteTables {
    return {
      treeIssuer: Int32Array.from(this.tIssuer),
      treeRootStart: Int32Array.from(this.tRootStart),
      treeRootEnd: Int32Array.from(this.tRootEnd),
      treeItems: Int32Array.from(this.tItems),
      roots: this.rootList.toInt32Array(),
      nodeUnit: this.nUnit.toInt32Array(),
      nodeLeaf: Uint8Array.from(this.nLeaf.toInt32Array()),
      nodeChildStart: this.nChildStart.toInt32Array(),
      nodeChildEnd: this.nChildEnd.toInt32Array(),
      nodeItems: this.nItems.toInt32Array(),
      nodeDepth: this.nDepth.toInt32Array(),
      children: this.childList.toInt32Array(),
    }
  }
}

/** The units of a tree's leaves, in the order plan slots are first wanted from them. */
export function treeLeaves(r: RouteTables, tree: number): Int32Array {
  const out = new Int32Array(r.treeItems[tree])
  let n = 0
  const stack: number[] = []
  for (let i = r.treeRootStart[tree]; i < r.treeRootEnd[tree]; i++) stack.push(r.roots[i])
  while (stack.length > 0) {
    const node = stack.pop()!
    if (r.nodeLeaf[node] === 1) out[n++] = r.nodeUnit[node]
    else for (let c = r.nodeChildStart[node]; c < r.nodeChildEnd[node]; c++) stack.push(r.children[c])
  }
  return out
}
