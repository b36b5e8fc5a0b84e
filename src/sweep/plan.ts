// The plan of a sweep: everything that decides its results (factors, design, cells, seeds,
// window, metrics), as plain data. It travels inside every output file, so that shards can be
// checked against each other and merged without the model, and the design's points can be
// rebuilt for the sensitivity analysis.
import type {Selector} from '../model/selector.js'
import {gridCells} from './designs/grid.js'
import {latinHypercube} from './designs/lhs.js'
import {morrisTrajectories} from './designs/morris.js'
import {saltelliPoints} from './designs/sobol.js'
import {seededRng} from './random.js'
import type {DesignName} from './schema.js'
import {atUnit, linspace} from './values.js'
import type {FactorValue} from './values.js'

export const PLAN_FORMAT = 1
export const DEFAULT_SAMPLES: Record<Exclude<DesignName, 'grid'>, number> = {lhs: 20, morris: 10, sobol: 64}
export const DEFAULT_LEVELS = 4

export interface PlanFactor {
  id: string
  name: string
  path: string
  select?: Selector
  mode: 'set' | 'scale'
  /** Values in the model's units (hours, per hour), when given as a list. */
  values?: FactorValue[]
  /** A range in the model's units; `steps` spaces a grid evenly. */
  range?: {from: number; to: number; steps?: number}
}

export interface SweepPlan {
  format: typeof PLAN_FORMAT
  id: string
  name: string
  /** The base model or scenario as written in the sweep file. */
  base: string
  design: DesignName
  /** lhs points, morris trajectories or sobol base samples (not for grid). */
  samples?: number
  /** morris grid levels. */
  levels?: number
  bootstrap: number
  seed: number
  replications: number
  horizon: number
  warmup: number
  metrics: string[]
  /** Units that get rows of their own for `unit.*` metrics (default: all). */
  units?: Selector
  factors: PlanFactor[]
  /** Factor values per cell, in cell order. */
  cells: FactorValue[][]
}

/** The values a grid takes for one factor. */
export function gridValues(f: PlanFactor): FactorValue[] {
  if (f.values) return f.values
  return linspace(f.range!.from, f.range!.to, f.range!.steps!)
}

/** The design's points in the unit cube (lhs, morris, sobol), rebuilt from the seed. */
export function designPoints(p: Pick<SweepPlan, 'design' | 'samples' | 'levels' | 'seed' | 'factors'>): number[][] | undefined {
  const k = p.factors.length
  const rng = seededRng(p.seed, `sweep-design:${p.design}`)
  switch (p.design) {
    case 'grid':
      return undefined
    case 'lhs':
      return latinHypercube(p.samples ?? DEFAULT_SAMPLES.lhs, k, rng)
    case 'morris':
      return morrisTrajectories(k, p.samples ?? DEFAULT_SAMPLES.morris, p.levels ?? DEFAULT_LEVELS, rng)
    case 'sobol':
      return saltelliPoints(p.samples ?? DEFAULT_SAMPLES.sobol, k, rng)
  }
}

/** Every cell's factor values, in cell order. */
export function designCells(p: Pick<SweepPlan, 'design' | 'samples' | 'levels' | 'seed' | 'factors'>): FactorValue[][] {
  const points = designPoints(p)
  if (!points) return gridCells(p.factors.map(gridValues))
  return points.map((x) => x.map((xi, j) => atUnit(xi, p.factors[j])))
}

/** Work units are (cell, replication) pairs numbered cell-major: k = cell × replications + r. */
export function workUnits(p: Pick<SweepPlan, 'cells' | 'replications'>): number {
  return p.cells.length * p.replications
}
