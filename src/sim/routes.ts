// Relay trees: where one issuer's instance of a task goes, from routing.ts's deliveries,
// merged into a tree so that a relay forwards an instance once and then fans out. Trees are
// flat arrays; trees with the same issuer and routing are shared between tasks.
import {deliveries, deliveryRoutes} from '../model/routing.js'
import type {ModelIndex} from '../model/routing.js'
import type {Task, Unit} from '../model/types.js'
import {IntList} from './int-list.js'

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

/** A relay of the tree being built: relays below it by id, then the targets it delivers to (unit indices). */
interface Trie {
  unit: number
  kids: Map<string, Trie>
  leaves: number[]
}

export class RouteBuilder {
  /** Trees by routing (kind, target tier, executors: routingKeys' key per task) and issuer id. */
  private readonly cache = new Map<string, Map<string, number>>()
  private readonly routingKeys = new WeakMap<Task, string>()
  private readonly targetIndices = new Map<readonly Unit[], Int32Array>()
  private readonly tIssuer: number[] = []
  private readonly tRootStart: number[] = []
  private readonly tRootEnd: number[] = []
  private readonly tItems: number[] = []
  private readonly rootList = new IntList()
  private readonly nUnit = new IntList(1 << 14)
  private readonly nLeaf = new IntList(1 << 14)
  private readonly nChildStart = new IntList(1 << 14)
  private readonly nChildEnd = new IntList(1 << 14)
  private readonly nItems = new IntList(1 << 14)
  private readonly nDepth = new IntList(1 << 14)
  private readonly childList = new IntList(1 << 14)

  constructor(
    private readonly ix: ModelIndex,
    private readonly unitIndex: Map<string, number>,
  ) {}

  /** The tree of `task` issued by `issuer` (an id), built once per distinct routing. */
  tree(task: Task, issuer: string): number {
    let routing = this.routingKeys.get(task)
    if (routing === undefined) this.routingKeys.set(task, (routing = `${task.kind === 'inspection' ? 'i' : 'r'}\u0000${task.target}\u0000${task.executors?.join('\u0001') ?? '-'}`))
    let byIssuer = this.cache.get(routing)
    if (byIssuer === undefined) this.cache.set(routing, (byIssuer = new Map()))
    const known = byIssuer.get(issuer)
    if (known !== undefined) return known
    const top: Trie = {unit: -1, kids: new Map(), leaves: []}
    if (task.executors) {
      for (const d of deliveries(this.ix, task, issuer)) top.leaves.push(this.unit(d.target))
    } else {
      const {targets, relays} = deliveryRoutes(this.ix, task, issuer)
      const units = this.indices(targets)
      // The targets of one parent share one relay list: walk it once for all of them.
      let lastRelays: readonly string[] | undefined
      let last = top
      for (let k = 0; k < units.length; k++) {
        if (relays[k] !== lastRelays) {
          last = top
          for (const r of relays[k]) {
            let next = last.kids.get(r)
            if (!next) last.kids.set(r, (next = {unit: this.unit(r), kids: new Map(), leaves: []}))
            last = next
          }
          lastRelays = relays[k]
        }
        last.leaves.push(units[k])
      }
    }
    const id = this.tIssuer.length
    const rootIds = this.emitChildren(top, 0)
    this.tIssuer.push(this.unit(issuer))
    this.tRootStart.push(this.rootList.length)
    for (const r of rootIds) this.rootList.push(r)
    this.tRootEnd.push(this.rootList.length)
    this.tItems.push(rootIds.reduce((s, r) => s + this.nItems.at(r), 0))
    byIssuer.set(issuer, id)
    return id
  }

  /** The unit indices of a target list (targetsInScope's lists are shared, so this is too). */
  private indices(targets: readonly Unit[]): Int32Array {
    let known = this.targetIndices.get(targets)
    if (known === undefined) this.targetIndices.set(targets, (known = Int32Array.from(targets, (t) => this.unit(t.id))))
    return known
  }

  private unit(id: string): number {
    const i = this.unitIndex.get(id)
    if (i === undefined) throw new Error(`sim/routes: unknown unit ${id}`)
    return i
  }

  /** Emits the children of a trie node (relays first, then leaves); returns their node ids. */
  private emitChildren(t: Trie, depth: number): number[] {
    const ids: number[] = []
    for (const k of t.kids.values()) ids.push(this.emitRelay(k, depth))
    for (const unit of t.leaves) ids.push(this.emitNode(unit, 1, depth, 1))
    return ids
  }

  private emitNode(unit: number, leaf: number, depth: number, items: number): number {
    const id = this.nUnit.length
    this.nUnit.push(unit)
    this.nLeaf.push(leaf)
    this.nDepth.push(depth)
    this.nChildStart.push(0)
    this.nChildEnd.push(0)
    this.nItems.push(items)
    return id
  }

  private emitRelay(t: Trie, depth: number): number {
    const id = this.emitNode(t.unit, 0, depth, 0)
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
