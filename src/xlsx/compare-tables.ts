// `compare --xlsx`: one sheet per scenario with the comparison table (baseline, scenario,
// change and its paired 95% CI in columns of their own), and a sheet that says how it was run.
import type {MetricRow} from '../compare/compare.js'
import {FORMAT, cellNumber, sheetName} from './sheet.js'
import type {Lang, SheetTable} from './sheet.js'

export interface ComparedScenario {
  id: string
  name: string
  rows: MetricRow[]
}

const HEAD = {
  en: ['metric', 'label', 'unit', 'baseline', 'scenario', 'change', 'change low (95% CI)', 'change high (95% CI)', 'significant', 'pairs'],
  zh: ['指标', '名称', '单位', '基线', '情景', '变化', '变化下限（95%置信区间）', '变化上限（95%置信区间）', '显著', '配对数'],
}

export function compareTables(scenarios: readonly ComparedScenario[], run: {seed: number; replications: number; baseline: string}, lang: Lang): SheetTable[] {
  const taken = new Set<string>()
  const zh = lang === 'zh'
  const tables = scenarios.map((s): SheetTable => ({
    name: sheetName(s.id, taken),
    columns: HEAD[lang].map((header, j) => ({header, width: j === 1 ? 36 : j === 0 ? 24 : 14, ...(j >= 3 && j <= 7 && {format: FORMAT.share})})),
    rows: s.rows.map((r) => [
      r.id,
      zh ? r.zh : r.en,
      r.unit,
      cellNumber(r.baseline),
      cellNumber(r.scenario),
      cellNumber(r.change),
      r.kind === 'structure' ? null : cellNumber(r.lo),
      r.kind === 'structure' ? null : cellNumber(r.hi),
      r.significant,
      r.n,
    ]),
  }))
  tables.push({
    name: sheetName(zh ? '说明' : 'About', taken),
    columns: [{header: zh ? '项目' : 'item', width: 24}, {header: zh ? '值' : 'value', width: 60}],
    rows: [
      [zh ? '基线' : 'baseline', run.baseline],
      ...scenarios.map((s) => [zh ? '情景' : 'scenario', `${s.name} (${s.id})`]),
      [zh ? '随机种子' : 'seed', run.seed],
      [zh ? '配对重复次数' : 'paired replications', run.replications],
      [zh ? '说明' : 'note', zh ? '情景与基线使用相同的随机种子（共同随机数）；变化的下限、上限为配对 95% 置信区间；结构指标为精确值，没有区间。' : 'Scenarios and baseline run on the same seeds (common random numbers); the change bounds are its paired 95% CI; structural metrics are exact and have none.'],
    ],
  })
  return tables
}
