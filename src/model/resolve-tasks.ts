// Tasks and resident demand: issuers resolved through selectors, arrivals and efforts in
// hours, known powers and categories, `count` replication, and warnings for work that can
// reach no one.
import {TIERS} from './types.js'
import type {Arrival, Clock, Contested, Defaults, Demand, EffortPer, Task, Tier, Unit} from './types.js'
import type {Item} from './merge.js'
import type {Report} from './report.js'
import type {DemandInput, TaskInput} from './schema/tasks.js'
import {PER_PATTERN} from './schema/common.js'
import {describeSelector, isGlob, selectIndices, suggestUnitId} from './selector.js'
import type {Selector, UnitIndex} from './selector.js'
import {checkedEffort, hours, perHour, perResidentHour, replicaName} from './convert.js'
import {formatCount} from './resolve-units.js'

export interface Vocabs {
  powers: ReadonlySet<string>
  categories: ReadonlySet<string>
  kinds: ReadonlySet<string>
}

export function resolveTasks(
  items: readonly Item<TaskInput>[],
  ix: UnitIndex,
  ctx: {clock: Clock; defaults: Defaults; vocabs: Vocabs; territorialKinds: ReadonlySet<string>; maxTasks: number},
  report: Report,
): Task[] {
  const {clock, vocabs} = ctx
  if (tooMany(items, ctx.maxTasks, report)) return []
  const reach = tierReach(ix, ctx.territorialKinds)
  const tasks: Task[] = []
  const seen = new Map<string, Item<TaskInput>>()
  for (const item of items) {
    const t = item.value
    const issuers = selectIndices(ix, t.issuer as Selector)
    if (issuers.length === 0) {
      const meant = typeof t.issuer === 'string' && !isGlob(t.issuer) ? suggestUnitId(ix, t.issuer) : undefined
      report.error(
        item,
        ['issuer'],
        `issuer \`${describeSelector(t.issuer as Selector)}\` matches no unit`,
        meant ? `did you mean ${meant}?` : 'check the ids, kinds and tiers it names (ids of replicas are `id-1 … id-N`)',
      )
    }
    const arrival = arrivalOf(item, clock, report)
    checkNames(item, t.needs, vocabs.powers, 'needs', 'power', 'powers', report)
    if (t.category !== undefined && !vocabs.categories.has(t.category)) {
      report.error(item, ['category'], `unknown category \`${t.category}\``, 'declare it under `categories:`')
    }
    if (issuers.length > 0 && !issuers.some((i) => reach(i, t.target))) {
      report.warning(item, ['target'], `no unit of tier \`${t.target}\` lies in the territory of any issuer: the task reaches no one`, 'check `target` and `issuer`, or add territorial units of that tier')
    }
    if (!arrival) continue
    const base: Task = {
      id: t.id,
      name: t.name ?? t.id,
      ...(t.category !== undefined && {category: t.category}),
      issuers: issuers.map((i) => ix.units[i].id),
      target: t.target,
      kind: t.kind ?? 'routine',
      arrival,
      effort: checkedEffort(t.effort, clock, item, ['effort'], report),
      ...(t.per !== undefined && {effortPer: effortPer(t.per)}),
      ...(t.relayEffort !== undefined && {relayEffort: checkedEffort(t.relayEffort, clock, item, ['relayEffort'], report)}),
      needs: [...(t.needs ?? [])],
      collects: [...(t.collects ?? [])],
      contacts: t.contacts ?? 0,
      ...(t.validity !== undefined && {validity: hours(t.validity, clock)}),
      veto: t.veto ?? false,
      ...(t.deadline !== undefined && {deadline: hours(t.deadline, clock)}),
      labels: [...(t.labels ?? [])],
      ...(t.contested !== undefined && {contested: resolveContested(item, t.contested, t.needs ?? [], ix, report)}),
      ...inspectionFields(item, clock, report),
      loc: item.src.locate(item.path),
    }
    const copies =
      t.count === undefined
        ? [base]
        : Array.from({length: t.count}, (_, k) => ({...base, id: `${t.id}-${k + 1}`, name: replicaName(base.name, k + 1)}))
    for (const task of copies) {
      const prev = seen.get(task.id)
      if (prev) {
        const at = prev.src.locate(prev.path)
        report.error(item, ['id'], `duplicate task id \`${task.id}\` (first at ${at.file}:${at.line})`, 'task ids must be unique after `count` expansion: rename one')
        break
      }
      seen.set(task.id, item)
      tasks.push(task)
    }
  }
  return tasks
}

