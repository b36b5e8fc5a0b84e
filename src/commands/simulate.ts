// `loudou simulate <model|scenario>`: load → simulateModel → render. Flow metrics with 95% CIs;
// for a scenario, of the model after its reforms, with the change log. `--events` also writes
// the event log of replication 0 (src/eventlog, docs/event-logs.md).
import {Args, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {loadModelOrScenario} from '../scenario/load.js'
import {renderChanges, scenarioInfo} from '../cli/scenario-info.js'
import {parseDuration} from '../model/duration.js'
import {hoursPerYear} from '../model/types.js'
import type {Model} from '../model/types.js'
import {replicationSeed, runReplication, simulateModel} from '../sim/index.js'
import {simulateCsv, simulateJson, simulateText} from '../sim/render.js'
import {DEFAULT_START, catalogueOf, makeCalendar, openEventLog, parseStartDate, recordLog} from '../eventlog/index.js'
import type {EventLogFormat, EventLogWriter} from '../eventlog/index.js'

export default class Simulate extends LoudouCommand {
  static override summary = 'Simulate a model: per-unit flow metrics, bottlenecks, duplicated handling, with 95% confidence intervals.'
  static override examples = [
    '<%= config.bin %> simulate models/classroom.yaml',
    '<%= config.bin %> simulate models/classroom.yaml --seed 7 --replications 20 --horizon 6mo --warmup 1mo --json --out flow.json',
    '<%= config.bin %> simulate scenarios/classroom/access-catalogue.yaml',
    '<%= config.bin %> simulate models/classroom.yaml --events log.json --start 2026-03-02',
    '<%= config.bin %> simulate models/classroom.yaml --events log.xes --events-format xes --csv --out runs.csv',
  ]
  static override args = {model: Args.string({required: true, description: 'the model or scenario YAML file'})}
  static override flags = {
    seed: Flags.integer({default: 1, min: 0, max: 4294967295, description: 'seed of the run (replication seeds derive from it)'}),
    replications: Flags.integer({char: 'r', default: 10, min: 1, description: 'independent replications'}),
    horizon: Flags.string({description: 'simulated working time, e.g. 1y, 6mo, 2000h (default 1y)'}),
    warmup: Flags.string({description: 'working time excluded from statistics at the start (default 0)'}),
    workers: Flags.integer({min: 1, description: 'worker threads (default: number of cores)'}),
    json: Flags.boolean({description: 'print the flow metrics as JSON', exclusive: ['csv']}),
    csv: Flags.boolean({description: 'print tidy CSV rows: replication,unit,tier,kind,metric,value (unit empty for model totals)', exclusive: ['json']}),
    runs: Flags.boolean({description: 'include every replication in the JSON'}),
    out: Flags.string({char: 'o', description: 'write the output to this file instead of stdout'}),
    events: Flags.string({description: 'write the event log of the first replication (replication 0) to this file; the summary still covers all replications'}),
    'events-format': Flags.option({options: ['ocel', 'xes'] as const, dependsOn: ['events'], description: 'event log format: OCEL 2.0 JSON or IEEE XES (default: xes for a .xes file, else ocel)'})(),
    'events-limit': Flags.integer({min: 1, dependsOn: ['events'], description: 'stop the event log after this many events (default: no limit)'}),
    start: Flags.string({dependsOn: ['events'], description: `calendar date of working hour 0 in the event log, YYYY-MM-DD (default ${DEFAULT_START}); Monday-Friday, hoursPerDay from 09:00`}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Simulate)
    const input = await loadModelOrScenario(args.model)
    const model = input.model
    const scenario = scenarioInfo(input)
    const lang = flags.lang ?? defaultLang()
    const horizon = this.hours(flags.horizon, '--horizon', model.clock) ?? hoursPerYear(model.clock)
    const warmup = this.hours(flags.warmup, '--warmup', model.clock) ?? 0
    if (!(horizon > 0)) this.error('--horizon must be longer than zero', {exit: 2})
    if (warmup >= horizon) this.error('--warmup must be shorter than --horizon', {exit: 2})
    if (flags.events) {
      const format: EventLogFormat = flags['events-format'] ?? (/\.xes$/i.test(flags.events) ? 'xes' : 'ocel')
      this.writeEventLog(model, flags.events, format, {seed: flags.seed, horizon, warmup, start: flags.start ?? DEFAULT_START, limit: flags['events-limit']})
    }
    const bar = !flags.json && process.stderr.isTTY ? progressBar() : undefined
    const summary = await simulateModel(model, {seed: flags.seed, replications: flags.replications, horizon, warmup, workers: flags.workers, onProgress: bar})
    if (bar) process.stderr.write('\r\x1b[K')
    if (flags.json) {
      const json = simulateJson(model, summary, flags.runs)
      this.emitJson(scenario ? {...json, scenario} : json, flags.out)
    } else if (flags.csv) this.emit(simulateCsv(summary), flags.out)
    else this.emit((scenario ? renderChanges(scenario, lang) : '') + simulateText(model, summary, lang), flags.out)
  }

  /** Replication 0 again, in this thread, with a trace sink: the log is written or nothing is. */
  private writeEventLog(model: Model, file: string, format: EventLogFormat, o: {seed: number; horizon: number; warmup: number; start: string; limit?: number}): void {
    if (parseStartDate(o.start) === undefined) this.error(`--start: expected a date such as ${DEFAULT_START}, got "${o.start}"`, {exit: 2})
    const calendar = makeCalendar(o.start, model.clock.hoursPerDay)
    let writer: EventLogWriter
    try {
      writer = openEventLog(file, format, {calendar, catalogue: catalogueOf(model), name: model.name})
    } catch (error) {
      this.error(`--events: cannot write ${file}: ${(error as Error).message}`, {exit: 1})
    }
    const seed = replicationSeed(o.seed, 0)
    const {truncated} = recordLog(writer, (trace) => runReplication(model, {seed, horizon: o.horizon, warmup: o.warmup, trace}), o.limit)
    if (truncated) this.say(`warning: the event log stops after ${o.limit} events (--events-limit); later events are not in ${file}`)
  }

  private hours(text: string | undefined, flag: string, clock: {hoursPerDay: number; daysPerYear: number}): number | undefined {
    if (text === undefined) return undefined
    const h = parseDuration(/^\d+(\.\d+)?$/.test(text) ? Number(text) : text, clock)
    if (h === undefined) this.error(`${flag}: expected a duration such as 2000h, 6mo or 1y, got "${text}"`, {exit: 2})
    return h
  }
}

function progressBar(): (done: number, total: number) => void {
  return (done, total) => {
    const width = 24
    const full = Math.round((done / total) * width)
    process.stderr.write(`\rsimulating ▕${'█'.repeat(full)}${'░'.repeat(width - full)}▏ ${done}/${total}`)
  }
}
