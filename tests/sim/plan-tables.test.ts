import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/model/load.js'
import {compileModel} from '../../src/sim/compile.js'
import {expectOwnPlans} from '../helpers/plan-check.js'

const ROOT = join(import.meta.dirname, '..', '..')

// Plans of the same shape are built once, twin streets take their counterpart's plans
// shifted, and slots whose plans differ only in their start unit share one plan naming it
// SELF: every slot must still hold the stages routing.ts gives its own unit, hand-overs with
// no delay left out.
describe('compiled plans', () => {
  it('give every (needs, unit) slot the stages of its own plan', async () => {
    for (const name of ['beijing-street', 'tongling', 'handan-fuxing']) {
      const model = await loadModel(join(ROOT, 'models', `${name}.yaml`))
      const c = compileModel(model)
      const checked = expectOwnPlans(model, c, name)
      expect(checked, name).toBeGreaterThan(50)
      // Slots of the same shape share one plan: far fewer plans than slots.
      expect(c.planEntry.length / 8, name).toBeLessThan(checked / 2)
    }
  })
})
