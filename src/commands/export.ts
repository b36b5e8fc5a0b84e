// `loudou export <model> --format …`: the model graph for networkx, Gephi, Graphviz or graphology.
import {Args, Flags} from '@oclif/core'
import {defaultLang, LoudouCommand} from '../cli/base.js'
import {isStdout} from '../cli/output.js'
import {EXPORT_FORMATS, exportGraph} from '../export/index.js'
import {buildGraph} from '../graph/build.js'
import {loadInput} from '../cli/stdin.js'

export default class Export extends LoudouCommand {
  static override description = 'Write the model graph as GraphML, GEXF, DOT or JSON (networkx, Gephi, Graphviz, graphology)'

  static override examples = [
    '<%= config.bin %> export models/classroom.yaml --format graphml --out classroom.graphml',
    '<%= config.bin %> export models/classroom.yaml --format dot | dot -Tsvg > classroom.svg',
  ]

  static override args = {
    model: Args.string({description: 'model or scenario file (YAML); - reads it from standard input', required: true}),
  }

  static override flags = {
    format: Flags.option({options: EXPORT_FORMATS, description: 'output format', required: true})(),
    out: Flags.string({description: 'write to this file instead of stdout'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Export)
    // A scenario exports the graph of its base model after the reforms.
    const input = await loadInput(args.model, {}, flags.lang ?? defaultLang())
    this.checkOutputs(input.inputs, {'--out': flags.out})
    const graph = buildGraph(input.model)
    this.emit(exportGraph(graph, flags.format), flags.out)
    if (flags.out !== undefined && !isStdout(flags.out)) this.say(`wrote ${flags.out}: ${graph.order} nodes, ${graph.size} edges (${flags.format})`)
  }
}