/** Counts the tasks `count` expands to before making any, so a hostile count allocates nothing. */
function tooMany(items: readonly Item<TaskInput>[], max: number, report: Report): boolean {
  let total = 0
  let biggest: Item<TaskInput> | undefined
  for (const item of items) {
    total += item.value.count ?? 1
    if (!biggest || (item.value.count ?? 1) > (biggest.value.count ?? 1)) biggest = item
  }
  if (total <= max || !biggest) return false
  report.error(
    biggest,
    biggest.value.count === undefined ? [] : ['count'],
    `the tasks expand to ${formatCount(total)}, more than the limit of ${formatCount(max)}`,
    'lower `count` here, or raise the limit with --max-units (it bounds tasks too)',
  )
  return true
}

function arrivalOf(item: Item<TaskInput>, clock: Clock, report: Report): Arrival | undefined {
  const t = item.value
  if (t.every !== undefined && t.rate !== undefined) {
    report.error(item, ['rate'], 'give either `every` (periodic) or `rate` (Poisson), not both', 'remove one of them')
    return undefined
  }
  if (t.offset !== undefined && t.every === undefined) {
    report.error(item, ['offset'], '`offset` applies only to periodic tasks (`every`)', 'remove `offset` or use `every`')
  }
  if (t.every !== undefined) {
    const every = hours(t.every, clock)
    if (!(every > 0)) {
      report.error(item, ['every'], '`every` must be longer than 0', 'write a period such as `1mo`')
      return undefined
    }
    return t.offset === undefined ? {type: 'periodic', every} : {type: 'periodic', every, offset: hours(t.offset, clock)}
  }
  if (t.rate !== undefined) return {type: 'poisson', perHour: perHour(t.rate, clock)}
  report.error(item, [], 'a task needs `every` (periodic) or `rate` (Poisson)', 'add e.g. `every: 1mo` or `rate: 6/y`')
  return undefined
}

export function checkNames(
  item: Item<unknown>,
  names: readonly string[] | undefined,
  known: ReadonlySet<string>,
  field: string,
  what: string,
  section: string,
  report: Report,
): void {
  names?.forEach((n, j) => {
    if (!known.has(n)) report.error(item, [field, j], `unknown ${what} \`${n}\``, `declare it under \`${section}:\``)
  })
}

/**
 * `reach(i, tier)`: whether a territorial unit of `tier` lies in issuer i's territory (itself
 * if territorial, else its nearest territorial ancestor; the whole model when it has none),
 * as routing's targetsInScope decides. Tier masks are summed bottom-up once.
 */
function tierReach(ix: UnitIndex, territorial: ReadonlySet<string>): (i: number, tier: Tier) => boolean {
  const {units, order, byId} = ix
  const bit = (u: Unit) => (u.tier !== undefined && territorial.has(u.kind) ? 1 << TIERS.indexOf(u.tier) : 0)
  const mask = new Uint8Array(units.length)
  let all = 0
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k]
    mask[v] |= bit(units[v])
    all |= mask[v]
    const p = units[v].parent === undefined ? undefined : byId.get(units[v].parent!)
    if (p !== undefined) mask[p] |= mask[v]
  }
  return (i, tier) => {
    let v: number | undefined = i
    for (let steps = 0; v !== undefined && steps <= units.length; steps++) {
      if (territorial.has(units[v].kind)) return (mask[v] & (1 << TIERS.indexOf(tier))) !== 0
      const p: string | undefined = units[v].parent
      v = p === undefined ? undefined : byId.get(p)
    }
    return (all & (1 << TIERS.indexOf(tier))) !== 0
  }
}

