// Where a factor's path points (docs/sweeps.md, "Paths"): a reform parameter of the base
// scenario, a field of the units a selector picks, a field of chosen tasks or demand, or a
// leaf of the model's defaults or rules. Resolved once against the base, so that a path that
// matches nothing is a located error before anything runs.
import {globToRegExp, selectIndices, unitIndex} from '../model/selector.js'
import type {Selector, SelectorMap} from '../model/selector.js'
import type {Model} from '../model/types.js'
import {getReform} from '../reforms/index.js'
import type {ReformSpec} from '../reforms/index.js'
import type {ValueKind} from './values.js'

export type Key = string | number

export type Target =
  | {kind: 'reform'; index: number; key: Key[]}
  | {kind: 'unit'; field: UnitField; items: number[]}
  | {kind: 'task'; field: TaskField; items: number[]}
  | {kind: 'demand'; field: DemandField; items: number[]}
  | {kind: 'setting'; section: 'defaults' | 'rules'; key: string[]}

export const UNIT_FIELDS = {staff: 'number', residents: 'number', households: 'number'} as const
export const TASK_FIELDS = {effort: 'hours', rate: 'rate', contacts: 'share', deadline: 'hours', validity: 'hours', relayEffort: 'hours'} as const
export const DEMAND_FIELDS = {effort: 'hours', rate: 'perCapitaRate'} as const
export type UnitField = keyof typeof UNIT_FIELDS
export type TaskField = keyof typeof TASK_FIELDS
export type DemandField = keyof typeof DEMAND_FIELDS

/** Words the model checks at load time, so a sweep must check them too. */
const SETTING_WORDS: Record<string, readonly string[]> = {responsibility: ['territorial', 'split']}
const SHARE_KEYS = /^(formalShare|refusal|leakage|share|contacts)$/
const HOUR_KEYS = /(Effort|Delay|Time|Validity|Window|deadline|validity)$/

export type Resolved = {ok: true; target: Target; kind: ValueKind; words?: readonly string[]} | {ok: false; at: 'path' | 'select'; message: string; hint?: string}

export interface BaseContext {
  /** The model before any reform (factors on the model apply here). */
  model: Model
  /** The base scenario's reforms, parameters filled in; undefined for a plain model. */
  reforms?: readonly ReformSpec[]
}

const fail = (message: string, hint?: string, at: 'path' | 'select' = 'path'): Resolved => ({ok: false, at, message, hint})

export function resolveTarget(path: string, select: Selector | undefined, ctx: BaseContext): Resolved {
  const [head, ...rest] = splitPath(path)
  if (head === 'reforms') return reformTarget(rest, ctx)
  if (head === 'units' || head === 'tasks' || head === 'demand') {
    if (rest.length !== 1 || typeof rest[0] !== 'string') return fail(`\`${path}\`: write ${head}.<field>`, fieldsHint(head))
    return listTarget(head, rest[0], select, ctx.model)
  }
  if (head === 'defaults' || head === 'rules') return settingTarget(head, rest, ctx.model)
  return fail(`\`${path}\` names nothing a sweep can vary`, 'a path starts with reforms, units, tasks, demand, defaults or rules (docs/sweeps.md)')
}

/** `reforms[0].allow.kinds` → ['reforms', 0, 'allow', 'kinds']. */
export function splitPath(path: string): Key[] {
  const out: Key[] = []
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part)
    if (!m) {
      out.push(part)
      continue
    }
    if (m[1] !== '') out.push(m[1])
    for (const ix of m[2].match(/\d+/g) ?? []) out.push(Number(ix))
  }
  return out
}

function reformTarget(rest: Key[], ctx: BaseContext): Resolved {
  if (!ctx.reforms) return fail('the base is a model, not a scenario: it has no reforms to vary', 'make `base` a scenario file, or vary the model (units, tasks, demand, defaults, rules)')
  const reforms = ctx.reforms
  const [which, ...key] = rest
  let index: number
  if (typeof which === 'number') index = which
  else index = reforms.findIndex((r) => r.type === which)
  const list = reforms.map((r, i) => `reforms[${i}] (${r.type})`).join(', ') || '(none)'
  if (which === undefined || index < 0 || index >= reforms.length) return fail(`the base scenario has no reform ${which === undefined ? '' : typeof which === 'number' ? `[${which}]` : which}`.trim(), `its reforms: ${list}`)
  if (key.length === 0) return fail('name the reform parameter to vary, e.g. reforms[0].leakage')
  const spec = reforms[index]
  const params = spec.params ?? {}
  const shape = (getReform(spec.type)?.paramsSchema as {shape?: Record<string, unknown>} | undefined)?.shape
  const known = shape ? Object.keys(shape) : Object.keys(params)
  const top = key[0]
  if (typeof top !== 'string' || !known.includes(top)) return fail(`reform ${spec.type} has no parameter \`${String(top)}\``, `its parameters: ${known.join(', ')}`)
  let v: unknown = params
  for (const k of key.slice(0, -1)) v = v !== null && typeof v === 'object' ? (v as Record<Key, unknown>)[k] : undefined
  if (key.length > 1 && (v === null || typeof v !== 'object')) return fail(`reform ${spec.type} has no parameter \`${key.join('.')}\``)
  return {ok: true, target: {kind: 'reform', index, key}, kind: 'any'}
}

