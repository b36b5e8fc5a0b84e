// Backlog and utilisation over the simulated period as line charts: the baseline's mean with
// the range of its replications as a band, each scenario's mean as a line of its own colour.
// Small SVGs with large type, so they stay legible when a phone shrinks them.
import {t, type Lang} from '../i18n/index.js'
import {esc} from './escape.js'
import {num, pct, px} from './format.js'
import type {OverTime, SeriesBand} from './types.js'

const W = 480
const H = 230
const LEFT = 58
const RIGHT = 12
const TOP = 12
const BOTTOM = 28
const COLOURS = ['#4a7fb5', '#e67e22', '#239b56', '#8e44ad', '#c0392b']

export function renderOverTime(lines: OverTime[], lang: Lang, o: {hoursPerDay: number; warmup: number; replications: number}): string {
  const label = (l: OverTime) => l.label || t(lang, 'split.baseline')
  const legend = lines.length > 1
    ? `<div class="legend">${lines.map((l, i) => `<span class="key"><i class="line" style="background:${COLOURS[i % COLOURS.length]}"></i>${esc(label(l))}</span>`).join(' ')}</div>`
    : ''
  const charts = [
    chart(lines, (l) => l.backlog, t(lang, 'series.backlog'), (v) => num(lang, v, 0), lang, o),
    chart(lines, (l) => l.utilisation, t(lang, 'series.utilisation'), (v) => pct(lang, v, 0), lang, o, 1),
  ]
  return `<div class="over-time">${charts.join('\n')}</div>${legend}
<p class="note">${esc(t(lang, 'series.note', {n: o.replications}))}</p>`
}

function chart(lines: OverTime[], pick: (l: OverTime) => SeriesBand, title: string, fmt: (v: number) => string, lang: Lang, o: {hoursPerDay: number; warmup: number}, cap?: number): string {
  const first = pick(lines[0])
  const n = first.mean.length
  const step = lines[0].stepHours
  const end = n * step
  const top = Math.min(cap ?? Infinity, niceCeil(Math.max(1e-9, ...lines.flatMap((l, i) => (i === 0 ? pick(l).hi : pick(l).mean)))))
  const x = (k: number) => LEFT + (((k + 1) * step) / end) * (W - LEFT - RIGHT)
  const y = (v: number) => TOP + (1 - Math.max(0, Math.min(v, top)) / top) * (H - TOP - BOTTOM)
  const path = (vs: number[]) => vs.map((v, k) => `${k === 0 ? 'M' : 'L'}${px(x(k))},${px(y(v))}`).join('')
  const band = `M${first.hi.map((v, k) => `${px(x(k))},${px(y(v))}`).join('L')}L${[...first.lo].reverse().map((v, k) => `${px(x(n - 1 - k))},${px(y(v))}`).join('L')}Z`
  const warm = o.warmup > 0 ? `<rect class="warmup" x="${LEFT}" y="${TOP}" width="${px((Math.min(o.warmup, end) / end) * (W - LEFT - RIGHT))}" height="${H - TOP - BOTTOM}"/>` : ''
  const yTicks = [0, top / 2, top].map((v) => `<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${px(y(v))}" y2="${px(y(v))}"/><text x="${LEFT - 6}" y="${px(y(v) + 5)}" text-anchor="end">${esc(fmt(v))}</text>`)
  const days = end / o.hoursPerDay
  const xTicks = [0, 0.5, 1].map((f) => `<text x="${px(LEFT + f * (W - LEFT - RIGHT))}" y="${H - BOTTOM + 20}" text-anchor="${f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}">${esc(num(lang, f * days, 0))}</text>`)
  const means = lines.map((l, i) => `<path class="mean" d="${path(pick(l).mean)}"${i > 0 ? ` style="stroke:${COLOURS[i % COLOURS.length]}"` : ''}/>`)
  return `<figure class="series-chart"><figcaption>${esc(title)}</figcaption>
<svg class="series" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(t(lang, 'series.aria', {what: title}))}" xmlns="http://www.w3.org/2000/svg">
${warm}${yTicks.join('')}<path class="band" d="${band}"/>${means.join('')}
<line class="axis" x1="${LEFT}" x2="${W - RIGHT}" y1="${H - BOTTOM}" y2="${H - BOTTOM}"/>${xTicks.join('')}</svg></figure>`
}

/** The first of 1, 1.5, 2, 3, 4, 5, 6, 8 or 10 times a power of ten at or above x: a round axis top that leaves little empty space. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1
  const e = Math.floor(Math.log10(x))
  // Divided for negative powers: 3 / 10 is 0.3, 3 × 0.1 is not.
  const times = (m: number) => (e >= 0 ? m * 10 ** e : m / 10 ** -e)
  for (const m of [1, 1.5, 2, 3, 4, 5, 6, 8]) if (times(m) >= x * (1 - 1e-12)) return times(m)
  return times(10)
}
