// Typed fixture data for the renderer: a small district with the funnel's shape, a simulated
// flow and one reform compared against the baseline.
import {buildGraphView, type RawEdge, type RawNode} from '../../src/report/graph-view.js'
import type {Est, ReportData} from '../../src/report/types.js'

export const e = (mean: number, half = mean * 0.1, n = 10): Est => ({mean, lo: mean - half, hi: mean + half, n})

export function fixtureGraph(communities = 6, hostileName = '教学区人民政府') {
  const nodes: RawNode[] = [
    {id: 'district', label: hostileName, kind: 'government', tier: 'district', staff: 10},
    {id: 'district/police', label: '公安分局', kind: 'department', tier: 'district', staff: 30, parent: 'district'},
    {id: 'district/civil', label: '民政局', kind: 'department', tier: 'district', staff: 12, parent: 'district'},
  ]
  const edges: RawEdge[] = [
    {source: 'district', target: 'district/police', type: 'administers', hoursPerYear: 0},
    {source: 'district', target: 'district/civil', type: 'administers', hoursPerYear: 0},
    {source: 'district/police', target: 'district/civil', type: 'coordinates', hoursPerYear: 0},
  ]
  const streets = Math.max(1, Math.ceil(communities / 3))
  for (let s = 1; s <= streets; s++) {
    const sid = `district/street-${s}`
    nodes.push({id: sid, label: `第${s}街道`, kind: 'street', tier: 'street', staff: 3, parent: 'district'})
    edges.push({source: 'district', target: sid, type: 'administers', hoursPerYear: 0})
    for (const d of ['district/police', 'district/civil']) edges.push({source: d, target: sid, type: 'task', hoursPerYear: 400})
  }
  for (let c = 1; c <= communities; c++) {
    const sid = `district/street-${Math.ceil(c / 3)}`
    const cid = `${sid}/community-${c}`
    nodes.push({id: cid, label: `社区${c}`, kind: 'community', tier: 'community', staff: 6, parent: sid})
    edges.push({source: sid, target: cid, type: 'administers', hoursPerYear: 0}, {source: sid, target: cid, type: 'task', hoursPerYear: 900})
  }
  return {nodes, edges}
}

export function fixtureReport(options: {hostileName?: string; communities?: number} = {}): ReportData {
  const raw = fixtureGraph(options.communities ?? 6, options.hostileName)
  return {
    model: {id: 'classroom', name: options.hostileName ?? '教学区 (teaching district)', description: 'A teaching district.', file: 'models/classroom.yaml',
      sources: [{title: '陈文 2017', note: 'seed 003'}, {title: 'Example', url: 'https://example.org/a?b=1&c=2'}],
      units: raw.nodes.length, staff: 91, tasks: 12, demand: 3},
    generated: '2024-05-01',
    funnel: [
      {tier: 'district', units: 10, staff: 128, issuersAbove: 0, taskItems: 0, demandedHours: 20000, availableHours: 256000, nominalLoad: 0.078, simulatedLoad: e(0.07, 0.01)},
      {tier: 'street', units: 6, staff: 12, issuersAbove: 9, taskItems: 1234.5, demandedHours: 9000, availableHours: 24000, nominalLoad: 0.375, simulatedLoad: e(0.35, 0.02)},
      {tier: 'community', units: 6, staff: 36, issuersAbove: 11, taskItems: 8765.4, demandedHours: 65000, availableHours: 72000, nominalLoad: 0.903, simulatedLoad: e(0.88, 0.03)},
      {tier: 'grid', units: 12, staff: 12, issuersAbove: 1, taskItems: 3000, demandedHours: 15000, availableHours: 24000, nominalLoad: 0.625},
    ],
    funnelBasis: 'staff',
    structure: {depth: 3, principals: {mean: 10.5, max: 11}, alignment: 0.42,
      krackhardt: {connectedness: 1, hierarchy: 0.87, efficiency: 0.9, lubness: 1}, coordination: 0.05},
    graph: buildGraphView(raw.nodes, raw.edges),
    flow: {
      seed: 1, replications: 10, horizon: 4000, warmup: 200,
      items: {generated: e(12000), completed: e(11000), rejected: e(0, 0), unresolved: e(300), open: e(700)},
      bottlenecks: [
        {id: 'district/street-1/community-1', name: '社区1', tier: 'community', waitShare: e(0.3, 0.05), utilisation: e(0.92, 0.02)},
        {id: 'district/street-1', name: '第1街道', tier: 'street', waitShare: e(0.1, 0.02), utilisation: e(0.4, 0.02)},
      ],
      duplicates: [{key: 'householdContacts', value: e(820)}, {key: 'escalations', value: e(140)}],
      timeSplit: {service: e(0.3, 0.02), admin: e(0.2, 0.02), inspection: e(0.5, 0.02)},
      requests: [{key: 'resolutionRate', value: e(0.8, 0.03)}, {key: 'meanTimeToResolve', value: e(31.5)}],
      check: {spearman: 0.83, topAgree: 0.8},
    },
    comparisons: [{
      id: 'catalogue', name: '准入清单 (access catalogue)', changes: [{reform: 'access-catalogue', messages: [{key: 'change.access.gated', params: {n: 12, fate: {key: 'change.access.return'}, leak: '10%'}}]}],
      rows: [
        {key: 'items.completed', baseline: e(11000), scenario: e(11500), diff: e(500, 100), better: 'higher', significant: true},
        {key: 'timeSplit.inspection', baseline: e(0.5, 0.02), scenario: e(0.3, 0.02), diff: e(-0.2, 0.03), better: 'lower', significant: true},
        {key: 'items.unresolved', baseline: e(300), scenario: e(310), diff: e(10, 30), better: 'lower', significant: false},
      ],
      timeSplit: {service: e(0.5, 0.02), admin: e(0.2, 0.02), inspection: e(0.3, 0.02)},
    }],
    definitions: {markdown: '# Metrics\n\n## Nominal load\n\nDemanded hours ÷ available hours, per **tier**.\n\n- `depth`: longest chain\n- alignment: share <b>aligned</b>\n\n| metric | meaning |\n| --- | --- |\n| depth | chain length |\n', source: 'docs/metrics.md'},
  }
}
