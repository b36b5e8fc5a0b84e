// The second pass: from the merged, schema-checked files to the resolved Model. Settings and
// vocabularies first, then units (expanded), then everything that refers to units.
import {BUILTIN_KINDS, DEFAULT_BUCK_PASSING, DEFAULT_CLOCK, DEFAULT_DEFAULTS, DEFAULT_RULES, REDUNDANCY_WINDOW_DAYS, TERRITORIAL_KINDS} from './types.js'
import type {Clock, Defaults, Hotline, KindDef, Model, Rules, Source, Vocab} from './types.js'
import type {Item, MergedModel, Origin} from './merge.js'
import {Report} from './report.js'
import type {VocabInput} from './schema/common.js'
import type {KindInput} from './schema/settings.js'
import {checkedEffort, hours} from './convert.js'
import {resolveUnits} from './resolve-units.js'
import {resolveDemand, resolveTasks} from './resolve-tasks.js'
import {resolveRelations} from './resolve-relations.js'
import type {TableReader} from './replicas.js'
import {buildUnitIndex, describeSelector, selectIndices} from './selector.js'
import type {Selector, UnitIndex} from './selector.js'

export interface ResolveOptions {
  /** Absolute path of the root file (Model.file). */
  file: string
  root: Origin
  maxUnits: number
  maxRelations: number
  /** Tasks after `count` expansion. */
  maxTasks: number
  /** Reads the CSV tables named by `replicas:` (none without it). */
  readTable?: TableReader
}

export function resolveModel(merged: MergedModel, opts: ResolveOptions): {model?: Model; report: Report} {
  const report = new Report()
  const clock: Clock = {
    hoursPerDay: merged.clock.hoursPerDay?.value ?? DEFAULT_CLOCK.hoursPerDay,
    daysPerYear: merged.clock.daysPerYear?.value ?? DEFAULT_CLOCK.daysPerYear,
  }
  const kinds = resolveKinds(merged.kinds, report)
  const powers = resolveVocab(merged.powers, 'power', report)
  const categories = resolveVocab(merged.categories, 'category', report)
  const vocabs = {
    kinds: new Set<string>([...BUILTIN_KINDS, ...kinds.map((k) => k.id)]),
    powers: new Set(powers.map((p) => p.id)),
    categories: new Set(categories.map((c) => c.id)),
  }
  const territorialKinds = new Set<string>([...TERRITORIAL_KINDS, ...kinds.filter((k) => k.territorial).map((k) => k.id)])
  const defaults = resolveDefaults(merged, clock, report)
  const rules = resolveRules(merged, clock, report)
  if (!merged.id) report.error(opts.root, [], 'missing `id` (the model id)', 'add e.g. `id: my-district`')

  const resolved = resolveUnits(
    merged.units,
    {maxUnits: opts.maxUnits, householdSize: defaults.householdSize, kinds: vocabs.kinds, powers: vocabs.powers, territorialKinds, readTable: opts.readTable, clock},
    report,
  )
  const units = resolved?.units ?? []
  const ix = buildUnitIndex(units)
  const relations = resolved ? resolveRelations(merged.relations, ix, {clock, maxRelations: opts.maxRelations}, report) : []
  const tasks = resolved ? resolveTasks(merged.tasks, ix, {clock, defaults, vocabs, territorialKinds, maxTasks: opts.maxTasks}, report) : []
  const demand = resolveDemand(merged.demand, units, {clock, vocabs, ix}, report)
  if (resolved) resolveHotline(merged, clock, ix, rules, report)
  if (report.failed || !merged.id) return {report}
  const model: Model = {
    format: 1,
    id: merged.id.value,
    name: merged.name?.value ?? merged.id.value,
    ...(merged.description && {description: merged.description.value}),
    sources: merged.sources.map((s): Source => (typeof s.value === 'string' ? {title: s.value} : {...s.value})),
    clock,
    kinds,
    powers,
    categories,
    units,
    relations,
    tasks,
    demand,
    defaults,
    rules,
    file: opts.file,
  }
  return {model, report}
}

function resolveKinds(items: readonly Item<KindInput>[], report: Report): KindDef[] {
  const out: KindDef[] = []
  const seen = new Set<string>()
  for (const item of items) {
    const k = item.value
    const def: KindDef = typeof k === 'string' ? {id: k, name: k, territorial: false} : {id: k.id, name: k.name ?? k.id, territorial: k.territorial ?? false}
    const sub = typeof k === 'string' ? [] : ['id']
    if ((BUILTIN_KINDS as readonly string[]).includes(def.id)) {
      report.error(item, sub, `\`${def.id}\` is a built-in kind`, 'declare only custom kinds; built-in ones need no declaration')
    } else if (seen.has(def.id)) report.error(item, sub, `kind \`${def.id}\` is declared twice`, 'remove one declaration')
    else {
      seen.add(def.id)
      out.push(def)
    }
  }
  return out
}

