// From a parsed sweep file and its loaded base to a plan: every factor's path resolved, every
// value read in the model's units, the design's cells built, and every cell's model built
// once, so that anything that cannot run is a located problem before anything runs. Pure:
// the caller passes the base and a function that locates a path in the sweep file.
import type {Problem} from '../model/problems.js'
import {selectIndices, unitIndex} from '../model/selector.js'
import type {SourceLocation} from '../model/types.js'
import {ReformError} from '../reforms/index.js'
import type {AppliedFactor, CellInput} from './apply.js'
import {cellModel} from './apply.js'
import {morrisDelta} from './designs/morris.js'
import {DEFAULT_LEVELS, DEFAULT_SAMPLES, PLAN_FORMAT, designCells, gridValues} from './plan.js'
import type {PlanFactor, SweepPlan} from './plan.js'
import {DEFAULT_SWEEP_METRICS, knownMetricIds, sweepMetric} from './metrics.js'
import type {DesignName, FactorInput, SweepFileInput} from './schema.js'
import {resolveTarget} from './targets.js'
import type {BaseContext} from './targets.js'
import {describeKind, readScale, readValue} from './values.js'
import type {FactorValue, Read} from './values.js'

export type JsPath = ReadonlyArray<string | number>
export type Locate = (path: JsPath) => SourceLocation

export const MAX_CELLS = 1_000_000
const MAX_CELL_PROBLEMS = 20

/** What the command line may override. */
export interface SweepOverrides {
  design?: DesignName
  samples?: number
  levels?: number
  seed?: number
  replications?: number
  horizon?: number
  warmup?: number
  metrics?: string[]
}

export interface CheckedSweep {
  plan: SweepPlan
  /** What a run needs besides the plan: the base and where each factor writes. */
  cell: CellInput
}

export function checkSweep(input: SweepFileInput, base: BaseContext & {horizon?: number; warmup?: number}, locate: Locate, o: SweepOverrides = {}): {sweep?: CheckedSweep; problems: Problem[]} {
  const problems: Problem[] = []
  const at = (path: JsPath, message: string, hint?: string) => {
    const l = locate(path)
    problems.push({file: l.file, line: l.line, column: l.column, path: l.path, message, hint, severity: 'error'})
  }
  const design = o.design ?? input.design
  const metrics = o.metrics ?? input.metrics ?? [...DEFAULT_SWEEP_METRICS]
  if (!o.metrics) {
    metrics.forEach((id, i) => {
      if (!sweepMetric(id)) at(['metrics', i], `unknown metric \`${id}\``, `known metrics: ${knownMetricIds().join(', ')}`)
    })
  }
  const horizon = o.horizon ?? base.horizon ?? base.model.clock.hoursPerDay * base.model.clock.daysPerYear
  const warmup = o.warmup ?? base.warmup ?? 0
  if (warmup >= horizon) at([o.warmup === undefined ? 'warmup' : 'horizon'], `the warm-up (${warmup} h) must be shorter than the horizon (${horizon} h)`)
  if (input.units !== undefined && selectIndices(unitIndex(base.model.units), input.units).length === 0) {
    at(['units'], 'the selector matches no unit of the model', 'check the ids, globs and fields of `units`')
  }
  const levels = o.levels ?? input.levels ?? DEFAULT_LEVELS
  if (design === 'morris' && levels % 2 !== 0) at(['levels'], `Morris needs an even number of levels, got ${levels}`, `with p levels the step is Δ = p/(2(p−1)) = ${morrisDelta(levels).toFixed(3)}, on the grid only when p is even`)

  const reserved = new Set(['cell', 'replication', 'seed', 'metric', 'unit', 'tier', 'value'])
  const seen = new Set<string>()
  const factors: PlanFactor[] = []
  const applied: AppliedFactor[] = []
  input.factors.forEach((f, i) => {
    if (reserved.has(f.id)) at(['factors', i, 'id'], `\`${f.id}\` names a column of the tidy table`, `choose another id than ${[...reserved].join(', ')}`)
    if (seen.has(f.id)) at(['factors', i, 'id'], `two factors have the id \`${f.id}\``, 'factor ids name columns: make them unique')
    seen.add(f.id)
    const checked = checkFactor(f, i, design, base, at)
    if (checked) {
      factors.push(checked.factor)
      applied.push(checked.applied)
    }
  })
  if (problems.length > 0) return {problems}

  const count = design === 'grid' ? factors.reduce((n, f) => n * gridValues(f).length, 1) : cellCount(design, factors.length, o.samples ?? input.samples)
  if (count > MAX_CELLS) {
    at(['factors'], `the ${design} design has ${count.toLocaleString('en')} cells; at most ${MAX_CELLS.toLocaleString('en')}`, 'use fewer values or steps, or sample the ranges (design: lhs)')
    return {problems}
  }
  const samples = design === 'grid' ? undefined : (o.samples ?? input.samples ?? DEFAULT_SAMPLES[design])
  const partial = {design, samples, levels: design === 'morris' ? levels : undefined, seed: o.seed ?? input.seed, factors}
  const plan: SweepPlan = {
    format: PLAN_FORMAT,
    id: input.id,
    name: input.name,
    base: input.base,
    ...partial,
    bootstrap: input.bootstrap,
    replications: o.replications ?? input.replications,
    horizon,
    warmup,
    metrics,
    cells: designCells(partial),
  }
  if (input.units !== undefined) plan.units = input.units
  const cell: CellInput = {baseline: base.model, reforms: base.reforms ?? [], factors: applied}
  checkCells(plan, cell, input.factors, at)
  return problems.length > 0 ? {problems} : {sweep: {plan, cell}, problems}
}

