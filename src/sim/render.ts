// Output of `loudou simulate`: the JSON document (DESIGN §6 keys), tidy CSV rows and a human
// summary with the bottlenecks first. Pure string building; the command does the IO.
import {tOr} from '../i18n/index.js'
import {displayWidth, pad} from '../views/table.js'
import type {Model} from '../model/types.js'
import {formatHours} from '../model/duration.js'
import type {Estimate, FlowSummary} from './api.js'
import {slowestTasks} from '../metrics/flow/tasks.js'
import {bottleneckLines, tierTable} from '../views/flow-tables.js'

/** Tasks the human summary lists by lead time: enough to spot a slow approval. */
const SLOWEST = 5

export function simulateJson(model: Model, s: FlowSummary, withRuns = false): object {
  return {
    model: {id: model.id, name: model.name},
    seed: s.seed,
    replications: s.replications,
    horizon: s.horizon,
    warmup: s.warmup,
    warmupChoice: s.warmupChoice,
    flow: {
      items: s.items,
      units: s.units,
      bottlenecks: s.bottlenecks,
      tiers: s.tiers,
      groups: s.groups,
      duplicates: s.duplicates,
      timeSplit: s.timeSplit,
      requests: s.requests,
      tasks: s.tasks,
      overdue: s.overdue,
      check: s.check,
    },
    ...(withRuns ? {runs: s.runs} : {}),
  }
}

const UNIT_METRICS = [
  'utilisation', 'meanWait', 'p95LeadTime', 'backlog', 'arrived', 'served', 'busyHours', 'waitHours',
  'started', 'meanSojourn', 'meanInSystem', 'itemsEnded', 'meanLeadTime',
] as const

export const CSV_COLUMNS = ['replication', 'unit', 'tier', 'kind', 'metric', 'value'] as const

/**
 * Tidy rows, one per observation: replication (0-based, as in the seed derivation), unit id,
 * tier and kind (all three empty for model-level totals), metric, value (empty when undefined,
 * read as NA/NaN). RFC 4180 quoting, UTF-8, header once.
 */
export function simulateCsv(s: FlowSummary): string {
  const rows = [CSV_COLUMNS.join(',')]
  const num = (v: number): string => (Number.isFinite(v) ? String(v) : '')
  const info = new Map(s.units.map((u) => [u.id, u]))
  s.runs.forEach((run, r) => {
    const total = (metric: string, v: number): number => rows.push(`${r},,,,${csvField(metric)},${num(v)}`)
    for (const [k, v] of Object.entries(run.items)) total(`items.${k}`, v)
    total('overdue', run.overdue)
    total('events', run.events)
    for (const [k, v] of Object.entries(run.duplicates)) total(`duplicates.${k}`, v)
    for (const [k, v] of Object.entries(run.timeSplit)) total(`timeSplit.${k}`, v)
    for (const [k, v] of Object.entries(run.communityHours)) total(`communityHours.${k}`, v)
    for (const [k, v] of Object.entries(run.requests)) total(`requests.${k}`, v)
    for (const u of run.units) {
      const lead = [r, csvField(u.id), csvField(info.get(u.id)?.tier ?? ''), csvField(info.get(u.id)?.kind ?? '')].join(',')
      for (const m of UNIT_METRICS) rows.push(`${lead},${m},${num(u[m])}`)
    }
  })
  return rows.join('\n') + '\n'
}

