// `loudou simulate <model|scenario>`: load → simulateModel → render. Flow metrics with 95% CIs;
// for a scenario, of the model after its reforms, with the change log. `--events` also writes
// the event log of replication 0 (src/eventlog, docs/event-logs.md).
import {t, type Lang} from '../i18n/index.js'
import {Args, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {renderChanges, scenarioInfo} from '../cli/scenario-info.js'
import {checkWorkbookName, planModels, runFlags, runWindow, runsProgress} from '../cli/run-flags.js'
import type {Compiled} from '../sim/index.js'
import type {Model} from '../model/types.js'
import type {FlowSummary} from '../sim/api.js'
import {DEFAULT_START, parseStartDate} from '../eventlog/calendar.js'
import {writeAtomic} from '../cli/output.js'
import type {EventLogFormat, EventLogWriter} from '../eventlog/index.js'

export default class Simulate extends LoudouCommand {
  static override summary = 'Simulate a model: per-unit flow metrics, bottlenecks, duplicated handling, with 95% confidence intervals.'
  static override examples = [
    '<%= config.bin %> simulate models/classroom.yaml --lang zh --xlsx flow.xlsx',
    '<%= config.bin %> simulate models/classroom.yaml',
    '<%= config.bin %> simulate models/classroom.yaml --seed 7 --replications 20 --horizon 6mo --warmup 1mo --json --out flow.json',
    '<%= config.bin %> simulate scenarios/classroom/access-catalogue.yaml',
    '<%= config.bin %> simulate models/classroom.yaml --events log.json --start 2026-03-02',
    '<%= config.bin %> simulate models/classroom.yaml -r 2 --events log.xes --events-format xes --csv --out runs.csv',
    '<%= config.bin %> simulate models/classroom.yaml -r 2 --unit district/street-1/community-1 --lang zh',
  ]
  static override args = {model: Args.string({required: true, description: 'the model or scenario YAML file; - reads it from standard input'})}
  static override flags = {
    ...runFlags,
    json: Flags.boolean({description: 'print the flow metrics as JSON', exclusive: ['csv']}),
    csv: Flags.boolean({description: 'print tidy CSV rows: replication,unit,tier,kind,metric,value (unit empty for model totals)', exclusive: ['json']}),
    runs: Flags.boolean({description: 'include every replication in the JSON'}),
    top: Flags.integer({description: 'with --unit: how many items to list', default: 10, min: 0}),
    out: Flags.string({char: 'o', description: 'write the output to this file instead of stdout'}),
    events: Flags.string({description: 'write the event log of the first replication (replication 0) to this file; the summary still covers all replications'}),
    'events-format': Flags.option({options: ['ocel', 'xes'] as const, dependsOn: ['events'], description: 'event log format: OCEL 2.0 JSON or IEEE XES (default: xes for a .xes file, else ocel)'})(),
    'events-limit': Flags.integer({min: 1, dependsOn: ['events'], description: 'stop the event log after this many events (default: no limit)'}),
    xlsx: Flags.string({description: 'also write the per-unit, bottleneck and totals tables as an Excel workbook (.xlsx) to this file'}),
    unit: Flags.string({description: 'also report these units\' simulated hours, waits and lead times by item, beside inspect --unit\'s nominal hours: an id, a name, an id glob or a selector such as tier=community'}),
    start: Flags.string({dependsOn: ['events'], description: `calendar date of working hour 0 in the event log, YYYY-MM-DD (default ${DEFAULT_START}); Monday-Friday, hoursPerDay from 09:00`}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Simulate)
    checkWorkbookName(flags.xlsx, flags.lang ?? defaultLang())
    // Imported here, not above: the simulator and loaders load only when the command runs.
    const [{loadInput}, {simulateModel}, {simulateCsv, simulateJson, simulateText}, {explainRunError}, {fromProblem, structureWarnings}, {flowWarnings}] = await Promise.all([
      import('../cli/stdin.js'), import('../sim/index.js'), import('../sim/render.js'), import('../cli/run-errors.js'), import('../cli/structure-warnings.js'),
      import('../metrics/flow/warnings.js'),
    ])
    const input = await loadInput(args.model, {}, flags.lang ?? defaultLang())
    const model = input.model
    this.checkOutputs(input.inputs, {'--out': flags.out, '--events': flags.events, '--xlsx': flags.xlsx})
    const scenario = scenarioInfo(input)
    const lang = flags.lang ?? defaultLang()
    const window = runWindow(flags, model.clock, lang)
    const {horizon} = window
    // A bad --start is a usage error before any replication runs.
    if (flags.start !== undefined && parseStartDate(flags.start) === undefined) this.error(t(lang, 'cli.badStart', {example: DEFAULT_START, value: flags.start}), {exit: 2})
    const focus = flags.unit === undefined ? undefined : await this.focusUnits(model, flags.unit, lang)
    if (focus === null) return
    const warnings = [...input.warnings.map(fromProblem), ...structureWarnings(model, lang)]
    if (!flags.json) this.sayWarnings(warnings, lang)
    const explain = (e: unknown) => {
      throw explainRunError(e, model)
    }
    // The plan's replications and the event log's count against the budget: refused before anything is written.
    const {plan, compiled: [compiled]} = await planModels([model], window, {seed: flags.seed, replications: flags.replications, workers: flags.workers, maxEvents: flags['max-events'], extra: flags.events ? 1 : 0})
    // The event log covers replication 0 with the warm-up the summary uses (the plan's, known
    // before any run), and is written first: a signal during either leaves nothing behind.
    if (flags.events) {
      const format: EventLogFormat = flags['events-format'] ?? (/\.xes$/i.test(flags.events) ? 'xes' : 'ocel')
      await this.writeEventLog(compiled, flags.events, format, {seed: flags.seed, horizon, warmup: plan.warmup, start: flags.start ?? DEFAULT_START, limit: flags['events-limit'], lang}).catch(explain)
    }
    const progress = runsProgress(1, {lang, quiet: this.quiet})
    const summary = await simulateModel(model, {seed: flags.seed, horizon, workers: flags.workers, onProgress: progress.forRun(0), ...plan, compiled, maxEvents: Infinity, ...(focus ? {focus} : {})}).catch(explain)
    progress.done()
    const flow = flowWarnings(model, summary, lang)
    if (!flags.json) this.sayWarnings(flow, lang)
    warnings.push(...flow)
    if (flags.xlsx) {
      const [{simulateTables}, {workbookBytes}] = await Promise.all([import('../xlsx/simulate-tables.js'), import('../xlsx/write.js')])
      writeAtomic(flags.xlsx, await workbookBytes(simulateTables(model, summary, lang)))
    }
    const unit = focus && flags.unit !== undefined ? await this.unitFlow(model, summary, focus, flags.unit, lang, flags.top) : undefined
    if (flags.json) {
      const json = simulateJson(model, summary, flags.runs) as {flow: object}
      const withFocus = unit ? {...json, flow: {...json.flow, focus: {selector: flags.unit, ...unit.focus}}} : json
      this.emitJson({...withFocus, ...(scenario ? {scenario} : {}), warnings}, flags.out)
    } else if (flags.csv) this.emit(simulateCsv(summary), flags.out)
    else this.emit(renderChanges(input, lang) + simulateText(model, summary, lang) + (unit ? '\n' + unit.text : ''), flags.out)
  }

  /** The ids `--unit` names, or null after saying that it names none. */
  private async focusUnits(model: Model, selector: string, lang: Lang): Promise<string[] | null> {
    const {matchUnits} = await import('../cli/unit-selector.js')
    const match = matchUnits(model, selector, lang)
    if ('error' in match) {
      this.fail([match.error])
      return null
    }
    return match.ids
  }

  /** The focus units' simulated hours by item, and the text beside their nominal hours. */
  private async unitFlow(model: Model, summary: FlowSummary, ids: string[], selector: string, lang: Lang, top: number) {
    const [{summariseFocus}, {unitBreakdown}, {renderUnitFlow}] = await Promise.all([
      import('../metrics/flow/focus.js'), import('../metrics/structure/unit-breakdown.js'), import('../views/unit-flow.js'),
    ])
    const focus = summariseFocus(model, summary.runs, summary) ?? {units: ids, tasks: []}
    return {focus, text: renderUnitFlow(model, focus, unitBreakdown(model, ids), lang, {top, selector, replications: summary.replications})}
  }

  /** Replication 0 again, in this thread, with a trace sink: the log is written or nothing is. */
  private async writeEventLog(compiled: Compiled, file: string, format: EventLogFormat, o: {seed: number; horizon: number; warmup: number; start: string; limit?: number; lang: Lang}): Promise<void> {
    const [{catalogueOf, makeCalendar, openEventLog, parseStartDate, recordLogAsync}, {replicationSeed, runSliced}] = await Promise.all([import('../eventlog/index.js'), import('../sim/index.js')])
    const model = compiled.model
    if (parseStartDate(o.start) === undefined) this.error(t(o.lang, 'cli.badStart', {example: DEFAULT_START, value: o.start}), {exit: 2})
    const calendar = makeCalendar(o.start, model.clock.hoursPerDay)
    const writer: EventLogWriter = openEventLog(file, format, {calendar, catalogue: catalogueOf(model), name: model.name, reads: this.reads})
    const seed = replicationSeed(o.seed, 0)
    const {truncated} = await recordLogAsync(writer, async (trace) => {
      await runSliced(compiled, {seed, horizon: o.horizon, warmup: o.warmup, trace})
    }, o.limit)
    if (truncated) this.say(t(o.lang, 'cli.eventsTruncated', {limit: o.limit ?? 0, file}))
  }
}
