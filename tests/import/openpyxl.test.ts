// End to end with another real writer: workbooks saved by Debian's python3-openpyxl
// (scripts/setup-system.sh installs it), imported by the built CLI in a real process.
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {tempDir} from './helpers.js'

// A district in openpyxl: a title row merged above the headers, numbers as numbers, a note
// column; then the same with a formula openpyxl stores without a value and merged data cells.
const SCRIPT = `
import sys, openpyxl
wb = openpyxl.Workbook()
units = wb.active
units.title = '单位'
units.append(['示范区单位表'])
units.merge_cells('A1:D1')
units.append(['编号', '名称', '类型', '上级', '层级', '编制/人数', '常住人口', '备注'])
units.append(['district', '示范区人民政府', '政府', None, '区', 40, None, '区本级'])
units.append([None, '民政局', '部门', 'district', '区', 30, None, None])
units.append(['east', '东门街道办事处', '街道', 'district', None, 16, None, None])
units.append([None, '东门社区', '社区', 'east', None, 12, 8000, None])
tasks = wb.create_sheet('事项')
tasks.append(['事项名称', '类别', '责任部门', '承接层级', '事项类型', '频次', '次数/年', '工时', '是否一票否决'])
tasks.append(['低保复核', '民政事务', '民政局', '社区', '常规', '每月', None, 8, '否'])
tasks.append(['民政工作考核', '民政事务', '民政局', '社区', '检查', None, 2, '2天', '是'])
if sys.argv[2] == 'bad':
    tasks['G3'] = '=B2*12'
    tasks.merge_cells('I2:I3')
wb.save(sys.argv[1])
`

function openpyxl(file: string, variant: 'good' | 'bad'): string {
  execFileSync('/usr/bin/python3', ['-c', SCRIPT, file, variant])
  return file
}

describe('workbooks written by openpyxl', () => {
  it('import to a model that validates', () => {
    const dir = tempDir()
    const out = join(dir, 'model.yaml')
    const r = runCli(['import', openpyxl(join(dir, 'district.xlsx'), 'good'), '--out', out])
    expect(r.stderr).toBe('imported 4 units, 2 tasks and 0 kinds of request into ' + out + '\n')
    expect(r.code).toBe(0)
    expect(readFileSync(out, 'utf8')).toMatch(/^  - \{title: district\.xlsx, note: "imported with loudou import: 单位 \(4 rows\), 事项 \(2 rows\)"\}$/m)
    expect(runCli(['validate', out]).code).toBe(0)
  })

  it('with a formula without a value and merged data cells: located problems, exit 1, nothing written', () => {
    const dir = tempDir()
    const out = join(dir, 'model.yaml')
    const r = runCli(['import', openpyxl(join(dir, 'district.xlsx'), 'bad'), '--out', out])
    expect(r.code).toBe(1)
    const lines = r.stderr.split('\n').filter((l) => !l.startsWith(' ')).map((l) => l.replace(/^[^:—]*\//, ''))
    expect(lines).toEqual([
      'district.xlsx:事项!I2:I3 — merged cells',
      'district.xlsx:事项!G3 — 次数/年 holds a formula (=B2*12) without a computed value',
      '2 problems found.',
      '',
    ])
    expect(existsSync(out)).toBe(false)
  })
})
