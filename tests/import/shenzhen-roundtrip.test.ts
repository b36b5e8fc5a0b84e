// The shipped Shenzhen catalogue (models/shenzhen-funnel.yaml and models/lib/*.yaml, 373
// items) as a workbook → import → validate → inspect and simulate: the same catalogue counts
// (26 categories, 127 statistics, 121 inspected), the same funnel, the same simulated flow.
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {importSpreadsheets} from '../../src/import/index.js'
import {loadModel} from '../../src/model/load.js'
import {runCommand} from '../helpers/run-command.js'
import {modelWorkbook} from './model-workbook.js'
import {tempDir, writeText} from './helpers.js'

const SHENZHEN = join(import.meta.dirname, '..', '..', 'models', 'shenzhen-funnel.yaml')

describe('the Shenzhen catalogue through a workbook', () => {
  it('imports, validates, inspects and simulates as the shipped model does', async () => {
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
    expect(after.structure.funnel).toEqual(before.structure.funnel)

    const run = ['--seed', '3', '--replications', '2', '--horizon', '2w', '--json']
    const simulate = async (f: string) => JSON.parse((await runCommand(['simulate', f, ...run])).stdout).flow
    const [flowBefore, flowAfter] = [await simulate(SHENZHEN), await simulate(file)]
    expect(flowAfter.items.generated.mean).toBeGreaterThan(0)
    expect(flowAfter.items).toEqual(flowBefore.items)
    expect(flowAfter.units).toEqual(flowBefore.units)
  }, 300_000)
})