export function resolveDemand(
  items: readonly Item<DemandInput>[],
  units: readonly Unit[],
  ctx: {clock: Clock; vocabs: Vocabs; ix: UnitIndex},
  report: Report,
): Demand[] {
  const residentsAt = new Map<string, number>()
  for (const u of units) if (u.tier !== undefined) residentsAt.set(u.tier, (residentsAt.get(u.tier) ?? 0) + u.residents)
  const seen = new Map<string, Item<DemandInput>>()
  const out: Demand[] = []
  for (const item of items) {
    const d = item.value
    const prev = seen.get(d.id)
    if (prev) {
      const at = prev.src.locate(prev.path)
      report.error(item, ['id'], `duplicate demand id \`${d.id}\` (first at ${at.file}:${at.line})`, 'rename one')
      continue
    }
    seen.set(d.id, item)
    checkNames(item, d.needs, ctx.vocabs.powers, 'needs', 'power', 'powers', report)
    if (d.category !== undefined && !ctx.vocabs.categories.has(d.category)) {
      report.error(item, ['category'], `unknown category \`${d.category}\``, 'declare it under `categories:`')
    }
    if (!(residentsAt.get(d.at)! > 0)) {
      report.warning(item, ['at'], `no unit of tier \`${d.at}\` has residents: this demand never arises`, 'give `residents:` to the units of that tier, or change `at`')
    }
    out.push({
      id: d.id,
      name: d.name ?? d.id,
      ...(d.category !== undefined && {category: d.category}),
      at: d.at,
      perResidentHour: perResidentHour(d.rate, ctx.clock),
      effort: checkedEffort(d.effort, ctx.clock, item, ['effort'], report),
      ...(d.per !== undefined && {effortPer: effortPer(d.per)}),
      needs: [...(d.needs ?? [])],
      ...(d.contested !== undefined && {contested: resolveContested(item, d.contested, d.needs ?? [], ctx.ix, report)}),
      labels: [...(d.labels ?? [])],
      loc: item.src.locate(item.path),
    })
  }
  return out
}

/** `1000 households` → {size: 1000, basis: 'households'}; the schema checked the form. */
export function effortPer(per: string): EffortPer {
  const m = PER_PATTERN.exec(per)!
  return {size: m[1] === undefined ? 1 : Number(m[1].replaceAll(',', '')), basis: m[2] as EffortPer['basis']}
}

/** Candidates by selector, or the departments holding any needed power; none is an error. */
function resolveContested(
  item: Item<TaskInput | DemandInput>,
  c: NonNullable<TaskInput['contested']>,
  needs: readonly string[],
  ix: UnitIndex,
  report: Report,
): Contested {
  const picked =
    c.candidates !== undefined
      ? selectIndices(ix, c.candidates as Selector)
      : ix.units.flatMap((u, i) => (u.kind === 'department' && needs.some((p) => u.powers.includes(p)) ? [i] : []))
  if (picked.length === 0) {
    report.error(
      item,
      c.candidates !== undefined ? ['contested', 'candidates'] : ['contested'],
      c.candidates !== undefined
        ? `candidates \`${describeSelector(c.candidates as Selector)}\` match no unit`
        : 'no department holds any of the powers this item needs, so nobody can be a candidate',
      'name the candidate departments with `candidates:` (a selector)',
    )
  }
  const owner = c.owner === undefined ? undefined : selectIndices(ix, c.owner as Selector)
  if (owner !== undefined && owner.length === 0) {
    report.error(item, ['contested', 'owner'], `owner \`${describeSelector(c.owner as Selector)}\` matches no unit`, 'name the owning department by id or selector')
  }
  return {
    share: c.share,
    candidates: picked.map((i) => ix.units[i].id),
    ...(owner !== undefined && {owner: owner.map((i) => ix.units[i].id)}),
  }
}

/** An inspection's spread and the inspector's hours; on other kinds they are an error. */
function inspectionFields(item: Item<TaskInput>, clock: Clock, report: Report): Pick<Task, 'spread' | 'inspectorEffort'> {
  const t = item.value
  if ((t.kind ?? 'routine') !== 'inspection') {
    if (t.spread !== undefined) report.error(item, ['spread'], '`spread` applies only to inspections (`kind: inspection`)', 'remove it, or make the task an inspection')
    if (t.inspectorEffort !== undefined) report.error(item, ['inspectorEffort'], '`inspectorEffort` applies only to inspections (`kind: inspection`)', 'remove it, or make the task an inspection')
    return {}
  }
  return {
    ...(t.spread !== undefined && {spread: hours(t.spread, clock)}),
    ...(t.inspectorEffort !== undefined && {inspectorEffort: checkedEffort(t.inspectorEffort, clock, item, ['inspectorEffort'], report)}),
  }
}
