// `loudou inspect <model|scenario>`: the structural metrics as tables (en/zh) or JSON; for a
// scenario, of the model after its reforms, with the change log.
import {Args, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {inspectModel} from '../metrics/structure/index.js'
import {loadModelOrScenario} from '../scenario/load.js'
import {renderChanges, scenarioInfo} from '../cli/scenario-info.js'
import {renderInspect} from '../views/inspect.js'

export default class Inspect extends LoudouCommand {
  static override description = 'Structural metrics of a model: catalogue, funnel, principals, alignment, Krackhardt hierarchy, relays'

  static override examples = [
    '<%= config.bin %> inspect models/classroom.yaml',
    '<%= config.bin %> inspect models/classroom.yaml --json --out inspect.json',
    '<%= config.bin %> inspect models/classroom.yaml --lang zh',
    '<%= config.bin %> inspect scenarios/classroom/flatten.yaml',
  ]

  static override args = {
    model: Args.string({description: 'model or scenario file (YAML)', required: true}),
  }

  static override flags = {
    json: Flags.boolean({description: 'print the report as JSON (schemas/inspect.schema.json)'}),
    out: Flags.string({description: 'write the output to this file instead of stdout'}),
    top: Flags.integer({description: 'how many relays to list', default: 10, min: 0}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Inspect)
    const input = await loadModelOrScenario(args.model)
    const report = inspectModel(input.model, {topRelays: flags.top})
    const scenario = scenarioInfo(input)
    const lang = flags.lang ?? defaultLang()
    if (flags.json) this.emitJson(scenario ? {...report, scenario} : report, flags.out)
    else this.emit((scenario ? renderChanges(scenario, lang) : '') + renderInspect(report, lang), flags.out)
  }
}
