// A run refused by its budget or stopped by the live-job bound, said in the user's terms: which
// task, demand or unit, its rate or nominal load, the estimate, and what to do.
import {unitLoads} from '../metrics/structure/load.js'
import type {Model} from '../model/types.js'
import {BudgetError, RunawayError} from '../sim/index.js'
import type {SourceLoad} from '../sim/index.js'
import {UserError} from './output.js'

/** Two significant digits, never in exponent form: 4.2, 42, 360. */
const sig = (x: number) => x.toLocaleString('en-US', {maximumSignificantDigits: 2})

/** 4,200 · 4.2 million · 4.2 billion · 4.2e+15 (en); 4,200 · 420万 · 42亿 (zh). */
export function bigEn(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (n < 1e6) return Math.round(n).toLocaleString('en-US')
  if (n < 1e9) return `${sig(n / 1e6)} million`
  if (n < 1e12) return `${sig(n / 1e9)} billion`
  return n.toExponential(1)
}

export function bigZh(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  if (n < 1e4) return Math.round(n).toLocaleString('en-US')
  if (n < 1e8) return `${sig(n / 1e4)}万`
  if (n < 1e12) return `${sig(n / 1e8)}亿`
  return n.toExponential(1)
}

function rateEn(s: SourceLoad): string {
  const per = s.perHour >= 1 ? `${bigEn(s.perHour)} times a working hour` : `${bigEn(s.perHour * 2000)} times a working year (2,000 h)`
  return s.kind === 'task' ? `task \`${s.source}\` is issued ${per} and reaches ${bigEn(s.fanOut)} unit${s.fanOut === 1 ? '' : 's'} each time` : `demand \`${s.source}\` arises ${per} over all residents`
}

function rateZh(s: SourceLoad): string {
  const per = s.perHour >= 1 ? `每工作小时 ${bigZh(s.perHour)} 次` : `每工作年（2000 小时）${bigZh(s.perHour * 2000)} 次`
  return s.kind === 'task' ? `任务 \`${s.source}\` ${per}下达，每次到达 ${bigZh(s.fanOut)} 个单位` : `诉求 \`${s.source}\` 在全部居民中${per}产生`
}

/** The run's error as a UserError when it is a budget or runaway stop; other errors unchanged. */
export function explainRunError(error: unknown, model: Model): unknown {
  if (error instanceof BudgetError) return budgetMessage(error)
  if (error instanceof RunawayError) return runawayMessage(error, model)
  return error
}

function budgetMessage(e: BudgetError): UserError {
  const b = e.budget
  if (e.reason === 'results') {
    return new UserError(
      `${bigEn(b.replications)} replications × ${bigEn(e.units)} units of results would not fit in memory (at most ${bigEn(e.limit)})`,
      `${bigZh(b.replications)} 次重复 × ${bigZh(e.units)} 个单位的结果无法放入内存（上限 ${bigZh(e.limit)}）`,
      {en: 'lower --replications', zh: '请减少 --replications'},
    )
  }
  const top = b.sources[0]
  const share = top ? (top.events * b.replications) / b.events : 0
  const because = top ? `: ${rateEn(top)}, about ${bigEn(top.events * b.replications)} events${share < 0.99 ? ` (${Math.round(share * 100)}% of them)` : ''}` : ''
  const becauseZh = top ? `：${rateZh(top)}，约 ${bigZh(top.events * b.replications)} 个事件${share < 0.99 ? `（占 ${Math.round(share * 100)}%）` : ''}` : ''
  const over = `${bigEn(b.horizon)} working hours × ${b.replications} replication${b.replications === 1 ? '' : 's'}`
  const overZh = `${bigZh(b.horizon)} 工作小时 × ${b.replications} 次重复`
  return new UserError(
    `this run would process about ${bigEn(b.events)} events over ${over}, more than the budget of ${bigEn(e.limit)} (--max-events)${because}`,
    `本次运行在 ${overZh}中约需处理 ${bigZh(b.events)} 个事件，超过预算 ${bigZh(e.limit)}（--max-events）${becauseZh}`,
    {
      en: `check ${top ? `\`${top.source}\`'s rate (per hour where per year was meant?)` : 'the rates'}, or shorten --horizon, lower --replications, or raise --max-events if this machine can take it (about 2 million events a second, a few hundred bytes per waiting item)`,
      zh: `请检查${top ? ` \`${top.source}\` 的频率（是否把每年写成了每小时？）` : '各项频率'}，或缩短 --horizon、减少 --replications；若机器承受得了，可提高 --max-events（每秒约 200 万个事件）`,
    },
  )
}

function runawayMessage(e: RunawayError, model: Model): UserError {
  const load = e.unit ? unitLoads(model).get(e.unit) : undefined
  const pctEn = load ? (Number.isFinite(load.load) ? `${Math.round(load.load * 100)}%` : 'infinite (it has no staff)') : 'unknown'
  const pctZh = load ? (Number.isFinite(load.load) ? `${Math.round(load.load * 100)}%` : '无穷大（没有人员）') : '未知'
  return new UserError(
    `the run stopped at working hour ${bigEn(e.time)}: ${bigEn(e.live)} jobs were waiting or in service at once, ${bigEn(e.inSystem)} of them at \`${e.unit}\`, whose nominal load is ${pctEn}; work reaches it faster than its staff can serve, so its line only grows`,
    `运行在第 ${bigZh(e.time)} 工作小时停止：同时有 ${bigZh(e.live)} 件工作在排队或办理，其中 ${bigZh(e.inSystem)} 件在 \`${e.unit}\`，其名义负荷为 ${pctZh}；工作到达的速度超过人员处理的速度，队伍只增不减`,
    {
      en: `give \`${e.unit}\` more staff, send it less work (lower the rates or effort of the tasks reaching it), or shorten --horizon; \`loudou inspect\` shows every unit's nominal load`,
      zh: `请为 \`${e.unit}\` 增加人员、减少派给它的工作（降低相关任务的频率或工作量），或缩短 --horizon；\`loudou inspect\` 列出各单位的名义负荷`,
    },
  )
}
