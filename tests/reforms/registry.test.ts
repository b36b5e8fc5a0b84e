import {describe, expect, it} from 'vitest'
import {reformName, word} from '../../src/i18n/message.js'
import {REFORMS, REFORM_TYPES, ReformError, applyReforms, getReform} from '../../src/reforms/index.js'
import {tinyModel} from './fixtures.js'

const samples: Record<string, Record<string, unknown>> = {
  flatten: {},
  merge: {},
  'access-catalogue': {allow: {categories: ['civil-affairs']}},
  'responsibility-split': {reportEffort: '1h'},
  whistle: {},
  'data-sharing': {},
  'grid-merge': {},
  'purchase-services': {categories: ['civil-affairs']},
  'inspection-cap': {cut: 0.5},
  'sink-staff': {},
  'responsibility-list': {},
  'hotline-dispatch': {staff: 4},
}

describe('reform registry', () => {
  it('lists the twelve reforms of the design, each with its Chinese name', () => {
    expect(REFORM_TYPES).toEqual(Object.keys(samples))
    for (const r of REFORMS) expect(r.zh).toMatch(/[\u4e00-\u9fff]/)
  })

  it.each(Object.entries(samples))('%s is pure: the input model is unchanged', (type, params) => {
    const input = tinyModel()
    const {model, changes} = applyReforms(input, [{type, params}])
    expect(input).toEqual(tinyModel())
    expect(model).not.toBe(input)
    expect(changes).toHaveLength(1)
    expect(changes[0].reform).toBe(type)
    expect(changes[0].lines.length).toBeGreaterThan(0)
  })

  it.each(Object.entries(samples))('%s words its change log in English and in Chinese', (type, params) => {
    const {changes} = applyReforms(tinyModel(), [{type, params}])
    expect(changes[0].messages.map((m) => word('en', m))).toEqual(changes[0].lines)
    for (const m of changes[0].messages) expect(word('zh', m)).toMatch(/[\u4e00-\u9fff]/)
    expect(reformName(type, 'zh')).toBe(`${getReform(type)!.zh}（${type}）`)
    expect(reformName(type, 'en')).toBe(type)
  })

  it('applies reforms in order and collects each change log', () => {
    const {model, changes} = applyReforms(tinyModel(), [
      {type: 'flatten'},
      {type: 'merge', params: {size: 5}},
    ])
    // After flattening, all five communities share the district as parent: one group of 5.
    expect(model.units.filter((u) => u.tier === 'community').map((u) => [u.id, u.staff])).toEqual([['street-1/c1', 65]])
    expect(changes.map((c) => c.reform)).toEqual(['flatten', 'merge'])
  })

  it('locates unknown reforms, bad parameters and parameters that do not fit', () => {
    const fail = (reforms: Parameters<typeof applyReforms>[1]) => {
      try {
        applyReforms(tinyModel(), reforms)
      } catch (e) {
        return e as ReformError
      }
      throw new Error('no error')
    }
    const unknown = fail([{type: 'whistle'}, {type: 'flaten'}])
    expect(unknown.path).toEqual([1, 'type'])
    expect(unknown.hint).toContain('flatten, merge, access-catalogue')
    expect(fail([{type: 'whistle'}, {type: 'access-catalogue', params: {leakage: 2}}]).path).toEqual([1, 'leakage'])
    expect(fail([{type: 'merge', params: {groups: [['street-1/c1', 'street-2/c1']]}}]).path).toEqual([0, 'groups', 0, 1])
  })
})
