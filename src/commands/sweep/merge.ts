// `loudou sweep merge <shard.parquet…>`: check that the shards are one sweep's 0…N−1, put
// their rows back in work-unit order (the bytes of the unsharded run) and write the outputs.
import {Args} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../../cli/base.js'
import {outputFlags} from '../../sweep/flags.js'

export default class SweepMerge extends LoudouCommand {
  static override summary = 'Combine the shards of a sweep (--shard I/N) into its tidy table, summary and sensitivity indices.'
  static override examples = [
    '<%= config.bin %> sweep merge out/shard-*.parquet --parquet sweep.parquet --csv sweep.csv',
    '<%= config.bin %> sweep merge out/shard-*.parquet --json --out summary.json',
  ]
  static override strict = false
  static override args = {shard: Args.string({required: true, description: 'shard files written by `loudou sweep --shard I/N --parquet`'})}
  static override flags = {...outputFlags}

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(SweepMerge)
    const lang = flags.lang ?? defaultLang()
    const [{mergeTables}, {checkOutputs, readTableFile, writeOutputs}] = await Promise.all([import('../../sweep/merge.js'), import('../../sweep/cli.js')])
    checkOutputs(flags, argv as string[])
    const tables = []
    for (const file of argv as string[]) tables.push(await readTableFile(file))
    const {plan, units} = mergeTables(tables)
    this.emit(writeOutputs(plan, units, flags, lang, (s) => this.say(s)), flags.out)
  }
}
