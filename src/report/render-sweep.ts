// A sweep as a self-contained HTML page (`loudou report sweep.parquet --html …`): line charts
// of each metric against each factor with a 95% CI band (a grid's main effects, a Latin
// hypercube's cells as points), and tornado charts of the factors' influence: the span of the
// main effects for a grid, μ* for Morris, the total index ST (S1 inside) for Sobol. Pure SVG,
// no script; its own small stylesheet so the main report's styles can change freely.
import type {Estimate} from '../sim/api.js'
import {formatEstimate, formatFactorValue, formatNumberFor} from '../sweep/format.js'
import {designName} from '../sweep/messages.js'
import type {SweepSummary} from '../sweep/summary.js'
import {esc} from './escape.js'
import {htmlPage} from './page.js'
import {px} from './format.js'

type Lang = 'en' | 'zh'
type Metric = SweepSummary['metrics'][number]

const TEXT = {
  en: {title: 'Sweep: {name}', meta: '{design} · {cells} cells × {replications} replications · seed {seed} · horizon {horizon} h · warm-up {warmup} h', lines: 'Metrics against each factor', tornado: 'Which factors matter', band: 'line: mean; band: 95% CI over replications', gridTornado: 'span of the main effects (lowest to highest mean over the factor\'s values), around the mean of all cells', morris: 'μ*: mean absolute elementary effect per full range of the factor, 95% bootstrap CI', sobol: 'total index ST (light) and first-order S1 (dark), 95% bootstrap CI of ST', factors: 'Factors', none: 'No numeric factor to draw.', footer: 'Definitions: docs/sweeps.md and docs/metrics.md.'},
  zh: {title: '参数扫描：{name}', meta: '{design} · {cells} 个单元 × {replications} 次重复 · 种子 {seed} · 时长 {horizon} 小时 · 预热 {warmup} 小时', lines: '各指标随因子的变化', tornado: '哪些因子影响最大', band: '线：平均值；带：重复间95%置信区间', gridTornado: '主效应的跨度（因子各取值下平均值的最低到最高），以全部单元平均值为中线', morris: 'μ*：基本效应绝对值的平均（按因子全范围计），95%自助法置信区间', sobol: '总效应指数 ST（浅色）与一阶指数 S1（深色），ST 的95%自助法置信区间', factors: '因子', none: '没有可绘制的数值型因子。', footer: '定义见 docs/sweeps.md 与 docs/metrics.md。'},
}
type Key = keyof (typeof TEXT)['en']
const tr = (lang: Lang, key: Key, p: Record<string, string | number> = {}) => TEXT[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m))

const STYLE = `body{margin:0;color:#1f2933;background:#f5f7f9;font:15px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:1040px;margin:0 auto;padding:24px 32px 48px;background:#fff}h1{margin:0 0 4px;font-size:26px}
h2{margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid #1f5f99;font-size:20px}h3{margin:20px 0 6px;font-size:16px}
.meta,.note{color:#5f6b7a;font-size:13px}.charts{display:flex;flex-wrap:wrap;gap:12px}.charts figure{margin:0;flex:0 1 500px;max-width:520px}
figcaption{font-size:13px;color:#5f6b7a}svg text{font-size:12px;fill:#1f2933}svg .axis{stroke:#9aa5b1}svg .grid{stroke:#e4e8ec}
svg .band{fill:#4a7fb5;fill-opacity:.2}svg .line{fill:none;stroke:#1f5f99;stroke-width:2}svg .dot{fill:#1f5f99}
svg .bar{fill:#4a7fb5}svg .bar-light{fill:#a9c4e0}svg .whisker{stroke:#1f2933;stroke-width:1.2}svg .centre{stroke:#c0392b;stroke-dasharray:4 3}
table{border-collapse:collapse;margin:8px 0;font-size:13.5px}th,td{border-bottom:1px solid #d9dee4;padding:3px 8px;text-align:left}
@media print{body{background:#fff}main{padding:0}}`

interface Point {
  x: number
  e: Estimate
}

