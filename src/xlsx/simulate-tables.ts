// `simulate --xlsx`: the per-unit table, the bottlenecks and the model totals (items, duplicated
// handling, community time split, resident requests), each a sheet.
import {tOr} from '../i18n/index.js'
import type {Model} from '../model/types.js'
import type {FlowSummary} from '../sim/api.js'
import {FORMAT, cellNumber, estimateCells, estimateColumns} from './sheet.js'
import type {Lang, SheetTable} from './sheet.js'

const L = {
  units: {en: 'Units', zh: '单位'},
  bottlenecks: {en: 'Bottlenecks', zh: '瓶颈'},
  totals: {en: 'Totals', zh: '总体'},
  id: {en: 'unit', zh: '单位编号'},
  name: {en: 'name', zh: '名称'},
  tier: {en: 'tier', zh: '层级'},
  kind: {en: 'kind', zh: '类型'},
  staff: {en: 'staff', zh: '人员'},
  utilisation: {en: 'utilisation', zh: '利用率'},
  meanWait: {en: 'mean wait (h)', zh: '平均等待（小时）'},
  p95LeadTime: {en: 'p95 lead time (h)', zh: '第95百分位办理时长（小时）'},
  backlog: {en: 'backlog at horizon', zh: '期末积压'},
  waitShare: {en: 'share of all waiting', zh: '占全部等待的比例'},
  group: {en: 'group', zh: '类别'},
  metric: {en: 'metric', zh: '指标'},
  value: {en: 'value', zh: '数值'},
} as const

const ITEM_ZH: Record<string, string> = {generated: '产生', completed: '完成', rejected: '拒收', unresolved: '未解决', open: '期末未结', overdue: '逾期'}
const REQUEST_ZH: Record<string, string> = {raised: '提出', resolved: '解决', resolutionRate: '解决率', meanTimeToResolve: '平均解决时间（小时）', p90TimeToResolve: '第90百分位解决时间（小时）', meanHops: '平均流转次数'}

export function simulateTables(model: Model, s: FlowSummary, lang: Lang): SheetTable[] {
  const tier = (t?: string) => (t === undefined ? '' : tOr(lang, `tier.${t}`, t))
  const kind = (k: string) => tOr(lang, `kind.${k}`, k)
  const units: SheetTable = {
    name: L.units[lang],
    columns: [
      {header: L.id[lang], width: 36}, {header: L.name[lang], width: 20}, {header: L.tier[lang]}, {header: L.kind[lang]}, {header: L.staff[lang], format: FORMAT.count},
      ...estimateColumns(L.utilisation, lang, FORMAT.share),
      ...estimateColumns(L.meanWait, lang, FORMAT.hours),
      ...estimateColumns(L.p95LeadTime, lang, FORMAT.hours),
      ...estimateColumns(L.backlog, lang, FORMAT.count),
    ],
    rows: s.units.map((u) => [u.id, u.name, tier(u.tier), kind(u.kind), u.staff, ...estimateCells(u.utilisation), ...estimateCells(u.meanWait), ...estimateCells(u.p95LeadTime), ...estimateCells(u.backlog)]),
  }
  const bottlenecks: SheetTable = {
    name: L.bottlenecks[lang],
    columns: [{header: L.id[lang], width: 36}, {header: L.name[lang], width: 20}, {header: L.tier[lang]}, ...estimateColumns(L.waitShare, lang, FORMAT.share), ...estimateColumns(L.utilisation, lang, FORMAT.share)],
    rows: s.bottlenecks.map((b) => [b.id, b.name, tier(b.tier), ...estimateCells(b.waitShare), ...estimateCells(b.utilisation)]),
  }
  const zh = lang === 'zh'
  const total = (group: string, metric: string, label: string, e: {mean: number; lo: number; hi: number}) => [group, metric, label, ...estimateCells(e)]
  const totals: SheetTable = {
    name: L.totals[lang],
    columns: [{header: L.group[lang]}, {header: L.metric[lang], width: 24}, {header: zh ? '说明' : 'label', width: 36}, ...estimateColumns(L.value, lang, FORMAT.hours)],
    rows: [
      ...Object.entries(s.items).map(([k, e]) => total(zh ? '事项' : 'items', k, zh ? (ITEM_ZH[k] ?? k) : k, e)),
      total(zh ? '事项' : 'items', 'overdue', zh ? ITEM_ZH.overdue : 'overdue', s.overdue),
      ...Object.entries(s.duplicates).map(([k, e]) => total(zh ? '重复办理' : 'duplicates', k, tOr(lang, `dup.${k}`, k), e)),
      ...Object.entries(s.timeSplit).map(([k, e]) => total(zh ? '社区时间' : 'time split', k, tOr(lang, `split.${k}`, k), e)),
      ...Object.entries(s.requests).map(([k, e]) => total(zh ? '居民诉求' : 'requests', k, zh ? (REQUEST_ZH[k] ?? k) : k, e)),
    ],
  }
  return [units, bottlenecks, totals, about(model, s, lang)]
}

function about(model: Model, s: FlowSummary, lang: Lang): SheetTable {
  const zh = lang === 'zh'
  return {
    name: zh ? '说明' : 'About',
    columns: [{header: zh ? '项目' : 'item', width: 24}, {header: zh ? '值' : 'value', width: 60}],
    rows: [
      [zh ? '模型' : 'model', `${model.name} (${model.id})`],
      [zh ? '随机种子' : 'seed', s.seed],
      [zh ? '重复次数' : 'replications', s.replications],
      [zh ? '时长（小时）' : 'horizon (h)', cellNumber(s.horizon)],
      [zh ? '预热（小时）' : 'warm-up (h)', cellNumber(s.warmup)],
      [zh ? '说明' : 'note', zh ? '数值为各次重复运行的均值，下限、上限为 95% 置信区间；时间为工作小时。' : 'Values are means over replications; low and high bound the 95% confidence interval; times are working hours.'],
    ],
  }
}