function cellCount(design: Exclude<DesignName, 'grid'>, k: number, samples: number | undefined): number {
  const n = samples ?? DEFAULT_SAMPLES[design]
  return design === 'lhs' ? n : design === 'morris' ? n * (k + 1) : n * (k + 2)
}

function checkFactor(f: FactorInput, i: number, design: DesignName, base: BaseContext, at: (path: JsPath, message: string, hint?: string) => void): {factor: PlanFactor; applied: AppliedFactor} | undefined {
  const r = resolveTarget(f.path, f.select, base)
  if (!r.ok) {
    at(['factors', i, r.at], `factor ${f.id}: ${r.message}`, r.hint)
    return undefined
  }
  const clock = base.model.clock
  const read = (raw: unknown): Read => {
    if (f.mode === 'scale') return r.kind === 'word' || r.kind === 'flag' ? {ok: false, message: `\`${f.path}\` is ${describeKind(r.kind)}: it cannot be scaled`} : readScale(raw)
    const v = readValue(raw, r.kind, clock)
    if (v.ok && r.words && !r.words.includes(String(v.value))) return {ok: false, message: `expected one of ${r.words.join(', ')}, got ${JSON.stringify(raw)}`}
    return v
  }
  let ok = true
  const factor: PlanFactor = {id: f.id, name: f.name ?? f.id, path: f.path, mode: f.mode}
  if (f.select !== undefined) factor.select = f.select
  if (f.values) {
    const values: FactorValue[] = []
    f.values.forEach((raw, j) => {
      const v = read(raw)
      if (v.ok) values.push(v.value)
      else {
        ok = false
        at(['factors', i, 'values', j], `factor ${f.id}: ${v.message}`)
      }
    })
    factor.values = values
  } else if (f.range) {
    const from = read(f.range.from)
    const to = read(f.range.to)
    for (const [key, v] of [['from', from], ['to', to]] as const) {
      if (!v.ok) at(['factors', i, 'range', key], `factor ${f.id}: ${v.message}`)
      else if (typeof v.value !== 'number') at(['factors', i, 'range', key], `factor ${f.id}: a range needs numbers, got ${JSON.stringify(v.value)}`, 'give a list of values instead')
    }
    if (!from.ok || !to.ok || typeof from.value !== 'number' || typeof to.value !== 'number') return undefined
    if (from.value > to.value) {
      at(['factors', i, 'range'], `factor ${f.id}: the range runs backwards (from ${f.range.from} is greater than to ${f.range.to})`, 'swap from and to')
      return undefined
    }
    if (design === 'grid' && f.range.steps === undefined) {
      at(['factors', i, 'range'], `factor ${f.id}: a grid needs \`steps\` in the range, or a list of values`, 'add e.g. `steps: 5`, or sample the range with design lhs, morris or sobol')
      return undefined
    }
    factor.range = {from: from.value, to: to.value}
    if (f.range.steps !== undefined) factor.range.steps = f.range.steps
  }
  return ok ? {factor, applied: {target: r.target, mode: f.mode}} : undefined
}

/** Builds every cell's model once; a reform that rejects a value is reported at that factor. */
function checkCells(plan: SweepPlan, cell: CellInput, inputs: readonly FactorInput[], at: (path: JsPath, message: string, hint?: string) => void): void {
  const reported = new Set<string>()
  for (const values of plan.cells) {
    if (reported.size >= MAX_CELL_PROBLEMS) return
    try {
      cellModel(cell, values)
    } catch (error) {
      if (!(error instanceof ReformError)) throw error
      const [index, ...key] = error.path
      const reform = cell.reforms[index as number]?.type ?? 'reform'
      const j = cell.factors.findIndex((f) => f.target.kind === 'reform' && f.target.index === index && f.target.key.every((k, n) => key[n] === undefined || key[n] === k))
      const where: JsPath = j < 0 ? ['factors'] : inputs[j].values ? ['factors', j, 'values', Math.max(0, plan.factors[j].values!.indexOf(values[j]))] : ['factors', j, 'range']
      const named = j < 0 ? plan.factors.map((f, n) => `${f.id} = ${String(values[n])}`).join(', ') : `${plan.factors[j].id} = ${String(values[j])}`
      const message = `factor ${named}: ${reform}: ${error.message}`
      if (reported.has(message)) continue
      reported.add(message)
      at(where, message, error.hint)
    }
  }
}
