// `loudou import` through oclif, in process: the template, a model written atomically to
// --out, problems with exit 1, usage errors with exit 2.
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCommand} from '../helpers/run-command.js'
import {DISTRICT, tempDir, writeWorkbook} from '../import/helpers.js'

describe('loudou import', () => {
  it('writes a template, then imports it into a model that validates', async () => {
    const dir = tempDir()
    const template = join(dir, 'district.xlsx')
    const t = await runCommand(['import', '--template', template, '--lang', 'zh'])
    expect(t).toMatchObject({code: 0, stdout: ''})
    expect(t.stderr).toContain('填写后运行 loudou import')
    const out = join(dir, 'model.yaml')
    const r = await runCommand(['import', template, '--out', out, '--id', 'demo'])
    expect(r).toMatchObject({code: 0, stdout: '', stderr: `imported 5 units, 2 tasks and 1 kind of request into ${out}\n`})
    expect(readFileSync(out, 'utf8')).toMatch(/^id: demo$/m)
    expect((await runCommand(['validate', out])).code).toBe(0)
  })

  it('prints the model on stdout without --out', async () => {
    const r = await runCommand(['import', await writeWorkbook(join(tempDir(), 'd.xlsx'), DISTRICT)])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^# A model imported from d\.xlsx by loudou import/)
    expect(r.stdout).toMatch(/^loudou: 1\nid: d\n/m)
  })

  it('lists every problem, exits 1 and writes nothing', async () => {
    const sheets = structuredClone(DISTRICT)
    sheets['事项'][1][5] = '每月两次'
    sheets['事项'][2][9] = '也许'
    const dir = tempDir()
    const out = join(dir, 'model.yaml')
    const r = await runCommand(['import', await writeWorkbook(join(dir, 'tasks.xlsx'), sheets), '--out', out, '--lang', 'zh'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/tasks\.xlsx:事项!F2 — 频次 "每月两次" 不是发生率：应写作 2\/mo\n/)
    expect(r.stderr).toMatch(/tasks\.xlsx:事项!J3 — 是否一票否决 "也许" 不是“是”或“否”：写“是”或“否”\n/)
    expect(r.stderr).toMatch(/发现 2 个问题。\n$/)
    expect(existsSync(out)).toBe(false)
    // The same problems in English.
    const en = await runCommand(['import', join(dir, 'tasks.xlsx'), '--out', out, '--lang', 'en'])
    expect(en.stderr).toMatch(/tasks\.xlsx:事项!F2 — 频次 "每月两次" is not a rate: write 2\/mo\n/)
    expect(en.stderr).toMatch(/tasks\.xlsx:事项!J3 — 是否一票否决 "也许" is not yes or no: write 是 or 否\n/)
  })

  it('refuses usage errors with exit 2', async () => {
    const dir = tempDir()
    const book = await writeWorkbook(join(dir, 'd.xlsx'), DISTRICT)
    for (const args of [['import'], ['import', book, '--out', book], ['import', '--template', join(dir, 't.csv')], ['import', book, '--template', join(dir, 't.xlsx')], ['import', book, '--id', 'Bad Id']]) {
      const r = await runCommand(args)
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2])
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  })
})
