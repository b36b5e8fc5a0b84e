// Duplicate keys (found with a set per mapping, not yaml's pairwise check) and locating keys in
// mappings large enough to be indexed.
import {describe, expect, it} from 'vitest'
import {parseYamlText} from '../../src/model/yaml-source.js'

const at = (text: string) =>
  parseYamlText(text, 'm.yaml').problems.map((p) => `${p.line}:${p.column} ${p.message}`)

describe('duplicate keys', () => {
  it('reports every repeat, at the repeated key, in file order', () => {
    const text = 'loudou: 1\nname: a\nclock: {hoursPerDay: 8, hoursPerDay: 7}\nname: b\nunits:\n  - {id: x, id: y, id: z}\n'
    expect(at(text)).toEqual([
      '3:25 duplicate key `hoursPerDay`',
      '4:1 duplicate key `name`',
      '6:13 duplicate key `id`',
      '6:20 duplicate key `id`',
    ])
  })

  it('treats keys that become the same JS key as duplicates (`1` and "1")', () => {
    expect(at('loudou: 1\n1: x\n"1": y\n')).toEqual(['3:1 duplicate key `1`'])
  })

  it('finds the one repeat among thousands of keys', () => {
    const keys = Array.from({length: 5000}, (_, i) => `k${i}: ${i}`)
    keys.splice(4000, 0, 'k17: again')
    expect(at(keys.join('\n'))).toEqual(['4001:1 duplicate key `k17`'])
  })
})

describe('locate in a large mapping', () => {
  it('finds keys and values past the first few pairs', () => {
    const keys = Array.from({length: 100}, (_, i) => `k${i}: v${i}`)
    const {source} = parseYamlText(`top:\n  ${keys.join('\n  ')}\n`, 'm.yaml')
    expect(source!.locate(['top', 'k0'])).toMatchObject({line: 2, column: 7, path: 'top.k0'})
    expect(source!.locate(['top', 'k99'])).toMatchObject({line: 101, column: 8, path: 'top.k99'})
    // A missing key stops at the mapping itself.
    expect(source!.locate(['top', 'k100'])).toMatchObject({line: 2, column: 3, path: 'top.k100'})
  })
})
