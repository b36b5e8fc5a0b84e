// Spreadsheets that cannot be imported as they are: each refused with a located problem or a
// clear "save as .xlsx", quickly and in bounded memory.
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {importSpreadsheets} from '../../src/import/index.js'
import {formatSheetProblem} from '../../src/import/problems.js'
import {DISTRICT, bigWorkbook, tempDir, writeText, writeWorkbook} from './helpers.js'

async function problems(files: string[]): Promise<string[]> {
  const r = await importSpreadsheets(files)
  expect(r.yaml).toBeUndefined()
  return r.problems.map((p) => formatSheetProblem(p).replace(/^[^:—]*\//, ''))
}

describe('loudou import refuses', () => {
  it('a workbook without a units sheet, or without tasks and demand', async () => {
    const dir = tempDir()
    expect(await problems([await writeWorkbook(join(dir, 'a.xlsx'), {事项: DISTRICT['事项']})])).toEqual([
      expect.stringMatching(/^a\.xlsx — no units sheet \(单位\)\n {4}hint: add a sheet named 单位/),
      ...Array.from({length: 3}, () => expect.stringMatching(/^a\.xlsx:事项!C\d — 责任部门 "民政局" is not a unit of the units sheet/)),
    ])
    expect(await problems([await writeWorkbook(join(dir, 'b.xlsx'), {单位: DISTRICT['单位'], Sheet2: [['x', 'y']]})])).toEqual([
      expect.stringMatching(/^b\.xlsx — no tasks sheet \(事项\) and no demand sheet \(诉求\)/),
      expect.stringMatching(/^b\.xlsx:Sheet2 — warning: not read: neither its name nor its headers/),
    ])
  })

  it('unknown and repeated headers, and missing required columns, at their cells (once, not on every row)', async () => {
    const tasks = DISTRICT['事项'].map((r) => [...r])
    tasks[0][7] = '工日' // H1, where 工时 was
    tasks[0][10] = '是否一票否决' // K1 repeats J1
    tasks[0].push('# 我的备注', '备注')
    const found = await problems([await writeWorkbook(join(tempDir(), 't.xlsx'), {单位: DISTRICT['单位'], 事项: tasks})])
    expect(found).toEqual([
      't.xlsx:事项!1 — no column 工时 (effort)\n    hint: add a column headed 工时: working time per unit that does it: 8 (hours), 30m, 2d, 4小时, 2天',
      't.xlsx:事项!H1 — unknown column "工日" in a tasks table\n    hint: did you mean 工时? start the header with # to keep the column out of the import',
      't.xlsx:事项!K1 — "是否一票否决" says the same as the column J (是否一票否决)\n    hint: keep one of the two columns',
    ])
  })

  it('merged cells below the header, but not a merged title above it', async () => {
    const units = [['示范区单位表', null, null], ...DISTRICT['单位']]
    const found = await problems([await writeWorkbook(join(tempDir(), 'm.xlsx'), {单位: units, 事项: DISTRICT['事项']}, {单位: ['A1:C1', 'D4:D5']})])
    expect(found).toEqual(['m.xlsx:单位!D4:D5 — merged cells\n    hint: unmerge them and fill in every cell (a merged cell holds a value for its first cell only)'])
  })

  it('formulas without a value and dates Excel made of what was typed; formulas with a value are read', async () => {
    const tasks = DISTRICT['事项'].map((r) => [...r]) as unknown[][]
    tasks[1][7] = {formula: '2*4', result: 8} // read as 8
    tasks[2][6] = {formula: 'B2*12'} // G3: no cached value
    tasks[3][7] = new Date(Date.UTC(2024, 2, 5)) // H4: "3-5" turned into a date
    const found = await problems([await writeWorkbook(join(tempDir(), 'f.xlsx'), {单位: DISTRICT['单位'], 事项: tasks as never})])
    expect(found).toEqual([
      'f.xlsx:事项!G3 — 次数/年 holds a formula (=B2*12) without a computed value\n    hint: open and save the workbook in Excel or WPS, or paste the values (选择性粘贴 → 数值)',
      'f.xlsx:事项!H4 — 工时 holds a date (2024-03-05), not what was typed\n    hint: Excel turns entries such as 3-5 or 1/2 into dates: format the column as text (文本) and type the value again',
    ])
  })

  it('a 100,000-row sheet, before loading it: in under 10 s and 500 MB', async () => {
    const file = await bigWorkbook(join(tempDir(), 'big.xlsx'), '事项', ['事项名称', '责任部门', '承接层级', '频次', '工时'], (i) => [`事项${i}`, '民政局', '社区', '每月', 2 + (i % 5)], 100_000)
    const start = performance.now()
    const before = process.memoryUsage().rss
    expect(await problems([file])).toEqual([expect.stringMatching(/^big\.xlsx:事项 — the sheet has more than 5,000 rows\n/)])
    expect(performance.now() - start).toBeLessThan(10_000)
    expect(process.memoryUsage().rss - before).toBeLessThan(500 * 1024 * 1024)
  }, 120_000)

  it('more rows in all the files together than in one sheet', async () => {
    const dir = tempDir()
    const limits = {maxFileBytes: 1 << 20, maxRows: 8, maxXmlBytes: 1 << 24}
    const r = await importSpreadsheets([await writeWorkbook(join(dir, 'a.xlsx'), DISTRICT)], {limits})
    expect(r.problems.map((p) => p.message)).toEqual(['the spreadsheets hold 12 rows, more than 8 in all'])
  })

  it('corrupt workbooks, .xls, .numbers and password-protected files with what to do', async () => {
    const dir = tempDir()
    const good = await writeWorkbook(join(dir, 'good.xlsx'), DISTRICT)
    const {readFileSync} = await import('node:fs')
    const bytes = readFileSync(good)
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['cut.xlsx', bytes.subarray(0, bytes.length >> 1), /^cut\.xlsx — not a readable \.xlsx workbook: .*\n {4}hint: open it in Excel or WPS and save it as an Excel workbook \(\.xlsx\)/],
      ['text.xlsx', 'name,kind\n', /^text\.xlsx — not an \.xlsx workbook \(the file is not a zip archive\)/],
      ['old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /^old\.xls — an Excel 97-2003 workbook \(\.xls\) cannot be read\n {4}hint: open it in Excel or WPS and save it as an Excel workbook \(\.xlsx\)/],
      ['plan.numbers', bytes, /^plan\.numbers — a Numbers document cannot be read\n {4}hint: .*save it as an Excel workbook \(\.xlsx\)/],
      ['locked.xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /^locked\.xlsx — this is an \.xls workbook or a password-protected one/],
      ['empty.xlsx', '', /^empty\.xlsx — not an \.xlsx workbook/],
      ['notes.txt', 'x', /^notes\.txt — not a spreadsheet loudou reads \(\.txt\)/],
    ]
    for (const [name, content, expected] of cases) expect(await problems([writeText(join(dir, name), content)])).toEqual([expect.stringMatching(expected)])
    expect(await problems([join(dir, 'missing.xlsx')])).toEqual([expect.stringMatching(/^missing\.xlsx — cannot read the file: no such file/)])
  })
})