function resolveVocab(items: readonly Item<VocabInput>[], what: string, report: Report): Vocab[] {
  const out: Vocab[] = []
  const seen = new Set<string>()
  for (const item of items) {
    const v = item.value
    const entry: Vocab = typeof v === 'string' ? {id: v, name: v} : {id: v.id, name: v.name ?? v.id}
    if (seen.has(entry.id)) {
      report.error(item, typeof v === 'string' ? [] : ['id'], `${what} \`${entry.id}\` is declared twice`, 'remove one declaration')
      continue
    }
    seen.add(entry.id)
    out.push(entry)
  }
  return out
}

function resolveDefaults(merged: MergedModel, clock: Clock, report: Report): Defaults {
  const d = merged.defaults
  return {
    relayEffort: d.relayEffort ? checkedEffort(d.relayEffort.value, clock, d.relayEffort, [], report) : DEFAULT_DEFAULTS.relayEffort,
    escalationEffort: d.escalationEffort ? checkedEffort(d.escalationEffort.value, clock, d.escalationEffort, [], report) : DEFAULT_DEFAULTS.escalationEffort,
    formalShare: d.formalShare?.value ?? DEFAULT_DEFAULTS.formalShare,
    householdSize: d.householdSize?.value ?? DEFAULT_DEFAULTS.householdSize,
    collectionValidity: d.collectionValidity ? hours(d.collectionValidity.value, clock) : DEFAULT_DEFAULTS.collectionValidity,
    redundancyWindow: d.redundancyWindow ? hours(d.redundancyWindow.value, clock) : REDUNDANCY_WINDOW_DAYS * clock.hoursPerDay,
    // Defaults written in working days follow the model's clock.
    handoffDelay: d.handoffDelay ? checkedEffort(d.handoffDelay.value, clock, d.handoffDelay, [], report) : {dist: 'exp', mean: clock.hoursPerDay / 2},
    spread: d.spread ? hours(d.spread.value, clock) : 10 * clock.hoursPerDay,
    inspectorEffort: d.inspectorEffort ? checkedEffort(d.inspectorEffort.value, clock, d.inspectorEffort, [], report) : DEFAULT_DEFAULTS.inspectorEffort,
  }
}

function resolveRules(merged: MergedModel, clock: Clock, report: Report): Rules {
  const r = merged.rules
  const whistle = r.whistle?.value
  const sharing = r.dataSharing?.value
  const bp = r.buckPassing?.value
  return {
    responsibility: r.responsibility?.value ?? DEFAULT_RULES.responsibility,
    reportEffort: r.reportEffort ? checkedEffort(r.reportEffort.value, clock, r.reportEffort, [], report) : DEFAULT_RULES.reportEffort,
    ...(whistle && {whistle: {from: [...whistle.from], responseTime: checkedEffort(whistle.responseTime, clock, r.whistle!, ['responseTime'], report)}}),
    ...(sharing && {dataSharing: {fields: sharing.fields === 'all' ? 'all' : [...sharing.fields]}}),
    buckPassing: {
      refusal: bp?.refusal ?? DEFAULT_BUCK_PASSING.refusal,
      maxTransfers: bp?.maxTransfers ?? DEFAULT_BUCK_PASSING.maxTransfers,
      transferEffort: bp?.transferEffort !== undefined ? checkedEffort(bp.transferEffort, clock, r.buckPassing!, ['transferEffort'], report) : DEFAULT_BUCK_PASSING.transferEffort,
      arbitrationEffort: bp?.arbitrationEffort !== undefined ? checkedEffort(bp.arbitrationEffort, clock, r.buckPassing!, ['arbitrationEffort'], report) : DEFAULT_BUCK_PASSING.arbitrationEffort,
    },
  }
}

/** Defaults of the hotline rule (接诉即办); see docs/sources.md. */
export const HOTLINE_DEFAULTS = {
  dispatchEffort: {dist: 'fixed', value: 0.25} as const,
  /** Most requests within hours, ordinary ones by the 24-hour limit (about one working day). */
  dispatchTime: (clock: Clock) => ({dist: 'triangular' as const, min: 0, mode: 1, max: clock.hoursPerDay}),
  deadline: (clock: Clock) => 5 * clock.hoursPerDay,
}

/** The hotline's centres are units, so the rule is completed once units are known. */
function resolveHotline(merged: MergedModel, clock: Clock, ix: UnitIndex, rules: Rules, report: Report): void {
  const item = merged.rules.hotline
  if (!item) return
  const h = item.value
  const centres = selectIndices(ix, h.centres as Selector).map((i) => ix.units[i].id)
  if (centres.length === 0) report.error(item, ['centres'], `centres \`${describeSelector(h.centres as Selector)}\` match no unit`, 'name the dispatch centres by id or selector')
  const hotline: Hotline = {
    centres,
    dispatchEffort: h.dispatchEffort !== undefined ? checkedEffort(h.dispatchEffort, clock, item, ['dispatchEffort'], report) : HOTLINE_DEFAULTS.dispatchEffort,
    dispatchTime: h.dispatchTime !== undefined ? checkedEffort(h.dispatchTime, clock, item, ['dispatchTime'], report) : HOTLINE_DEFAULTS.dispatchTime(clock),
    deadline: h.deadline !== undefined ? hours(h.deadline, clock) : HOTLINE_DEFAULTS.deadline(clock),
  }
  rules.hotline = hotline
}
