// Typed rows → a model (plain data in the model language, ready to write as YAML). References
// between rows (上级, 责任部门, 类别, 职权) are resolved here, each failure a problem at its
// cell. Vocabularies come from the 类别 and 职权 sheets when given (then a name not in them is
// an error), else from the names used.
import {ID_PATTERN} from '../model/schema/common.js'
import {closest} from './closest.js'
import type {SheetProblem} from './problems.js'
import type {Rows, TableRow} from './tables.js'
import {UnitLookup, buildUnits, problemAt} from './build-units.js'
import type {Problems, UnitOut} from './build-units.js'

export interface ModelOut {
  loudou: 1
  id: string
  name: string
  description?: string
  sources: {title: string; note?: string}[]
  powers?: {id: string; name: string}[]
  categories?: {id: string; name: string}[]
  units: UnitOut[]
  tasks?: Record<string, unknown>[]
  demand?: Record<string, unknown>[]
}

/** A vocabulary by id and by name; new names get ids when no sheet declares them. */
class Vocab {
  readonly entries: {id: string; name: string}[] = []
  private readonly byWord = new Map<string, string>()
  constructor(
    private readonly prefix: string,
    private readonly declared: boolean,
  ) {}

  add(row: TableRow | undefined, id: string | undefined, name: string, problem?: Problems): string {
    const taken = (x: string) => this.entries.some((e) => e.id === x)
    if (id !== undefined && row && problem && (!ID_PATTERN.test(id) || taken(id))) {
      problem(row, 'id', !ID_PATTERN.test(id) ? `编号 "${id}" is not an id` : `编号 "${id}" is already used`, 'an id is made of letters, digits, `.`, `_` and `-`, once each')
      id = undefined
    }
    if (id === undefined && ID_PATTERN.test(name) && !taken(name)) id = name
    for (let k = this.entries.length + 1; id === undefined || taken(id); k++) id = `${this.prefix}-${k}`
    this.entries.push({id, name})
    this.byWord.set(id, id)
    this.byWord.set(name, id)
    return id
  }

  /** The id a cell's word stands for; a new entry unless the vocabulary was declared. */
  find(row: TableRow, key: string, word: string, problem: Problems, sheet: string): string | undefined {
    const id = this.byWord.get(word)
    if (id !== undefined) return id
    if (!this.declared) return this.add(undefined, undefined, word)
    const meant = closest(word, this.byWord.keys())
    problem(row, key, `"${word}" is not in the ${sheet} sheet`, meant ? `did you mean ${meant}?` : `add it to the ${sheet} sheet`)
    return undefined
  }
}

export function buildModel(rows: Rows, meta: {id: string; name: string; sources: {title: string; note?: string}[]}): {model: ModelOut; problems: SheetProblem[]} {
  const problems: SheetProblem[] = []
  const problem = problemAt(problems)
  const categories = new Vocab('category', rows.categories.length > 0)
  const powers = new Vocab('power', rows.powers.length > 0)
  for (const r of rows.categories) if (r.values.name !== undefined) categories.add(r, r.values.id as string | undefined, r.values.name as string, problem)
  for (const r of rows.powers) if (r.values.name !== undefined) powers.add(r, r.values.id as string | undefined, r.values.name as string, problem)
  const powerId = (key: string) => (row: TableRow, word: string) => powers.find(row, key, word, problem, '职权 (powers)')

  const lookup = new UnitLookup(rows.units, problem)
  const {units, fullIds} = buildUnits(rows.units, lookup, powerId('powers'), problem)

  // Rows' own ids are claimed first: generated ids (`task-12`, from the row) go around them.
  const reserved = new Set([...rows.tasks, ...rows.demand].map((r) => r.values.id).filter((g): g is string => typeof g === 'string'))
  const taken = new Set<string>()
  const idOf = (r: TableRow, prefix: string): string => {
    const given = r.values.id as string | undefined
    if (given !== undefined && !ID_PATTERN.test(given)) problem(r, 'id', `编号 "${given}" is not an id`, 'an id is made of letters, digits, `.`, `_` and `-`; or leave it empty')
    else if (given !== undefined && taken.has(given)) problem(r, 'id', `编号 "${given}" is already used`, 'give each row its own 编号')
    else if (given !== undefined) return taken.add(given), given
    let k = r.row
    while (reserved.has(`${prefix}-${k}`) || taken.has(`${prefix}-${k}`)) k++
    taken.add(`${prefix}-${k}`)
    return `${prefix}-${k}`
  }

  const effort = (r: TableRow) => (r.values.effortSd === undefined ? r.values.effort : {dist: 'lognormal', mean: r.values.effort, sd: r.values.effortSd})
  const category = (r: TableRow) => (r.values.category === undefined ? undefined : categories.find(r, 'category', r.values.category as string, problem, '类别 (categories)'))
  const needs = (r: TableRow) => ((r.values.needs as string[] | undefined) ?? []).map((p) => powerId('needs')(r, p)).filter((p) => p !== undefined)

  const tasks = rows.tasks.map((r) => {
    const v = r.values
    const issuers = new Set<string>()
    for (const ref of (v.issuer as string[] | undefined) ?? []) {
      const found = lookup.find(ref)
      if (found.length === 0) problem(r, 'issuer', `${r.cells.issuer.header} "${ref}" is not a unit of the units sheet`, lookup.suggest(ref))
      for (const k of found) if (fullIds[k] !== undefined) issuers.add(fullIds[k])
    }
    const arrival = (v.frequency ?? v.perYear) as {every?: string; rate?: string} | undefined
    if (v.offset !== undefined && arrival?.rate !== undefined) problem(r, 'offset', `${r.cells.offset.header} applies to a period (每月 …), not to a rate`, 'write a period in 频次, or leave this cell empty')
    const labels = [...((v.labels as string[] | undefined) ?? []), ...(v.statutory === undefined ? [] : [v.statutory ? 'statutory' : 'assisting'])]
    const n = needs(r)
    return {
      id: idOf(r, 'task'),
      name: v.name,
      ...(v.category !== undefined && {category: category(r)}),
      issuer: issuers.size === 1 ? [...issuers][0] : [...issuers],
      target: v.target,
      ...(v.kind !== undefined && {kind: v.kind}),
      ...arrival,
      ...(v.offset !== undefined && arrival?.every !== undefined && {offset: v.offset}),
      effort: effort(r),
      ...(n.length > 0 && {needs: n}),
      ...(v.collects !== undefined && (v.collects as string[]).length > 0 && {collects: v.collects}),
      ...(v.contacts !== undefined && {contacts: v.contacts}),
      ...(v.veto === true && {veto: true}),
      ...(v.deadline !== undefined && {deadline: v.deadline}),
      ...(labels.length > 0 && {labels}),
      ...(v.count !== undefined && {count: v.count}),
    }
  })
  const demand = rows.demand.map((r) => {
    const v = r.values
    const n = needs(r)
    return {
      id: idOf(r, 'request'),
      name: v.name,
      ...(v.category !== undefined && {category: category(r)}),
      at: v.at,
      rate: v.rate ?? v.perThousandYear,
      effort: effort(r),
      ...(n.length > 0 && {needs: n}),
    }
  })
  const model: ModelOut = {
    loudou: 1,
    id: meta.id,
    name: meta.name,
    sources: meta.sources,
    ...(powers.entries.length > 0 && {powers: powers.entries}),
    ...(categories.entries.length > 0 && {categories: categories.entries}),
    units,
    ...(tasks.length > 0 && {tasks}),
    ...(demand.length > 0 && {demand}),
  }
  return {model, problems}
}
