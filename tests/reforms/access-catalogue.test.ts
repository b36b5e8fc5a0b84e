import {describe, expect, it} from 'vitest'
import {apply, paramsSchema} from '../../src/reforms/access-catalogue.js'
import {ReformError} from '../../src/reforms/common.js'
import {taskOf, tinyModel, english} from './fixtures.js'

const run = (p: object = {}) => english(apply(tinyModel(), paramsSchema.parse(p)))

describe('access-catalogue', () => {
  it('gates every community task from above that is not listed', () => {
    const {model, changes} = run({allow: {categories: ['civil-affairs']}})
    expect(taskOf(model, 'census').gate).toBeUndefined()
    expect(taskOf(model, 'survey').gate).toBeUndefined()
    for (const id of ['urban-check', 'urban-check-2', 'safety-check', 'enforce']) {
      expect(taskOf(model, id).gate).toEqual({tier: 'community', leakage: 0.1, otherwise: 'return'})
    }
    // The community's own meeting is not pushed in from above; grid patrols do not target the tier.
    expect(taskOf(model, 'own-meeting').gate).toBeUndefined()
    expect(taskOf(model, 'patrol-a').gate).toBeUndefined()
    expect(changes).toEqual([
      'access catalogue at community: 2 of 6 tasks from above admitted (by categories 2)',
      '4 tasks gated: returned to the issuing department (谁主管谁负责); 10% still pushed down informally',
      // urban-check 50/y×5×2h + urban-check-2 25×5×3 + safety 12×5×2 + enforce 20×5×2 = 1,195 of 1,675.
      '1,195 of 1,675 nominal hours a year at community gated (71.3%)',
    ])
  })

  it('admits by task glob, label and kind, and honours leakage and otherwise', () => {
    const {model} = run({allow: {tasks: ['urban-*'], labels: ['social-work'], kinds: ['enforcement']}, leakage: 0, otherwise: 'abolish'})
    expect(['urban-check', 'urban-check-2', 'survey', 'enforce'].map((id) => taskOf(model, id).gate)).toEqual([undefined, undefined, undefined, undefined])
    expect(taskOf(model, 'census').gate).toEqual({tier: 'community', leakage: 0, otherwise: 'abolish'})
    expect(taskOf(model, 'safety-check').gate?.otherwise).toBe('abolish')
  })

  it('locates unknown categories, unmatched globs and bad leakage', () => {
    const at = (p: object) => {
      try {
        run(p)
      } catch (e) {
        return [(e as ReformError).path, (e as ReformError).message]
      }
      return undefined
    }
    expect(at({allow: {categories: ['civil-affairs', 'nope']}})).toEqual([['allow', 'categories', 1], 'unknown category nope'])
    expect(at({allow: {tasks: ['zz-*']}})).toEqual([['allow', 'tasks', 0], 'no task matches zz-*'])
    expect(at({tier: 'city'})?.[0]).toEqual(['tier'])
    const bad = paramsSchema.safeParse({leakage: 1.5})
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0].path).toEqual(['leakage'])
    expect(() => run({otherwise: 'keep'})).toThrow()
  })
})