const W = 480
const H = 260
const M = {l: 64, r: 16, t: 14, b: 40}

function ticks(lo: number, hi: number, n = 5): number[] {
  if (!(hi > lo)) return [lo]
  const step = 10 ** Math.floor(Math.log10((hi - lo) / n))
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (hi - lo) / s <= n) ?? step * 10
  const out: number[] = []
  for (let v = Math.ceil(lo / nice) * nice; v <= hi + nice * 1e-9; v += nice) out.push(Number(v.toPrecision(12)))
  return out
}

/** A metric against a factor: the mean as a line (or points) and its 95% CI as a band (or whiskers). */
export function lineChart(points: Point[], xLabel: string, m: Metric, asLine: boolean): string {
  const pts = points.filter((p) => Number.isFinite(p.e.mean)).sort((a, b) => a.x - b.x)
  if (pts.length === 0) return ''
  const lo = (p: Point) => (Number.isFinite(p.e.lo) ? p.e.lo : p.e.mean)
  const hi = (p: Point) => (Number.isFinite(p.e.hi) ? p.e.hi : p.e.mean)
  const xs = pts.map((p) => p.x)
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)]
  if (x0 === x1) [x0, x1] = [x0 - 1, x1 + 1]
  let [y0, y1] = [Math.min(...pts.map(lo)), Math.max(...pts.map(hi))]
  if (m.unit !== 'share' || y0 >= 0) y0 = Math.min(0, y0)
  if (y0 === y1) y1 = y0 + 1
  const sx = (x: number) => M.l + ((x - x0) / (x1 - x0)) * (W - M.l - M.r)
  const sy = (y: number) => H - M.b - ((y - y0) / (y1 - y0)) * (H - M.t - M.b)
  const fmt = (y: number) => formatNumberFor(y, m.unit)
  const yTicks = ticks(y0, y1).map((t) => `<line class="grid" x1="${M.l}" x2="${W - M.r}" y1="${px(sy(t))}" y2="${px(sy(t))}"/><text x="${M.l - 6}" y="${px(sy(t) + 4)}" text-anchor="end">${esc(fmt(t))}</text>`)
  const xTicks = ticks(x0, x1).map((t) => `<text x="${px(sx(t))}" y="${H - M.b + 16}" text-anchor="middle">${esc(formatFactorValue(t))}</text>`)
  let body: string
  if (asLine) {
    const band = [...pts.map((p) => `${px(sx(p.x))},${px(sy(hi(p)))}`), ...[...pts].reverse().map((p) => `${px(sx(p.x))},${px(sy(lo(p)))}`)].join(' ')
    body = `<polygon class="band" points="${band}"/><polyline class="line" points="${pts.map((p) => `${px(sx(p.x))},${px(sy(p.e.mean))}`).join(' ')}"/>`
  } else {
    body = pts.map((p) => `<line class="whisker" x1="${px(sx(p.x))}" x2="${px(sx(p.x))}" y1="${px(sy(lo(p)))}" y2="${px(sy(hi(p)))}"/>`).join('')
  }
  body += pts.map((p) => `<circle class="dot" cx="${px(sx(p.x))}" cy="${px(sy(p.e.mean))}" r="3"><title>${esc(`${formatFactorValue(p.x)}: ${formatEstimate(p.e, m.unit)}`)}</title></circle>`).join('')
  return `<svg class="sweep-line" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(`${m.en} / ${xLabel}`)}" xmlns="http://www.w3.org/2000/svg">${yTicks.join('')}` +
    `<line class="axis" x1="${M.l}" x2="${W - M.r}" y1="${H - M.b}" y2="${H - M.b}"/><line class="axis" x1="${M.l}" x2="${M.l}" y1="${M.t}" y2="${H - M.b}"/>${xTicks.join('')}` +
    `<text x="${px((M.l + W - M.r) / 2)}" y="${H - 6}" text-anchor="middle">${esc(xLabel)}</text>${body}</svg>`
}

