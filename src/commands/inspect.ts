// `loudou inspect <model|scenario>`: the structural metrics as tables (en/zh) or JSON; for a
// scenario, of the model after its reforms, with the change log.
import {Args, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {loadInput} from '../cli/stdin.js'
import {fromProblem, structureWarnings} from '../cli/structure-warnings.js'
import {renderChanges, scenarioInfo} from '../cli/scenario-info.js'

export default class Inspect extends LoudouCommand {
  static override description = 'Structural metrics of a model: catalogue, funnel, principals, alignment, Krackhardt hierarchy, relays'

  static override examples = [
    '<%= config.bin %> inspect models/classroom.yaml',
    '<%= config.bin %> inspect models/classroom.yaml --json --out inspect.json',
    '<%= config.bin %> inspect models/classroom.yaml --lang zh',
    '<%= config.bin %> inspect scenarios/classroom/flatten.yaml',
    '<%= config.bin %> inspect models/classroom.yaml --unit district/street-1/community-1',
    '<%= config.bin %> inspect models/classroom.yaml --unit tier=street --lang zh',
  ]

  static override args = {
    model: Args.string({description: 'model or scenario file (YAML); - reads it from standard input', required: true}),
  }

  static override flags = {
    json: Flags.boolean({description: 'print the report as JSON (schemas/inspect.schema.json)'}),
    out: Flags.string({description: 'write the output to this file instead of stdout'}),
    top: Flags.integer({description: 'how many relays to list (with --unit: rows per table)', default: 10, min: 0}),
    unit: Flags.string({description: 'why is this unit loaded: its hours by item, issuer and kind, its principals and the powers it lacks; an id, a name, an id glob or a selector such as tier=community (schemas/inspect-unit.schema.json)'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Inspect)
    const input = await loadInput(args.model, {}, flags.lang ?? defaultLang())
    this.checkOutputs(input.inputs, {'--out': flags.out})
    const scenario = scenarioInfo(input)
    const lang = flags.lang ?? defaultLang()
    if (flags.unit !== undefined) {
      const [{matchUnits}, {unitBreakdown}, {renderUnitBreakdown}] = await Promise.all([
        import('../cli/unit-selector.js'), import('../metrics/structure/unit-breakdown.js'), import('../views/unit.js'),
      ])
      const match = matchUnits(input.model, flags.unit, lang)
      if ('error' in match) return this.fail([match.error])
      const unit = unitBreakdown(input.model, match.ids)
      const m = input.model
      if (flags.json) this.emitJson({model: {id: m.id, name: m.name}, selector: flags.unit, unit, ...(scenario ? {scenario} : {})}, flags.out)
      else this.emit(renderChanges(input, lang) + renderUnitBreakdown(m, unit, lang, {top: flags.top, selector: flags.unit}), flags.out)
      return
    }
    const [{inspectModel}, {renderInspect}] = await Promise.all([import('../metrics/structure/index.js'), import('../views/inspect.js')])
    const report = inspectModel(input.model, {topRelays: flags.top})
    const warnings = [...input.warnings.map(fromProblem), ...structureWarnings(input.model, lang)]
    if (flags.json) this.emitJson({...report, ...(scenario ? {scenario} : {}), warnings}, flags.out)
    else this.sayWarnings(warnings, lang)
    if (!flags.json) this.emit(renderChanges(input, lang) + renderInspect(report, lang, Object.fromEntries(input.model.categories.map((c) => [c.id, c.name]))), flags.out)
  }
}
