// Human output of `loudou simulate --unit`: the chosen units' simulated hours, waits and lead
// times by item, beside the nominal hours inspect --unit books for the same item.
import {t, type Lang} from '../i18n/index.js'
import type {FocusFlow} from '../metrics/flow/focus.js'
import type {UnitBreakdown} from '../metrics/structure/unit-breakdown.js'
import {formatHours} from '../model/duration.js'
import type {Model} from '../model/types.js'
import type {Estimate} from '../sim/api.js'
import {formatNumber, renderTable} from './table.js'

export function renderUnitFlow(model: Model, focus: FocusFlow, nominal: UnitBreakdown, lang: Lang, options: {top?: number; selector: string; replications: number}): string {
  const top = options.top ?? 10
  const one = nominal.units.length === 1 ? nominal.units[0] : undefined
  const who = one ? (one.name === one.id ? one.id : `${one.name} (${one.id})`) : t(lang, 'why.unitsMatched', {n: nominal.units.length, selector: options.selector})
  const planned = new Map(nominal.byTask.map((r) => [`${r.type}\u0000${r.id}`, r.hoursPerYear]))
  const num = (e: Estimate, f: (x: number) => string) => (!Number.isFinite(e.mean) ? '-' : e.n > 1 && Number.isFinite(e.lo) ? `${f(e.mean)} [${f(e.lo)}-${f(e.hi)}]` : f(e.mean))
  const count = (x: number) => formatNumber(Math.round(x * 10) / 10, 1).replace(/\.0$/, '')
  const dur = (x: number) => formatHours(x, model.clock)
  const col = (k: string) => t(lang, `why.col.${k}` as Parameters<typeof t>[1])
  const rows = focus.tasks.slice(0, top).map((r) => [
    r.name, r.id,
    Math.round(planned.get(`${r.type}\u0000${r.id}`) ?? 0),
    num(r.hoursPerYear, (x) => formatNumber(Math.round(x))),
    num(r.startedPerYear, count),
    num(r.meanWait, dur),
    num(r.completedPerYear, count),
    num(r.meanLeadTime, dur),
  ])
  const head = [col('item'), col('id'), col('nominal'), col('simulated'), col('jobs'), col('wait'), col('done'), col('lead')]
  const left = focus.tasks.length - top
  return renderTable(head, rows, {title: t(lang, 'why.simTitle', {name: who, n: options.replications}), align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right']}) +
    (left > 0 ? t(lang, 'why.more', {n: left}) + '\n' : '') +
    (focus.tasks.length === 0 ? t(lang, 'why.simNothing') + '\n' : '')
}
