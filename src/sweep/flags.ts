// The output flags `sweep` and `sweep merge` share (kept apart from the modules that write
// the outputs, so that a command's definition loads without them).
import {Flags} from '@oclif/core'

export const outputFlags = {
  parquet: Flags.string({description: 'write the tidy table (a row per cell, replication, metric and unit) as Parquet'}),
  csv: Flags.string({description: 'write the tidy table as CSV'}),
  summary: Flags.string({description: 'write the per-cell summary (mean and 95% CI per metric) as CSV'}),
  json: Flags.boolean({description: 'print the summary, main effects and sensitivity indices as JSON instead of tables'}),
  out: Flags.string({char: 'o', description: 'write what would go to stdout to this file instead'}),
}
