// Bar charts as HTML: bottleneck ranking, duplicated handling and the time split.
import {t, tOr, type Lang} from '../i18n/index.js'
import {esc} from './escape.js'
import {est, num, pct, px} from './format.js'
import {tierName} from './render-funnel.js'
import type {Est, FlowFacts, TimeSplitEst} from './types.js'

export interface Bar {
  label: string
  value: Est
  /** Text after the bar; defaults to the value with its CI. */
  text: string
}

/**
 * Horizontal bars with 95% CI whiskers, scaled to the largest upper bound. HTML, not SVG, so a
 * long label wraps (never cut) and stays legible on a phone.
 */
export function barChart(bars: Bar[], aria: string, cls: string): string {
  const max = Math.max(1e-9, ...bars.map((b) => (Number.isFinite(b.value.hi) ? Math.max(b.value.hi, b.value.mean) : b.value.mean)))
  const at = (v: number) => `${px((Math.max(0, Math.min(v, max)) / max) * 100)}%`
  const rows = bars.map((b) => {
    const e = b.value
    const whisker = e.n >= 2 && Number.isFinite(e.lo) && Number.isFinite(e.hi) && e.hi > e.lo
      ? `<span class="bar-ci" style="left:${at(e.lo)};width:${px(((Math.min(e.hi, max) - Math.max(0, e.lo)) / max) * 100)}%"></span>`
      : ''
    return `<div class="bar-row"><span class="bar-label">${esc(b.label)}</span><span class="bar-track"><span class="bar-fill" style="width:${at(e.mean)}"></span>${whisker}</span><span class="bar-value">${esc(b.text)}</span></div>`
  })
  return `<div class="bars ${esc(cls)}" role="img" aria-label="${esc(aria)}">${rows.join('')}</div>`
}

export function renderBottlenecks(flow: FlowFacts, lang: Lang, top = 12): string {
  const rows = flow.bottlenecks.slice(0, top)
  if (rows.length === 0) return `<p>${esc(t(lang, 'bottleneck.none'))}</p>${renderGroups(flow, lang)}`
  // Replicated units share names (社区1 in every street): their ids tell them apart.
  const repeated = new Set(rows.map((b) => b.name).filter((n, i, all) => all.indexOf(n) !== i))
  const label = (b: (typeof rows)[number]) => (repeated.has(b.name) ? `${b.name} · ${b.id.split('/').slice(-2).join('/')}` : b.name)
  const share = (e?: Est) => (e ? est(e, (v) => pct(lang, v)) : '–')
  const bars = rows.map((b) => ({label: label(b), value: b.score ?? b.waitShare, text: share(b.score ?? b.waitShare)}))
  const head = ['bottleneck.rank', 'bottleneck.unit', 'bottleneck.tier', 'bottleneck.score', 'bottleneck.utilisation', 'bottleneck.meanWait', 'bottleneck.leadShare', 'bottleneck.waitShare'] as const
  const cell = (k: (typeof head)[number], v: string) => `<td data-label="${esc(t(lang, k))}">${esc(v)}</td>`
  const table = rows.map((b, i) => {
    const tasks = b.topTasks?.map((x) => x.id).join(', ')
    return `<tr>${cell('bottleneck.rank', String(i + 1))}<th scope="row">${esc(b.name)}<br><span class="ci-text">${idHtml(b.id)}${tasks ? ` · ${esc(tasks)}` : ''}</span></th>${cell('bottleneck.tier', b.tier ? tierName(lang, b.tier) : '')}` +
      `${cell('bottleneck.score', share(b.score))}${cell('bottleneck.utilisation', est(b.utilisation, (v) => pct(lang, v)))}${cell('bottleneck.meanWait', b.meanWait ? est(b.meanWait, (v) => num(lang, v)) : '–')}` +
      `${cell('bottleneck.leadShare', share(b.leadShare))}${cell('bottleneck.waitShare', share(b.waitShare))}</tr>`
  })
  return `${barChart(bars, t(lang, 'bottleneck.aria'), 'bottlenecks')}
<p class="note">${esc(t(lang, 'bottleneck.rule'))}</p>
<div class="table-wrap"><table class="numbers bottleneck-table stack"><thead><tr>${head.map((k) => `<th>${esc(t(lang, k))}</th>`).join('')}</tr></thead>
<tbody>${table.join('\n')}</tbody></table></div>${renderGroups(flow, lang)}`
}

