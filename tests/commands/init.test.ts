// `loudou init`: a starter model and scenario that validate and simulate, never written over
// what the user has.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCommand} from '../helpers/run-command.js'
import {loadModel} from '../../src/model/load.js'
import {starterModel} from '../../src/init/template.js'
import {replicationSeed, runReplication} from '../../src/sim/index.js'

describe('loudou init', () => {
  it('writes a model and a scenario that validate, inspect and compare', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'loudou-init-')), 'My District')
    const r = await runCommand(['init', dir])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/wrote .*model\.yaml and .*access-catalogue\.yaml/)
    expect(readFileSync(join(dir, 'model.yaml'), 'utf8')).toMatch(/^id: my-district$/m)
    expect((await runCommand(['validate', join(dir, 'model.yaml')])).code).toBe(0)
    const inspect = JSON.parse((await runCommand(['inspect', join(dir, 'scenarios', 'access-catalogue.yaml'), '--json'])).stdout)
    expect(inspect.scenario.changes[0].reform).toBe('access-catalogue')
    expect(inspect.catalogue.byKind).toEqual({routine: 1, statistics: 1, enforcement: 1, inspection: 1})
  })

  it('points both files to the editor schemas it writes beside them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-init-'))
    expect((await runCommand(['init', dir, '--id', 'x'])).code).toBe(0)
    const first = (f: string) => readFileSync(join(dir, f), 'utf8').split('\n')[0]
    expect(first('model.yaml')).toBe('# yaml-language-server: $schema=schemas/model.schema.json')
    expect(first('scenarios/access-catalogue.yaml')).toBe('# yaml-language-server: $schema=../schemas/scenario.schema.json')
    const schema = (name: string) => JSON.parse(readFileSync(join(dir, 'schemas', `${name}.schema.json`), 'utf8'))
    expect(schema('model')).toEqual(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'model.schema.json'), 'utf8')))
    expect(schema('scenario').title).toBe('loudou scenario')
  })

  it('leaves existing files untouched and exits 1 unless --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-init-'))
    const model = join(dir, 'model.yaml')
    writeFileSync(model, 'mine\n')
    const r = await runCommand(['init', dir, '--id', 'x'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/model\.yaml: already exists, left as it is/)
    expect(readFileSync(model, 'utf8')).toBe('mine\n')
    expect((await runCommand(['init', dir, '--id', 'x', '--force'])).code).toBe(0)
    expect(readFileSync(model, 'utf8')).toMatch(/^id: x$/m)
  })

  it('refuses an id the model language cannot hold (usage error)', async () => {
    const r = await runCommand(['init', mkdtempSync(join(tmpdir(), 'loudou-init-')), '--id', 'a b'])
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
