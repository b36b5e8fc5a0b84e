// Id globs without backtracking: the same answers as the regular expression they replace, and
// adversarial patterns that made that expression run for minutes finish at once.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compileGlob} from '../../src/model/glob.js'
import {buildUnitIndex, selectIndices} from '../../src/model/selector.js'
import type {Unit} from '../../src/model/types.js'

/** The former matcher, kept here as the reference semantics. */
function reference(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++
        if (glob[i + 1] === '/') {
          i++
          re += '(?:.*/)?'
        } else re += '.*'
      } else re += '[^/]*'
    } else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

describe('compileGlob', () => {
  it('matches within a segment with *, across with **, and leading segments with **/', () => {
    const g = compileGlob('district-*/dept-police')
    expect(g.test('district-2/dept-police')).toBe(true)
    expect(g.test('district-2/street-1/dept-police')).toBe(false)
    expect(compileGlob('**/community-*').test('d/s/community-7')).toBe(true)
    expect(compileGlob('**/x').test('x')).toBe(true)
    expect(compileGlob('**/x').test('abx')).toBe(false)
    expect(compileGlob('a**').test('a/b/c')).toBe(true)
    expect(compileGlob('a*').test('a/b')).toBe(false)
    expect(compileGlob('a.b*').test('axb')).toBe(false)
  })

  it('agrees with the regular expression on random globs and ids', () => {
    const alphabet = fc.constantFrom('a', 'b', '/', '*', '-')
    const glob = fc.array(alphabet, {maxLength: 10}).map((a) => a.join(''))
    const id = fc.array(fc.constantFrom('a', 'b', '/', '-'), {maxLength: 12}).map((a) => a.join(''))
    fc.assert(
      fc.property(glob, fc.array(id, {minLength: 1, maxLength: 8}), (g, ids) => {
        const m = compileGlob(g)
        const re = reference(g)
        for (const s of ids) expect(m.test(s), `${g} on ${s}`).toBe(re.test(s))
        // Globs of more than 30 tokens take the array automaton rather than the bit one.
        const long = 'ab/'.repeat(11) + g
        const lm = compileGlob(long)
        const lre = reference(long)
        for (const s of ids) expect(lm.test('ab/'.repeat(11) + s), `${long} on …${s}`).toBe(lre.test('ab/'.repeat(11) + s))
      }),
      {numRuns: 1000},
    )
  })

  it('finishes adversarial patterns in well under a second', () => {
    const id = 'a'.repeat(5000)
    const start = performance.now()
    expect(compileGlob('**a**a**a**a**a**a**a**a**a**a**a**ax').test(id)).toBe(false)
    expect(compileGlob('**/'.repeat(2000) + 'x').test(`${'a/'.repeat(2000)}y`)).toBe(false)
    expect(compileGlob('*a'.repeat(100) + 'x').test(id)).toBe(false)
    expect(performance.now() - start).toBeLessThan(1000)
  })

  it('resolves an adversarial selector over many long ids in well under a second', () => {
    const units = Array.from({length: 1000}, (_, i): Unit => ({id: `${'a'.repeat(150)}-${i}`, name: '', kind: 'community', labels: [], staff: 1, residents: 0, households: 0, powers: []}) as unknown as Unit)
    const ix = buildUnitIndex(units)
    const start = performance.now()
    expect(selectIndices(ix, '**a**a**a**a**a**a**a**a**a**a**a**ax')).toEqual([])
    expect(selectIndices(ix, {id: '**/'.repeat(2000) + '*-7'})).toEqual([7])
    expect(performance.now() - start).toBeLessThan(1000)
  })
})