/** Groups of replicas whose units are each small but together hold the items up. */
function renderGroups(flow: FlowFacts, lang: Lang): string {
  const groups = (flow.groups ?? []).slice(0, 8)
  if (groups.length === 0) return ''
  const p = (e: Est) => est(e, (v) => pct(lang, v))
  const head = ['group.name', 'group.units', 'group.mean', 'group.max', 'group.above90', 'bottleneck.leadShare'] as const
  const cell = (k: (typeof head)[number], v: string) => `<td data-label="${esc(t(lang, k))}">${esc(v)}</td>`
  const rows = groups.map((g) => `<tr><th scope="row">${esc(g.name)}<br><span class="ci-text">${idHtml(g.key)}</span></th>${cell('group.units', num(lang, g.units))}` +
    `${cell('group.mean', p(g.utilisation.mean))}${cell('group.max', p(g.utilisation.max))}${cell('group.above90', est(g.utilisation.above90, (v) => num(lang, v)))}${cell('bottleneck.leadShare', p(g.leadShare))}</tr>`)
  return `<table class="numbers group-table stack"><caption>${esc(t(lang, 'group.caption'))}</caption><thead><tr>${head.map((k) => `<th>${esc(t(lang, k))}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`
}

/** A unit id that breaks only at its slashes: `district/street-1` never splits at the hyphen. */
export function idHtml(id: string): string {
  return id.split('/').map((part) => `<span class="nobr">${esc(part)}</span>`).join('/<wbr>')
}

export function renderDuplicates(flow: FlowFacts, lang: Lang): string {
  const rows = flow.duplicates.filter((d) => Number.isFinite(d.value.mean))
  if (rows.length === 0 || rows.every((d) => d.value.mean === 0 && d.value.hi <= 0)) return `<p>${esc(t(lang, 'dup.none'))}</p>`
  const bars = rows.map((d) => ({label: tOr(lang, `dup.${d.key}`, d.key), value: d.value, text: est(d.value, (v) => num(lang, v))}))
  const context = (flow.duplicateContext ?? []).filter((d) => Number.isFinite(d.value.mean))
  const table = context.length
    ? `<table class="numbers context-table"><caption>${esc(t(lang, 'dup.context'))}</caption><tbody>${context.map((d) => `<tr><th scope="row">${esc(tOr(lang, `dup.${d.key}`, d.key))}</th><td>${esc(est(d.value, (v) => (/Share$/.test(d.key) ? pct(lang, v) : num(lang, v))))}</td></tr>`).join('')}</tbody></table>`
    : ''
  return barChart(bars, t(lang, 'dup.aria'), 'duplicates') + table
}

const PARTS = ['service', 'admin', 'inspection'] as const
const PART_CLASS = {service: 'part-service', admin: 'part-admin', inspection: 'part-inspection'}

/** One 100% stacked bar per row (baseline, then each scenario), with a legend. */
export function renderTimeSplit(rows: Array<{label: string; split: TimeSplitEst}>, lang: Lang): string {
  const bars = rows.map((r) => {
    const total = PARTS.reduce((s, p) => s + Math.max(0, r.split[p].mean), 0) || 1
    const segs = PARTS.map((p) => {
      const share = Math.max(0, r.split[p].mean) / total
      const title = `${t(lang, `split.${p}`)}: ${est(r.split[p], (v) => pct(lang, v))}`
      return `<span class="${PART_CLASS[p]}" style="width:${px(share * 100)}%" title="${esc(title)}">${share >= 0.08 ? esc(pct(lang, share, 0)) : ''}</span>`
    })
    return `<div class="split-row"><span class="split-label">${esc(r.label)}</span><span class="split-track">${segs.join('')}</span></div>`
  })
  const legend = PARTS.map((p) => `<span class="key"><i class="box ${PART_CLASS[p]}"></i>${esc(t(lang, `split.${p}`))}</span>`).join(' ')
  return `<div class="time-split" role="img" aria-label="${esc(t(lang, 'split.aria'))}">${bars.join('')}</div><div class="legend">${legend}</div>`
}

export function renderRequests(flow: FlowFacts, lang: Lang): string {
  if (flow.requests.length === 0) return `<p>${esc(t(lang, 'requests.none'))}</p>`
  const fmt = (key: string, v: number) => (/(Rate|Share)$/.test(key) ? pct(lang, v) : num(lang, v))
  const rows = flow.requests.map((r) => `<tr><th scope="row">${esc(tOr(lang, `req.${r.key}`, r.key))}</th><td>${esc(est(r.value, (v) => fmt(r.key, v)))}</td></tr>`)
  return `<table class="numbers requests-table"><tbody>${rows.join('\n')}</tbody></table>`
}
