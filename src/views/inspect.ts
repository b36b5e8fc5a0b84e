// Human output of `loudou inspect`: one table per block of the structure report, in
// English or Chinese.
import type {StructureReport} from '../metrics/structure/index.js'
import type {Tier} from '../model/types.js'
import {formatNumber, renderTable} from './table.js'

type Lang = 'en' | 'zh'

export const TEXT = {
  en: {
    title: (name: string, n: number, e: number) => `${name}: ${formatNumber(n)} units, ${formatNumber(e)} edges`,
    catalogue: 'Task catalogue', items: 'items', categories: 'categories', uncategorised: 'uncategorised',
    kind: 'kind', category: 'category', label: 'label',
    funnel: 'Funnel profile (per year)', tier: 'tier', units: 'units', staff: 'staff', issuersAbove: 'issuers above',
    taskItems: 'task items', demanded: 'demanded h', available: 'available h', load: 'nominal load',
    principals: (tier: string) => `Principals per ${tier} (多头管理)`, stat: 'statistic', value: 'value',
    mean: 'mean', median: 'median', min: 'min', max: 'max', count: 'count',
    distribution: 'distribution', principalsCol: 'principals',
    alignment: 'Responsibility alignment (权责一致率)', rate: 'aligned share', aligned: 'aligned h', resolution: 'resolution h', all: 'all',
    krackhardt: 'Krackhardt dimensions of the command graph', measure: 'measure', violations: 'violations', maxV: 'max',
    connectedness: 'connectedness', hierarchy: 'hierarchy', efficiency: 'efficiency', lubness: 'LUB-ness',
    sampled: (s: number, of: number) => `LUB-ness estimated from ${s} of ${of} key units`,
    other: 'Other structural measures', levels: 'chain levels', territorialLevels: 'territorial levels',
    relayHops: 'relay hops per delivery (mean / max)', flowHierarchy: 'flow hierarchy (Luo & Magee)',
    coordination: 'coordination density among departments', hhi: (tier: string) => `task-inflow HHI per ${tier} (mean / max)`,
    equivalent: 'equivalent issuers (mean 1/HHI)',
    relays: 'Top relays (betweenness on task channels)', unit: 'unit', betweenness: 'betweenness', normalized: 'normalised',
    none: '(none)',
  },
  zh: {
    title: (name: string, n: number, e: number) => `${name}：${formatNumber(n)} 个单位，${formatNumber(e)} 条边`,
    catalogue: '工作事项清单', items: '事项', categories: '类别', uncategorised: '未分类',
    kind: '类型', category: '类别', label: '标签',
    funnel: '漏斗结构（每年）', tier: '层级', units: '单位数', staff: '人员', issuersAbove: '上级派单单位',
    taskItems: '事项数', demanded: '需求工时', available: '可用工时', load: '名义负荷',
    principals: (tier: string) => `每个${tier}的上级主体数（多头管理）`, stat: '统计量', value: '数值',
    mean: '均值', median: '中位数', min: '最小', max: '最大', count: '数量',
    distribution: '分布', principalsCol: '主体数',
    alignment: '权责一致率', rate: '一致比例', aligned: '一致工时', resolution: '办理工时', all: '合计',
    krackhardt: '指挥结构的 Krackhardt 维度', measure: '指标', violations: '违背数', maxV: '最大值',
    connectedness: '连通性', hierarchy: '层级性', efficiency: '效率', lubness: '最小上界性',
    sampled: (s: number, of: number) => `最小上界性由 ${of} 个关键单位中的 ${s} 个抽样估计`,
    other: '其他结构指标', levels: '链条层数', territorialLevels: '属地层数',
    relayHops: '每次下达经过的转办层数（均值/最大）', flowHierarchy: '流层级度（Luo & Magee）',
    coordination: '部门间协同密度', hhi: (tier: string) => `${tier}任务来源集中度 HHI（均值/最大）`,
    equivalent: '等效派单单位数（1/HHI 均值）',
    relays: '主要转办节点（任务通道介数）', unit: '单位', betweenness: '介数', normalized: '标准化',
    none: '（无）',
  },
}

const TIER_ZH: Record<Tier, string> = {city: '市', district: '区', street: '街道', community: '社区', grid: '网格'}

const KIND_ZH: Record<string, string> = {
  routine: '常规', temporary: '临时', statistics: '统计', inspection: '检查', service: '服务', enforcement: '执法', mediation: '调解',
}

