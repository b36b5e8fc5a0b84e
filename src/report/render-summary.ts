// The report's first page: what is overloaded, where work waits, where community time goes and
// what each reform changes, said in sentences with their numbers; then the model and run in
// figures. Only findings the data has are said.
import {t, tOr, type Lang} from '../i18n/index.js'
import {esc} from './escape.js'
import {num, pct, signed} from './format.js'
import {metricFormat, metricLabel, verdict} from './render-compare.js'
import {tierName} from './render-funnel.js'
import type {ComparisonRow, ReportData, ScenarioComparison} from './types.js'

/** Nominal load at or above this is called heavy in the summary. */
export const HEAVY_LOAD = 0.85

/** Key figures a reform sentence names at most. */
const REFORM_FIGURES = 4

export function renderSummary(data: ReportData, lang: Lang): string {
  const items: Array<{cls: string; html: string}> = []
  const tierSentence = overloaded(data, lang)
  if (tierSentence) items.push(tierSentence)
  const f = data.flow
  const b = f?.bottlenecks[0]
  if (f && b && b.waitShare.mean > 0) {
    // Replicas share names (社区1 in every street): the id says which one.
    const name = b.name === b.id ? b.id : `${b.name} ${b.id}`
    items.push({cls: 'alert', html: fill(lang, 'summary.bottleneck', {name, tier: b.tier ? tierName(lang, b.tier) : '–', share: pct(lang, b.waitShare.mean), util: pct(lang, b.utilisation.mean)})})
  }
  if (f && f.timeSplit.service.mean + f.timeSplit.admin.mean + f.timeSplit.inspection.mean > 0) {
    const s = f.timeSplit
    items.push({cls: '', html: fill(lang, 'summary.timeSplit', {inspection: pct(lang, s.inspection.mean, 0), admin: pct(lang, s.admin.mean, 0), service: pct(lang, s.service.mean, 0)})})
  }
  const st = data.structure
  if (st.principals && st.alignment !== undefined) {
    items.push({cls: '', html: fill(lang, 'summary.principals', {mean: num(lang, st.principals.mean, 1), aligned: pct(lang, st.alignment, 0)})})
  }
  const dups = (f?.duplicates ?? []).filter((d) => d.value.mean >= 0.5)
  if (dups.length > 0) {
    const list = dups.map((d) => t(lang, 'summary.dupItem', {value: num(lang, d.value.mean, 0), label: dupLabel(lang, d.key)})).join(lang === 'zh' ? '，' : ', ')
    items.push({cls: '', html: esc(t(lang, 'summary.duplicates', {list}))})
  }
  for (const c of data.comparisons) items.push({cls: 'reform', html: reformSentence(c, lang)})
  const findings = items.length ? `<h3>${esc(t(lang, 'summary.findings'))}</h3>\n<ul class="headline">${items.map((i) => `<li${i.cls ? ` class="${i.cls}"` : ''}>${i.html}</li>`).join('\n')}</ul>` : ''
  return findings + '\n' + settings(data, lang)
}

/** A message with its numbers in bold; every value is escaped. */
function fill(lang: Lang, key: Parameters<typeof t>[1], params: Record<string, string>): string {
  const marked = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, `\u0001${k}\u0002`]))
  return esc(t(lang, key, marked)).replace(/\u0001(\w+)\u0002/g, (_m, k: string) => (/\d/.test(params[k]) ? `<b>${esc(params[k])}</b>` : esc(params[k])))
}

