// The shipped data-sharing scenarios serve every field a household already gave from the
// platform: no cross-task duplicate contact is left, while the baselines have some.
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModelOrScenario} from '../../src/scenario/load.js'
import {replicationSeed, runReplication} from '../../src/sim/index.js'

const ROOT = join(import.meta.dirname, '..', '..')

describe('shipped data-sharing scenarios', () => {
  for (const name of ['beijing-street', 'classroom', 'handan-fuxing', 'shenzhen-funnel']) {
    it(`${name}: duplicate contacts fall to zero`, async () => {
      const {model: base} = await loadModelOrScenario(join(ROOT, 'models', `${name}.yaml`))
      const {model: shared} = await loadModelOrScenario(join(ROOT, 'scenarios', name, 'data-sharing.yaml'))
      // A quarter of a year: enough collecting items come for their samples to overlap.
      const options = {seed: replicationSeed(1, 0), horizon: 500, warmup: 0}
      const before = runReplication(base, options).duplicates
      const after = runReplication(shared, options).duplicates
      expect(before.duplicateContacts).toBeGreaterThan(0)
      expect(after.duplicateContacts).toBe(0)
      expect(after.duplicateFields).toBe(0)
      expect(after.platformContacts).toBeGreaterThan(0)
    }, 60_000)
  }
})
