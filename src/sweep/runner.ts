// One work unit (a cell and a replication) from start to rows: build the cell's model, compile
// it, run the replication on its common seed, and measure. The last few compiled cells are
// kept, since consecutive units mostly share a cell. Used in the calling thread and by workers.
import type {Model} from '../model/types.js'
import {selectIndices, unitIndex} from '../model/selector.js'
import {compileModel, replicationSeed, runCompiled} from '../sim/index.js'
import type {Compiled} from '../sim/index.js'
import {cellModel} from './apply.js'
import type {CellInput} from './apply.js'
import {measure, prepareMeasure} from './metrics.js'
import type {CellMeasure, MeasuredRows} from './metrics.js'
import type {SweepPlan} from './plan.js'

export interface RunContext {
  plan: SweepPlan
  cell: CellInput
}

export interface UnitResult extends MeasuredRows {
  /** The work unit: cell × replications + replication. */
  k: number
  seed: number
}

const KEEP = 2

export function createUnitRunner(ctx: RunContext): (k: number) => UnitResult {
  const {plan} = ctx
  const cache = new Map<number, {compiled: Compiled; measure: CellMeasure}>()
  const prepare = (cell: number) => {
    let hit = cache.get(cell)
    if (hit) return hit
    const {model} = cellModel(ctx.cell, plan.cells[cell])
    hit = {compiled: compileModel(model), measure: prepareMeasure(model, plan.metrics, rowUnits(model, plan))}
    if (cache.size >= KEEP) cache.delete(cache.keys().next().value!)
    cache.set(cell, hit)
    return hit
  }
  return (k) => {
    const cell = Math.floor(k / plan.replications)
    const r = k % plan.replications
    const {compiled, measure: m} = prepare(cell)
    const seed = replicationSeed(plan.seed, r)
    const run = runCompiled(compiled, {seed, horizon: plan.horizon, warmup: plan.warmup})
    return {k, seed, ...measure(run, m)}
  }
}

function rowUnits(model: Model, plan: SweepPlan): Set<string> | undefined {
  if (plan.units === undefined || !plan.metrics.some((m) => m.startsWith('unit.'))) return undefined
  return new Set(selectIndices(unitIndex(model.units), plan.units).map((i) => model.units[i].id))
}
