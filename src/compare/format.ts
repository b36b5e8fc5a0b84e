// Comparison tables for people (aligned columns, English or Chinese headings, `*` where the
// paired 95% CI excludes zero) and for spreadsheets (CSV).
import type {MetricRow} from './compare.js'
import {displayWidth} from '../views/width.js'
import {csvText} from '../views/csv.js'

export type Lang = 'en' | 'zh'

export interface ScenarioRows {
  id: string
  name: string
  rows: MetricRow[]
}

const HEAD = {
  en: {metric: 'metric', baseline: 'baseline', scenario: 'scenario', change: 'change', ci: '95% CI (paired)'},
  zh: {metric: '指标', baseline: '基线', scenario: '情景', change: '变化', ci: '95%置信区间（配对）'},
}

/** A value in the precision its unit needs (or `digits`, when a change needs more). */
export function formatValue(x: number, unit: MetricRow['unit'], signed = false, atLeast = 0): string {
  if (!Number.isFinite(x)) return '–'
  const digits = Math.max(atLeast, unit === 'share' || unit === 'ratio' ? 3 : Math.abs(x) >= 100 ? 0 : 1)
  const s = x.toFixed(digits)
  const zero = Number(s) === 0
  return signed && !zero && x > 0 ? `+${s}` : zero ? (0).toFixed(digits) : s
}

/** Display width: CJK and full-width characters take two columns (src/views/width.ts). */
export const width = displayWidth

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)))
  return right ? fill + s : s + fill
}

/**
 * Decimals for a row's change and interval when the interval excludes zero: such a change never
 * reads as 0 (`0.000 [0.000, 0.000] *` would say nothing), so the values get enough decimals
 * for two significant digits of the smallest of them, at most 6. Otherwise the unit's own.
 */
export function changeDigits(r: Pick<MetricRow, 'change' | 'lo' | 'hi' | 'noChange'>): number {
  if (r.noChange || !(r.lo > 0 || r.hi < 0)) return 0
  const xs = [r.change, r.lo, r.hi].filter((x) => Number.isFinite(x) && x !== 0).map(Math.abs)
  if (xs.length === 0) return 0
  return Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(Math.min(...xs)))))
}

export function formatTable(rows: readonly MetricRow[], lang: Lang): string {
  const h = HEAD[lang]
  const cells = rows.map((r) => {
    const d = changeDigits(r)
    return [
      lang === 'zh' ? r.zh : r.en,
      formatValue(r.baseline, r.unit),
      formatValue(r.scenario, r.unit),
      formatValue(r.change, r.unit, true, d),
      r.noChange ? (lang === 'zh' ? '无变化' : 'no change') : r.kind === 'structure' ? (lang === 'zh' ? '（精确）' : '(exact)') : Number.isFinite(r.lo) ? `[${formatValue(r.lo, r.unit, true, d)}, ${formatValue(r.hi, r.unit, true, d)}]` : '–',
      r.significant ? '*' : '',
    ]
  })
  const header = [h.metric, h.baseline, h.scenario, h.change, h.ci, '']
  const widths = header.map((_, c) => Math.max(width(header[c]), ...cells.map((row) => width(row[c]))))
  const line = (row: string[]) => row.map((cell, c) => pad(cell, widths[c], c > 0 && c < 4)).join('  ').trimEnd()
  return [line(header), ...cells.map(line)].join('\n') + '\n'
}

export function footnote(lang: Lang, n: number, seed: number): string {
  return lang === 'zh'
    ? `* 配对95%置信区间不含零（${n} 组配对重复，种子 ${seed}，共同随机数）。“无变化”：每次重复中两边相同。层级与类型的利用率按人员加权。\n`
    : `* the paired 95% CI excludes zero (${n} paired replications, seed ${seed}, common random numbers). "no change": equal on both sides in every replication. Tier and kind utilisation is weighted by staff.\n`
}

const csvCell = (v: string | number | boolean): string | number | boolean => (typeof v === 'number' && !Number.isFinite(v) ? '' : v)

export const CSV_COLUMNS = ['scenario', 'metric', 'label', 'unit', 'baseline', 'scenario_value', 'change', 'lo', 'hi', 'significant', 'n', 'no_change'] as const

export function formatCsv(scenarios: readonly ScenarioRows[], lang: Lang): string {
  const rows: Array<Array<string | number | boolean>> = [[...CSV_COLUMNS]]
  for (const s of scenarios) {
    for (const r of s.rows) rows.push([s.id, r.id, lang === 'zh' ? r.zh : r.en, r.unit, r.baseline, r.scenario, r.change, r.lo, r.hi, r.significant, r.n, r.noChange].map(csvCell))
  }
  return csvText(rows)
}
