// Units after expansion: the limit on their number, unique ids, known kinds and powers,
// parents that exist, and no parent cycles.
import {BUILTIN_KINDS} from './types.js'
import type {Clock, Unit} from './types.js'
import type {Item, Origin} from './merge.js'
import type {Report} from './report.js'
import type {UnitInput} from './schema/units.js'
import {expandedSize, expandUnits} from './expand.js'
import {planReplicas} from './replicas.js'
import type {TableReader} from './replicas.js'
import {buildUnitIndex, suggestUnitId} from './selector.js'
import type {UnitIndex} from './selector.js'

export interface ResolvedUnits {
  units: Unit[]
  origins: Origin[]
}

/** Expands the units unless they would exceed `maxUnits` (then reports it and returns none). */
export function resolveUnits(
  entries: readonly Item<UnitInput>[],
  opts: {maxUnits: number; householdSize: number; kinds: ReadonlySet<string>; powers: ReadonlySet<string>; territorialKinds?: ReadonlySet<string>; readTable?: TableReader; clock?: Clock},
  report: Report,
): ResolvedUnits | undefined {
  let total = 0
  let biggest: {entry: Item<UnitInput>; size: number} | undefined
  for (const e of entries) {
    const size = expandedSize(e.value)
    total += size
    if (!biggest || size > biggest.size) biggest = {entry: e, size}
  }
  if (total > opts.maxUnits && biggest) {
    report.error(
      biggest.entry,
      biggest.entry.value.count !== undefined ? ['count'] : [],
      `the model expands to ${formatCount(total)} units, more than the limit of ${formatCount(opts.maxUnits)}`,
      'lower `count` here (counts multiply down nested children) or raise the limit with --max-units',
    )
    return undefined
  }
  const plan = planReplicas(entries, opts.readTable, report)
  const {units, origins} = expandUnits(entries, opts.householdSize, report, plan, opts.clock)
  checkUnits(units, origins, opts, report)
  return {units, origins}
}

export function formatCount(n: number): string {
  if (!Number.isFinite(n) || n >= 1e15) return n.toExponential(2).replace('e+', 'e')
  return Math.round(n).toLocaleString('en-US')
}

function checkUnits(
  units: Unit[],
  origins: Origin[],
  opts: {kinds: ReadonlySet<string>; powers: ReadonlySet<string>; territorialKinds?: ReadonlySet<string>},
  report: Report,
): void {
  const byId = new Map<string, number>()
  units.forEach((u, i) => {
    const first = byId.get(u.id)
    if (first === undefined) byId.set(u.id, i)
    else {
      const at = origins[first].src.locate(origins[first].path)
      report.error(origins[i], ['id'], `duplicate unit id \`${u.id}\` (first at ${at.file}:${at.line})`, 'ids must be unique after `count` expansion and nesting: rename one')
    }
  })
  let index: UnitIndex | undefined
  const ix = () => (index ??= buildUnitIndex(units))
  const checked = new Set<Origin>()
  units.forEach((u, i) => {
    const at = origins[i]
    if (checked.has(at)) return
    checked.add(at)
    if (!opts.kinds.has(u.kind)) {
      report.error(at, ['kind'], `unknown kind \`${u.kind}\``, `use a built-in kind (${BUILTIN_KINDS.join(', ')}) or declare it under \`kinds:\``)
    }
    u.powers.forEach((p, j) => {
      if (!opts.powers.has(p)) report.error(at, ['powers', j], `unknown power \`${p}\``, 'declare it under `powers:`')
    })
    // Tasks name the tier they target: a territory without a tier is never one.
    if (u.tier === undefined && opts.territorialKinds?.has(u.kind)) {
      report.warning(at, ['kind'], `a \`${u.kind}\` unit without \`tier\` is never the target of a task`, 'give it the tier it governs, e.g. `tier: street`')
    }
    if (u.parent !== undefined && !byId.has(u.parent)) {
      const meant = suggestUnitId(ix(), u.parent)
      report.error(
        at,
        ['parent'],
        `unknown parent \`${u.parent}\``,
        meant ? `did you mean ${meant}?` : 'give the full id of an existing unit, e.g. `district/street-2` (replicas of `count` are `id-1 … id-N`)',
      )
    }
  })
  // Parent cycles (only top-level units name a parent, so a cycle runs through them).
  const state = new Uint8Array(units.length) // 0 new, 1 on the current walk, 2 done
  for (let s = 0; s < units.length; s++) {
    if (state[s] !== 0) continue
    const walk: number[] = []
    let v: number | undefined = s
    while (v !== undefined && state[v] === 0) {
      state[v] = 1
      walk.push(v)
      const p: string | undefined = units[v].parent
      v = p === undefined ? undefined : byId.get(p)
    }
    if (v !== undefined && state[v] === 1) {
      const cycle = walk.slice(walk.indexOf(v)).map((k) => units[k].id)
      report.error(origins[v], ['parent'], `parent cycle: ${[...cycle, cycle[0]].join(' → ')}`, 'a unit may not be its own ancestor: change one of these parents')
    }
    for (const k of walk) state[k] = 2
  }
}
