// The model argument is parsed once: telling a scenario from a model hands its parse on to the
// loader instead of reading the file a second time (a third of `validate`'s start-up).
import {readFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {afterAll, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest'

// Test files share their worker's modules (vitest.config.ts: isolate false), so the counting
// parser is mocked for fresh copies of the loaders imported here, and taken away afterwards.
// The loaders are the sources imported by absolute path: the suite's other imports of src/
// run the built modules, which Node loads and nothing can mock (vitest.config.ts).
const SRC = join(import.meta.dirname, '..', '..', 'src')
const YAML_SOURCE = join(SRC, 'model', 'yaml-source.ts')
const parsed: string[] = []
let loadModelOrScenario: typeof import('../../src/scenario/load.js').loadModelOrScenario
let readRootFile: typeof import('../../src/scenario/detect.js').readRootFile
let checkModel: typeof import('../../src/model/load.js').checkModel
let loadSweep: typeof import('../../src/sweep/load.js').loadSweep

beforeAll(async () => {
  vi.resetModules()
  vi.doMock(YAML_SOURCE, countingParser)
  ;({loadModelOrScenario} = await import(join(SRC, 'scenario', 'load.ts')))
  ;({readRootFile} = await import(join(SRC, 'scenario', 'detect.ts')))
  ;({checkModel} = await import(join(SRC, 'model', 'load.ts')))
  ;({loadSweep} = await import(join(SRC, 'sweep', 'load.ts')))
})

afterAll(() => {
  vi.doUnmock(YAML_SOURCE)
  vi.resetModules()
})

async function countingParser(importOriginal: <T>() => Promise<T>) {
  const real = await importOriginal<typeof import('../../src/model/yaml-source.js')>()
  const count = <A extends unknown[], R>(f: (name: string, ...rest: A) => R) => (name: string, ...rest: A): R => {
    parsed.push(basename(name))
    return f(name, ...rest)
  }
  return {
    ...real,
    tryReadYamlFile: count(real.tryReadYamlFile),
    readYamlFile: count(real.readYamlFile),
    parseYamlText: (input: string | Uint8Array, file: string, options?: Parameters<typeof real.parseYamlText>[2]) => {
      parsed.push(basename(file))
      return real.parseYamlText(input, file, options)
    },
  }
}

const fx = (name: string) => join(import.meta.dirname, 'fixtures', name)

beforeEach(() => {
  parsed.length = 0
})

describe('the model argument is parsed once', () => {
  it('a model', async () => {
    const {model} = await loadModelOrScenario(fx('mini.yaml'))
    expect(model.units.length).toBeGreaterThan(0)
    expect(parsed).toEqual(['mini.yaml'])
  })

  it('a scenario, then its base model', async () => {
    const {scenario} = await loadModelOrScenario(fx('good.yaml'))
    expect(scenario?.id).toBe('good')
    expect(parsed).toEqual(['good.yaml', 'mini.yaml'])
  })

  it('a model given as text (standard input)', async () => {
    const text = {text: readFileSync(fx('mini.yaml')), name: '<stdin>', dir: import.meta.dirname}
    const {root, scenario} = readRootFile('<stdin>', {}, text)
    expect(scenario).toBe(false)
    const r = checkModel('<stdin>', {}, text, root)
    expect(r.model?.units.length).toBeGreaterThan(0)
    expect(parsed).toEqual(['<stdin>'])
  })

  it('a sweep, its base scenario, then that scenario\'s base model', () => {
    const sweep = loadSweep(join(import.meta.dirname, '..', 'sweep', 'fixtures', 'leakage.yaml'))
    expect(sweep.plan.base).toBe('catalogue.yaml')
    expect(parsed).toEqual(['leakage.yaml', 'catalogue.yaml', 'mini.yaml'])
  })
})
