// The units sheet → the nested `units:` of a model. Rows name their parent (上级) by 编号 or by
// name; the tree is written with nested `children`, so full ids are paths of the rows' own
// ids (the last segment of 编号, or `kind-N` when 编号 is empty or not an id).
import {ID_PATTERN} from '../model/schema/common.js'
import {closest} from './closest.js'
import type {SheetProblem} from './problems.js'
import type {TableRow} from './tables.js'

export interface UnitOut {
  id: string
  name: string
  kind: string
  tier?: string
  domain?: string
  staff?: number
  residents?: number
  households?: number
  powers?: string[]
  labels?: string[]
  children?: UnitOut[]
}

export type Problems = (row: TableRow, key: string, message: string, hint?: string) => void

export function problemAt(out: SheetProblem[]): Problems {
  return (row, key, message, hint) => out.push({file: row.file, sheet: row.sheet, cell: row.cells[key]?.cell ?? String(row.row), message, hint, severity: 'error'})
}

/** Finds units by 编号 (one) or by name (every unit of that name). */
export class UnitLookup {
  readonly byKey = new Map<string, number>()
  readonly byName = new Map<string, number[]>()
  constructor(rows: readonly TableRow[], problem: Problems) {
    rows.forEach((r, i) => {
      const key = r.values.id as string | undefined
      if (key !== undefined) {
        const first = this.byKey.get(key)
        if (first !== undefined) problem(r, 'id', `编号 "${key}" is already used in row ${rows[first].row}`, 'give each unit its own 编号')
        else this.byKey.set(key, i)
      }
      const name = r.values.name as string | undefined
      if (name !== undefined) this.byName.set(name, [...(this.byName.get(name) ?? []), i])
    })
  }

  find(ref: string): number[] {
    const k = this.byKey.get(ref)
    return k !== undefined ? [k] : (this.byName.get(ref) ?? [])
  }

  suggest(ref: string): string {
    const meant = closest(ref, [...this.byKey.keys(), ...this.byName.keys()])
    return meant ? `did you mean ${meant}?` : 'give the 编号 or the name of a row of the units sheet'
  }
}

const TERRITORY_TIERS = new Set(['street', 'community', 'grid'])
/** A governance chain has a handful of levels; deeper nesting is a mistake in 上级. */
export const MAX_DEPTH = 50

/** Builds the unit tree; returns it and each row's full id (undefined for rows in error). */
export function buildUnits(rows: readonly TableRow[], lookup: UnitLookup, powerId: (row: TableRow, name: string) => string | undefined, problem: Problems): {units: UnitOut[]; fullIds: string[]} {
  const parentOf: (number | undefined)[] = rows.map((r, i) => {
    const ref = r.values.parent as string | undefined
    if (ref === undefined) return undefined
    const found = lookup.find(ref)
    if (found.length === 0) problem(r, 'parent', `上级 "${ref}" is not a unit of the units sheet`, lookup.suggest(ref))
    else if (found.length > 1) problem(r, 'parent', `上级 "${ref}" names ${found.length} units (rows ${found.map((k) => rows[k].row).join(', ')})`, 'give each of them a 编号 and name the parent by it')
    else if (found[0] === i) problem(r, 'parent', 'a unit cannot be its own 上级', 'name the unit above it')
    else return found[0]
    return undefined
  })
  breakCycles(rows, parentOf, problem)
  limitDepth(rows, parentOf, problem)
  const children = new Map<number | undefined, number[]>()
  parentOf.forEach((p, i) => children.set(p, [...(children.get(p) ?? []), i]))
  const fullIds: string[] = []
  const ownId = (k: number): string | undefined => {
    const g = (rows[k].values.id as string | undefined)?.split('/').pop()
    return g !== undefined && ID_PATTERN.test(g) ? g : undefined
  }
  // Siblings' own ids are claimed first: generated ids (`kind-N`) go around them.
  const siblings = (kids: number[], prefix: string): UnitOut[] => {
    const reserved = new Set(kids.map(ownId).filter((g): g is string => g !== undefined))
    const taken = new Set<string>()
    const counters = new Map<string, number>()
    return kids.map((k) => {
      const kind = rows[k].values.kind as string
      let id = ownId(k)
      if (id === undefined || taken.has(id)) {
        let n = counters.get(kind) ?? 1
        while (reserved.has(`${kind}-${n}`) || taken.has(`${kind}-${n}`)) n++
        id = `${kind}-${n}`
        counters.set(kind, n + 1)
      }
      taken.add(id)
      return make(k, id, prefix)
    })
  }
  const make = (i: number, id: string, prefix: string): UnitOut => {
    const r = rows[i]
    const v = r.values as {name: string; kind: string; tier?: string; domain?: string; staff?: number; residents?: number; households?: number; powers?: string[]; labels?: string[]}
    fullIds[i] = prefix + id
    const tier = v.tier ?? (TERRITORY_TIERS.has(v.kind) ? v.kind : undefined)
    const powers = (v.powers ?? []).map((p) => powerId(r, p)).filter((p): p is string => p !== undefined)
    const kids = children.get(i) ?? []
    return {
      id,
      name: v.name,
      kind: v.kind,
      ...(tier !== undefined && {tier}),
      ...(v.domain !== undefined && {domain: v.domain}),
      ...(v.staff !== undefined && {staff: v.staff}),
      ...(v.residents !== undefined && {residents: v.residents}),
      ...(v.households !== undefined && {households: v.households}),
      ...(powers.length > 0 && {powers}),
      ...(v.labels !== undefined && v.labels.length > 0 && {labels: v.labels}),
      ...(kids.length > 0 && {children: siblings(kids, `${prefix}${id}/`)}),
    }
  }
  return {units: siblings(children.get(undefined) ?? [], ''), fullIds}
}

/** Reports each parent cycle once, at one of its rows, and cuts it there. */
function breakCycles(rows: readonly TableRow[], parentOf: (number | undefined)[], problem: Problems): void {
  const state = new Uint8Array(rows.length)
  for (let s = 0; s < rows.length; s++) {
    const walk: number[] = []
    let v: number | undefined = s
    while (v !== undefined && state[v] === 0) {
      state[v] = 1
      walk.push(v)
      v = parentOf[v]
    }
    if (v !== undefined && state[v] === 1) {
      const cycle = walk.slice(walk.indexOf(v))
      problem(rows[v], 'parent', `上级 forms a cycle: ${[...cycle, v].map((k) => rows[k].values.name as string).join(' → ')}`, 'a unit cannot be above itself: change one of these 上级')
      parentOf[v] = undefined
    }
    for (const k of walk) state[k] = 2
  }
}

/** Reports rows nested more than MAX_DEPTH levels deep (once) and cuts them loose. */
function limitDepth(rows: readonly TableRow[], parentOf: (number | undefined)[], problem: Problems): void {
  const depth = new Int32Array(rows.length) // 0: not known yet
  let reported = false
  for (let s = 0; s < rows.length; s++) {
    const chain: number[] = []
    let v: number | undefined = s
    while (v !== undefined && depth[v] === 0) {
      chain.push(v)
      v = parentOf[v]
    }
    let d = v === undefined ? 0 : depth[v]
    for (let j = chain.length - 1; j >= 0; j--) {
      d++
      if (d > MAX_DEPTH) {
        if (!reported) problem(rows[chain[j]], 'parent', `the units are nested more than ${MAX_DEPTH} levels deep here`, 'check the 上级 column: a governance chain has a handful of levels')
        reported = true
        parentOf[chain[j]] = undefined
        d = 1
      }
      depth[chain[j]] = d
    }
  }
}
