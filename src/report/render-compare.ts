// Baseline versus reform: one table per scenario with the paired difference, its 95% CI drawn
// as a whisker around zero, and a marker saying whether it is significant and which way.
import {t, tOr, type Lang} from '../i18n/index.js'
import {reformName, word} from '../i18n/message.js'
import {esc} from './escape.js'
import {est, num, pct, px, signed} from './format.js'
import type {ComparisonRow, Est, ScenarioComparison} from './types.js'

/** Shares are shown as percentages, everything else as numbers. */
export function metricFormat(lang: Lang, key: string, unit?: ComparisonRow['unit']): (x: number) => string {
  if (unit) return unit === 'share' ? (x) => pct(lang, x) : (x) => num(lang, x)
  return /^timeSplit\.|^load\.|(Rate|Share|utilisation|alignment)$/.test(key) ? (x) => pct(lang, x) : (x) => num(lang, x)
}

export function metricLabel(lang: Lang, row: Pick<ComparisonRow, 'key' | 'label'>): string {
  return row.label?.[lang] ?? tOr(lang, `metric.${row.key}`, row.key)
}

export type Verdict = 'better' | 'worse' | 'changed' | 'ns' | 'same'

export function verdict(row: ComparisonRow): Verdict {
  if (row.noChange) return 'same'
  if (!row.significant) return 'ns'
  if (!row.better) return 'changed'
  const up = row.diff.mean > 0
  return (row.better === 'higher') === up ? 'better' : 'worse'
}

const MARK: Record<Verdict, string> = {better: '●', worse: '●', changed: '●', ns: '○', same: '='}

export function renderComparison(c: ScenarioComparison, lang: Lang): string {
  const changes = c.changes.length
    ? `<details open class="changes"><summary>${esc(t(lang, 'compare.changes'))}</summary><ul>${c.changes.flatMap((x) => x.messages.map((m) => `<li>${esc(reformName(x.reform, lang))}: ${esc(word(lang, m))}</li>`)).join('')}</ul></details>`
    : ''
  const rows = c.rows.map((r) => {
    const fmt = metricFormat(lang, r.key, r.unit)
    const v = verdict(r)
    const word = t(lang, `compare.${v}`)
    const cell = (key: 'compare.baseline' | 'compare.scenario' | 'compare.diff', html: string) => `<td data-label="${esc(t(lang, key))}"><span>${html}</span></td>`
    return `<tr class="verdict-${v}" data-metric="${esc(r.key)}"><th scope="row">${esc(metricLabel(lang, r))}</th>` +
      cell('compare.baseline', twoLine(r.baseline, fmt)) + cell('compare.scenario', twoLine(r.scenario, fmt)) +
      cell('compare.diff', v === 'same' ? esc(word) : `${esc(signed(lang, r.diff.mean, fmt))}<br><span class="ci-text">[${esc(signed(lang, r.diff.lo, fmt))}, ${esc(signed(lang, r.diff.hi, fmt))}]</span>`) +
      `<td class="whisker-cell">${whisker(r.diff)}</td><td class="mark" title="${esc(word)}"><span aria-hidden="true">${MARK[v]}</span> ${esc(word)}</td></tr>`
  })
  return `<section class="scenario" data-scenario="${esc(c.id)}">
<h3>${esc(c.name)}</h3>
${changes}
<table class="numbers compare-table stack"><thead><tr><th scope="col">${esc(t(lang, 'compare.metric'))}</th><th scope="col">${esc(t(lang, 'compare.baseline'))}</th><th scope="col">${esc(t(lang, 'compare.scenario'))}</th><th scope="col">${esc(t(lang, 'compare.diff'))}</th><th scope="col">${esc(t(lang, 'compare.chart'))}</th><th scope="col"></th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`
}

/** The mean, and its CI on a second, smaller line. */
function twoLine(e: Est, fmt: (x: number) => string): string {
  const ci = e.n >= 2 && Number.isFinite(e.lo) && Number.isFinite(e.hi) ? `<br><span class="ci-text">[${esc(fmt(e.lo))}–${esc(fmt(e.hi))}]</span>` : ''
  return esc(fmt(e.mean)) + ci
}

/** The difference and its CI on an axis symmetric around zero. */
export function whisker(d: Est): string {
  const w = 130
  const mid = w / 2
  const span = Math.max(1e-12, Math.abs(d.lo), Math.abs(d.hi), Math.abs(d.mean)) * 1.1
  const x = (v: number) => mid + (Number.isFinite(v) ? v / span : 0) * (mid - 4)
  const ci = Number.isFinite(d.lo) && Number.isFinite(d.hi)
    ? `<line class="ci" x1="${px(x(d.lo))}" x2="${px(x(d.hi))}" y1="9" y2="9"/><line class="ci" x1="${px(x(d.lo))}" x2="${px(x(d.lo))}" y1="5" y2="13"/><line class="ci" x1="${px(x(d.hi))}" x2="${px(x(d.hi))}" y1="5" y2="13"/>`
    : ''
  return `<svg class="ci-whisker" viewBox="0 0 ${w} 18" width="${w}" height="18" aria-hidden="true" xmlns="http://www.w3.org/2000/svg"><line class="zero" x1="${mid}" x2="${mid}" y1="1" y2="17"/>${ci}<circle cx="${px(x(d.mean))}" cy="9" r="3.5"/></svg>`
}
