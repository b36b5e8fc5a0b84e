// `loudou compare <model> <scenario…>`: simulate the baseline and every scenario on the same
// seeds (common random numbers) and print each key metric with its paired 95% CI.
import {formatProblem} from '../model/problems.js'
import {reformName, word} from '../i18n/message.js'
import {realpathSync} from 'node:fs'
import {Args, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {t, type Lang} from '../i18n/index.js'
import {DEFAULT_METRICS, METRICS, compareRuns, footnote, formatCsv, formatTable, getMetric} from '../compare/index.js'
import type {Metric, MetricRow} from '../compare/index.js'
import {checkWorkbookName, planModels, runFlags, runWindow, runsProgress} from '../cli/run-flags.js'
import type {ModelOrScenario} from '../scenario/load.js'
import {MAX_REPLICATIONS} from '../sim/bounds.js'
import {uniqueWarnings} from '../cli/warnings.js'
import {UserError, writeAtomic} from '../cli/output.js'

export default class Compare extends LoudouCommand {
  static override summary = 'Compare a model with reform scenarios: key metrics with paired 95% confidence intervals.'
  static override description =
    'The baseline and each scenario run with the same seeds (common random numbers), so replication r of the scenario is paired with replication r of the baseline. A `*` marks changes whose paired 95% CI excludes zero.'
  static override examples = [
    '<%= config.bin %> compare models/classroom.yaml scenarios/classroom/flatten.yaml scenarios/classroom/whistle.yaml -r 5',
    '<%= config.bin %> compare models/classroom.yaml scenarios/classroom/*-catalogue.yaml scenarios/classroom/data-sharing.yaml -r 5 --metrics community.utilisation,community.wait --csv',
    '<%= config.bin %> compare models/classroom.yaml scenarios/classroom/flatten.yaml -r 5 --lang zh --xlsx comparison.xlsx',
  ]
  static override strict = false
  static override args = {
    model: Args.string({required: true, description: 'the baseline model (or scenario) file; - reads it from standard input'}),
    scenario: Args.string({required: true, description: 'one or more scenario (or model) files'}),
  }
  static override flags = {
    ...runFlags,
    replications: Flags.integer({char: 'r', min: 2, max: MAX_REPLICATIONS, description: `paired replications per model, at most ${MAX_REPLICATIONS} (default: 10, or more when a queue is slow to settle)`}),
    metrics: Flags.string({description: `comma-separated metric ids (default: ${DEFAULT_METRICS.join(',')})`}),
    json: Flags.boolean({description: 'print the comparison as JSON', exclusive: ['csv']}),
    csv: Flags.boolean({description: 'print the comparison as CSV', exclusive: ['json']}),
    out: Flags.string({description: 'write the output to this file (atomically) instead of stdout'}),
    xlsx: Flags.string({description: 'also write the comparison as an Excel workbook (.xlsx), one sheet per scenario'}),
    'allow-other-base': Flags.boolean({description: 'compare scenarios whose base is another model than the first file (their differences then include the models\' own)'}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Compare)
    checkWorkbookName(flags.xlsx, flags.lang ?? defaultLang())
    const lang = flags.lang ?? defaultLang()
    const zh = lang === 'zh'
    const files = argv as string[]
    const metrics = this.chooseMetrics(flags.metrics, lang)
    // Imported here, not above: the simulator and loaders load only when the command runs.
    const [{loadInput}, {simulateModel}, {explainRunError}, {fromProblem, structureWarnings}, {flowWarnings}] = await Promise.all([
      import('../cli/stdin.js'), import('../sim/index.js'), import('../cli/run-errors.js'), import('../cli/structure-warnings.js'), import('../metrics/flow/warnings.js'),
    ])

    const baseline = await loadInput(files[0], {}, flags.lang ?? defaultLang())
    const scenarios: Array<ModelOrScenario & {file: string}> = []
    for (const file of files.slice(1)) scenarios.push({...(await loadInput(file, {}, flags.lang ?? defaultLang())), file})
    this.checkOutputs([...baseline.inputs, ...scenarios.flatMap((s) => s.inputs)], {'--out': flags.out, '--xlsx': flags.xlsx})
    const warnings = uniqueWarnings([baseline, ...scenarios].flatMap((s) => [...s.warnings.map(fromProblem), ...structureWarnings(s.model, lang)]))
    if (!flags.json) this.sayWarnings(warnings, lang)
    for (const s of scenarios) {
      if (!s.scenario || sameFile(s.scenario.base, baseline.scenario?.base ?? files[0])) continue
      const what = {en: `scenario ${s.file} is based on ${s.scenario.baseFile}, not on ${files[0]}`, zh: `情景 ${s.file} 的基础模型是 ${s.scenario.baseFile}，不是 ${files[0]}`}
      if (!flags['allow-other-base']) {
        throw new UserError(`${what.en}: its differences would mix the reforms with the differences between the two models`, `${what.zh}：差异中会混入两个模型本身的差别`, {
          en: `compare it with ${s.scenario.baseFile}, or pass --allow-other-base to compare the two models anyway`,
          zh: `请与 ${s.scenario.baseFile} 比较，或加 --allow-other-base 仍然比较这两个模型`,
        })
      }
      this.say(zh ? `注意：${what.zh}` : `note: ${what.en}`)
    }

    const clock = baseline.model.clock
    const window = runWindow(flags, clock, lang)
    const {horizon} = window
    // One plan (warm-up, replications) for the baseline and every scenario, so that pairs count the same window.
    const models = [baseline.model, ...scenarios.map((s) => s.model)]
    const {plan, compiled} = await planModels(models, window, {seed: flags.seed, replications: flags.replications, workers: flags.workers, maxEvents: flags['max-events']})
    const progress = runsProgress(scenarios.length + 1, {lang, quiet: this.quiet})
    const sim = (k: number) => ({seed: flags.seed, horizon, workers: flags.workers, ...plan, compiled: compiled[k], maxEvents: flags['max-events'], onProgress: progress.forRun(k)})
    const run = (model: ModelOrScenario['model'], k: number) => simulateModel(model, sim(k)).catch((e: unknown) => {
      throw explainRunError(e, model)
    })
    const base = await run(baseline.model, 0)
    const flow = flowWarnings(baseline.model, base, lang)
    const results: Array<{id: string; name: string; file: string; base?: string; changes: ModelOrScenario['changes']; rows: MetricRow[]}> = []
    for (const [k, s] of scenarios.entries()) {
      const summary = await run(s.model, k + 1)
      const rows = compareRuns({model: baseline.model, runs: base.runs}, {model: s.model, runs: summary.runs}, metrics)
      results.push({id: s.scenario?.id ?? s.model.id, name: s.scenario?.name ?? s.model.name, file: s.file, base: s.scenario?.baseFile, changes: s.changes, rows})
      for (const w of flowWarnings(s.model, summary, lang)) flow.push({...w, message: `${s.file}: ${w.message}`})
    }
    progress.done()
    if (!flags.json) this.sayWarnings(flow, lang)
    warnings.push(...flow)
    if (flags.xlsx) {
      const [{compareTables}, {workbookBytes}] = await Promise.all([import('../xlsx/compare-tables.js'), import('../xlsx/write.js')])
      writeAtomic(flags.xlsx, await workbookBytes(compareTables(results, {seed: flags.seed, replications: base.replications, baseline: files[0]}, lang)))
    }

    if (flags.json) {
      this.emitJson(
        {
          seed: flags.seed,
          replications: base.replications,
          horizon: base.horizon,
          warmup: base.warmup,
          warmupChoice: plan.warmupChoice,
          replicationsChoice: plan.replicationsChoice,
          hoursPerDay: clock.hoursPerDay,
          metrics: metrics.map((m) => m.id),
          baseline: {id: baseline.scenario?.id ?? baseline.model.id, name: baseline.scenario?.name ?? baseline.model.name, file: files[0]},
          scenarios: results.map((r) => ({...r, changes: r.changes.map(({reform, lines}) => ({reform, lines}))})),
          warnings,
        },
        flags.out,
      )
      return
    }
    if (flags.csv) {
      this.emit(formatCsv(results, lang), flags.out)
      return
    }
    const parts: string[] = []
    for (const r of results) {
      parts.push(`${zh ? '情景' : 'scenario'}: ${r.name} (${r.id})`)
      for (const c of r.changes) for (const m of c.messages) parts.push(`  ${reformName(c.reform, lang)}: ${word(lang, m)}`)
      parts.push('', formatTable(r.rows, lang))
    }
    parts.push(footnote(lang, base.replications, flags.seed))
    this.emit(parts.join('\n'), flags.out)
  }

  private chooseMetrics(list: string | undefined, lang: Lang): Metric[] {
    const ids = list === undefined ? [...DEFAULT_METRICS] : list.split(',').map((s) => s.trim()).filter((s) => s !== '')
    const unknown = ids.filter((id) => !getMetric(id))
    if (unknown.length > 0 || ids.length === 0) {
      this.error(t(lang, 'usage.unknownMetrics', {flag: '', s: unknown.length === 1 ? '' : 's', list: unknown.join(', ') || t(lang, 'usage.noMetrics'), known: METRICS.map((m) => m.id).join(', ')}), {exit: 2})
    }
    return ids.map((id) => getMetric(id)!)
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return a === b
  }
}
