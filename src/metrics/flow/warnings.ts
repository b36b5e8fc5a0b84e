// Warnings about a simulation's run length and stability (docs/metrics.md, *Run length*):
//   short-run  a unit above 90% utilisation whose queue the run observes over fewer than 100
//              relaxation times in all replications together
//   unsettled  MSER-5 (`--warmup mser`) found no steady state in some replications' work in system
//   open-items items still open at the horizon are more than 5% of those generated
// A unit whose line only grows (nominal load above 1, or work without staff) has its warning
// before the run, `overloaded` or `staff-zero` (src/cli/structure-warnings.ts); none of these
// repeats that cause: such units get no short-run warning, and unsettled and open-items are left
// out when the growing units hold most of the backlog.
// Pure: returns Warning records; the commands print them and put them in JSON `warnings[]`.
import type {Warning} from '../../model/problems.js'
import type {Model} from '../../model/types.js'
import type {FlowSummary} from '../../sim/api.js'
import {unitLoads, unitsWithoutSteadyState} from '../structure/load.js'
import {OBSERVED_RELAXATIONS, relaxationTime} from '../structure/relaxation.js'

export const RUN_RULE = {
  /** Utilisation above which a unit's run length is checked. */
  hot: 0.9,
  /** All replications together must observe this many relaxation times of the unit's queue. */
  relaxations: OBSERVED_RELAXATIONS,
  /** Open items at the horizon above this share of generated ones. */
  open: 0.05,
} as const

type Lang = 'en' | 'zh'

export function flowWarnings(model: Model, s: Pick<FlowSummary, 'units' | 'items' | 'runs' | 'horizon' | 'warmup' | 'warmupChoice'>, lang: Lang = 'en'): Warning[] {
  const zh = lang === 'zh'
  const out: Warning[] = []
  const window = s.horizon - s.warmup
  const growing = unitsWithoutSteadyState(unitLoads(model))
  const at = (i: number) => {
    const loc = model.units[i].loc
    return loc ? {file: loc.file, line: loc.line, column: loc.column, path: loc.path} : {}
  }
  const h = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '∞')
  s.units.forEach((u, i) => {
    const rho = u.utilisation.mean
    if (growing.has(u.id) || !(rho > RUN_RULE.hot)) return
    let busy = 0
    let served = 0
    for (const r of s.runs) {
      busy += r.units[i].busyHours
      served += r.units[i].served
    }
    const relax = relaxationTime(rho, served > 0 ? busy / served : 0, model.units[i].staff)
    const runs = s.runs.length
    if (runs * window >= RUN_RULE.relaxations * relax) return
    const needed = window > 0 ? Math.ceil((RUN_RULE.relaxations * relax) / window) : Infinity
    out.push({
      code: 'short-run',
      unit: u.id,
      message: zh
        ? `单位 \`${u.id}\` 的利用率为 ${(rho * 100).toFixed(1)}%，其队列的松弛时间约 ${h(relax)} 小时，${runs} 次重复共观察 ${h(runs * window)} 小时，不足 ${RUN_RULE.relaxations} 个松弛时间：其等待时间的估计及置信区间不可靠`
        : `unit \`${u.id}\` runs at ${(rho * 100).toFixed(1)}% utilisation; its queue relaxes over about ${h(relax)} hours and ${runs} replication${runs === 1 ? '' : 's'} observe ${h(runs * window)} hours, fewer than ${RUN_RULE.relaxations} relaxation times: its waits and their interval are not reliable`,
      hint: zh
        ? `用 --replications ${Number.isFinite(needed) ? needed : '更多'}，或更长的 --horizon`
        : `run --replications ${Number.isFinite(needed) ? needed : 'more'}, or a longer --horizon`,
      ...at(i),
    })
  })
  // The backlog at the horizon, and the unit holding most of it: growing units explain it already.
  let backlog = 0
  let atGrowing = 0
  let most = -1
  s.units.forEach((u, i) => {
    const b = u.backlog.mean
    if (!(b > 0)) return
    backlog += b
    if (growing.has(u.id)) atGrowing += b
    if (most < 0 || b > s.units[most].backlog.mean) most = i
  })
  if (backlog > 0 && atGrowing >= backlog / 2) return out
  if (s.warmupChoice.unsettled > 0) {
    const n = s.warmupChoice.unsettled
    out.push({
      code: 'unsettled',
      message: zh
        ? `${n} 次重复的在办工作量在整个时长内都没有稳定下来（MSER-5 截断达到上限）`
        : `in ${n} replication${n === 1 ? '' : 's'} the work in system never settled over the horizon (MSER-5 truncation at its limit)`,
      hint: zh ? '延长 --horizon，或用默认的 --warmup auto' : 'run a longer --horizon, or the default --warmup auto',
    })
  }
  const open = s.items.open.mean
  const generated = s.items.generated.mean
  if (generated > 0 && open > RUN_RULE.open * generated) {
    out.push({
      code: 'open-items',
      message: zh
        ? `时长结束时仍在办的事项占产生事项的 ${((open / generated) * 100).toFixed(1)}%（超过 5%）：办理周期只统计已办结的事项，会偏短`
        : `items still open at the horizon are ${((open / generated) * 100).toFixed(1)}% of those generated (above 5%): lead times count completed items only and read short`,
      hint: zh
        ? `延长 --horizon${most >= 0 ? `；积压最多的是 \`${s.units[most].id}\`` : ''}`
        : `run a longer --horizon${most >= 0 ? `; \`${s.units[most].id}\` holds the largest backlog` : ''}`,
    })
  }
  return out
}
