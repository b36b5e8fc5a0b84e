// Bar charts drawn as inline SVG: bottleneck ranking, duplicated handling and the time split.
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

const LABEL_W = 260
const BAR_W = 460
const ROW_H = 24

/** Horizontal bars with 95% CI whiskers, scaled to the largest upper bound. */
export function barChart(bars: Bar[], aria: string, cls: string): string {
  const max = Math.max(1e-9, ...bars.map((b) => (Number.isFinite(b.value.hi) ? Math.max(b.value.hi, b.value.mean) : b.value.mean)))
  const x = (v: number) => LABEL_W + (Math.max(0, v) / max) * BAR_W
  const rows = bars.map((b, i) => {
    const y = i * ROW_H + 4
    const e = b.value
    const whisker = e.n >= 2 && Number.isFinite(e.lo) && Number.isFinite(e.hi)
      ? `<line class="whisker" x1="${px(x(e.lo))}" x2="${px(x(e.hi))}" y1="${y + 8}" y2="${y + 8}"/><line class="whisker" x1="${px(x(e.lo))}" x2="${px(x(e.lo))}" y1="${y + 3}" y2="${y + 13}"/><line class="whisker" x1="${px(x(e.hi))}" x2="${px(x(e.hi))}" y1="${y + 3}" y2="${y + 13}"/>`
      : ''
    return `<g class="bar-row"><text x="${LABEL_W - 8}" y="${y + 12}" text-anchor="end">${esc(clip(b.label, 34))}<title>${esc(b.label)}</title></text>` +
      `<rect class="bar" x="${LABEL_W}" y="${y + 2}" width="${px(x(e.mean) - LABEL_W)}" height="12"/>${whisker}` +
      `<text x="${LABEL_W + BAR_W + 10}" y="${y + 12}" class="small">${esc(b.text)}</text></g>`
  })
  const h = bars.length * ROW_H + 8
  return `<svg class="chart ${esc(cls)}" viewBox="0 0 960 ${h}" width="100%" role="img" aria-label="${esc(aria)}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`
}

export function renderBottlenecks(flow: FlowFacts, lang: Lang, top = 12): string {
  const rows = flow.bottlenecks.slice(0, top)
  if (rows.length === 0) return `<p>${esc(t(lang, 'bottleneck.none'))}</p>${renderGroups(flow, lang)}`
  // Replicated units share names (社区1 in every street): their ids tell them apart.
  const repeated = new Set(rows.map((b) => b.name).filter((n, i, all) => all.indexOf(n) !== i))
  const label = (b: (typeof rows)[number]) => (repeated.has(b.name) ? `${b.name} · ${b.id.split('/').slice(-2).join('/')}` : b.name)
  const share = (e?: Est) => (e ? est(e, (v) => pct(lang, v)) : '–')
  const bars = rows.map((b) => ({label: label(b), value: b.score ?? b.waitShare, text: share(b.score ?? b.waitShare)}))
  const table = rows.map((b, i) => {
    const tasks = b.topTasks?.map((x) => x.id).join(', ')
    return `<tr><td>${i + 1}</td><th scope="row">${esc(b.name)}<br><span class="ci-text">${esc(b.id)}${tasks ? ` · ${esc(tasks)}` : ''}</span></th><td>${esc(b.tier ? tierName(lang, b.tier) : '')}</td>` +
      `<td>${esc(share(b.score))}</td><td>${esc(est(b.utilisation, (v) => pct(lang, v)))}</td><td>${esc(b.meanWait ? est(b.meanWait, (v) => num(lang, v)) : '–')}</td>` +
      `<td>${esc(share(b.leadShare))}</td><td>${esc(share(b.waitShare))}</td></tr>`
  })
  const head = ['bottleneck.rank', 'bottleneck.unit', 'bottleneck.tier', 'bottleneck.score', 'bottleneck.utilisation', 'bottleneck.meanWait', 'bottleneck.leadShare', 'bottleneck.waitShare'] as const
  return `${barChart(bars, t(lang, 'bottleneck.aria'), 'bottlenecks')}
<p class="note">${esc(t(lang, 'bottleneck.rule'))}</p>
<table class="numbers bottleneck-table"><thead><tr>${head.map((k) => `<th>${esc(t(lang, k))}</th>`).join('')}</tr></thead>
<tbody>${table.join('\n')}</tbody></table>${renderGroups(flow, lang)}`
}

