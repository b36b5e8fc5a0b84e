// The Chinese wording of import problems and of the parser's usage errors: values kept, frames
// reworded, and text no rule knows shown as written.
import {describe, expect, it} from 'vitest'
import {usageErrorZh} from '../../src/cli/usage-zh.js'
import {formatSheetProblem} from '../../src/import/problems.js'
import {importTextZh} from '../../src/i18n/import-zh.js'

describe('importTextZh', () => {
  it('rewords a cell that cannot be read, keeping header, value and the way to write it', () => {
    expect(importTextZh('频次 "每月两次" is not a rate: write 2/mo')).toBe('频次 "每月两次" 不是发生率：应写作 2/mo')
    expect(importTextZh('编制 -3 is not a number of 0 or more: write a plain number such as 15')).toBe('编制 -3 不是 0 或以上的数：写一个普通数字，如 15')
    expect(importTextZh('工时 holds a date (2026-03-05), not what was typed')).toBe('工时 是日期（2026-03-05），不是原来输入的内容')
  })

  it('names the tables in Chinese and takes column notes from the columns', () => {
    expect(importTextZh('unknown column "备注2" in a tasks table')).toBe('事项表中有未知的列 "备注2"')
    expect(importTextZh('"巡查" is not in the powers sheet')).toBe('"巡查" 不在职权表中')
    expect(importTextZh('add a column headed 工时: working time per request')).toBe('添加表头为 工时 的列：每件诉求的工时')
    expect(importTextZh('the task (事项)')).toBe('事项的名称')
  })

  it("falls back to the loader's wording, then to the text as written", () => {
    expect(importTextZh('did you mean 民政局?')).toBe('是否指 民政局？')
    expect(importTextZh('tasks[0].effort: something new')).toBe('tasks[0].effort: something new')
  })

  it('frames a located problem with its hint in the page language', () => {
    const p = {file: 'u.csv', cell: 'C5', message: 'merged cells', hint: 'keep one of them', severity: 'error' as const}
    expect(formatSheetProblem(p, 'zh')).toBe('u.csv:C5 — 合并单元格\n    提示：只保留其中一个')
    expect(formatSheetProblem({...p, file: 'the imported model', severity: 'warning'}, 'zh')).toBe('导入后的模型:C5 — 警告：合并单元格\n    提示：只保留其中一个')
    expect(formatSheetProblem(p, 'en')).toBe('u.csv:C5 — merged cells\n    hint: keep one of them')
  })
})

describe('usageErrorZh', () => {
  it("rewords the parser's messages and points to --help instead of its English help", () => {
    expect(usageErrorZh('Nonexistent flag: --bogus\nSee more help with --help', 'simulate')).toBe('没有这个选项：--bogus\n运行 loudou simulate --help 查看用法')
    expect(usageErrorZh('Missing 1 required arg:\nmodel  the model file\nSee more help with --help', 'sweep merge', ['SHARD'])).toBe('缺少 1 个必需的参数：`SHARD`\n运行 loudou sweep merge --help 查看用法')
    expect(usageErrorZh('Parsing --seed \n\tExpected an integer but received: x\nSee more help with --help', 'simulate')).toBe('--seed：应为整数，得到 "x"\n运行 loudou simulate --help 查看用法')
    expect(usageErrorZh('The following error occurred:\n  Missing required flag html\nSee more help with --help', 'report')).toBe('缺少必需的选项 --html\n运行 loudou report --help 查看用法')
    expect(usageErrorZh('Expected --lang=fr to be one of: en, zh\nSee more help with --help', 'inspect')).toBe('--lang 的值应为以下之一：en, zh，得到 "fr"\n运行 loudou inspect --help 查看用法')
  })
})
