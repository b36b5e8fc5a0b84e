// Warnings before any run: what a model's load found (a task reaching no one…) and what its
// structure says (a unit without staff that receives work, a unit whose nominal load is
// above 1). After a run, src/metrics/flow/warnings.ts adds the run-length warnings and never
// repeats these two causes. Loaded only by the commands that print them: it needs the
// structural metrics.
import {unitLoads} from '../metrics/structure/load.js'
import type {Problem, Warning} from '../model/problems.js'
import type {Model} from '../model/types.js'
import type {Lang} from './output.js'

/** A load warning as a Warning (the loader's warnings carry no code of their own). */
export function fromProblem(p: Problem): Warning {
  return {code: 'model', message: p.message, ...(p.hint ? {hint: p.hint} : {}), file: p.file, line: p.line, column: p.column, path: p.path}
}

const pct = (x: number) => `${Math.round(x * 100)}%`
const hours = (x: number) => Math.round(x).toLocaleString('en-US')

/** `staff-zero` and `overloaded` for every unit concerned, in unit order. */
export function structureWarnings(model: Model, lang: Lang = 'en'): Warning[] {
  const loads = unitLoads(model)
  const zh = lang === 'zh'
  const out: Warning[] = []
  for (const u of model.units) {
    const l = loads.get(u.id)
    if (!l || !(l.demandedHours > 0)) continue
    const at = u.loc ? {file: u.loc.file, line: u.loc.line, column: u.loc.column, path: u.loc.path} : {}
    if (!(u.staff > 0)) {
      out.push({
        code: 'staff-zero',
        unit: u.id,
        message: zh
          ? `单位 \`${u.id}\` 的 \`staff: 0\`，却每年收到 ${hours(l.demandedHours)} 小时的工作：这些工作永远在等待，且它不会出现在瓶颈中`
          : `unit \`${u.id}\` has \`staff: 0\` but receives ${hours(l.demandedHours)} hours of work a year: that work waits forever, and the unit never shows among the bottlenecks`,
        hint: zh ? '为它配备人员，或不再向它派发工作' : 'give it staff, or stop sending it work',
        ...at,
      })
    } else if (l.load > 1) {
      out.push({
        code: 'overloaded',
        unit: u.id,
        message: zh
          ? `单位 \`${u.id}\` 的名义负荷为 ${pct(l.load)}（每年需 ${hours(l.demandedHours)} 小时，人员只有 ${hours(l.availableHours)} 小时）：队伍会越排越长，结果取决于模拟时长`
          : `unit \`${u.id}\` has a nominal load of ${pct(l.load)} (${hours(l.demandedHours)} hours of work a year for ${hours(l.availableHours)} staff hours): its line grows without end and results depend on the horizon`,
        hint: zh ? '增加人员、减少派给它的工作，或用改革情景分流' : 'add staff, send it less work, or try a reform that moves work elsewhere',
        ...at,
      })
    }
  }
  return out
}
