import {describe, expect, it} from 'vitest'
import {metricFormat} from '../../src/report/render-compare.js'
import {renderReport} from '../../src/report/render.js'
import {fixtureReport} from './fixtures.js'

const bands = (html: string) => [...html.matchAll(/<polygon class="funnel-band" data-tier="([^"]+)"/g)].map((m) => m[1])

describe('renderReport', () => {
  it('draws one funnel band per tier, top tier first, widths following the staff', () => {
    const html = renderReport(fixtureReport(), 'en')
    expect(bands(html)).toEqual(['district', 'street', 'community', 'grid'])
    const widths = [...html.matchAll(/<polygon class="funnel-band"[^>]*points="([^"]+)"/g)].map((m) => {
      const [a, b] = m[1].split(' ').map((p) => Number(p.split(',')[0]))
      return b - a
    })
    // Staff 128, 12, 36, 12: the district band is the widest and scaled to 340 px.
    expect(widths[0]).toBe(340)
    expect(widths[2]).toBeCloseTo((36 / 128) * 340, 0)
    expect(widths[1]).toBe(widths[3])
  })

  it('labels each band with units, staff, inflow and nominal and simulated load', () => {
    const html = renderReport(fixtureReport(), 'en')
    expect(html).toContain('Community · 6 units · 36 staff')
    expect(html).toContain('issuers above 11 · task items 8,765 · inflow 65,000 h/y')
    expect(html).toContain('nominal load 90.3% · simulated load 88% [85%–91%]')
  })

  it('formats numbers with grouping, percentages and CIs', () => {
    const html = renderReport(fixtureReport(), 'en')
    expect(html).toContain('<b>12,000</b><span>Items generated</span>')
    expect(html).toContain('11,000<br><span class="ci-text">[9,900–12,100]</span>')
    expect(html).toContain('+500<br><span class="ci-text">[+400, +600]</span>')
    expect(html).toContain('30% [25%–35%]')
    expect(html).toContain('Spearman ρ = 0.83')
  })

  it('renders Chinese labels with --lang zh and keeps model names as written', () => {
    const html = renderReport(fixtureReport(), 'zh')
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('<title>漏斗报告：教学区 (teaching district)</title>')
    expect(html).toContain('社区 · 6 单位 · 36 人员')
    expect(html).toContain('基线与改革对比')
    expect(html).toContain('准入清单 (access catalogue)')
    expect(html).toContain('指标定义以英文给出。')
    expect(html).not.toContain('Baseline versus reform')
  })

  it('escapes model-provided text everywhere, including the embedded graph data', () => {
    const evil = '<script>alert(1)</script>'
    const html = renderReport(fixtureReport({hostileName: evil}), 'en', {graphScript: 'console.log(1)'})
    expect(html).not.toContain(evil)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e')
    // The only executable script element is the inlined graph script.
    expect(html.match(/<script>/g)).toHaveLength(1)
    const json = html.match(/<script type="application\/json" id="report-graph-data">(.*?)<\/script>/s)![1]
    expect(JSON.parse(json).nodes[0].label).toBe(evil)
  })

  it('carries a print stylesheet that swaps the canvas for the static drawing', () => {
    const html = renderReport(fixtureReport(), 'en')
    expect(html).toMatch(/@media print \{[\s\S]*@page \{ size: A4/)
    expect(html).toMatch(/@media print[\s\S]*\.graph \.graph-static \{ display: block !important/)
    expect(html).toMatch(/@media print[\s\S]*section\.page \{ break-before: page; \}/)
    expect(html).toContain('<svg id="graph-static"')
    expect(html).toContain('<details open class="changes">')
  })

  it('is self-contained: no external resources, and a CSP that allows only the inlined script', () => {
    const js = 'window.x = "</script>"'
    const html = renderReport(fixtureReport(), 'en', {graphScript: js})
    expect(html).not.toMatch(/<(link|img|iframe)\b/)
    // Nothing is loaded from anywhere: no src attributes, no CSS imports or url()s.
    expect(html).not.toMatch(/\bsrc=|@import|url\(/)
    expect(html).toMatch(/script-src &#39;sha256-[A-Za-z0-9+/=]+&#39;;/)
    expect(html).toContain('window.x = "<\\/script>"')
  })

  it('leaves flow sections out and says so without a simulation', () => {
    const data = {...fixtureReport(), flow: undefined, comparisons: []}
    const html = renderReport(data, 'en')
    expect(html).toContain('No simulation was run')
    expect(html).not.toContain('id="bottlenecks"')
    expect(html).toContain('No scenarios were given')
  })

  it('formats shares as percentages and counts as numbers in the comparison', () => {
    expect(metricFormat('en', 'items.generated')(1234.5)).toBe('1,235')
    expect(metricFormat('en', 'requests.resolutionRate')(0.5)).toBe('50%')
    expect(metricFormat('en', 'timeSplit.admin')(0.25)).toBe('25%')
    expect(metricFormat('en', 'load.community')(0.9)).toBe('90%')
    expect(metricFormat('zh', 'requests.meanTimeToResolve')(12.345)).toBe('12.3')
  })

  it('marks comparison rows by significance and direction', () => {
    const html = renderReport(fixtureReport(), 'en')
    expect(html).toContain('<tr class="verdict-better" data-metric="items.completed">')
    expect(html).toContain('<tr class="verdict-better" data-metric="timeSplit.inspection">')
    expect(html).toContain('<tr class="verdict-ns" data-metric="items.unresolved">')
  })

  it('is deterministic', () => {
    expect(renderReport(fixtureReport(), 'zh')).toBe(renderReport(fixtureReport(), 'zh'))
  })
})
