// Hostile files are refused with messages in the user's terms, located where the problem is:
// unknown tags, several documents, merge keys, invalid UTF-8 at its real line and column, UTF-16,
// symlink loops, ids of 200,000 characters, and at most 100 problems printed per file.
import {mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {checkModel} from '../../src/model/load.js'
import {parseYamlText} from '../../src/model/yaml-source.js'
import {runCommand} from '../helpers/run-command.js'

const HEAD = 'loudou: 1\nid: m\nname: M\n'

function write(name: string, text: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'loudou-hostile-'))
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

const problems = (text: string | Uint8Array) => parseYamlText(text, 'm.yaml').problems

describe('hostile YAML, located', () => {
  it('refuses unknown tags at the tag', () => {
    const p = problems(`${HEAD}units:\n  - {id: a, kind: !pwn community}\ndescription: !!js/function "x"\n`)
    expect(p.map((x) => [x.line, x.column, x.message])).toEqual([
      [5, 19, 'unknown YAML tag `!pwn`'],
      [6, 14, 'unknown YAML tag `!!js/function`'],
    ])
    expect(p[0].hint).toMatch(/remove the tag/)
  })

  it('refuses a second document at its ---', () => {
    const [p] = problems(`${HEAD}---\nid: other\n`)
    expect([p.line, p.column]).toEqual([4, 1])
    expect(p.message).toMatch(/a second YAML document starts here/)
    expect(p.message).not.toMatch(/parseAllDocuments/)
  })

  it('refuses merge keys at the key, instead of suggesting `id`', () => {
    const p = problems(`${HEAD}units:\n  - &c {id: a, kind: community}\n  - <<: *c\n    id: b\n`)
    expect(p).toHaveLength(1)
    expect([p[0].line, p[0].column, p[0].message]).toEqual([6, 5, 'YAML merge keys (`<<`) are not supported'])
    expect(p[0].hint).not.toMatch(/did you mean/)
  })

  it('locates invalid UTF-8 at its line and column', () => {
    const bytes = Buffer.concat([Buffer.from(`${HEAD}name2: 社区`), Buffer.from([0xb9, 0xfa]), Buffer.from('\n')])
    const [p] = problems(bytes)
    expect([p.line, p.column]).toEqual([4, 10])
    expect(p.message).toBe('not valid UTF-8 text: byte 0xb9 here is not part of a UTF-8 character')
    expect(p.hint).toMatch(/GBK/)
  })

  it('recognises UTF-16 rather than reporting a NUL byte', () => {
    const le = Buffer.from(HEAD, 'utf16le')
    expect(problems(le)[0].message).toBe('the file is UTF-16 text (little-endian), not UTF-8')
    expect(problems(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))[0].message).toMatch(/UTF-16 text \(little-endian, with a byte-order mark\)/)
    const be = Buffer.from(le).swap16()
    expect(problems(be)[0].message).toBe('the file is UTF-16 text (big-endian), not UTF-8')
  })

  it('says symlink loop, not no such file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-hostile-'))
    symlinkSync('b.yaml', join(dir, 'a.yaml'))
    symlinkSync('a.yaml', join(dir, 'b.yaml'))
    const [p] = checkModel(join(dir, 'a.yaml')).problems
    expect(p.message).toMatch(/symlink loop/)
    writeFileSync(join(dir, 'root.yaml'), `${HEAD}include: a.yaml\n`)
    const [q] = checkModel(join(dir, 'root.yaml')).problems
    expect(q.message).toMatch(/cannot read included file `a.yaml`: the path is a symlink loop/)
  })

  it('refuses an id of 200,000 characters with a short message', () => {
    const id = 'x'.repeat(200_000)
    const {problems: p} = checkModel(write('m.yaml', `${HEAD}units:\n  - {id: ${id}, kind: community}\n`))
    expect(p).toHaveLength(1)
    expect(p[0].message).toMatch(/^an id may have at most 200 characters; this one has 200000: `x{40}…`$/)
    expect(JSON.stringify(p).length).toBeLessThan(1000)
  })
})

describe('long problem lists', () => {
  it('prints 100 problems per file, then how many more; --json lists them all', async () => {
    const keys = Array.from({length: 250}, (_, i) => `  - {id: u${i}, kind: community, colour${i}: red}`).join('\n')
    const file = write('m.yaml', `${HEAD}units:\n${keys}\n`)
    const r = await runCommand(['validate', file])
    expect(r.code).toBe(1)
    const lines = r.stderr.split('\n').filter((l) => l.includes('unknown key'))
    expect(lines).toHaveLength(100)
    expect(r.stderr).toContain(`${file}: … and 150 more (--json lists them all)`)
    expect(r.stderr).toContain('250 problems found.')
    const zh = await runCommand(['validate', file, '--lang', 'zh'])
    expect(zh.stderr).toContain(`${file}：… 另有 150 个问题（--json 列出全部）`)
    const json = await runCommand(['validate', file, '--json'])
    expect(JSON.parse(json.stdout).problems).toHaveLength(250)
  })
})
