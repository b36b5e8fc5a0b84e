// The funnel as an inverted triangle: one trapezoid band per tier, top to bottom, width
// proportional to units or staff, coloured by nominal load, labelled with the tier's numbers.
import {t, tOr, type Lang} from '../i18n/index.js'
import {esc} from './escape.js'
import {est, num, pct, px} from './format.js'
import {loadColour} from './palette.js'
import type {FunnelTier, ReportData} from './types.js'

const BAND = 74
const GAP = 4
const MAX_W = 340
const MIN_W = 26
const CX = 190
const TEXT_X = 390

export function tierName(lang: Lang, tier: string): string {
  return tOr(lang, `tier.${tier}`, tier)
}

export function renderFunnel(data: ReportData, lang: Lang): string {
  const tiers = data.funnel
  const value = (f: FunnelTier) => (data.funnelBasis === 'units' ? f.units : f.staff)
  const max = Math.max(1e-9, ...tiers.map(value))
  const widths = tiers.map((f) => Math.max(MIN_W, (value(f) / max) * MAX_W))
  const height = tiers.length * (BAND + GAP) + 30
  const bands = tiers.map((f, i) => {
    const top = widths[i]
    const bottom = i + 1 < tiers.length ? Math.min(top, widths[i + 1]) : Math.max(MIN_W / 2, top * 0.45)
    const y0 = i * (BAND + GAP)
    const y1 = y0 + BAND
    const pts = [[CX - top / 2, y0], [CX + top / 2, y0], [CX + bottom / 2, y1], [CX - bottom / 2, y1]]
    const sim = f.simulatedLoad
    const line3 = `${t(lang, 'funnel.nominalLoad')} ${pct(lang, f.nominalLoad)}` +
      (sim ? ` · ${t(lang, 'funnel.simulatedLoad')} ${est(sim, (x) => pct(lang, x))}` : '')
    return `<g class="funnel-tier" data-tier="${esc(f.tier)}">
<polygon class="funnel-band" data-tier="${esc(f.tier)}" points="${pts.map((p) => p.map(px).join(',')).join(' ')}" fill="${loadColour(f.nominalLoad)}" stroke="#555" stroke-width="0.8"><title>${esc(tierName(lang, f.tier))}: ${esc(pct(lang, f.nominalLoad))}</title></polygon>
<text class="band-load" x="${CX}" y="${px(y0 + BAND / 2 + 5)}" text-anchor="middle">${esc(pct(lang, f.nominalLoad, 0))}</text>
<text x="${TEXT_X}" y="${px(y0 + 20)}" class="band-title">${esc(tierName(lang, f.tier))} · ${esc(num(lang, f.units))} ${esc(t(lang, 'funnel.units'))} · ${esc(num(lang, f.staff))} ${esc(t(lang, 'funnel.staff'))}</text>
<text x="${TEXT_X}" y="${px(y0 + 41)}">${esc(t(lang, 'funnel.issuersAbove'))} ${esc(num(lang, f.issuersAbove))} · ${esc(t(lang, 'funnel.taskItems'))} ${esc(num(lang, f.taskItems))} · ${esc(t(lang, 'funnel.inflow', {hours: num(lang, f.demandedHours)}))}</text>
<text x="${TEXT_X}" y="${px(y0 + 62)}">${esc(line3)}</text>
</g>`
  })
  const svg = `<svg class="funnel" viewBox="0 0 960 ${height}" width="100%" role="img" aria-label="${esc(t(lang, 'funnel.aria'))}" xmlns="http://www.w3.org/2000/svg">
${bands.join('\n')}
${loadLegend(lang, height - 22)}
</svg>`
  const basis = t(lang, data.funnelBasis === 'units' ? 'funnel.basis.units' : 'funnel.basis.staff')
  return `${svg}
<p class="note">${esc(t(lang, 'funnel.note', {basis}))}</p>
${funnelTable(tiers, lang)}`
}

function loadLegend(lang: Lang, y: number): string {
  const stops = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]
  const cells = stops.map((s, i) => `<rect x="${TEXT_X + i * 60}" y="${y}" width="60" height="10" fill="${loadColour(s)}"/><text x="${TEXT_X + i * 60}" y="${y + 21}" class="small">${esc(pct(lang, s, 0))}</text>`)
  return `<g class="load-legend">${cells.join('')}</g>`
}

function funnelTable(tiers: FunnelTier[], lang: Lang): string {
  const head = ['funnel.tier', 'funnel.units', 'funnel.staff', 'funnel.issuersAbove', 'funnel.taskItems', 'funnel.demandedHours',
    'funnel.availableHours', 'funnel.nominalLoad', 'funnel.simulatedLoad'] as const
  const rows = tiers.map((f) => `<tr><th scope="row">${esc(tierName(lang, f.tier))}</th><td>${esc(num(lang, f.units))}</td><td>${esc(num(lang, f.staff))}</td>` +
    `<td>${esc(num(lang, f.issuersAbove))}</td><td>${esc(num(lang, f.taskItems))}</td><td>${esc(num(lang, f.demandedHours))}</td>` +
    `<td>${esc(num(lang, f.availableHours))}</td><td>${esc(pct(lang, f.nominalLoad))}</td><td>${esc(est(f.simulatedLoad, (x) => pct(lang, x)))}</td></tr>`)
  return `<table class="numbers funnel-table"><thead><tr>${head.map((k) => `<th scope="col">${esc(t(lang, k))}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`
}
