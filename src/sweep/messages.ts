// The sweep's words for people, in English and Chinese (`--lang en|zh`).
export type Lang = 'en' | 'zh'

const EN = {
  head: 'Sweep {name} ({id}): {design}, {cells} cells × {replications} replications, seed {seed}, horizon {horizon} h, warm-up {warmup} h',
  factors: 'Factors',
  mainEffects: 'Main effect of {factor} (mean over the other factors\' cells, 95% CI over replications; Δ: change from the first value, paired CI)',
  change: 'Δ',
  cellsTable: 'Cells (mean over replications, 95% CI)',
  morris: 'Morris screening of {metric}: μ* = mean |elementary effect| per full range, 95% bootstrap CI; σ = spread of the effects',
  sobol: 'Sobol indices of {metric}: first-order S1 and total ST, 95% bootstrap CIs',
  factor: 'factor',
  cell: 'cell',
  muStar: 'μ*',
  ci: '95% CI',
  mu: 'μ',
  sigma: 'σ',
  s1: 'S1',
  st: 'ST',
  unitNote: 'Per-unit metrics are in the tidy table (--csv, --parquet) and in --json.',
  progress: 'sweep',
  cellsDone: '{done}/{total} cells',
  elapsed: '{elapsed} elapsed',
  left: 'about {left} left',
  shardWritten: 'shard {shard}: {units} of {total} work units ({rows} rows) written to {file}',
  written: 'written: {file}',
  emitted: '{kind}: {shards} shards of {units} work units written to {file}',
  design: {grid: 'full grid', lhs: 'Latin hypercube', morris: 'Morris elementary effects', sobol: 'Sobol (Saltelli)'},
}

const ZH: typeof EN = {
  head: '参数扫描 {name}（{id}）：{design}，{cells} 个单元 × {replications} 次重复，种子 {seed}，时长 {horizon} 小时，预热 {warmup} 小时',
  factors: '因子',
  mainEffects: '{factor} 的主效应（对其他因子各单元取平均，按重复计算95%置信区间；Δ：相对第一个取值的变化，配对置信区间）',
  change: 'Δ',
  cellsTable: '各单元（重复平均值，95%置信区间）',
  morris: '{metric} 的 Morris 筛选：μ* 为基本效应绝对值的平均（按因子全范围计），95%自助法置信区间；σ 为效应的离散程度',
  sobol: '{metric} 的 Sobol 指数：一阶 S1 与总效应 ST，95%自助法置信区间',
  factor: '因子',
  cell: '单元',
  muStar: 'μ*',
  ci: '95%置信区间',
  mu: 'μ',
  sigma: 'σ',
  s1: 'S1',
  st: 'ST',
  unitNote: '逐单位指标见整洁数据表（--csv、--parquet）和 --json 输出。',
  progress: '参数扫描',
  cellsDone: '{done}/{total} 个单元',
  elapsed: '已用 {elapsed}',
  left: '约剩 {left}',
  shardWritten: '分片 {shard}：{total} 个工作单元中的 {units} 个（{rows} 行）已写入 {file}',
  written: '已写入：{file}',
  emitted: '{kind}：{units} 个工作单元分为 {shards} 个分片，脚本已写入 {file}',
  design: {grid: '全网格', lhs: '拉丁超立方抽样', morris: 'Morris 基本效应', sobol: 'Sobol（Saltelli 估计）'},
}

type Key = Exclude<keyof typeof EN, 'design'>

export function msg(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  const text = (lang === 'zh' ? ZH : EN)[key]
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m))
}

export function designName(lang: Lang, design: keyof typeof EN.design): string {
  return (lang === 'zh' ? ZH : EN).design[design]
}
