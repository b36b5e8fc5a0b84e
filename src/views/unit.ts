// Human output of `loudou inspect --unit`: why a unit (or a set of units) is loaded, as
// tables in English or Chinese. Names come from the model; words from the message catalogue.
import {t, tOr, type Lang} from '../i18n/index.js'
import type {LoadRole, LoadRow, UnitBreakdown} from '../metrics/structure/unit-breakdown.js'
import type {Model} from '../model/types.js'
import {formatNumber, renderTable} from './table.js'

export interface UnitViewOptions {
  /** How many rows each table lists before summing up the rest (default 10). */
  top?: number
  /** The --unit value, named when it matched several units. */
  selector?: string
}

/** Words for the model's vocabulary in the language asked for. */
export interface Names {
  tier(tier: string | undefined): string
  unitKind(kind: string): string
  taskKind(kind: string): string
  category(id: string | undefined): string
  unit(ref: {id: string; name: string}): string
}

export function namesFor(model: Model, lang: Lang): Names {
  const kinds = new Map(model.kinds.map((k) => [k.id, k.name]))
  const cats = new Map(model.categories.map((c) => [c.id, c.name]))
  return {
    tier: (x) => (x === undefined ? '' : tOr(lang, `tier.${x}`, x)),
    unitKind: (k) => tOr(lang, `kind.${k}`, kinds.get(k) ?? k),
    taskKind: (k) => tOr(lang, `taskKind.${k}`, k),
    category: (id) => (id === undefined ? '' : (cats.get(id) ?? id)),
    unit: (u) => (u.name === u.id ? u.id : `${u.name} (${u.id})`),
  }
}

export function renderUnitBreakdown(model: Model, b: UnitBreakdown, lang: Lang, options: UnitViewOptions = {}): string {
  const top = options.top ?? 10
  const n = namesFor(model, lang)
  const pct = (x: number | null): string => (x === null || !Number.isFinite(x) ? '-' : `${(x * 100).toFixed(1)}%`)
  const h = (x: number): number => Math.round(x)
  const perYear = (x: number): string => formatNumber(Math.round(x * 10) / 10, 1).replace(/\.0$/, '')
  const col = (k: string): string => t(lang, `why.col.${k}` as Parameters<typeof t>[1])
  const parts: string[] = []
  const one = b.units.length === 1 ? b.units[0] : undefined
  const loadText = {staff: formatNumber(b.staff), demanded: formatNumber(h(b.demandedHours)), available: formatNumber(h(b.availableHours)), load: pct(b.load)}
  if (one) {
    parts.push(t(lang, 'why.title', {name: n.unit(one)}) + '\n' + t(lang, 'why.head', {kind: n.unitKind(one.kind), tier: lower(lang, n.tier(one.tier)), ...loadText}))
    if (b.chain.length > 0) parts[0] += '\n' + t(lang, 'why.chain', {chain: b.chain.map((c) => n.unit(c)).join(' ← ')})
    parts[0] += '\n'
  } else {
    const kinds = [...new Set(b.units.map((u) => n.unitKind(u.kind)))].join(', ')
    const tiers = [...new Set(b.units.map((u) => lower(lang, n.tier(u.tier))))].join(', ')
    parts.push(t(lang, 'why.titleMany', {n: b.units.length, selector: options.selector ?? ''}) + '\n' + t(lang, 'why.head', {kind: kinds, tier: tiers, ...loadText}) + '\n')
    const byLoad = [...b.units].sort((x, y) => y.load - x.load || (x.id < y.id ? -1 : 1))
    const rows = byLoad.slice(0, top).map((u) => [n.unit(u), n.tier(u.tier), u.staff, h(u.demandedHours), pct(u.load)])
    parts.push(renderTable([col('unit'), col('tier'), col('staff'), col('hours'), col('load')], rows, {title: t(lang, 'why.units'), align: ['left', 'left', 'right', 'right', 'right']}) + more(lang, byLoad.length - top))
  }
  if (!(b.demandedHours > 0)) return parts.join('\n') + '\n' + t(lang, 'why.nothing') + '\n'

  const comps = Object.entries(b.components).filter(([, v]) => v > 0).sort((x, y) => y[1] - x[1])
  parts.push(renderTable([col('source'), col('hours'), col('share')], [
    ...comps.map(([k, v]) => [t(lang, `why.component.${k}` as Parameters<typeof t>[1]), h(v), pct(v / b.demandedHours)]),
    [t(lang, 'why.total'), h(b.demandedHours), pct(1)],
  ], {title: t(lang, 'why.components'), align: ['left', 'right', 'right']}))

  const tasks = b.byTask.slice(0, top).map((r) => [
    r.name, r.id, n.taskKind(r.kind), n.category(r.category), issuersText(model, r.issuers, r.type === 'request' ? t(lang, 'why.residents') : ''),
    perYear(r.itemsPerYear), h(r.hoursPerYear), pct(r.share), r.roles.map((x) => role(lang, x)).join(lang === 'zh' ? '、' : ', '),
  ])
  parts.push(renderTable([col('item'), col('id'), col('kind'), col('category'), col('issuer'), col('perYear'), col('hours'), col('share'), col('role')], tasks,
    {title: t(lang, 'why.byTask'), align: ['left', 'left', 'left', 'left', 'left', 'right', 'right', 'right', 'left']}) + rest(lang, b.byTask, top, pct))

  const issuers = b.byIssuer.slice(0, top).map((r) => [n.unit(r), n.tier(r.tier), n.unitKind(r.kind), r.tasks, h(r.hoursPerYear), pct(r.share), t(lang, r.principal ? 'why.yes' : 'why.no')])
  if (issuers.length > 0) {
    parts.push(renderTable([col('unit'), col('tier'), col('kind'), col('tasks'), col('hours'), col('share'), col('principal')], issuers,
      {title: t(lang, 'why.byIssuer'), align: ['left', 'left', 'left', 'right', 'right', 'right', 'left']}) + rest(lang, b.byIssuer, top, pct))
  }
  parts.push(rowTable(b.byKind, t(lang, 'why.byKind'), col('kind'), (r) => n.taskKind(r.id), col, pct))
  if (b.byCategory.length > 0) parts.push(rowTable(b.byCategory.slice(0, top), t(lang, 'why.byCategory'), col('category'), (r) => r.name, col, pct) + rest(lang, b.byCategory, top, pct))

  const principals = b.byIssuer.filter((r) => r.principal)
  const list = principals.map((p) => n.unit(p)).join(lang === 'zh' ? '；' : '; ')
  parts.push((principals.length > 0 ? t(lang, 'why.principalsList', {n: principals.length, list}) : t(lang, 'why.principals')) + '\n')

  if (b.lacks.length === 0) parts.push(t(lang, 'why.noLacks') + '\n')
  else {
    const rows = b.lacks.map((l) => [
      l.name === l.power ? l.power : `${l.name} (${l.power})`,
      listText(l.items.map((i) => i.name), 3, lang),
      perYear(l.itemsPerYear),
      h(l.hoursPerYear),
      [...(l.resolvers.length > 0 ? [listText(l.resolvers.map((r) => n.unit(r)), 3, lang)] : []), ...(l.unresolvedPerYear > 0 ? [t(lang, 'why.unresolved', {n: perYear(l.unresolvedPerYear)})] : [])].join(lang === 'zh' ? '；' : '; '),
    ])
    parts.push(renderTable([col('power'), col('needs'), col('perYear'), col('own'), col('resolvedBy')], rows, {title: t(lang, 'why.lacks'), align: ['left', 'left', 'right', 'right', 'left']}))
  }
  return parts.join('\n')
}

