import {afterEach, describe, expect, it} from 'vitest'
import {cleanup, render} from 'ink-testing-library'
import {Funnel} from '../../src/dashboard/components/Funnel.js'
import {Bottlenecks} from '../../src/dashboard/components/Bottlenecks.js'
import {Requests} from '../../src/dashboard/components/Requests.js'
import {tone} from '../../src/dashboard/components/CompareTable.js'
import {Duplicates} from '../../src/dashboard/components/Duplicates.js'
import {TimeSplit} from '../../src/dashboard/components/TimeSplit.js'
import {Sparkline} from '../../src/dashboard/components/Sparkline.js'
import {Help} from '../../src/dashboard/components/Help.js'
import {KeyBar, ReformBar, StatusBar} from '../../src/dashboard/components/StatusBar.js'
import {Dashboard} from '../../src/dashboard/components/Dashboard.js'
import {labels} from '../../src/dashboard/i18n.js'
import {displayWidth} from '../../src/views/width.js'
import type {DashboardFrame} from '../../src/dashboard/state/controller.js'
import {FUNNEL, side} from './fixtures.js'

const en = labels('en')
const zh = labels('zh')
// Frames without colour codes, as a terminal shows them.
const plain = (s: string | undefined): string => (s ?? '').replace(/\u001B\[[0-9;]*m/g, '')
const lines = (s: string | undefined): string[] => plain(s).split('\n')

afterEach(() => cleanup())

describe('Funnel', () => {
  it('draws one row per tier with units, a load bar, load % and queue', () => {
    const out = lines(render(<Funnel rows={FUNNEL} width={78} labels={en} />).lastFrame())
    expect(out[0]).toMatch(/^Funnel ─+ load queue$/)
    expect(out[1]).toMatch(/^district +26 +█+░+ +40% +3$/)
    expect(out[3]).toMatch(/^community +6 +█+░? +96% +148$/)
    expect(out).toHaveLength(5)
  })

  it('narrows from the top tier to the tip (an inverted triangle)', () => {
    const out = lines(render(<Funnel rows={FUNNEL} width={78} labels={en} />).lastFrame())
    const bar = (l: string): number => (l.match(/[█░]/g) ?? []).length
    const widths = out.slice(1).map(bar)
    expect(widths).toEqual([...widths].sort((a, b) => b - a))
    expect(widths[0]).toBeGreaterThan(2 * widths[3])
    // Bars are centred: each starts further right than the one above.
    const starts = out.slice(1).map((l) => l.search(/[█░]/))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  it('fills the bar by load', () => {
    const out = lines(render(<Funnel rows={FUNNEL} width={78} labels={en} />).lastFrame())
    const fill = (l: string): number => (l.match(/█/g) ?? []).length / (l.match(/[█░]/g) ?? []).length
    expect(fill(out[1])).toBeCloseTo(0.4, 1)
    expect(fill(out[3])).toBeGreaterThan(0.9)
  })

  it('names tiers in Chinese and marks a tier the other side lacks', () => {
    const out = plain(render(<Funnel rows={FUNNEL.filter((r) => r.tier !== 'street')} tiers={FUNNEL.map((r) => r.tier)} width={60} labels={zh} />).lastFrame())
    expect(out).toContain('倒三角漏斗')
    expect(out).toMatch(/区 +26/)
    expect(out).toMatch(/街道 +— +·+ +— +—/)
    expect(out).toMatch(/社区 +6/)
    for (const l of out.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(60)
  })
})

describe('panels', () => {
  const rows = [
    {id: 'c1', name: '社区一', tier: 'community', utilisation: 0.97, queue: 40, after: {utilisation: 0.6, queue: 3}},
    {id: 's', name: 'Street office', tier: 'street', utilisation: 0.5, queue: 2},
  ]

  it('lists bottlenecks with utilisation and queue, then before → after', () => {
    const one = plain(render(<Bottlenecks rows={rows} width={40} labels={en} compare={false} limit={5} />).lastFrame())
    expect(one).toMatch(/社区一 \(community\) +97% +q40/)
    expect(one).toMatch(/Street office \(street\) +50% +q2/)
    const two = plain(render(<Bottlenecks rows={rows} width={40} labels={en} compare limit={1} />).lastFrame())
    expect(two).toMatch(/before→after/)
    expect(two).toMatch(/社区一 +97% +→60% +q40 +→3/)
    expect(two).not.toContain('Street office')
  })

  it('shows requests, and before and after side by side', () => {
    const base = {raised: 500, resolved: 310, waiting: 190}
    const one = plain(render(<Requests base={base} width={40} labels={en} />).lastFrame())
    expect(one).toMatch(/raised +500/)
    expect(one).toMatch(/waiting +190/)
    expect(one).toMatch(/resolution +62%/)
    const two = plain(render(<Requests base={base} after={{raised: 500, resolved: 450, waiting: 50}} width={40} labels={en} />).lastFrame())
    expect(two).toMatch(/before +after/)
    expect(two).toMatch(/waiting +190 +50/)
    expect(two).toMatch(/resolution +62% +90%/)
  })

  it('colours a reformed value green when better and red when worse', () => {
    const row = (base: number, after: number | undefined, better?: 'lower' | 'higher') => tone({label: 'x', base, after, better, format: String})
    expect(row(5, 1, 'lower')).toBe('green')
    expect(row(5, 4, 'higher')).toBe('red')
    expect(row(5, 5, 'higher')).toBeUndefined()
    expect(row(5, 9)).toBeUndefined()
    expect(row(5, undefined, 'lower')).toBeUndefined()
  })

  it('names duplicate counters and compares them', () => {
    const out = plain(render(<Duplicates base={side().duplicates} after={[['duplicateContacts', 20]]} width={40} labels={zh} limit={4} />).lastFrame())
    expect(out).toMatch(/重复上门 +320 +20/)
    expect(out).toMatch(/层层上报 +41 +0/)
  })

  it('splits community time into bars, or before and after shares', () => {
    const one = plain(render(<TimeSplit base={{service: 0.3, admin: 0.2, inspection: 0.5}} width={40} labels={en} />).lastFrame())
    expect(one).toMatch(/service +█+░+ +30%/)
    expect(one).toMatch(/inspections +█+░+ +50%/)
    const two = plain(render(<TimeSplit base={{service: 0.3, admin: 0.2, inspection: 0.5}} after={{service: 0.6, admin: 0.3, inspection: 0.1}} width={40} labels={en} />).lastFrame())
    expect(two).toMatch(/inspections +50% +10%/)
  })

  it('draws a sparkline of the newest values', () => {
    expect(plain(render(<Sparkline values={[0, 1, 2, 3, 4, 5, 6, 7]} width={8} />).lastFrame())).toBe('▁▂▃▄▅▆▇█')
    expect(plain(render(<Sparkline values={[9, 9, 0, 7]} width={2} max={7} />).lastFrame())).toBe('▁█')
  })

  it('shows status, reforms, keys and help', () => {
    const status = plain(render(<StatusBar model="教学区" time={100} hoursPerDay={8} speed={5} paused seed={3} width={80} labels={zh} lang="zh" />).lastFrame())
    expect(status).toContain('第 12.5 天')
    expect(status).toContain('5 天/秒')
    expect(status).toContain('暂停')
    const reforms = plain(render(<ReformBar reforms={[{key: '1', type: 'access-catalogue', scenario: 's', enabled: true}, {key: '2', type: 'whistle', scenario: 's', enabled: false}]} width={80} labels={zh} />).lastFrame())
    expect(reforms).toBe('改革: [1]✓准入清单  [2]·吹哨报到')
    expect(plain(render(<KeyBar width={80} labels={en} />).lastFrame())).toContain('q quit')
    const help = plain(render(<Help labels={en} width={80} />).lastFrame())
    expect(help).toMatch(/space +pause \/ resume/)
    expect(help).toMatch(/1 … 9 +toggle a reform/)
  })
})

describe('Dashboard layout', () => {
  const frame = (over: Partial<DashboardFrame> = {}): DashboardFrame => ({
    model: '教学区 (teaching district)',
    seed: 1,
    hoursPerDay: 8,
    time: 240,
    speed: 5,
    paused: false,
    help: false,
    ended: false,
    reforms: [{key: '1', type: 'access-catalogue', scenario: 'w', enabled: false}],
    baseline: side(),
    bottlenecks: [{id: 'c1', name: '社区一', tier: 'community', utilisation: 0.97, queue: 40}],
    ...over,
  })

  for (const [columns, rows] of [
    [80, 24],
    [160, 48],
  ]) {
    it(`fits ${columns}×${rows} with room to spare, alone and side by side`, () => {
      for (const f of [frame(), frame({reformed: side({funnel: FUNNEL.map((r) => ({...r, queue: 1}))})})]) {
        for (const l of [en, zh]) {
          const out = lines(render(<Dashboard frame={f} labels={l} lang={l === en ? 'en' : 'zh'} columns={columns} rows={rows} />).lastFrame())
          expect(out.length).toBeLessThan(rows)
          for (const line of out) expect(displayWidth(line)).toBeLessThan(columns)
        }
      }
    })
  }

  it('puts baseline and reformed funnels side by side when a reform is on', () => {
    const f = frame({reformed: side({funnel: FUNNEL.map((r) => ({...r, queue: r.queue + 1000}))})})
    const out = lines(render(<Dashboard frame={f} labels={en} lang="en" columns={80} rows={24} />).lastFrame())
    expect(out[1]).toMatch(/^Funnel · baseline ─+ load queue reformed ─+ load queue$/)
    expect(out[4]).toMatch(/^community .* 148 community .* 1148$/)
  })

  it('tells rejected items (拒收) from tasks returned to their department (退回部门) in Chinese', () => {
    const out = plain(render(<Dashboard frame={frame({baseline: side({duplicates: [['returned', 7]]})})} labels={zh} lang="zh" columns={99} rows={48} />).lastFrame())
    expect(out).toMatch(/拒收\s+0/)
    expect(out).toMatch(/退回部门\s+7/)
    expect(out.match(/退回/g)).toHaveLength(1)
  })

  it('shows help instead of the panels', () => {
    const out = plain(render(<Dashboard frame={frame({help: true})} labels={en} lang="en" columns={80} rows={24} />).lastFrame())
    expect(out).toContain('Keys and panels')
    expect(out).not.toContain('社区一')
  })
})
