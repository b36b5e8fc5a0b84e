// The sweep for people: a heading, then per design what answers its question. A grid: a table
// per factor of its main effect on every model-level metric; a Latin hypercube: the cells;
// Morris: μ*, μ and σ per factor, ranked; Sobol: S1 and ST with their CIs, ranked.
import type {Estimate} from '../sim/index.js'
import {renderTable} from '../views/table.js'
import {designName, msg} from './messages.js'
import type {Lang} from './messages.js'
import type {SweepSummary} from './summary.js'
import type {FactorValue} from './values.js'

type MetricInfo = SweepSummary['metrics'][number]

export function formatNumberFor(x: number, unit: string): string {
  if (!Number.isFinite(x)) return '-'
  if (unit === 'share') return `${(x * 100).toFixed(1)}%`
  const a = Math.abs(x)
  return x.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3)
}

export function formatEstimate(e: Estimate | undefined, unit: string): string {
  if (!e || !Number.isFinite(e.mean)) return '-'
  const mean = formatNumberFor(e.mean, unit)
  if (e.n < 2 || !Number.isFinite(e.lo)) return mean
  return `${mean} [${formatNumberFor(e.lo, unit)}–${formatNumberFor(e.hi, unit)}]`
}

/** A paired change: `+1.2 [+0.9, +1.5]`. */
export function formatChange(e: Estimate | undefined, unit: string): string {
  if (!e || !Number.isFinite(e.mean)) return '-'
  const f = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '') + formatNumberFor(Math.abs(x), unit)
  return e.n < 2 || !Number.isFinite(e.lo) ? f(e.mean) : `${f(e.mean)} [${f(e.lo)}, ${f(e.hi)}]`
}

export function formatFactorValue(v: FactorValue): string {
  if (typeof v !== 'number') return String(v)
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)))
}

const label = (m: MetricInfo, lang: Lang) => (lang === 'zh' ? m.zh : m.en)

export function formatSweep(s: SweepSummary, lang: Lang): string {
  const w = s.sweep
  const out: string[] = [
    msg(lang, 'head', {name: w.name, id: w.id, design: designName(lang, w.design), cells: s.cells.length, replications: w.replications, seed: w.seed, horizon: formatFactorValue(w.horizon), warmup: formatFactorValue(w.warmup)}),
    `${msg(lang, 'factors')}: ${s.factors.map((f) => `${f.id} (${f.path}${f.mode === 'scale' ? ' ×' : ''})`).join(', ')}`,
    '',
  ]
  const metrics = s.metrics.filter((m) => !m.perUnit)
  if (w.design === 'grid' && s.mainEffects) {
    for (const f of s.factors) {
      const rows = s.mainEffects.filter((e) => e.factor === f.id)
      const head = [f.id, ...metrics.flatMap((m) => [label(m, lang), msg(lang, 'change')])]
      const body = rows.map((e, i) => [formatFactorValue(e.value), ...metrics.flatMap((m) => [formatEstimate(e.metrics[m.id], m.unit), i === 0 ? '' : formatChange(e.changes[m.id], m.unit)])])
      out.push(renderTable(head, body, {title: msg(lang, 'mainEffects', {factor: f.name})}))
    }
  } else if (w.design === 'lhs') {
    out.push(renderTable([msg(lang, 'cell'), ...s.factors.map((f) => f.id), ...metrics.map((m) => label(m, lang))], s.cells.map((c) => [String(c.cell), ...s.factors.map((f) => formatFactorValue(c.values[f.id])), ...metrics.map((m) => formatEstimate(c.metrics[m.id], m.unit))]), {title: msg(lang, 'cellsTable')}))
  } else {
    for (const m of metrics) out.push(sensitivityTable(s, m, lang))
  }
  if (s.metrics.some((m) => m.perUnit)) out.push(msg(lang, 'unitNote'), '')
  return out.join('\n').replace(/\n+$/, '\n')
}

function sensitivityTable(s: SweepSummary, m: MetricInfo, lang: Lang): string {
  const rows = (s.sensitivity ?? []).filter((r) => r.metric === m.id)
  const num = (x: number) => formatNumberFor(x, m.unit === 'share' ? 'ratio' : m.unit)
  const idx = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-')
  const ci = (lo: number, hi: number, f: (x: number) => string) => (Number.isFinite(lo) ? `[${f(lo)}, ${f(hi)}]` : '-')
  if (s.sweep.design === 'morris') {
    const ranked = rows.flatMap((r) => (r.method === 'morris' ? [r] : [])).sort((a, b) => (b.muStar || 0) - (a.muStar || 0))
    return renderTable(
      [msg(lang, 'factor'), msg(lang, 'muStar'), msg(lang, 'ci'), msg(lang, 'mu'), msg(lang, 'sigma')],
      ranked.map((r) => [r.factor, num(r.muStar), ci(r.muStarLo, r.muStarHi, num), num(r.mu), num(r.sigma)]),
      {title: msg(lang, 'morris', {metric: label(m, lang)}), align: ['left', 'right', 'left', 'right', 'right']},
    )
  }
  const ranked = rows.flatMap((r) => (r.method === 'sobol' ? [r] : [])).sort((a, b) => (b.st || 0) - (a.st || 0))
  return renderTable(
    [msg(lang, 'factor'), msg(lang, 's1'), msg(lang, 'ci'), msg(lang, 'st'), msg(lang, 'ci')],
    ranked.map((r) => [r.factor, idx(r.s1), ci(r.s1Lo, r.s1Hi, idx), idx(r.st), ci(r.stLo, r.stHi, idx)]),
    {title: msg(lang, 'sobol', {metric: label(m, lang)}), align: ['left', 'right', 'left', 'right', 'left']},
  )
}

/** The per-cell summary as CSV: one row per cell, metric and unit, with the estimate. */
export function summaryCsv(s: SweepSummary): string {
  const head = ['cell', ...s.factors.map((f) => f.id), 'metric', 'unit', 'tier', 'mean', 'lo', 'hi', 'sd', 'n']
  const lines = [head.join(',')]
  const n = (x: number) => (Number.isFinite(x) ? String(x) : '')
  const text = (v: FactorValue) => {
    const t = String(v)
    return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t
  }
  for (const c of s.cells) {
    const lead = [String(c.cell), ...s.factors.map((f) => text(c.values[f.id]))].join(',')
    for (const m of s.metrics) {
      if (m.perUnit) continue
      const e = c.metrics[m.id]
      lines.push(`${lead},${m.id},,${m.tier},${n(e.mean)},${n(e.lo)},${n(e.hi)},${n(e.sd)},${e.n}`)
    }
    for (const u of c.units ?? []) lines.push(`${lead},${u.metric},${u.unit},${u.tier},${n(u.mean)},${n(u.lo)},${n(u.hi)},${n(u.sd)},${u.n}`)
  }
  return lines.join('\n') + '\n'
}
