// Unit expansion: nested children get `parent/child` ids, `count: N` replicates a unit with its
// whole subtree as `id-1 … id-N`. The expanded size is computed first (counts multiply down
// the tree), so a hostile `count` is refused before anything is allocated. Per-replica values
// (lists, tables) come checked from planReplicas (src/model/replicas.ts).
import type {Item, Origin} from './merge.js'
import type {UnitInput} from './schema/units.js'
import type {Clock, Distribution, SourceLocation, Unit} from './types.js'
import {DEFAULT_CLOCK} from './types.js'
import type {Report} from './report.js'
import {checkedEffort, replicaName} from './convert.js'
import type {JsPath} from './yaml-source.js'
import {originKey} from './replicas.js'
import type {ReplicaPlan} from './replicas.js'

export interface ExpandedUnits {
  units: Unit[]
  /** Where each unit was written (replicas share their entry's origin). */
  origins: Origin[]
}

/** Units the entries expand to; may be Infinity, never allocates. */
export function expandedSize(u: UnitInput, depth = 0): number {
  if (depth > 10_000) return Infinity
  let inner = 1
  for (const c of u.children ?? []) inner += expandedSize(c, depth + 1)
  return (u.count ?? 1) * inner
}

export function expandUnits(entries: readonly Item<UnitInput>[], householdSize: number, report: Report, plan: ReplicaPlan = new Map(), clock: Clock = DEFAULT_CLOCK): ExpandedUnits {
  const units: Unit[] = []
  const origins: Origin[] = []
  const locs = new Map<UnitInput, SourceLocation>()
  const emitted = new Map<string, number>() // replicas of each planned entry made so far
  const emit = (u: UnitInput, at: Origin, parent: string | undefined, prefix: string) => {
    if (parent !== undefined && u.parent !== undefined) {
      report.error(at, ['parent'], 'a nested child may not name a `parent`', 'its parent is the unit it is nested in: remove `parent` or move the unit to the top level')
    }
    let loc = locs.get(u)
    if (!loc) locs.set(u, (loc = at.src.locate(at.path)))
    const n = u.count
    const key = plan.size > 0 ? originKey(at) : ''
    const planned = plan.get(key)
    const handoff: Distribution | undefined = u.handoffDelay === undefined ? undefined : checkedEffort(u.handoffDelay, clock, at, ['handoffDelay'], report)
    for (let k = 1; k <= (n ?? 1); k++) {
      const seg = n === undefined ? u.id : `${u.id}-${k}`
      const id = prefix + seg
      const ordinal = emitted.get(key) ?? 0
      if (planned) emitted.set(key, ordinal + 1)
      // A list of `count` values repeats under every parent replica; a longer one runs on.
      const listed = <T,>(field: 'name' | 'staff' | 'residents' | 'households'): T | undefined => {
        const list = planned?.values[field] as readonly (T | undefined)[] | undefined
        return list ? list[list.length === planned!.count ? k - 1 : ordinal] : undefined
      }
      const pick = <T,>(field: 'staff' | 'residents' | 'households', scalar: T | T[] | undefined): T | undefined =>
        listed<T>(field) ?? (Array.isArray(scalar) ? undefined : scalar)
      const ownName = listed<string>('name')
      const written = typeof u.name === 'string' ? u.name : undefined
      const residents = pick<number>('residents', u.residents) ?? 0
      const households = pick<number>('households', u.households)
      units.push({
        id,
        name: ownName ?? (written === undefined ? seg : n === undefined ? written : replicaName(written, k)),
        kind: u.kind,
        ...(u.tier !== undefined && {tier: u.tier}),
        ...((parent ?? u.parent) !== undefined && {parent: parent ?? u.parent}),
        ...(u.domain !== undefined && {domain: u.domain}),
        staff: pick<number>('staff', u.staff) ?? 1,
        powers: [...(u.powers ?? [])],
        residents,
        households: households ?? Math.round(residents / householdSize),
        labels: [...(u.labels ?? [])],
        ...(handoff !== undefined && {handoffDelay: handoff}),
        loc,
      })
      origins.push(at)
      u.children?.forEach((c, j) => {
        const path: JsPath = [...at.path, 'children', j]
        emit(c, {src: at.src, path}, id, id + '/')
      })
    }
  }
  for (const e of entries) emit(e.value, e, undefined, '')
  return {units, origins}
}
