// `loudou sweep <sweep.yaml>`: load and check the sweep (every cell before anything runs),
// then run its cells × replications on worker threads, a shard of them (--shard I/N), or
// write a cluster job for them (--emit slurm|k8s). docs/sweeps.md.
import {Args, Errors, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {t, type Lang} from '../i18n/index.js'
import {writeAtomic} from '../cli/output.js'
import {terminalStyle} from '../cli/terminal.js'
import {durationFlag} from '../cli/run-flags.js'
import {DESIGNS} from '../sweep/schema.js'
import type {Shard, SweepOverrides} from '../sweep/index.js'
import {outputFlags} from '../sweep/flags.js'
import {msg} from '../sweep/messages.js'

export default class Sweep extends LoudouCommand {
  static override summary = 'Run a parameter sweep: grids, Latin hypercubes, Morris screening and Sobol indices over a model or scenario.'
  static override description = 'Cells share their replication seeds (common random numbers). --shard I/N runs every N-th work unit; `sweep merge` combines the shards into the bytes of the unsharded run.'
  static override examples = [
    '<%= config.bin %> sweep sweeps/classroom-staff.yaml',
    '<%= config.bin %> sweep sweeps/classroom-staff.yaml --parquet staff.parquet --csv staff.csv --summary cells.csv',
    '<%= config.bin %> sweep sweeps/classroom-staff.yaml --design lhs --samples 8',
    '<%= config.bin %> sweep sweeps/classroom-staff.yaml --shard 2/8 --parquet out/shard-2.parquet',
    '<%= config.bin %> sweep sweeps/classroom-staff.yaml --emit slurm --shards 8 --out staff.sbatch.sh',
  ]
  static override args = {file: Args.string({required: true, description: 'the sweep YAML file'})}
  static override flags = {
    design: Flags.option({options: DESIGNS, description: 'override the design of the file'})(),
    samples: Flags.integer({min: 2, description: 'lhs points, morris trajectories or sobol base samples'}),
    levels: Flags.integer({min: 2, description: 'morris grid levels (even)'}),
    metrics: Flags.string({description: 'comma-separated metric ids (overrides the file)'}),
    seed: Flags.integer({min: 0, max: 4294967295, description: 'seed of the design and the replications (overrides the file)'}),
    replications: Flags.integer({char: 'r', min: 1, description: 'replications per cell (overrides the file)'}),
    horizon: Flags.string({description: 'simulated working time, e.g. 1y, 6mo or 2000 (hours)'}),
    warmup: Flags.string({description: 'working time excluded from the statistics at the start'}),
    workers: Flags.integer({min: 1, description: 'worker threads (default: one per core)'}),
    shard: Flags.string({description: 'run only shard I of N (0 ≤ I < N): the work units k with k mod N = I; needs --parquet'}),
    emit: Flags.option({options: ['slurm', 'k8s'] as const, description: 'write a Slurm job array or a Kubernetes Indexed Job for the sweep instead of running it'})(),
    shards: Flags.integer({min: 1, default: 4, description: 'shards (array tasks, completion indices) for --emit'}),
    image: Flags.string({description: 'container image for --emit k8s (default loudou:latest)'}),
    ...outputFlags,
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Sweep)
    const lang = flags.lang ?? defaultLang()
    // Imported here, not above: the simulator and the Parquet writer load only when the command runs.
    const [{k8sManifest, MAX_SHARDS, planFlags, loadSweep, parseShard, runSweep, shardUnits, slurmScript, tableParquet, workUnits}, {checkOutputs, sweepProgress, writeOutputs}] = await Promise.all([
      import('../sweep/index.js'), import('../sweep/cli.js'),
    ])
    let shard: Shard | undefined
    if (flags.shard !== undefined) {
      const parsed = parseShard(flags.shard)
      if ('problem' in parsed) {
        const reason = t(lang, `usage.shard.${parsed.problem}`, {got: flags.shard, last: parsed.last ?? 0, max: MAX_SHARDS.toLocaleString('en')})
        throw new Errors.CLIError(t(lang, 'usage.shard', {reason}), {exit: 2})
      }
      if (!flags.parquet) throw new Errors.CLIError(t(lang, 'usage.shardNeedsParquet'), {exit: 2})
      shard = parsed
    }
    const overrides: SweepOverrides = {design: flags.design, samples: flags.samples, levels: flags.levels, seed: flags.seed, replications: flags.replications}
    if (flags.metrics !== undefined) overrides.metrics = await this.metricList(flags.metrics, lang)
    checkOutputs(flags, [args.file])
    const sweep = loadSweep(args.file, overrides, (clock) => ({horizon: durationFlag(flags.horizon, '--horizon', clock, lang), warmup: durationFlag(flags.warmup, '--warmup', clock, lang)}))
    for (const w of sweep.warnings) this.say(`${w.file}:${w.line}:${w.column} ${w.path}: warning: ${w.message}`)
    const {plan} = sweep

    if (flags.emit) {
      const options = {file: args.file, args: planFlags(this.argv), shards: flags.shards, image: flags.image}
      this.emit(flags.emit === 'slurm' ? slurmScript(plan, options) : k8sManifest(plan, options), flags.out)
      this.say(msg(lang, 'emitted', {kind: flags.emit, shards: flags.shards, units: workUnits(plan), file: flags.out ?? 'stdout'}))
      return
    }

    const units = shardUnits(workUnits(plan), shard)
    // Redrawn with escape codes: only on a terminal that can take them (not TERM=dumb), never with --quiet.
    const progress = sweepProgress(lang, plan, units, terminalStyle(process.stderr).live && !this.quiet)
    const results = await runSweep(sweep, {workers: flags.workers, shard, onProgress: progress.tick})
    progress.clear()
    if (shard) {
      writeAtomic(flags.parquet!, tableParquet(plan, results, shard))
      this.say(msg(lang, 'shardWritten', {shard: `${shard.index}/${shard.count}`, units: results.length, total: workUnits(plan), rows: results.reduce((n, u) => n + u.value.length, 0), file: flags.parquet!}))
      return
    }
    this.emit(writeOutputs(plan, results, flags, lang, (s) => this.say(s)), flags.out)
  }

  private async metricList(text: string, lang: Lang): Promise<string[]> {
    const {knownMetricIds, sweepMetric} = await import('../sweep/metrics.js')
    const ids = text.split(',').map((s) => s.trim()).filter((s) => s !== '')
    const unknown = ids.filter((id) => !sweepMetric(id))
    if (unknown.length > 0 || ids.length === 0) {
      throw new Errors.CLIError(t(lang, 'usage.unknownMetrics', {flag: '--metrics: ', s: unknown.length === 1 ? '' : 's', list: unknown.join(', ') || t(lang, 'usage.noMetrics'), known: knownMetricIds().join(', ')}), {exit: 2})
    }
    return ids
  }
}
