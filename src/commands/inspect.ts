// `loudou inspect <model>`: the structural metrics as tables (en/zh) or JSON.
import {Args, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {inspectModel} from '../metrics/structure/index.js'
import {loadModel} from '../model/load.js'
import {renderInspect} from '../views/inspect.js'

export default class Inspect extends LoudouCommand {
  static override description = 'Structural metrics of a model: catalogue, funnel, principals, alignment, Krackhardt hierarchy, relays'

  static override examples = [
    '<%= config.bin %> inspect models/classroom.yaml',
    '<%= config.bin %> inspect models/classroom.yaml --json --out inspect.json',
    '<%= config.bin %> inspect models/classroom.yaml --lang zh',
  ]

  static override args = {
    model: Args.string({description: 'model file (YAML)', required: true}),
  }

  static override flags = {
    json: Flags.boolean({description: 'print the report as JSON (schemas/inspect.schema.json)'}),
    out: Flags.string({description: 'write the output to this file instead of stdout'}),
    top: Flags.integer({description: 'how many relays to list', default: 10, min: 0}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Inspect)
    const model = await loadModel(args.model)
    const report = inspectModel(model, {topRelays: flags.top})
    if (flags.json) this.emitJson(report, flags.out)
    else this.emit(renderInspect(report, flags.lang ?? defaultLang()), flags.out)
  }
}
