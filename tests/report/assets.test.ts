import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {markdownSection, readDefinitions} from '../../src/report/assets.js'
import {markdownToHtml} from '../../src/report/render-defs.js'

function docs(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'loudou-docs-'))
  mkdirSync(join(root, 'docs'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'docs', name), text)
  return root
}

describe('readDefinitions', () => {
  const simulation = '# Simulation\n\n## Engine\n\nheap\n\n## Observation window and metrics\n\nutilisation: busy / available\n\n### Detail\n\nmore\n\n## Validation\n\nno'

  it('joins the structural definitions and the flow metrics section of the simulation doc', () => {
    const d = readDefinitions('en', docs({'metrics.md': '# Structural metrics\n\ndepth', 'simulation.md': simulation}))!
    expect(d.markdown).toBe('# Structural metrics\n\ndepth\n\n# Observation window and metrics\n\nutilisation: busy / available\n\n### Detail\n\nmore')
    expect(d.source).toBe('docs/metrics.md, docs/simulation.md (Observation window and metrics)')
  })

  it('prefers a Chinese translation for zh when there is one', () => {
    const root = docs({'metrics.md': 'en', 'metrics.zh.md': '中文'})
    expect(readDefinitions('zh', root)!.markdown).toBe('中文')
    expect(readDefinitions('en', root)!.markdown).toBe('en')
  })

  it('is undefined when no docs are installed', () => {
    expect(readDefinitions('en', docs({}))).toBeUndefined()
    expect(markdownSection('# A\n\n## B\n\nx', 'C')).toBeUndefined()
  })

  it('renders the docs shipped with the project', () => {
    const d = readDefinitions('en')!
    const html = markdownToHtml(d.markdown)
    expect(html).toContain('<h3>Structural metrics</h3>')
    expect(html).toMatch(/<table class="defs-table">/)
    expect(html).not.toMatch(/<script/)
  })
})

describe('markdownToHtml', () => {
  it('renders the subset the docs use and escapes everything else', () => {
    const html = markdownToHtml('## Load — `nominalLoad`\n\nDemand ÷ **available** <b>x</b>, see [docs](https://example.org) and [local](docs/x.md).\n\n- one\n  continued\n- two\n\n| a | b |\n| --- | --- |\n| `x` | y |\n\n```\n<raw>\n```')
    expect(html).toBe([
      '<h4>Load — <code>nominalLoad</code></h4>',
      '<p>Demand ÷ <strong>available</strong> &lt;b&gt;x&lt;/b&gt;, see <a href="https://example.org">docs</a> and local.</p>',
      '<ul><li>one continued</li><li>two</li></ul>',
      '<table class="defs-table"><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td><code>x</code></td><td>y</td></tr></tbody></table>',
      '<pre><code>&lt;raw&gt;</code></pre>',
    ].join('\n'))
  })
})
