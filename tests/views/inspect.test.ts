import {describe, expect, it} from 'vitest'
import {inspectModel} from '../../src/metrics/structure/index.js'
import {displayWidth} from '../../src/views/table.js'
import {renderInspect} from '../../src/views/inspect.js'
import {smallFunnel} from '../helpers/small-funnel.js'

describe('renderInspect', () => {
  const report = inspectModel(smallFunnel())

  it('renders every block in English', () => {
    const out = renderInspect(report, 'en')
    expect(out.split('\n')[0]).toBe('small-funnel: 12 units, 28 edges')
    for (const heading of ['Task catalogue', 'Funnel profile (per year)', 'Principals per community (多头管理)', 'Responsibility alignment (权责一致率)', 'Krackhardt dimensions of the command graph', 'Other structural measures', 'Top relays (betweenness on task channels)']) {
      expect(out).toContain(heading)
    }
    // The community row: 6 units, 72 staff, 2 issuers above, 4 items, 1,926 h of 144,000 h
    // (per community 72 census + 25 formal part of patrols + 32 inspections + 192 disputes).
    expect(out).toMatch(/community\s+6\s+72\s+2\s+4\s+1,926\s+144,000\s+1\.3%/)
    expect(out).toMatch(/connectedness\s+1\.0000\s+0\s+66/)
    expect(out).toMatch(/district\/street-1\s+street\s+6\s+0\.0545/)
  })

  it('renders in Chinese with aligned CJK columns', () => {
    const out = renderInspect(report, 'zh')
    expect(out.split('\n')[0]).toBe('small-funnel：12 个单位，28 条边')
    expect(out).toContain('漏斗结构（每年）')
    expect(out).toContain('指挥结构的 Krackhardt 维度')
    const funnel = out.split('\n\n').find((b) => b.startsWith('漏斗结构'))!.split('\n')
    // Header, rule and rows share one display width when the rightmost column is right-aligned.
    const widths = new Set(funnel.slice(1).map(displayWidth))
    expect(widths.size).toBe(1)
    expect(funnel[3]).toMatch(/^区\s/)
    expect(funnel[4]).toMatch(/^街道\s/)
  })
})