/** RFC 4180: quote a field holding a quote, comma or line break; double the quotes. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

export const LABELS = {
  en: {
    head: '{name}: seed {seed}, {n} replications, horizon {horizon}, warm-up {warmup}',
    mser: ' (auto: MSER-5)',
    light: ' (auto: every unit lightly loaded)',
    items: 'Items',
    generated: 'generated', completed: 'completed', rejected: 'rejected', unresolved: 'unresolved', open: 'open at horizon', overdue: 'overdue',
    split: 'Community time: resident service {service} · administrative tasks {admin} · inspections {inspection}',
    requests: 'Resident requests: {raised} raised, {rate} resolved, mean {mean} (p90 {p90}) to resolve, {hops} hops',
    duplicates: 'Duplicated handling',
    slowest: 'Slowest tasks (mean lead time · p90 · items)',
    check: 'Structure vs simulation: Spearman {rho} between nominal load and utilisation; top-5 agreement {top}',
    ci: 'Values are means over replications with 95% confidence intervals [low–high].',
  },
  zh: {
    head: '{name}：种子 {seed}，{n} 次重复，时长 {horizon}，预热 {warmup}',
    mser: '（自动：MSER-5）',
    light: '（自动：各单位负荷都轻）',
    items: '事项',
    generated: '产生', completed: '完成', rejected: '拒绝', unresolved: '未解决', open: '期末未结', overdue: '超期',
    split: '社区时间：服务居民 {service} · 行政事务 {admin} · 迎检 {inspection}',
    requests: '居民诉求：提出 {raised}，解决率 {rate}，平均 {mean}（p90 {p90}）解决，流转 {hops} 次',
    duplicates: '重复办理',
    slowest: '办理最慢的事项（平均周期 · 90%分位 · 事项数）',
    check: '结构与仿真对照：名义负荷与利用率的 Spearman 相关 {rho}；前五名一致 {top}',
    ci: '数值为各次重复的均值及 95% 置信区间 [下限–上限]。',
  },
}

export function simulateText(model: Model, s: FlowSummary, lang: 'en' | 'zh' = 'en'): string {
  const L = LABELS[lang]
  const fill = (text: string, p: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k]))
  const hours = (h: number): string => (Number.isFinite(h) ? formatHours(h, model.clock) : '–')
  const lines: string[] = []
  const how = s.warmupChoice?.method === 'mser-5' ? L.mser : s.warmupChoice?.method === 'light-load' ? L.light : ''
  lines.push(fill(L.head, {name: model.name, seed: s.seed, n: s.replications, horizon: hours(s.horizon), warmup: (s.warmup > 0 ? hours(s.warmup) : '0') + how}))
  const formats = {est, pct, hours, count}
  lines.push('', ...tierTable(s.tiers, lang, formats))
  lines.push('', ...bottleneckLines(s.bottlenecks, s.groups, lang, formats))
  lines.push('', L.items)
  for (const k of ['generated', 'completed', 'rejected', 'unresolved', 'open'] as const) lines.push(`  ${pad(L[k], 16, 'left')} ${est(s.items[k], count)}`)
  lines.push(`  ${pad(L.overdue, 16, 'left')} ${est(s.overdue, count)}`)
  lines.push('', fill(L.split, {service: pct(s.timeSplit.service), admin: pct(s.timeSplit.admin), inspection: pct(s.timeSplit.inspection)}))
  const rq = s.requests
  if (rq.raised && rq.raised.mean > 0) {
    lines.push(fill(L.requests, {raised: est(rq.raised, count), rate: pct(rq.resolutionRate), mean: est(rq.meanTimeToResolve, hours), p90: est(rq.p90TimeToResolve, hours), hops: est(rq.meanHops, dec)}))
  }
  const slow = slowestTasks(s.tasks, SLOWEST)
  if (slow.length > 0) {
    lines.push('', L.slowest)
    for (const t of slow) lines.push(`  ${t.name === t.id ? t.id : `${t.name} (${t.id})`}  ${est(t.meanLeadTime, hours)}  ·  ${est(t.p90LeadTime, hours)}  ·  ${est(t.items, count)}`)
  }
  lines.push('', L.duplicates)
  const dups = Object.entries(s.duplicates).map(([k, v]) => [tOr(lang, `dup.${k}`, k), /Share$/.test(k) ? pct(v) : est(v, /Per[A-Z]\w*$/.test(k) ? dec : count)])
  const w = Math.max(0, ...dups.map(([label]) => displayWidth(label)))
  for (const [label, v] of dups) lines.push(`  ${pad(label, w, 'left')}  ${v}`)
  lines.push('', fill(L.check, {rho: Number.isFinite(s.check.spearman) ? s.check.spearman.toFixed(2) : '–', top: Number.isFinite(s.check.topAgree) ? `${Math.round(s.check.topAgree * 100)}%` : '–'}))
  lines.push(L.ci)
  return lines.join('\n') + '\n'
}

function count(v: number): string {
  return Number.isFinite(v) ? (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : String(Math.round(v * 10) / 10)) : '–'
}

function dec(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : '–'
}

function est(e: Estimate, f: (v: number) => string): string {
  if (!Number.isFinite(e.mean)) return '–'
  return e.n > 1 ? `${f(e.mean)} [${f(e.lo)}–${f(e.hi)}]` : f(e.mean)
}

function pct(e: Estimate): string {
  return est(e, (v) => `${(v * 100).toFixed(1)}%`)
}
