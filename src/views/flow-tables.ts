// The human `simulate` summary's tier table and bottleneck lines: units by name with their id
// (names repeat across replicas), in the same ranking as JSON, report and dashboard.
import {tOr} from '../i18n/index.js'
import type {Bottleneck, Estimate, UnitAggregate} from '../sim/api.js'
import {renderTable} from './table.js'

type Lang = 'en' | 'zh'

const TEXT = {
  en: {
    tiers: 'Tiers (every unit counted in its own tier, else its territory’s)',
    head: ['tier', 'units', 'staff', 'utilisation (staff-weighted)', 'max', 'above 90%', 'mean wait'],
    bottlenecks: 'Bottlenecks (score = share of delay × load weight · utilisation · mean wait · share of delay)',
    none: '  none: no unit is loaded above 50% with waits of at least 1% of the items’ lead time',
    groups: 'Groups of similar units',
    group: (g: UnitAggregate, mean: string, max: string, hot: string, delay: string) =>
      `  ${g.units} × ${g.name} (${g.key}): utilisation mean ${mean}, max ${max}, ${hot} above 90%; share of delay ${delay}`,
    tasks: 'loaded most by',
  },
  zh: {
    tiers: '各层级（每个单位计入其声明的层级，否则计入其属地的层级）',
    head: ['层级', '单位数', '人员', '利用率（按人员加权）', '最高', '超过 90%', '平均等待'],
    bottlenecks: '瓶颈（得分 = 延误占比 × 负荷权重 · 利用率 · 平均等待 · 延误占比）',
    none: '  无：没有单位既负荷超过 50% 又等待达到事项办理周期的 1%',
    groups: '同类单位组',
    group: (g: UnitAggregate, mean: string, max: string, hot: string, delay: string) =>
      `  ${g.units} 个 ${g.name}（${g.key}）：平均利用率 ${mean}，最高 ${max}，${hot} 个超过 90%；延误占比 ${delay}`,
    tasks: '主要负荷来自',
  },
}

export interface Formats {
  est: (e: Estimate, f: (v: number) => string) => string
  pct: (e: Estimate) => string
  hours: (h: number) => string
  count: (v: number) => string
}

export function tierTable(tiers: readonly UnitAggregate[], lang: Lang, f: Formats): string[] {
  const L = TEXT[lang]
  const rows = tiers.map((r) => [
    tOr(lang, `tier.${r.key}`, r.key),
    r.units,
    f.count(r.staff),
    f.pct(r.utilisation.mean),
    f.pct(r.utilisation.max),
    f.est(r.utilisation.above90, f.count),
    f.est(r.meanWait, f.hours),
  ])
  return [L.tiers, ...renderTable(L.head, rows).trimEnd().split('\n').map((l) => `  ${l}`)]
}

export function bottleneckLines(bottlenecks: readonly Bottleneck[], groups: readonly UnitAggregate[], lang: Lang, f: Formats): string[] {
  const L = TEXT[lang]
  const lines = [L.bottlenecks]
  if (bottlenecks.length === 0) lines.push(L.none)
  bottlenecks.forEach((b, i) => {
    const who = b.name !== b.id ? `${b.name} · ${b.id}` : b.id
    const tier = b.tier ? ` (${tOr(lang, `tier.${b.tier}`, b.tier)})` : ''
    lines.push(`  ${String(i + 1).padStart(2)}. ${who}${tier}  ${f.pct(b.score)} · ${f.pct(b.utilisation)} · ${f.est(b.meanWait, f.hours)} · ${f.pct(b.leadShare)}`)
    if (b.topTasks && b.topTasks.length > 0) lines.push(`      ${L.tasks} ${b.topTasks.map((t) => t.id).join(', ')}`)
  })
  const loaded = groups.filter((g) => g.score.mean > 0).slice(0, 5)
  if (loaded.length > 0) {
    lines.push('', L.groups)
    for (const g of loaded) lines.push(L.group(g, f.pct(g.utilisation.mean), f.pct(g.utilisation.max), f.est(g.utilisation.above90, f.count), f.pct(g.leadShare)))
  }
  return lines
}
