// `loudou init`: a starter model and scenario that validate and simulate, never written over
// what the user has.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {loadModel} from '../../src/model/load.js'
import {starterModel} from '../../src/init/template.js'
import {replicationSeed, runReplication} from '../../src/sim/index.js'

describe('loudou init', () => {
  it('writes a model and a scenario that validate, inspect and compare', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'loudou-init-')), 'My District')
    const r = runCli(['init', dir])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/wrote .*model\.yaml and .*access-catalogue\.yaml/)
    expect(readFileSync(join(dir, 'model.yaml'), 'utf8')).toMatch(/^id: my-district$/m)
    expect(runCli(['validate', join(dir, 'model.yaml')]).code).toBe(0)
    const inspect = JSON.parse(runCli(['inspect', join(dir, 'scenarios', 'access-catalogue.yaml'), '--json']).stdout)
    expect(inspect.scenario.changes[0].reform).toBe('access-catalogue')
    expect(inspect.catalogue.byKind).toEqual({routine: 1, statistics: 1, enforcement: 1, inspection: 1})
  })

  it('leaves existing files untouched and exits 1 unless --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-init-'))
    const model = join(dir, 'model.yaml')
    writeFileSync(model, 'mine\n')
    const r = runCli(['init', dir, '--id', 'x'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/model\.yaml: already exists, left as it is/)
    expect(readFileSync(model, 'utf8')).toBe('mine\n')
    expect(runCli(['init', dir, '--id', 'x', '--force']).code).toBe(0)
    expect(readFileSync(model, 'utf8')).toMatch(/^id: x$/m)
  })

  it('refuses an id the model language cannot hold (usage error)', () => {
    const r = runCli(['init', mkdtempSync(join(tmpdir(), 'loudou-init-')), '--id', 'a b'])
    expect(r.code).toBe(2)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('gives a starter model whose survey repeats are re-collections, not duplicate contacts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-init-'))
    writeFileSync(join(dir, 'model.yaml'), starterModel('starter'))
    const model = await loadModel(join(dir, 'model.yaml'))
    for (let r = 0; r < 3; r++) {
      const run = runReplication(model, {seed: replicationSeed(1, r), horizon: 2000, warmup: 0})
      expect(run.duplicates.householdContacts).toBeGreaterThan(0)
      expect(run.duplicates.duplicateContacts).toBe(0)
      expect(run.duplicates.recollectedContacts).toBeGreaterThan(0)
    }
  })
})