function fieldsHint(head: 'units' | 'tasks' | 'demand' | string): string {
  const fields = head === 'units' ? UNIT_FIELDS : head === 'tasks' ? TASK_FIELDS : DEMAND_FIELDS
  return `fields of ${head}: ${Object.keys(fields).join(', ')}`
}

function listTarget(head: 'units' | 'tasks' | 'demand', field: string, select: Selector | undefined, model: Model): Resolved {
  const fields: Record<string, ValueKind> = head === 'units' ? UNIT_FIELDS : head === 'tasks' ? TASK_FIELDS : DEMAND_FIELDS
  if (!(field in fields)) return fail(`${head} have no field \`${field}\` a sweep can vary`, fieldsHint(head))
  let items: number[]
  if (head === 'units') items = select === undefined ? model.units.map((_, i) => i) : selectIndices(unitIndex(model.units), select)
  else {
    const list = head === 'tasks' ? model.tasks : model.demand
    const picked = pickItems(list, select)
    if (typeof picked === 'string') return fail(picked, undefined, 'select')
    items = picked
  }
  if (items.length === 0) return fail(`the selector matches no ${head === 'units' ? 'unit' : head === 'tasks' ? 'task' : 'demand'} of the model`, 'check the ids, globs and fields of `select`', 'select')
  const kind = fields[field]
  if (head === 'units') return {ok: true, target: {kind: 'unit', field: field as UnitField, items}, kind}
  if (head === 'tasks') return {ok: true, target: {kind: 'task', field: field as TaskField, items}, kind}
  return {ok: true, target: {kind: 'demand', field: field as DemandField, items}, kind}
}

/** Tasks or demand by id or id glob, or (tasks) a map of `id`, `kind` and `label`. */
function pickItems(list: ReadonlyArray<{id: string; labels: string[]; kind?: string}>, select: Selector | undefined): number[] | string {
  if (select === undefined) return list.map((_, i) => i)
  const parts = (Array.isArray(select) ? select : [select]) as Array<string | SelectorMap>
  const hit = new Set<number>()
  for (const p of parts) {
    if (typeof p === 'string') {
      const re = globToRegExp(p)
      list.forEach((t, i) => re.test(t.id) && hit.add(i))
      continue
    }
    const extra = Object.keys(p).filter((k) => !['id', 'kind', 'label'].includes(k))
    if (extra.length > 0) return `tasks and demand are selected by id, kind and label, not by ${extra.join(', ')}`
    const re = p.id === undefined ? undefined : globToRegExp(p.id)
    list.forEach((t, i) => {
      if (re && !re.test(t.id)) return
      if (p.kind !== undefined && t.kind !== p.kind) return
      if (p.label !== undefined && !t.labels.includes(p.label)) return
      hit.add(i)
    })
  }
  return [...hit].sort((a, b) => a - b)
}

function settingTarget(section: 'defaults' | 'rules', key: Key[], model: Model): Resolved {
  const path = [section, ...key].join('.')
  if (key.length === 0 || key.some((k) => typeof k !== 'string')) return fail(`write ${section}.<field>`, `fields of ${section}: ${Object.keys(model[section]).join(', ')}`)
  let v: unknown = model[section]
  for (const k of key) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k as string] : undefined
  if (v === undefined) return fail(`the model has no \`${path}\``, `fields of ${section}: ${Object.keys(model[section]).join(', ')}`)
  const last = String(key[key.length - 1])
  const target: Target = {kind: 'setting', section, key: key as string[]}
  if (typeof v === 'number') return {ok: true, target, kind: SHARE_KEYS.test(last) ? 'share' : HOUR_KEYS.test(last) ? 'hours' : 'number'}
  if (typeof v === 'boolean') return {ok: true, target, kind: 'flag'}
  if (typeof v === 'string') return {ok: true, target, kind: 'word', words: SETTING_WORDS[last]}
  if (typeof v === 'object' && v !== null && 'dist' in v) return {ok: true, target, kind: 'hours'}
  return fail(`\`${path}\` is not a single value`, 'vary one of its numbers, e.g. a field inside it')
}
