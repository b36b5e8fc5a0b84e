// Warnings about a simulation's run length and stability (docs/metrics.md, *Run length*):
//   short-run  a unit above 90% utilisation whose queue needs longer than the run to settle
//   unsettled  MSER-5 found no steady state in some replications' work in system
//   open-items items still open at the horizon are more than 5% of those generated
//   (a unit whose nominal load is above 1 is the structure warning `overloaded`; it stands
//   for the symptoms above, which are then not repeated)
// Pure: returns Warning records; the commands print them and put them in JSON `warnings[]`.
import type {Warning} from '../../model/problems.js'
import {formatProblem} from '../../model/problems.js'
import type {Model} from '../../model/types.js'
import type {FlowSummary} from '../../sim/api.js'
import {unitLoads} from '../structure/load.js'

export const RUN_RULE = {
  /** Utilisation above which a unit's run length is checked. */
  hot: 0.9,
  /** The window must hold this many relaxation times of the unit's queue. */
  relaxations: 20,
  /** Open items at the horizon above this share of generated ones. */
  open: 0.05,
} as const

type Lang = 'en' | 'zh'

/** Relaxation time of a queue at utilisation rho with mean service s (Whitt 1989, M/M/1): s / (1 − √rho)². */
export function relaxationTime(rho: number, service: number): number {
  return rho >= 1 ? Infinity : service / (1 - Math.sqrt(rho)) ** 2
}

export function flowWarnings(model: Model, s: Pick<FlowSummary, 'units' | 'items' | 'runs' | 'horizon' | 'warmup' | 'warmupChoice'>, lang: Lang = 'en'): Warning[] {
  const zh = lang === 'zh'
  const out: Warning[] = []
  const window = s.horizon - s.warmup
  const loads = unitLoads(model)
  const overloaded = new Set(model.units.filter((u) => u.staff > 0 && (loads.get(u.id)?.load ?? 0) > 1).map((u) => u.id))
  const at = (i: number) => {
    const loc = model.units[i].loc
    return loc ? {file: loc.file, line: loc.line, column: loc.column, path: loc.path} : {}
  }
  const h = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '∞')
  s.units.forEach((u, i) => {
    // A unit loaded above 1 has no steady state: the structure warning `overloaded` names it
    // (src/cli/structure-warnings.ts), and the run-length symptoms below are its consequences.
    if (overloaded.has(u.id)) return
    const rho = u.utilisation.mean
    if (!(rho > RUN_RULE.hot)) return
    let busy = 0
    let served = 0
    for (const r of s.runs) {
      busy += r.units[i].busyHours
      served += r.units[i].served
    }
    const relax = relaxationTime(rho, served > 0 ? busy / served : 0)
    if (window >= RUN_RULE.relaxations * relax) return
    out.push({
      code: 'short-run',
      unit: u.id,
      message: zh
        ? `单位 \`${u.id}\` 的利用率为 ${(rho * 100).toFixed(1)}%，其队列的松弛时间约 ${h(relax)} 小时，而统计窗口只有 ${h(window)} 小时：等待时间的估计可能偏低`
        : `unit \`${u.id}\` runs at ${(rho * 100).toFixed(1)}% utilisation; its queue relaxes over about ${h(relax)} hours and the observed window is ${h(window)} hours: its waits may be underestimated`,
      hint: zh ? `把 --horizon 延长到至少 ${h(RUN_RULE.relaxations * relax + s.warmup)} 小时，或增加 --replications` : `run a --horizon of at least ${h(RUN_RULE.relaxations * relax + s.warmup)} hours, or more --replications`,
      ...at(i),
    })
  })
  // With an overloaded unit, an unsettled series and open items are what its growing line does.
  if (overloaded.size > 0) return out
  if (s.warmupChoice.unsettled > 0) {
    const n = s.warmupChoice.unsettled
    out.push({
      code: 'unsettled',
      message: zh
        ? `${n} 次重复的在办工作量在整个时长内都没有稳定下来（MSER-5 截断达到上限）`
        : `in ${n} replication${n === 1 ? '' : 's'} the work in system never settled over the horizon (MSER-5 truncation at its limit)`,
      hint: zh ? '延长 --horizon；若某单位名义负荷超过 1，先处理它' : 'run a longer --horizon; if a unit is loaded above 1, deal with it first',
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
      hint: zh ? '延长 --horizon，或查看哪个单位积压' : 'run a longer --horizon, or look at which unit holds the backlog',
    })
  }
  return out
}

/** A warning as one line for stderr, located like a problem when it names a place. */
export function formatFlowWarning(w: Warning, lang: Lang = 'en'): string {
  if (w.file !== undefined) {
    return formatProblem({file: w.file, line: w.line ?? 1, column: w.column ?? 1, path: w.path ?? '', message: w.message, hint: w.hint, severity: 'warning'}, lang)
  }
  const hint = w.hint ? `\n    ${lang === 'zh' ? '提示：' : 'hint: '}${w.hint}` : ''
  return `${lang === 'zh' ? '警告：' : 'warning: '}${w.message}${hint}`
}
