// `loudou validate <model>`: load the model and report every problem with its location.
import {Args, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {checkModel} from '../model/load.js'
import {STDIN_NAME, stdinModel} from '../cli/stdin.js'
import {ModelError, cappedLines, clipProblem, problemCount} from '../model/problems.js'
import type {Problem} from '../model/problems.js'
import type {Model} from '../model/types.js'

export function modelCounts(m: Model) {
  return {units: m.units.length, tasks: m.tasks.length, demand: m.demand.length, relations: m.relations.length}
}

export default class Validate extends LoudouCommand {
  static override summary = 'Check a model or scenario file: every problem is printed with file:line:column and path.'
  static override examples = ['<%= config.bin %> validate models/classroom.yaml', '<%= config.bin %> validate models/city-scale.yaml --max-units 5000000 --json']
  static override args = {
    model: Args.string({required: true, description: 'the model or scenario YAML file; - reads it from standard input'}),
  }
  static override flags = {
    'max-units': Flags.integer({min: 1, description: 'refuse models that expand to more units (default 1000000)'}),
    json: Flags.boolean({description: 'print {valid, problems, counts} as JSON on stdout'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Validate)
    const text = await stdinModel(args.model, flags.lang ?? defaultLang())
    const limits = {maxUnits: flags['max-units']}
    const [{readRootFile}, {fromProblem, structureWarnings}] = await Promise.all([import('../scenario/detect.js'), import('../cli/structure-warnings.js')])
    const name = text ? STDIN_NAME : args.model
    const {root, scenario: isScenario} = readRootFile(name, limits, text)
    let model: Model | undefined
    let problems: Problem[]
    let scenario: {id: string; name: string; base: string; reforms: number} | undefined
    // A scenario is checked whole: its own keys, every reform, its base model, the reformed model.
    if (isScenario) {
      const {loadScenarioSync} = await import('../scenario/load.js')
      try {
        const s = loadScenarioSync(name, limits, text, root)
        ;({model, warnings: problems} = s)
        scenario = {id: s.scenario.id, name: s.scenario.name, base: s.scenario.baseFile, reforms: s.scenario.reforms.length}
      } catch (error) {
        if (!(error instanceof ModelError)) throw error
        problems = error.problems.map(clipProblem)
      }
    } else ({model, problems} = checkModel(name, limits, text, root))
    const counts = model ? modelCounts(model) : null
    const lang = flags.lang ?? defaultLang()
    const structural = model ? structureWarnings(model, lang) : []
    if (flags.json) {
      const warnings = [...problems.filter((p) => p.severity === 'warning').map(fromProblem), ...structural]
      this.emitJson({valid: model !== undefined, problems, counts, warnings, ...(scenario ? {scenario} : {})})
    } else {
      const zh = lang === 'zh'
      // Errors print even with --quiet; warnings and the summary do not. At most 100 per file.
      for (const l of cappedLines(problems, lang)) {
        if (l.error) this.sayError(l.text)
        else this.say(l.text)
      }
      this.sayWarnings(structural, lang)
      const errors = problems.filter((p) => p.severity === 'error').length
      const warnings = problems.length - errors + structural.length
      if (scenario) {
        this.say(zh ? `情景 ${scenario.id}：基于 ${scenario.base}，${scenario.reforms} 项改革` : `scenario ${scenario.id}: based on ${scenario.base}, ${scenario.reforms} reform${scenario.reforms === 1 ? '' : 's'}`)
      }
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
