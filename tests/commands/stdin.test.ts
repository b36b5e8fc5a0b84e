// `-` in place of a model or scenario file: the text comes from standard input, problems are
// located in `<stdin>`, and a scenario's base is found relative to the current folder.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runCommand} from '../helpers/run-command.js'

const CLASSROOM = readFileSync(join(ROOT, 'models/classroom.yaml'), 'utf8')
const QUICK = ['-r', '2', '--horizon', '300h', '--workers', '1', '--json']

describe('a model on standard input', () => {
  it('validates and inspects the same as the file', async () => {
    const v = await runCommand(['validate', '-'], {}, CLASSROOM)
    expect(v.code).toBe(0)
    expect(v.stderr).toBe((await runCommand(['validate', 'models/classroom.yaml'])).stderr)
    const piped = await runCommand(['inspect', '-', '--json'], {}, CLASSROOM)
    expect(piped.code).toBe(0)
    expect(piped.stdout).toBe((await runCommand(['inspect', 'models/classroom.yaml', '--json'])).stdout)
  })

  it('simulates and exports the same as the file', async () => {
    expect((await runCommand(['simulate', '-', ...QUICK], {}, CLASSROOM)).stdout).toBe((await runCommand(['simulate', 'models/classroom.yaml', ...QUICK])).stdout)
    const dot = await runCommand(['export', '-', '--format', 'dot'], {}, CLASSROOM)
    expect(dot.code).toBe(0)
    expect(dot.stdout).toBe((await runCommand(['export', 'models/classroom.yaml', '--format', 'dot'])).stdout)
  })

  it('locates problems in <stdin>', async () => {
    const r = await runCommand(['validate', '-'], {}, 'loudou: 1\nid: x\nunits:\n  - id: a\n    kind: nope\n')
    expect(r.code).toBe(1)
    expect(r.stderr.split('\n')[0]).toBe('<stdin>:5:11 units[0].kind: unknown kind `nope`')
    const binary = await runCommand(['validate', '-'], {}, Uint8Array.from([0x6c, 0x6f, 0xff, 0x0a]))
    expect(binary.code).toBe(1)
    expect(binary.stderr).toMatch(/^<stdin>:1:3 not valid UTF-8 text: byte 0xff here is not part of a UTF-8 character\n/)
    const empty = await runCommand(['validate', '-'], {}, '')
    expect(empty.stderr).toMatch(/^<stdin>:1:1 the file is empty/)
  })

  it('reads a scenario whose base is relative to the current folder', async () => {
    const scenario = 'loudou: 1\nid: flat\nname: flat\nbase: models/classroom.yaml\nreforms:\n  - type: flatten\n    tier: street\n'
    const r = await runCommand(['inspect', '-', '--json'], {}, scenario)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).scenario).toMatchObject({id: 'flat', changes: [{reform: 'flatten'}]})
    const lost = await runCommand(['inspect', '-'], {}, scenario.replace('models/', 'nowhere/'))
    expect(lost.code).toBe(1)
    expect(lost.stderr).toContain('<stdin>:4:7 base: the base model nowhere/classroom.yaml does not exist')
    expect(lost.stderr).toContain('relative to the current folder')
  })

  it('reads standard input once: `-` twice is a usage error', async () => {
    const r = await runCommand(['compare', '-', '-', '-r', '2', '--horizon', '100h'], {}, CLASSROOM)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('standard input (-) can be read only once')
    const zh = await runCommand(['compare', '-', '-', '-r', '2', '--horizon', '100h', '--lang', 'zh'], {}, CLASSROOM)
    expect(zh.code).toBe(2)
    expect(zh.stderr).toContain('标准输入（-）只能读取一次')
  })
})
