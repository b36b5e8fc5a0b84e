// One cell's model: the factor values written into the base model (copy on write: only the
// units, tasks and settings a factor touches are copied), then the base scenario's reforms
// applied with the reform factors' values. Pure; the base is never modified.
import type {Distribution, Model, Task} from '../model/types.js'
import {meanOf, scaledDistribution} from '../model/distribution.js'
import {applyReforms} from '../reforms/index.js'
import type {ReformChanges, ReformSpec} from '../reforms/index.js'
import type {Key, Target, TaskField} from './targets.js'
import type {FactorValue} from './values.js'

export interface AppliedFactor {
  target: Target
  mode: 'set' | 'scale'
}

export interface CellInput {
  baseline: Model
  /** The base scenario's reforms (empty for a model). */
  reforms: readonly ReformSpec[]
  factors: readonly AppliedFactor[]
}

/** The cell's model; throws ReformError (path from the reform's index) when a reform rejects it. */
export function cellModel(input: CellInput, values: readonly FactorValue[]): {model: Model; changes: ReformChanges[]} {
  let model = input.baseline
  const reforms = input.reforms.map((r) => ({type: r.type, params: r.params}))
  input.factors.forEach((f, i) => {
    if (f.target.kind === 'reform') {
      const spec = reforms[f.target.index]
      spec.params = setIn(spec.params ?? {}, f.target.key, (old) => (f.mode === 'scale' ? Number(old) * Number(values[i]) : values[i])) as Record<string, unknown>
    } else model = applyToModel(model, f.target, f.mode, values[i])
  })
  if (reforms.length === 0) return {model, changes: []}
  return applyReforms(model, reforms)
}

/** A copy of `obj` with the value at `key` replaced by `update(old)`. */
function setIn(obj: unknown, key: readonly Key[], update: (old: unknown) => unknown): unknown {
  if (key.length === 0) return update(obj)
  const [k, ...rest] = key
  const copy = (Array.isArray(obj) ? [...obj] : {...(obj as Record<Key, unknown>)}) as Record<Key, unknown>
  copy[k] = setIn(copy[k], rest, update)
  return copy
}

function applyToModel(model: Model, t: Exclude<Target, {kind: 'reform'}>, mode: 'set' | 'scale', value: FactorValue): Model {
  const num = (old: number) => (mode === 'scale' ? old * Number(value) : Number(value))
  switch (t.kind) {
    case 'unit': {
      const units = [...model.units]
      for (const i of t.items) {
        const u = {...units[i]}
        if (t.field === 'residents') {
          const next = num(u.residents)
          // Keep the household size: the model derives households from residents.
          u.households = u.residents > 0 ? (u.households * next) / u.residents : next / model.defaults.householdSize
          u.residents = next
        } else u[t.field] = num(u[t.field])
        units[i] = u
      }
      return {...model, units}
    }
    case 'task': {
      const tasks = [...model.tasks]
      for (const i of t.items) tasks[i] = taskWith(tasks[i], t.field, mode, value, model.defaults.relayEffort)
      return {...model, tasks}
    }
    case 'demand': {
      const demand = [...model.demand]
      for (const i of t.items) {
        const d = {...demand[i]}
        if (t.field === 'rate') d.perResidentHour = num(d.perResidentHour)
        else d.effort = withMean(d.effort, mode, Number(value))
        demand[i] = d
      }
      return {...model, demand}
    }
    case 'setting': {
      const section = setIn(model[t.section], t.key, (old) => {
        if (typeof old === 'object' && old !== null && 'dist' in old) return withMean(old as Distribution, mode, Number(value))
        return typeof old === 'number' ? num(old) : value
      })
      return {...model, [t.section]: section}
    }
  }
}

function taskWith(task: Task, field: TaskField, mode: 'set' | 'scale', value: FactorValue, relayDefault: Distribution): Task {
  const t = {...task}
  const x = Number(value)
  const num = (old: number) => (mode === 'scale' ? old * x : x)
  switch (field) {
    case 'effort':
      t.effort = withMean(t.effort, mode, x)
      break
    case 'relayEffort':
      t.relayEffort = withMean(t.relayEffort ?? relayDefault, mode, x)
      break
    case 'rate': {
      // A periodic task keeps its phase rule: only its period changes.
      const a = t.arrival
      if (a.type === 'poisson') t.arrival = {type: 'poisson', perHour: num(a.perHour)}
      else {
        const per = num(1 / a.every)
        t.arrival = per > 0 ? {...a, every: 1 / per} : {type: 'poisson', perHour: 0}
      }
      break
    }
    case 'contacts':
      t.contacts = num(t.contacts)
      break
    case 'deadline':
      t.deadline = mode === 'scale' ? (t.deadline === undefined ? undefined : t.deadline * x) : x
      break
    case 'validity':
      t.validity = mode === 'scale' ? (t.validity === undefined ? undefined : t.validity * x) : x
      break
  }
  return t
}

/** The distribution scaled to the given mean (`set`) or by the factor (`scale`): its shape is kept. */
export function withMean(d: Distribution, mode: 'set' | 'scale', x: number): Distribution {
  const mean = meanOf(d)
  if (mode === 'set' && !(mean > 0)) return {dist: 'fixed', value: x}
  return scaledDistribution(d, mode === 'scale' ? x : x / mean)
}
