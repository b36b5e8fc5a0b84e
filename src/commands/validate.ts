// `loudou validate <model>`: load the model and report every problem with its location.
import {Args, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {checkModel, checkModelText} from '../model/load.js'
import {stdinModel} from '../cli/stdin.js'
import {formatProblem, problemCount} from '../model/problems.js'
import type {Model} from '../model/types.js'

export function modelCounts(m: Model) {
  return {units: m.units.length, tasks: m.tasks.length, demand: m.demand.length, relations: m.relations.length}
}

export default class Validate extends LoudouCommand {
  static override summary = 'Check a model file: every problem is printed with file:line:column and path.'
  static override examples = ['<%= config.bin %> validate models/classroom.yaml', '<%= config.bin %> validate big.yaml --max-units 5000000 --json']
  static override args = {
    model: Args.string({required: true, description: 'the model YAML file; - reads it from standard input'}),
  }
  static override flags = {
    'max-units': Flags.integer({min: 1, description: 'refuse models that expand to more units (default 1000000)'}),
    json: Flags.boolean({description: 'print {valid, problems, counts} as JSON on stdout'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Validate)
    const text = await stdinModel(args.model)
    const limits = {maxUnits: flags['max-units']}
    const {model, problems} = text ? checkModelText(text, limits) : checkModel(args.model, limits)
    const counts = model ? modelCounts(model) : null
    if (flags.json) {
      this.emitJson({valid: model !== undefined, problems, counts})
    } else {
      const lang = flags.lang ?? defaultLang()
      const zh = lang === 'zh'
      // Errors print even with --quiet; warnings and the summary do not.
      for (const p of problems) {
        if (p.severity === 'error') this.sayError(formatProblem(p, lang))
        else this.say(formatProblem(p, lang))
      }
      const errors = problems.filter((p) => p.severity === 'error').length
      const warnings = problems.length - errors
      if (model && counts) {
        const w = warnings === 0 ? '' : zh ? `，${warnings} 条警告` : `, ${warnings} warning${warnings === 1 ? '' : 's'}`
        this.say(
          zh
            ? `${model.id}：有效 — ${counts.units} 个单位，${counts.tasks} 项任务，${counts.demand} 类诉求，${counts.relations} 条关系${w}`
            : `${model.id}: valid — ${counts.units} units, ${counts.tasks} tasks, ${counts.demand} demand, ${counts.relations} relations${w}`,
        )
      } else {
        this.sayError(problemCount(errors, lang))
      }
    }
    // Not this.exit(1): oclif then calls process.exit at once, which cuts off stderr still
    // queued for a pipe (a long problem list arrives truncated). Node exits 1 once drained.
    if (!model) process.exitCode = 1
  }
}