/** The most loaded tier, said with its simulated load, and other heavily loaded tiers. */
function overloaded(data: ReportData, lang: Lang): {cls: string; html: string} | undefined {
  const tiers = data.funnel.filter((f) => Number.isFinite(f.nominalLoad) && f.staff > 0)
  if (tiers.length === 0) return undefined
  const top = tiers.reduce((a, b) => (b.nominalLoad > a.nominalLoad ? b : a))
  const params = {tier: tierName(lang, top.tier), units: num(lang, top.units), staff: num(lang, top.staff), load: pct(lang, top.nominalLoad, 0)}
  let html = fill(lang, top.nominalLoad > 1 ? 'summary.tierOver' : 'summary.tierLoad', params)
  if (top.simulatedLoad) html += fill(lang, 'summary.tierSim', {util: pct(lang, top.simulatedLoad.mean, 0)})
  html += esc(lang === 'zh' ? '。' : '.')
  const others = tiers.filter((f) => f !== top && f.nominalLoad >= HEAVY_LOAD)
  if (others.length) {
    const list = others.map((f) => t(lang, 'summary.tierShare', {tier: tierName(lang, f.tier), load: pct(lang, f.nominalLoad, 0)})).join(lang === 'zh' ? '，' : ', ')
    html += ' ' + esc(t(lang, 'summary.alsoLoaded', {list}))
  }
  return {cls: top.nominalLoad >= HEAVY_LOAD ? 'alert' : '', html}
}

/** What a reform changes: its significant key figures, largest relative change first. */
function reformSentence(c: ScenarioComparison, lang: Lang): string {
  if (c.rows.length === 0) return fill(lang, 'summary.reformStructure', {name: c.name})
  const significant = c.rows.filter((r) => ['better', 'worse', 'changed'].includes(verdict(r)) && Number.isFinite(r.diff.mean))
  if (significant.length === 0) return fill(lang, 'summary.reformNone', {name: c.name})
  const chosen = [...significant].sort((a, b) => relative(b) - relative(a) || (b.better ? 1 : 0) - (a.better ? 1 : 0)).slice(0, REFORM_FIGURES)
  const list = chosen.map((r) => {
    const fmt = metricFormat(lang, r.key, r.unit)
    // A share's change is said in percentage points, not as a percentage.
    const diff = isShare(lang, r) ? t(lang, 'summary.points', {value: signed(lang, r.diff.mean * 100, (v) => num(lang, v, 1))}) : signed(lang, r.diff.mean, fmt)
    return t(lang, 'summary.reformChange', {metric: metricLabel(lang, r), from: fmt(r.baseline.mean), to: fmt(r.scenario.mean)}) + ` (${diff})`
  }).join(lang === 'zh' ? '；' : '; ')
  return esc(t(lang, 'summary.reform', {name: '\u0001', list: '\u0002'})).replace('\u0001', `<b>${esc(c.name)}</b>`).replace('\u0002', esc(list))
}

function isShare(lang: Lang, r: ComparisonRow): boolean {
  return metricFormat(lang, r.key, r.unit)(0.5).includes('%')
}

function relative(r: ComparisonRow): number {
  const base = Math.abs(r.baseline.mean)
  return base > 0 ? Math.abs(r.diff.mean) / base : Math.abs(r.diff.mean) > 0 ? Infinity : 0
}

function dupLabel(lang: Lang, key: string): string {
  const label = tOr(lang, `dup.${key}`, key)
  return lang === 'en' ? label.charAt(0).toLowerCase() + label.slice(1) : label
}

/** The model and the run in figures, below the findings. */
function settings(data: ReportData, lang: Lang): string {
  const m = data.model
  const cards: Array<[string, string]> = [
    [num(lang, m.units), t(lang, 'summary.units')],
    [num(lang, m.staff), t(lang, 'summary.staff')],
    [num(lang, m.tasks), t(lang, 'summary.tasks')],
    [num(lang, m.demand), t(lang, 'summary.demand')],
  ]
  const f = data.flow
  if (f) cards.push([num(lang, f.items.generated.mean), t(lang, 'metric.items.generated')], [num(lang, f.items.completed.mean), t(lang, 'metric.items.completed')])
  const sim = f ? t(lang, 'summary.sim', {seed: f.seed, replications: f.replications, horizon: num(lang, f.horizon), warmup: num(lang, f.warmup)}) : t(lang, 'summary.noSim')
  const check = f?.check ? `<p class="note">${esc(t(lang, 'check.text', {rho: num(lang, f.check.spearman, 2), top: pct(lang, f.check.topAgree, 0)}))}</p>` : ''
  return `<h3>${esc(t(lang, 'summary.settings'))}</h3>
<ul class="cards">${cards.map(([v, k]) => `<li><b>${esc(v)}</b><span>${esc(k)}</span></li>`).join('')}</ul>
<p class="note">${esc(sim)}</p>${check}`
}
