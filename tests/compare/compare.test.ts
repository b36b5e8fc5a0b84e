import {describe, expect, it} from 'vitest'
import {compareRuns} from '../../src/compare/compare.js'
import {changeDigits, formatCsv, formatTable, width} from '../../src/compare/format.js'
import {getMetric, unitGroups} from '../../src/compare/metrics.js'
import type {Metric} from '../../src/compare/metrics.js'
import type {ReplicationResult, UnitRun} from '../../src/sim/api.js'
import {tinyModel} from '../reforms/fixtures.js'
import {applyReforms} from '../../src/reforms/index.js'

function unitRun(id: string, utilisation: number, waitHours = 0, started = 0): UnitRun {
  return {id, utilisation, meanWait: started ? waitHours / started : 0, p95LeadTime: 0, backlog: 0, arrived: started, served: started, busyHours: 0, waitHours, started, meanSojourn: 0, meanInSystem: 0, itemsEnded: 0, meanLeadTime: NaN}
}

function run(seed: number, units: UnitRun[], completed = 10): ReplicationResult {
  // Only the fields the metrics read are filled in.
  return {
    seed,
    warmup: 0,
    events: 0,
    items: {generated: completed, completed, rejected: 0, unresolved: 0, open: 0},
    overdue: 0,
    units,
    duplicates: {duplicateContacts: 0},
    timeSplit: {service: 0.5, admin: 0.3, inspection: 0.2},
    communityHours: {service: 5, admin: 3, inspection: 2},
    requests: {raised: 0, resolved: 0, resolutionRate: 0, meanTimeToResolve: NaN, p90TimeToResolve: NaN, meanHops: 0},
    tasks: [],
  }
}

const metrics = ['community.utilisation', 'community.wait', 'items.completed', 'alignment'].map((id) => getMetric(id)!) as Metric[]

