// `loudou import <xlsx|csv…>`: a model YAML from spreadsheets (src/import, docs/import.md), or
// with --template an empty workbook to fill in.
import {resolve} from 'node:path'
import {Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {writeAtomic} from '../cli/output.js'
import {importSpreadsheets} from '../import/index.js'
import {formatSheetProblem} from '../import/problems.js'
import {templateWorkbook} from '../import/template.js'
import {t} from '../i18n/index.js'
import {problemCount} from '../model/problems.js'

const MAX_SHOWN = 300

export default class Import extends LoudouCommand {
  static override summary = 'Make a model from spreadsheets: units, tasks (事项) and residents\' requests (诉求) in .xlsx or .csv files.'
  static override description = 'Sheets are recognised by name (单位/units, 事项/tasks, 诉求/demand, 类别/categories, 职权/powers) or by their headers, in Chinese or English; see docs/import.md. Every cell that cannot be read is reported with its file, sheet and cell, all in one pass.'
  static override examples = [
    '<%= config.bin %> import --template district.xlsx',
    '<%= config.bin %> import district.xlsx --out model.yaml',
    '<%= config.bin %> import units.csv tasks.csv --id my-district --out model.yaml',
  ]
  static override strict = false
  static override flags = {
    out: Flags.string({char: 'o', description: 'write the model to this file instead of stdout'}),
    id: Flags.string({description: 'model id (default: from the first file\'s name)'}),
    name: Flags.string({description: 'model name (default: the first file\'s name)'}),
    template: Flags.string({description: 'write an empty workbook (.xlsx) with the headers and a filled example, then stop'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Import)
    const files = argv as string[]
    const lang = flags.lang ?? defaultLang()
    if (flags.template) {
      if (files.length > 0) this.error(t(lang, 'usage.templateWithFiles'), {exit: 2})
      if (!/\.xlsx$/i.test(flags.template)) this.error(t(lang, 'usage.templateName', {value: flags.template}), {exit: 2})
      writeAtomic(flags.template, await templateWorkbook(lang))
      this.say(lang === 'zh' ? `已写出 ${flags.template}：填写后运行 loudou import ${flags.template}` : `wrote ${flags.template}: fill it in, then run loudou import ${flags.template}`)
      return
    }
    if (files.length === 0) this.error(t(lang, 'usage.importNoFiles'), {exit: 2})
    if (flags.id !== undefined && !/^[a-z0-9-]+$/.test(flags.id)) this.error(t(lang, 'usage.importId', {value: flags.id}), {exit: 2})
    if (flags.out && files.some((f) => resolve(f) === resolve(flags.out!))) this.error(t(lang, 'usage.outIsInput', {file: flags.out}), {exit: 2})
    const result = await importSpreadsheets(files, {id: flags.id, name: flags.name})
    const errors = result.problems.filter((p) => p.severity === 'error').length
    // Every problem is found; a sheet with thousands of the same mistake shows the first few hundred.
    const shown = result.problems.slice(0, MAX_SHOWN).map((p) => formatSheetProblem(p, lang))
    if (result.problems.length > MAX_SHOWN) shown.push(lang === 'zh' ? `……另有 ${result.problems.length - MAX_SHOWN} 个问题未列出` : `… and ${result.problems.length - MAX_SHOWN} more problems not shown`)
    if (shown.length > 0) this.say(shown.join('\n'))
    if (!result.yaml) {
      this.fail([problemCount(errors, lang)])
      return
    }
    this.emit(result.yaml, flags.out)
    const m = result.model!
    const n = (xs?: unknown[]) => xs?.length ?? 0
    const units = countUnits(m.units)
    this.say(
      lang === 'zh'
        ? `已导入 ${units} 个单位、${n(m.tasks)} 项事项、${n(m.demand)} 类诉求${flags.out ? `，写入 ${flags.out}` : ''}`
        : `imported ${units} units, ${n(m.tasks)} tasks and ${n(m.demand)} kind${n(m.demand) === 1 ? '' : 's'} of request${flags.out ? ` into ${flags.out}` : ''}`,
    )
  }
}

function countUnits(units: {children?: unknown[]}[]): number {
  return units.reduce((s, u) => s + 1 + countUnits((u.children ?? []) as {children?: unknown[]}[]), 0)
}
