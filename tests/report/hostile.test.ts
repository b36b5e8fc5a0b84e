// Names are user input: a model whose names are markup must come out as text.
import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/model/load.js'
import {assembleReport} from '../../src/report/assemble.js'
import {renderReport} from '../../src/report/render.js'
import {simulateModel} from '../../src/sim/index.js'

describe('a model with markup in its names', () => {
  it('is escaped in every section of the report, in both languages', async () => {
    const model = await loadModel('tests/fixtures/report/hostile.yaml')
    const flow = await simulateModel(model, {seed: 1, replications: 2, horizon: 400, workers: 1})
    for (const lang of ['en', 'zh'] as const) {
      const html = renderReport(assembleReport({model, flow, scenarios: []}), lang, {graphScript: 'void 0'})
      expect(html).not.toContain('<script>alert')
      expect(html).not.toContain('<img')
      expect(html).not.toContain('<svg onload')
      expect(html).not.toContain('<i>Co</i>')
      expect(html).not.toContain('javascript:')
      expect(html).toContain('<h1>')
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(html).toContain('街道 &amp; &lt;i&gt;Co&lt;/i&gt;')
      // One executable script, and the embedded JSON cannot close its element.
      expect(html.match(/<script\b/g)).toHaveLength(2)
      expect(html.match(/<\/script>/g)).toHaveLength(2)
    }
  })
})