/** `categories`: the model's names of its categories (id → name), shown instead of the ids. */
export function renderInspect(r: StructureReport, lang: Lang = 'en', categories: Record<string, string> = {}): string {
  const t = TEXT[lang]
  const tier = (x: Tier): string => (lang === 'zh' ? TIER_ZH[x] : x)
  const pct = (x: number | null): string => (x === null || !Number.isFinite(x) ? '-' : `${(x * 100).toFixed(1)}%`)
  const s = r.structure
  const parts: string[] = [t.title(r.model.name, r.graph.nodes, r.graph.edges) + '\n']

  const c = r.catalogue
  const catRows: (string | number)[][] = [
    [t.items, c.items],
    [t.categories, c.categories.count],
  ]
  if (c.categories.uncategorised > 0) catRows.push([t.uncategorised, c.categories.uncategorised])
  parts.push(renderTable([t.catalogue, t.count], catRows))
  const kinds = Object.entries(c.byKind).map(([k, n]) => [lang === 'zh' ? (KIND_ZH[k] ?? k) : k, n])
  if (kinds.length > 0) parts.push(renderTable([t.kind, t.items], kinds))
  const category = (id: string): string => categories[id] ?? id
  const cats = Object.entries(c.categories.items).map(([k, n]) => [category(k), n])
  if (cats.length > 0) parts.push(renderTable([t.category, t.items], cats))
  const labels = Object.entries(c.byLabel).map(([k, n]) => [k, n])
  if (labels.length > 0) parts.push(renderTable([t.label, t.items], labels))

  parts.push(
    renderTable(
      [t.tier, t.units, t.staff, t.issuersAbove, t.taskItems, t.demanded, t.available, t.load],
      s.funnel.map((f) => [tier(f.tier), f.units, f.staff, f.issuersAbove, f.taskItems, Math.round(f.demandedHours), Math.round(f.availableHours), pct(f.nominalLoad)]),
      {title: t.funnel, align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']},
    ),
  )

  const p = s.principals
  parts.push(
    renderTable(
      [t.stat, t.value],
      [[t.count, p.units], [t.mean, p.mean], [t.median, p.median], [t.min, p.min], [t.max, p.max]],
      {title: t.principals(tier(p.tier))},
    ),
  )
  if (p.distribution.length > 0) {
    parts.push(renderTable([t.principalsCol, t.units], p.distribution.map((d) => [d.principals, d.units]), {title: t.distribution}))
  }

  const a = s.alignment
  parts.push(
    renderTable(
      [t.tier, t.rate, t.aligned, t.resolution],
      [
        ...a.byTier.map((b) => [tier(b.tier), pct(b.rate), Math.round(b.alignedHours), Math.round(b.resolutionHours)]),
        [t.all, pct(a.rate), Math.round(a.alignedHours), Math.round(a.resolutionHours)],
      ],
      {title: t.alignment, align: ['left', 'right', 'right', 'right']},
    ),
  )

  const k = s.krackhardt
  const kRow = (name: string, key: 'connectedness' | 'hierarchy' | 'efficiency' | 'lubness'): (string | number)[] => [
    name,
    k[key].toFixed(4),
    k.counts[key].violations,
    k.counts[key].max,
  ]
  parts.push(
    renderTable(
      [t.measure, t.value, t.violations, t.maxV],
      [kRow(t.connectedness, 'connectedness'), kRow(t.hierarchy, 'hierarchy'), kRow(t.efficiency, 'efficiency'), kRow(t.lubness, 'lubness')],
      {title: t.krackhardt, align: ['left', 'right', 'right', 'right'], digits: 1},
    ) + (k.sampled ? t.sampled(k.sampled.sources, k.sampled.of) + '\n' : ''),
  )

  parts.push(
    renderTable(
      [t.measure, t.value],
      [
        [t.levels, String(s.depth.levels)],
        [t.territorialLevels, String(s.depth.territorialLevels)],
        [t.relayHops, `${formatNumber(s.depth.relayHops.mean)} / ${s.depth.relayHops.max}`],
        [t.flowHierarchy, s.flowHierarchy.value.toFixed(4)],
        [t.coordination, `${s.coordination.density.toFixed(4)} (${s.coordination.pairs}/${(s.coordination.departments * (s.coordination.departments - 1)) / 2})`],
        [t.hhi(tier(s.concentration.tier)), `${s.concentration.mean.toFixed(4)} / ${s.concentration.max.toFixed(4)}`],
        [t.equivalent, formatNumber(s.concentration.meanEquivalentIssuers)],
      ],
      {title: t.other, align: ['left', 'right']},
    ),
  )

  const top = s.betweenness.top
  parts.push(
    top.length === 0
      ? `${t.relays}\n${t.none}\n`
      : renderTable(
          [t.unit, t.tier, t.betweenness, t.normalized],
          top.map((b) => [b.label === b.id ? b.id : `${b.label} (${b.id})`, b.tier ? tier(b.tier) : '', b.value, b.normalized.toFixed(4)]),
          {title: t.relays, align: ['left', 'left', 'right', 'right'], digits: 1},
        ),
  )
  return parts.join('\n')
}
