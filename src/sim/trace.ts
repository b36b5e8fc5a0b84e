// Lifecycle events for event logs (SimOptions.trace). The engine calls in here only when a
// sink is set, so an untraced run pays one null check per hook. Item ids of a task instance
// are its first id plus the leaf's ordinal in the instance's relay tree, so relays can carry
// one number for every item below them.
import type {TraceActivity, TraceSink} from './api.js'
import type {Compiled} from './compile.js'
import type {Engine} from './engine.js'
import {J_BIRTH, J_SRC, JI_SHIFT, JF_SHIFT} from './jobs.js'

export class Tracer {
  /** Ordinal of each leaf node within its tree (tree order: depth first, as routed). */
  readonly leafOrd: Int32Array
  private readonly sourceIds: string[]
  nextInstance = 0
  nextItem = 0
  /** The instance being routed and its first item id; set before routing reaches a node. */
  inst = -1
  base = 0
  /** The item id the next work plan or inspector job belongs to. */
  item = -1

  constructor(
    private readonly c: Compiled,
    private readonly sink: TraceSink,
  ) {
    const r = c.routes
    this.leafOrd = new Int32Array(r.nodeUnit.length).fill(-1)
    for (let t = 0; t < r.treeIssuer.length; t++) {
      let k = 0
      const visit = (n: number): void => {
        if (r.nodeLeaf[n] === 1) this.leafOrd[n] = k++
        else for (let i = r.nodeChildStart[n]; i < r.nodeChildEnd[n]; i++) visit(r.children[i])
      }
      for (let i = r.treeRootStart[t]; i < r.treeRootEnd[t]; i++) visit(r.roots[i])
    }
    this.sourceIds = [...c.model.tasks.map((t) => t.id), ...c.model.demand.map((d) => d.id)]
  }

  emit(time: number, activity: TraceActivity, item: number, instance: number, unit: number, source: number): void {
    this.sink({time, activity, item, instance, unit: this.c.unitIds[unit], source: this.sourceIds[source]})
  }

  /** A new instance of tree `tree`: ids for it and its items; `issued` per item if traced. */
  newInstance(time: number, tree: number, source: number, traced: boolean): void {
    const r = this.c.routes
    this.inst = this.nextInstance++
    this.base = this.nextItem
    this.nextItem += r.treeItems[tree]
    if (!traced) return
    for (let k = 0; k < r.treeItems[tree]; k++) this.emit(time, 'issued', this.base + k, this.inst, r.treeIssuer[tree], source)
  }

  /** A new resident request at `unit`: its id, `issued` if traced. */
  newRequest(time: number, unit: number, source: number, traced: boolean): void {
    this.inst = -1
    this.item = this.nextItem++
    if (traced) this.emit(time, 'issued', this.item, -1, unit, source)
  }

  /** One event per item at or below route node n of the current instance. */
  below(time: number, activity: TraceActivity, n: number, unit: number, source: number): void {
    const r = this.c.routes
    if (r.nodeLeaf[n] === 1) {
      this.emit(time, activity, this.base + this.leafOrd[n], this.inst, unit, source)
      return
    }
    for (let i = r.nodeChildStart[n]; i < r.nodeChildEnd[n]; i++) this.below(time, activity, r.children[i], unit, source)
  }
}

/** A stage event of job j's item, if the item is traced. */
export function traceStage(e: Engine, j: number, activity: TraceActivity, unit: number): void {
  const jobs = e.jobs
  if (jobs.f[(j << JF_SHIFT) + J_BIRTH] >= e.warmup) e.tracer!.emit(e.now, activity, jobs.item[j], jobs.inst[j], unit, jobs.i[(j << JI_SHIFT) + J_SRC])
}