function lower(lang: Lang, s: string): string {
  return lang === 'en' ? s.toLowerCase() : s
}

function role(lang: Lang, r: LoadRole): string {
  return t(lang, `why.role.${r}` as Parameters<typeof t>[1])
}

function rowTable(rows: LoadRow[], title: string, head: string, label: (r: LoadRow) => string, col: (k: string) => string, pct: (x: number) => string): string {
  return renderTable([head, col('perYear'), col('hours'), col('share')], rows.map((r) => [label(r), formatNumber(Math.round(r.itemsPerYear)), Math.round(r.hoursPerYear), pct(r.share)]),
    {title, align: ['left', 'right', 'right', 'right']})
}

/** The line under a cut table: how many rows were left out and their hours. */
function rest(lang: Lang, rows: LoadRow[], top: number, pct: (x: number) => string): string {
  const left = rows.slice(top)
  if (left.length === 0) return ''
  const hours = left.reduce((s, r) => s + r.hoursPerYear, 0)
  const share = left.reduce((s, r) => s + r.share, 0)
  return `${t(lang, 'why.more', {n: left.length})}: ${formatNumber(Math.round(hours))} ${t(lang, 'unit.hours')} (${pct(share)})\n`
}

function more(lang: Lang, left: number): string {
  return left > 0 ? t(lang, 'why.more', {n: left}) + '\n' : ''
}

function issuersText(model: Model, ids: string[], none: string): string {
  if (ids.length === 0) return none
  const first = model.units.find((u) => u.id === ids[0])
  const name = first ? (first.name === first.id ? first.id : first.name) : ids[0]
  return ids.length > 1 ? `${name} +${ids.length - 1}` : name
}

function listText(items: string[], max: number, lang: Lang): string {
  const sep = lang === 'zh' ? '、' : ', '
  return items.length > max ? items.slice(0, max).join(sep) + ` +${items.length - max}` : items.join(sep)
}