/** Groups of replicas whose units are each small but together hold the items up. */
function renderGroups(flow: FlowFacts, lang: Lang): string {
  const groups = (flow.groups ?? []).slice(0, 8)
  if (groups.length === 0) return ''
  const p = (e: Est) => est(e, (v) => pct(lang, v))
  const rows = groups.map((g) => `<tr><th scope="row">${esc(g.name)}<br><span class="ci-text">${esc(g.key)}</span></th><td>${esc(num(lang, g.units))}</td>` +
    `<td>${esc(p(g.utilisation.mean))}</td><td>${esc(p(g.utilisation.max))}</td><td>${esc(est(g.utilisation.above90, (v) => num(lang, v)))}</td><td>${esc(p(g.leadShare))}</td></tr>`)
  const head = ['group.name', 'group.units', 'group.mean', 'group.max', 'group.above90', 'bottleneck.leadShare'] as const
  return `<table class="numbers group-table"><caption>${esc(t(lang, 'group.caption'))}</caption><thead><tr>${head.map((k) => `<th>${esc(t(lang, k))}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`
}

export function renderDuplicates(flow: FlowFacts, lang: Lang): string {
  const rows = flow.duplicates.filter((d) => Number.isFinite(d.value.mean))
  if (rows.length === 0 || rows.every((d) => d.value.mean === 0 && d.value.hi <= 0)) return `<p>${esc(t(lang, 'dup.none'))}</p>`
  const bars = rows.map((d) => ({label: tOr(lang, `dup.${d.key}`, d.key), value: d.value, text: est(d.value, (v) => num(lang, v))}))
  const context = (flow.duplicateContext ?? []).filter((d) => Number.isFinite(d.value.mean))
  const table = context.length
    ? `<table class="numbers context-table"><caption>${esc(t(lang, 'dup.context'))}</caption><tbody>${context.map((d) => `<tr><th scope="row">${esc(tOr(lang, `dup.${d.key}`, d.key))}</th><td>${esc(est(d.value, (v) => num(lang, v)))}</td></tr>`).join('')}</tbody></table>`
    : ''
  return barChart(bars, t(lang, 'dup.aria'), 'duplicates') + table
}

const PARTS = ['service', 'admin', 'inspection'] as const
const PART_CLASS = {service: 'part-service', admin: 'part-admin', inspection: 'part-inspection'}

/** One 100% stacked bar per row (baseline, then each scenario), with a legend. */
export function renderTimeSplit(rows: Array<{label: string; split: TimeSplitEst}>, lang: Lang): string {
  const x0 = 280
  const w = 560
  const bars = rows.map((r, i) => {
    const y = i * 34 + 4
    const total = PARTS.reduce((s, p) => s + Math.max(0, r.split[p].mean), 0) || 1
    let x = x0
    const segs = PARTS.map((p) => {
      const share = Math.max(0, r.split[p].mean) / total
      const seg = `<rect class="${PART_CLASS[p]}" x="${px(x)}" y="${y}" width="${px(share * w)}" height="22"><title>${esc(t(lang, `split.${p}`))}: ${esc(est(r.split[p], (v) => pct(lang, v)))}</title></rect>` +
        (share >= 0.08 ? `<text x="${px(x + (share * w) / 2)}" y="${y + 15}" text-anchor="middle" class="on-bar">${esc(pct(lang, share, 0))}</text>` : '')
      x += share * w
      return seg
    })
    return `<g class="split-row"><text x="${x0 - 8}" y="${y + 15}" text-anchor="end">${esc(clip(r.label, 36))}</text>${segs.join('')}</g>`
  })
  const ly = rows.length * 34 + 10
  const legend = PARTS.map((p, i) => `<rect class="${PART_CLASS[p]}" x="${x0 + i * 200}" y="${ly}" width="12" height="12"/><text x="${x0 + i * 200 + 18}" y="${ly + 11}" class="small">${esc(t(lang, `split.${p}`))}</text>`)
  return `<svg class="chart time-split" viewBox="0 0 960 ${ly + 20}" width="100%" role="img" aria-label="${esc(t(lang, 'split.aria'))}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}${legend.join('')}</svg>`
}

export function renderRequests(flow: FlowFacts, lang: Lang): string {
  if (flow.requests.length === 0) return `<p>${esc(t(lang, 'requests.none'))}</p>`
  const fmt = (key: string, v: number) => (/(Rate|Share)$/.test(key) ? pct(lang, v) : num(lang, v))
  const rows = flow.requests.map((r) => `<tr><th scope="row">${esc(tOr(lang, `req.${r.key}`, r.key))}</th><td>${esc(est(r.value, (v) => fmt(r.key, v)))}</td></tr>`)
  return `<table class="numbers requests-table"><tbody>${rows.join('\n')}</tbody></table>`
}

function clip(s: string, n: number): string {
  // Keep the end, where replicas differ (…/street-2/community-1), when the text is long.
  const chars = [...s]
  return chars.length > n ? '…' + chars.slice(chars.length - n + 1).join('') : s
}
