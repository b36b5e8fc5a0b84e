// Relay trees: where one issuer's instance of a task goes, from routing.ts's deliveries,
// merged into a tree so that a relay forwards an instance once and then fans out. Trees are
// flat arrays; trees with the same issuer and routing are shared between tasks.
import {deliveries} from '../model/routing.js'
import type {ModelIndex} from '../model/routing.js'
import type {Task} from '../model/types.js'

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

interface Trie {
  unit: number
  leaf: boolean
  kids: Map<string, Trie>
  leaves: Trie[]
}

export class RouteBuilder {
  private readonly cache = new Map<string, number>()
  private readonly tIssuer: number[] = []
  private readonly tRootStart: number[] = []
  private readonly tRootEnd: number[] = []
  private readonly tItems: number[] = []
  private readonly rootList: number[] = []
  private readonly nUnit: number[] = []
  private readonly nLeaf: number[] = []
  private readonly nChildStart: number[] = []
  private readonly nChildEnd: number[] = []
  private readonly nItems: number[] = []
  private readonly nDepth: number[] = []
  private readonly childList: number[] = []

  constructor(
    private readonly ix: ModelIndex,
    private readonly unitIndex: Map<string, number>,
  ) {}

  /** The tree of `task` issued by `issuer` (an id), built once per distinct routing. */
  tree(task: Task, issuer: string): number {
    const key = `${issuer}\u0000${task.kind === 'inspection' ? 'i' : 'r'}\u0000${task.target}\u0000${task.executors?.join('\u0001') ?? '-'}`
    const known = this.cache.get(key)
    if (known !== undefined) return known
    const top: Trie = {unit: -1, leaf: false, kids: new Map(), leaves: []}
    for (const d of deliveries(this.ix, task, issuer)) {
      let cur = top
      for (const r of d.relays) {
        let next = cur.kids.get(r)
        if (!next) cur.kids.set(r, (next = {unit: this.unit(r), leaf: false, kids: new Map(), leaves: []}))
        cur = next
      }
      cur.leaves.push({unit: this.unit(d.target), leaf: true, kids: new Map(), leaves: []})
    }
    const id = this.tIssuer.length
    const rootIds = this.emitChildren(top, 0)
    this.tIssuer.push(this.unit(issuer))
    this.tRootStart.push(this.rootList.length)
    for (const r of rootIds) this.rootList.push(r)
    this.tRootEnd.push(this.rootList.length)
    this.tItems.push(rootIds.reduce((s, r) => s + this.nItems[r], 0))
    this.cache.set(key, id)
    return id
  }

  private unit(id: string): number {
    const i = this.unitIndex.get(id)
    if (i === undefined) throw new Error(`sim/routes: unknown unit ${id}`)
    return i
  }

  /** Emits the children of a trie node (relays first, then leaves); returns their node ids. */
  private emitChildren(t: Trie, depth: number): number[] {
    const ids: number[] = []
    for (const k of t.kids.values()) ids.push(this.emitNode(k, depth))
    for (const l of t.leaves) ids.push(this.emitNode(l, depth))
    return ids
  }

  private emitNode(t: Trie, depth: number): number {
    const id = this.nUnit.length
    this.nUnit.push(t.unit)
    this.nLeaf.push(t.leaf ? 1 : 0)
    this.nDepth.push(depth)
    this.nChildStart.push(0)
    this.nChildEnd.push(0)
    this.nItems.push(t.leaf ? 1 : 0)
    if (t.leaf) return id
    const kids = this.emitChildren(t, depth + 1)
    this.nChildStart[id] = this.childList.length
    for (const k of kids) this.childList.push(k)
    this.nChildEnd[id] = this.childList.length
    this.nItems[id] = kids.reduce((s, k) => s + this.nItems[k], 0)
    return id
  }

  freeze(): RouteTables {
    return {
      treeIssuer: Int32Array.from(this.tIssuer),
      treeRootStart: Int32Array.from(this.tRootStart),
      treeRootEnd: Int32Array.from(this.tRootEnd),
      treeItems: Int32Array.from(this.tItems),
      roots: Int32Array.from(this.rootList),
      nodeUnit: Int32Array.from(this.nUnit),
      nodeLeaf: Uint8Array.from(this.nLeaf),
      nodeChildStart: Int32Array.from(this.nChildStart),
      nodeChildEnd: Int32Array.from(this.nChildEnd),
      nodeItems: Int32Array.from(this.nItems),
      nodeDepth: Int32Array.from(this.nDepth),
      children: Int32Array.from(this.childList),
    }
  }
}