export interface TornadoBar {
  label: string
  lo: number
  hi: number
  /** A darker inner bar from `lo` (Sobol's S1). */
  inner?: number
  ciLo?: number
  ciHi?: number
}

/** Horizontal bars sorted by their span, widest on top, around a centre line. */
export function tornadoChart(bars: TornadoBar[], centre: number, fmt: (x: number) => string, aria: string): string {
  const rows = bars.filter((b) => Number.isFinite(b.lo) && Number.isFinite(b.hi)).sort((a, b) => b.hi - b.lo - (a.hi - a.lo) || a.label.localeCompare(b.label))
  if (rows.length === 0) return ''
  const all = rows.flatMap((b) => [b.lo, b.hi, b.ciLo ?? b.lo, b.ciHi ?? b.hi, centre]).filter((v) => Number.isFinite(v))
  let [v0, v1] = [Math.min(...all), Math.max(...all)]
  if (v0 === v1) v1 = v0 + 1
  const L = 220
  const R = 900
  const sx = (v: number) => L + ((v - v0) / (v1 - v0)) * (R - L)
  const rowH = 26
  const h = rows.length * rowH + 34
  const out = rows.map((b, i) => {
    const y = i * rowH + 6
    const whisker = b.ciLo !== undefined && Number.isFinite(b.ciLo) && Number.isFinite(b.ciHi!) ? `<line class="whisker" x1="${px(sx(b.ciLo))}" x2="${px(sx(b.ciHi!))}" y1="${y + 9}" y2="${y + 9}"/>` : ''
    const inner = b.inner !== undefined && Number.isFinite(b.inner) ? `<rect class="bar" x="${px(sx(Math.min(b.lo, b.inner)))}" y="${y + 3}" width="${px(Math.abs(sx(b.inner) - sx(b.lo)))}" height="12"/>` : ''
    return `<g><text x="${L - 8}" y="${y + 13}" text-anchor="end">${esc(b.label)}</text><rect class="${b.inner !== undefined ? 'bar-light' : 'bar'}" x="${px(sx(b.lo))}" y="${y}" width="${px(Math.max(1, sx(b.hi) - sx(b.lo)))}" height="18"><title>${esc(`${b.label}: ${fmt(b.lo)} – ${fmt(b.hi)}`)}</title></rect>${inner}${whisker}` +
      `<text x="${R + 6}" y="${y + 13}">${esc(fmt(b.hi))}</text></g>`
  })
  const axis = ticks(v0, v1).map((t) => `<text x="${px(sx(t))}" y="${h - 6}" text-anchor="middle">${esc(fmt(t))}</text>`).join('')
  return `<svg class="tornado" viewBox="0 0 980 ${h}" width="100%" role="img" aria-label="${esc(aria)}" xmlns="http://www.w3.org/2000/svg">${out.join('')}` +
    `<line class="centre" x1="${px(sx(centre))}" x2="${px(sx(centre))}" y1="0" y2="${h - 22}"/>${axis}</svg>`
}

function lineSection(s: SweepSummary, m: Metric, lang: Lang): string {
  const figures: string[] = []
  s.factors.forEach((f) => {
    let points: Point[]
    if (s.mainEffects) points = s.mainEffects.filter((e) => e.factor === f.id && typeof e.value === 'number').map((e) => ({x: e.value as number, e: e.metrics[m.id]}))
    else points = s.cells.filter((c) => typeof c.values[f.id] === 'number').map((c) => ({x: c.values[f.id] as number, e: c.metrics[m.id]}))
    const svg = lineChart(points, f.name, m, s.sweep.design === 'grid')
    if (svg) figures.push(`<figure>${svg}<figcaption>${esc(f.name)} (${esc(f.path)})</figcaption></figure>`)
  })
  const title = lang === 'zh' ? m.zh : m.en
  return `<h3>${esc(title)}</h3>${figures.length ? `<div class="charts">${figures.join('')}</div>` : `<p class="note">${esc(tr(lang, 'none'))}</p>`}`
}

