// The model argument is parsed once: telling a scenario from a model hands its parse on to the
// loader instead of reading the file a second time (a third of `validate`'s start-up).
import {readFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {beforeAll, beforeEach, describe, expect, it, vi} from 'vitest'

const parsed: string[] = []
vi.mock('../../src/model/yaml-source.js', async (importOriginal) => {
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
})

const fx = (name: string) => join(import.meta.dirname, 'fixtures', name)

let loadModelOrScenario: typeof import('../../src/scenario/load.js').loadModelOrScenario
let readRootFile: typeof import('../../src/scenario/detect.js').readRootFile
let checkModel: typeof import('../../src/model/load.js').checkModel

// Test files share their worker's modules (vitest.config.ts): the loaders an earlier file
// imported hold the real parser, so they are imported afresh here, through the mock.
beforeAll(async () => {
  vi.resetModules()
  ;({loadModelOrScenario} = await import('../../src/scenario/load.js'))
  ;({readRootFile} = await import('../../src/scenario/detect.js'))
  ;({checkModel} = await import('../../src/model/load.js'))
})

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
})