describe('compareRuns', () => {
  // The scenario merges the five communities into two: compared at tier level.
  const base = tinyModel()
  const merged = applyReforms(base, [{type: 'merge', params: {size: 3}}]).model
  const comm = ['street-1/c1', 'street-1/c2', 'street-1/c3', 'street-2/c1', 'street-2/c2']
  const baseRuns = [
    run(11, comm.map((id, i) => unitRun(id, 0.5 + i * 0.1, 10, 5))),
    run(12, comm.map((id) => unitRun(id, 0.6, 20, 5)), 12),
  ]
  const scenRuns = [
    run(11, [unitRun('street-1/c1', 0.5, 6, 10), unitRun('street-2/c1', 0.4, 0, 10)]),
    run(12, [unitRun('street-1/c1', 0.5, 10, 10), unitRun('street-2/c1', 0.5, 10, 10)], 13),
  ]

  it('compares tiers across models whose units differ', () => {
    const rows = compareRuns({model: base, runs: baseRuns}, {model: merged, runs: scenRuns}, metrics)
    const util = rows[0]
    // Weighted by staff (10, 10, 10, 12, 12; merged 30 and 24): baseline 38.4/54 and 0.6;
    // scenario (0.5 × 30 + 0.4 × 24)/54 and 0.5: differences −13.8/54 and −0.1.
    expect(util.baseline).toBeCloseTo((38.4 / 54 + 0.6) / 2, 12)
    expect(util.scenario).toBeCloseTo((24.6 / 54 + 0.5) / 2, 12)
    expect(util.change).toBeCloseTo((-13.8 / 54 - 0.1) / 2, 12)
    // Job-weighted waits: 50/25 = 2 h and 100/25 = 4 h against 6/20 = 0.3 h and 20/20 = 1 h.
    expect(rows[1].baseline).toBeCloseTo(3, 12)
    expect(rows[1].scenario).toBeCloseTo(0.65, 12)
    expect(rows[2]).toMatchObject({baseline: 11, scenario: 11.5, change: 0.5})
    expect(rows[3].kind).toBe('structure')
  })

  it('never prints a significant change as zero: tiny ones get the decimals they need', () => {
    const row = {id: 'u', en: 'Department utilisation', zh: '部门利用率', unit: 'share', kind: 'flow', baseline: 0.0221, scenario: 0.0223, change: 0.0002, lo: 0.00012, hi: 0.00031, sd: 0, n: 5, significant: true, noChange: false}
    // 0.00012 needs four decimals for its first digit, five for two significant digits.
    expect(changeDigits(row)).toBe(5)
    expect(formatTable([row as never], 'en').split('\n')[1]).toMatch(/0\.022\s+0\.022\s+\+0\.00020\s+\[\+0\.00012, \+0\.00031\]\s+\*$/)
    // An interval that holds zero keeps the unit's precision: noise is not dressed up.
    expect(changeDigits({...row, lo: -0.0001})).toBe(0)
    expect(changeDigits({...row, noChange: true})).toBe(0)
  })

  it('refuses runs that are not paired on the same seeds', () => {
    expect(() => compareRuns({model: base, runs: baseRuns}, {model: merged, runs: [scenRuns[0]]}, metrics)).toThrow(/paired/)
    expect(() => compareRuns({model: base, runs: baseRuns}, {model: merged, runs: [scenRuns[1], scenRuns[0]]}, metrics)).toThrow(/different seeds/)
  })

  it('prints a table with a marker for significant changes, in English or Chinese, and CSV', () => {
    const rows = compareRuns({model: base, runs: baseRuns}, {model: base, runs: baseRuns.map((r) => ({...r, items: {...r.items, completed: r.items.completed + 2}}))}, metrics)
    const en = formatTable(rows, 'en').split('\n')
    expect(en[0]).toMatch(/^metric\s+baseline\s+scenario\s+change\s+95% CI \(paired\)$/)
    expect(en.find((l) => l.startsWith('Items completed'))).toMatch(/11\.0\s+13\.0\s+\+2\.0\s+\[\+2\.0, \+2\.0\]\s+\*$/)
    // Equal on both sides in every replication: "no change", never marked.
    expect(en.find((l) => l.startsWith('Community utilisation'))).toMatch(/0\.000\s+no change$/)
    const zh = formatTable(rows, 'zh').split('\n')
    expect(zh[0].startsWith('指标')).toBe(true)
    // Columns line up in display width even with CJK labels.
    const ends = zh
      .filter((l) => l.length > 0)
      .map((l) => {
        const [label, baseline] = l.split(/\s{2,}/)
        return width(l.slice(0, l.indexOf(baseline, label.length) + baseline.length))
      })
    expect(new Set(ends).size).toBe(1)
    const csv = formatCsv([{id: 's', name: 's', rows}], 'en').split('\n')
    expect(csv[0]).toBe('scenario,metric,label,unit,baseline,scenario_value,change,lo,hi,significant,n,no_change')
    expect(csv).toContain('s,items.completed,Items completed,count,11,13,2,2,2,true,2,false')
  })

  it('weights tier utilisation by staff: hours moved from two 1-person squads to a 15-person bureau', () => {
    const m = tinyModel()
    m.units.push(...['sq1', 'sq2'].map((id) => ({id, name: id, kind: 'department', staff: 1, powers: [], residents: 0, households: 0, labels: []})))
    m.units.push({id: 'bureau', name: 'bureau', kind: 'department', staff: 15, powers: [], residents: 0, households: 0, labels: []})
    const util = getMetric('department.utilisation')! as Extract<Metric, {kind: 'flow'}>
    const groups = unitGroups(m)
    const others = [...groups.department].filter((id) => !['sq1', 'sq2', 'bureau'].includes(id))
    const at = (sq: number, bureau: number) => run(1, [...others.map((id) => unitRun(id, 0)), unitRun('sq1', sq), unitRun('sq2', sq), unitRun('bureau', bureau)])
    const staff = others.reduce((sum, id) => sum + groups.staff.get(id)!, 0) + 17
    // Before: squads at 0.9, bureau at 0.1 → 3.3 busy staff; after: the squads' 1.8 h/h moved to the bureau.
    expect(util.value(at(0.9, 0.1), groups) * staff).toBeCloseTo(3.3, 12)
    expect(util.value(at(0, 0.22), groups) * staff).toBeCloseTo(3.3, 12)
    expect(util.en).toMatch(/staff-weighted/)
  })
})
