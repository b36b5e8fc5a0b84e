// The example at the top of docs/model-language.md is a valid model.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModelWithWarnings} from '../../src/model/load.js'
import {tempFiles} from './helpers.js'

describe('docs/model-language.md', () => {
  it('its example loads without problems', async () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'model-language.md'), 'utf8')
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)![1]
    const dir = tempFiles({'model.yaml': example, 'departments.yaml': 'units:\n  - {id: dept-police, kind: department, parent: district}\n'})
    const {model, warnings} = await loadModelWithWarnings(join(dir, 'model.yaml'))
    expect(warnings).toEqual([])
    expect(model.units.map((u) => u.id)).toContain('district/street-2/community-3')
    expect(model.units.map((u) => u.id)).toContain('dept-police')
    expect(model.relations.filter((r) => r.type === 'summons').map((r) => r.from)).toEqual(['district/street-1', 'district/street-2'])
  })
})