function tornadoSection(s: SweepSummary, m: Metric, lang: Lang): string {
  const title = lang === 'zh' ? m.zh : m.en
  const sens = (s.sensitivity ?? []).filter((r) => r.metric === m.id)
  const name = (id: string) => s.factors.find((f) => f.id === id)?.name ?? id
  let chart = ''
  let note = ''
  if (s.sweep.design === 'morris') {
    const fmt = (x: number) => formatNumberFor(x, m.unit === 'share' ? 'ratio' : m.unit)
    chart = tornadoChart(sens.flatMap((r) => (r.method === 'morris' ? [{label: `${name(r.factor)} ${r.mu >= 0 ? '↑' : '↓'}`, lo: 0, hi: r.muStar, ciLo: r.muStarLo, ciHi: r.muStarHi}] : [])), 0, fmt, `μ* ${m.en}`)
    note = tr(lang, 'morris')
  } else if (s.sweep.design === 'sobol') {
    chart = tornadoChart(sens.flatMap((r) => (r.method === 'sobol' ? [{label: name(r.factor), lo: 0, hi: r.st, inner: Math.max(0, r.s1), ciLo: r.stLo, ciHi: r.stHi}] : [])), 0, (x) => x.toFixed(2), `Sobol ${m.en}`)
    note = tr(lang, 'sobol')
  } else if (s.mainEffects) {
    const means = s.cells.map((c) => c.metrics[m.id]?.mean).filter((x): x is number => Number.isFinite(x))
    const centre = means.reduce((a, b) => a + b, 0) / Math.max(1, means.length)
    const bars = s.factors.map((f) => {
      const ys = s.mainEffects!.filter((e) => e.factor === f.id).map((e) => e.metrics[m.id]?.mean).filter((x): x is number => Number.isFinite(x))
      return {label: f.name, lo: Math.min(...ys), hi: Math.max(...ys)}
    })
    chart = tornadoChart(bars, centre, (x) => formatNumberFor(x, m.unit), `${m.en}`)
    note = tr(lang, 'gridTornado')
  }
  return chart ? `<h3>${esc(title)}</h3>${chart}<p class="note">${esc(note)}</p>` : ''
}

export function renderSweepReport(s: SweepSummary, lang: Lang): string {
  const w = s.sweep
  const metrics = s.metrics.filter((m) => !m.perUnit)
  const title = tr(lang, 'title', {name: w.name})
  const meta = tr(lang, 'meta', {design: designName(lang, w.design), cells: s.cells.length, replications: w.replications, seed: w.seed, horizon: formatFactorValue(w.horizon), warmup: formatFactorValue(w.warmup)})
  const factors = `<table><tbody>${s.factors.map((f) => `<tr><th>${esc(f.name)}</th><td><code>${esc(f.path)}</code>${f.mode === 'scale' ? ' ×' : ''}</td><td>${esc(f.values ? f.values.map(formatFactorValue).join(', ') : `${formatFactorValue(f.range!.from)} – ${formatFactorValue(f.range!.to)}`)}</td></tr>`).join('')}</tbody></table>`
  const lines = w.design === 'grid' || w.design === 'lhs' ? `<h2>${esc(tr(lang, 'lines'))}</h2><p class="note">${esc(tr(lang, 'band'))}</p>${metrics.map((m) => lineSection(s, m, lang)).join('\n')}` : ''
  const tornado = metrics.map((m) => tornadoSection(s, m, lang)).join('\n')
  const body = `<main>
<header><h1>${esc(title)}</h1><div class="meta">${esc(w.id)} · ${esc(w.base)} · ${esc(meta)}</div></header>
<h2>${esc(tr(lang, 'factors'))}</h2>${factors}
${lines}
${tornado ? `<h2>${esc(tr(lang, 'tornado'))}</h2>${tornado}` : ''}
<footer class="note">${esc(tr(lang, 'footer'))}</footer>
</main>
`
  return htmlPage({lang: lang === 'zh' ? 'zh-CN' : 'en', title, style: STYLE, body})
}
