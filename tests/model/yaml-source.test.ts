import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {z} from 'zod'
import {formatPath, parseYamlText, readYamlFile, tryReadYamlFile, zodIssuesToProblems} from '../../src/model/yaml-source.js'
import {ModelError} from '../../src/model/problems.js'
import {FIXTURES, tempFiles} from './helpers.js'

const TEXT = `a: 1
list:
  - {id: x, parent: p}
  - id: y
    parent: q
    nested:
      deep: [1, 2, 3]
empty:
`

describe('parseYamlText and locate', () => {
  const {source, problems} = parseYamlText(TEXT, 'f.yaml')

  it('parses to plain data', () => {
    expect(problems).toEqual([])
    expect(source!.data).toEqual({a: 1, list: [{id: 'x', parent: 'p'}, {id: 'y', parent: 'q', nested: {deep: [1, 2, 3]}}], empty: null})
  })

  it('maps JS paths to line and column (1-based)', () => {
    expect(source!.locate(['a'])).toEqual({file: 'f.yaml', line: 1, column: 4, path: 'a'})
    expect(source!.locate(['list', 0, 'parent'])).toMatchObject({line: 3, column: 21, path: 'list[0].parent'})
    expect(source!.locate(['list', 1, 'parent'])).toMatchObject({line: 5, column: 13})
    expect(source!.locate(['list', 1, 'nested', 'deep', 2])).toMatchObject({line: 7, column: 20, path: 'list[1].nested.deep[2]'})
  })

  it('locates a key itself when asked', () => {
    expect(source!.locate(['list', 1, 'parent'], {key: true})).toMatchObject({line: 5, column: 5})
  })

  it('falls back to the nearest existing ancestor for a missing value, keeping the full path', () => {
    expect(source!.locate(['list', 1, 'missing'])).toMatchObject({line: 4, column: 5, path: 'list[1].missing'})
    expect(source!.locate(['list', 9])).toMatchObject({line: 3, column: 3, path: 'list[9]'})
    expect(source!.locate(['empty'])).toMatchObject({line: 8})
  })

  it('formats paths', () => {
    expect(formatPath(['units', 3, 'parent'])).toBe('units[3].parent')
    expect(formatPath([0, 'a b'])).toBe('[0]["a b"]')
    expect(formatPath([])).toBe('')
  })
})

describe('zodIssuesToProblems', () => {
  const {source} = parseYamlText('items:\n  - {n: 1}\n  - {n: two, extra: 1}\n  - {}\n', 'z.yaml')
  const schema = z.object({items: z.array(z.strictObject({n: z.number()}))})

  it('locates each issue and says what is wrong', () => {
    const r = schema.safeParse(source!.data)
    const problems = zodIssuesToProblems(r.error!.issues, source!.locate, 'z.yaml')
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.path}: ${p.message}`)).toEqual([
      'z.yaml:3:9 items[1].n: expected number, received string',
      'z.yaml:3:14 items[1].extra: unknown key `extra`',
      'z.yaml:4:5 items[2].n: `n` is required',
    ])
    expect(problems.every((p) => p.hint && p.severity === 'error')).toBe(true)
  })

  it('prefixes paths when the value sat deeper in the file', () => {
    const r = z.strictObject({n: z.number()}).safeParse({n: 'two', extra: 1})
    const problems = zodIssuesToProblems(r.error!.issues, source!.locate, 'z.yaml', {prefix: ['items', 1], severity: 'warning'})
    expect(problems.map((p) => [p.line, p.path, p.severity])).toEqual([
      [3, 'items[1].n', 'warning'],
      [3, 'items[1].extra', 'warning'],
    ])
  })
})

describe('hostile input becomes a located problem', () => {
  const hostile = (name: string) => {
    const file = join(FIXTURES, 'hostile', name)
    const {source, problems} = tryReadYamlFile(file)
    expect(source).toBeUndefined()
    expect(problems).toHaveLength(1)
    expect(problems[0].file).toBe(file)
    return problems[0]
  }

  it('refuses an empty file or one with only comments', () => {
    expect(hostile('empty.yaml').message).toBe('the file is empty')
    expect(hostile('comments-only.yaml').message).toBe('the file is empty')
  })

  it('refuses binary files: NUL bytes (located) and invalid UTF-8', () => {
    expect(hostile('nul-bytes.yaml')).toMatchObject({line: 2, column: 8, message: expect.stringMatching(/^binary file: NUL byte/)})
    expect(hostile('invalid-utf8.yaml')).toMatchObject({line: 2, column: 5, message: 'not valid UTF-8 text: byte 0xff here is not part of a UTF-8 character'})
  })

  it('refuses a top level that is not a mapping', () => {
    expect(hostile('not-mapping.yaml').message).toBe('the top level is not a mapping')
    expect(hostile('scalar.yaml').message).toBe('the top level is not a mapping')
  })

  it('reports YAML syntax errors with their line and column', () => {
    expect(hostile('syntax-error.yaml')).toMatchObject({line: 5, column: 3, message: expect.stringMatching(/^YAML syntax error: /)})
  })

  it('reports duplicate keys at the second one', () => {
    expect(hostile('duplicate-keys.yaml')).toMatchObject({line: 4, column: 1, message: 'duplicate key `name`'})
  })

  it('refuses alias bombs without expanding them', () => {
    expect(hostile('alias-bomb.yaml')).toMatchObject({line: 4, column: 8, message: expect.stringMatching(/^too many aliases/)})
  })

  it('refuses documents nested too deeply', () => {
    expect(hostile('deep-nesting.yaml').message).toBe('the YAML is nested too deeply to read')
  })

  it('refuses files over the size limit before reading them', () => {
    const dir = tempFiles({'big.yaml': 'loudou: 1\n' + '# padding\n'.repeat(1000)})
    const {problems} = tryReadYamlFile(join(dir, 'big.yaml'), {maxBytes: 1000})
    expect(problems[0].message).toMatch(/^the file is too large \(\d+ bytes, more than the 1000 bytes a model's files may hold together\)/)
  })

  it('refuses a file outside the given root folder', () => {
    const dir = tempFiles({'inside/a.yaml': 'a: 1\n', 'outside.yaml': 'b: 1\n'})
    const {problems} = tryReadYamlFile(join(dir, 'outside.yaml'), {root: join(dir, 'inside')})
    expect(problems[0].message).toMatch(/outside the model's folder/)
    expect(tryReadYamlFile(join(dir, 'inside', 'a.yaml'), {root: join(dir, 'inside')}).problems).toEqual([])
  })

  it('reports a missing file as a problem', () => {
    expect(tryReadYamlFile('/nonexistent/x.yaml').problems[0].message).toBe('cannot read the file: no such file')
  })

  it('readYamlFile throws ModelError with the problems', () => {
    expect(() => readYamlFile(join(FIXTURES, 'hostile', 'empty.yaml'))).toThrow(ModelError)
    expect(readYamlFile(join(FIXTURES, 'valid', 'departments.yaml')).data).toHaveProperty('units')
  })
})

describe('did-you-mean for unknown keys', () => {
  it('suggests the nearest known key within two edits', async () => {
    const {closest} = await import('../../src/model/zod-problems.js')
    expect(closest('powerz', ['powers', 'labels'])).toBe('powers')
    expect(closest('Staff', ['staff'])).toBe('staff')
    expect(closest('population', ['powers', 'labels'])).toBeUndefined()
  })
})
