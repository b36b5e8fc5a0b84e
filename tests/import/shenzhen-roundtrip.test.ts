// The shipped Shenzhen catalogue (models/shenzhen-funnel.yaml and models/lib/*.yaml, 373
// items) as a workbook → import → validate → inspect and simulate: the same catalogue counts
// (26 categories, 127 statistics, 121 inspected), and a model that simulates. (The workbook has
// no columns yet for efforts per household (`per`) and contested items (`contested`), which 23
// and 5 of the shipped items use, so the funnel's hours differ from the shipped model's.)
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {importSpreadsheets} from '../../src/import/index.js'
import {loadModel} from '../../src/model/load.js'
import {runCommand} from '../helpers/run-command.js'
import {modelWorkbook} from './model-workbook.js'
import {tempDir, writeText} from './helpers.js'

const SHENZHEN = join(import.meta.dirname, '..', '..', 'models', 'shenzhen-funnel.yaml')

describe('the Shenzhen catalogue through a workbook', () => {
  it('imports, validates, inspects with the same catalogue and simulates', async () => {
    const original = await loadModel(SHENZHEN)
    expect(original.tasks).toHaveLength(373)
    const dir = tempDir()
    const xlsx = join(dir, 'shenzhen.xlsx')
    await modelWorkbook(original, xlsx)
    const r = await importSpreadsheets([xlsx], {id: 'shenzhen-funnel'})
    expect(r.problems).toEqual([])
    const file = writeText(join(dir, 'shenzhen.yaml'), r.yaml!)
    expect((await runCommand(['validate', file])).code).toBe(0)

    const inspect = async (f: string) => JSON.parse((await runCommand(['inspect', f, '--json'])).stdout)
    const [before, after] = [await inspect(SHENZHEN), await inspect(file)]
    expect(after.catalogue).toMatchObject({items: 373, categories: {count: 26}})
    expect(after.catalogue.byKind).toMatchObject({statistics: 127, inspection: 121})
    expect(after.catalogue).toEqual(before.catalogue)
    expect(after.structure.funnel.map((f: {tier: string; units: number; staff: number}) => [f.tier, f.units, f.staff])).toEqual(
      before.structure.funnel.map((f: {tier: string; units: number; staff: number}) => [f.tier, f.units, f.staff]),
    )

    const run = ['--seed', '3', '--replications', '2', '--horizon', '2w', '--json']
    const simulate = async (f: string) => JSON.parse((await runCommand(['simulate', f, ...run])).stdout).flow
    const flow = await simulate(file)
    expect(flow.items.generated.mean).toBeGreaterThan(0)
    expect(flow.units).toHaveLength(original.units.length)
  }, 300_000)
})
