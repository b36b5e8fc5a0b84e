// The funnel as an inverted triangle: one trapezoid band per tier, top to bottom, width
// proportional to units or staff, coloured by nominal load, with the tier's numbers beside it.
// Each band is its own small SVG stretched to its row, so the numbers are HTML text that
// wraps on a phone while the bands stay joined.
import {t, tOr, type Lang} from '../i18n/index.js'
import {esc} from './escape.js'
import {est, num, pct, px} from './format.js'
import {loadColour} from './palette.js'
import type {FunnelTier, ReportData} from './types.js'

const MAX_W = 340
const MIN_W = 26
const H = 100

export function tierName(lang: Lang, tier: string): string {
  return tOr(lang, `tier.${tier}`, tier)
}

export function renderFunnel(data: ReportData, lang: Lang): string {
  const tiers = data.funnel
  const value = (f: FunnelTier) => (data.funnelBasis === 'units' ? f.units : f.staff)
  const max = Math.max(1e-9, ...tiers.map(value))
  const widths = tiers.map((f) => Math.max(MIN_W, (value(f) / max) * MAX_W))
  const rows = tiers.map((f, i) => {
    const top = widths[i]
    const bottom = i + 1 < tiers.length ? Math.min(top, widths[i + 1]) : Math.max(MIN_W / 2, top * 0.45)
    const c = MAX_W / 2
    const pts = [[c - top / 2, 0], [c + top / 2, 0], [c + bottom / 2, H], [c - bottom / 2, H]]
    const sim = f.simulatedLoad
    const loads = `${t(lang, 'funnel.nominalLoad')} ${pct(lang, f.nominalLoad)}` + (sim ? ` · ${t(lang, 'funnel.simulatedLoad')} ${est(sim, (x) => pct(lang, x))}` : '')
    return `<div class="funnel-row funnel-tier" data-tier="${esc(f.tier)}">
<div class="funnel-shape"><svg viewBox="0 0 ${MAX_W} ${H}" preserveAspectRatio="none" aria-hidden="true" xmlns="http://www.w3.org/2000/svg"><polygon class="funnel-band" data-tier="${esc(f.tier)}" points="${pts.map((p) => p.map(px).join(',')).join(' ')}" fill="${loadColour(f.nominalLoad)}" stroke="#555" stroke-width="0.8" vector-effect="non-scaling-stroke"><title>${esc(tierName(lang, f.tier))}: ${esc(pct(lang, f.nominalLoad))}</title></polygon></svg><span class="band-load">${esc(pct(lang, f.nominalLoad, 0))}</span></div>
<div class="funnel-text"><div class="band-title">${esc(tierName(lang, f.tier))} · ${esc(num(lang, f.units))} ${esc(t(lang, 'funnel.units'))} · ${esc(num(lang, f.staff))} ${esc(t(lang, 'funnel.staff'))}</div>
<div>${esc(t(lang, 'funnel.issuersAbove'))} ${esc(num(lang, f.issuersAbove))} · ${esc(t(lang, 'funnel.taskItems'))} ${esc(num(lang, f.taskItems))} · ${esc(t(lang, 'funnel.inflow', {hours: num(lang, f.demandedHours)}))}</div>
<div>${esc(loads)}</div></div>
</div>`
  })
  const basis = t(lang, data.funnelBasis === 'units' ? 'funnel.basis.units' : 'funnel.basis.staff')
  return `<div class="funnel" role="img" aria-label="${esc(t(lang, 'funnel.aria'))}">
${rows.join('\n')}
</div>
${loadLegend(lang)}
<p class="note">${esc(t(lang, 'funnel.note', {basis}))}</p>
${funnelTable(tiers, lang)}`
}

function loadLegend(lang: Lang): string {
  const stops = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]
  return `<div class="load-legend" aria-hidden="true">${stops.map((s) => `<span style="border-color:${loadColour(s)}">${esc(pct(lang, s, 0))}</span>`).join('')}</div>`
}

function funnelTable(tiers: FunnelTier[], lang: Lang): string {
  const head = ['funnel.tier', 'funnel.units', 'funnel.staff', 'funnel.issuersAbove', 'funnel.taskItems', 'funnel.demandedHours',
    'funnel.availableHours', 'funnel.nominalLoad', 'funnel.simulatedLoad'] as const
  const cell = (k: (typeof head)[number], v: string) => `<td data-label="${esc(t(lang, k))}">${esc(v)}</td>`
  const rows = tiers.map((f) => `<tr><th scope="row">${esc(tierName(lang, f.tier))}</th>${cell('funnel.units', num(lang, f.units))}${cell('funnel.staff', num(lang, f.staff))}` +
    `${cell('funnel.issuersAbove', num(lang, f.issuersAbove))}${cell('funnel.taskItems', num(lang, f.taskItems))}${cell('funnel.demandedHours', num(lang, f.demandedHours))}` +
    `${cell('funnel.availableHours', num(lang, f.availableHours))}${cell('funnel.nominalLoad', pct(lang, f.nominalLoad))}${cell('funnel.simulatedLoad', est(f.simulatedLoad, (x) => pct(lang, x)))}</tr>`)
  return `<table class="numbers funnel-table stack"><thead><tr>${head.map((k) => `<th scope="col">${esc(t(lang, k))}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`
}
