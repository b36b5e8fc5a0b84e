import {describe, expect, it} from 'vitest'
import {csvText} from '../../src/views/csv.js'

describe('csvText', () => {
  it('quotes what RFC 4180 says to quote and nothing else', () => {
    expect(csvText([['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain', '台账']])).toBe('"a,b","say ""hi""","two\nlines","cr\rhere",plain,台账\n')
  })

  it('writes numbers as JavaScript prints them, booleans as words, one \\n per row', () => {
    expect(csvText([['n', 'ok'], [0.1 + 0.2, true], [1e21, false], ['', '']])).toBe('n,ok\n0.30000000000000004,true\n1e+21,false\n,\n')
  })
})
