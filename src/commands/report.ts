// `loudou report <model|scenario…> --html <file>`: one self-contained HTML report with the
// funnel, the structure graph, the flow results and the baseline-versus-reform comparison.
import {formatProblem} from '../model/problems.js'
import {Args, Errors, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {writeAtomic} from '../cli/output.js'
import {t, type Lang} from '../i18n/index.js'
import {planModels, runFlags, runWindow, runsProgress} from '../cli/run-flags.js'
import type {Model} from '../model/types.js'
import type {ScenarioRun} from '../report/assemble.js'
import {GRAPH_DEFAULTS} from '../report/graph-view.js'
import type {FlowSummary} from '../sim/api.js'

export default class Report extends LoudouCommand {
  static override summary = 'Write a self-contained HTML report: funnel, structure graph, bottlenecks, time split and reform comparison.'
  static override description = 'The first file is a model or a scenario; further files are scenarios compared with the first one\'s baseline (paired runs, same seeds).'
  static override examples = [
    '<%= config.bin %> report models/classroom.yaml --html classroom.html',
    '<%= config.bin %> report models/classroom.yaml scenarios/classroom/access-catalogue.yaml --html reform.html --lang zh',
    '<%= config.bin %> report sweep.parquet --html sweep.html',
  ]
  static override strict = false
  static override args = {
    file: Args.string({required: true, description: 'a model or scenario YAML file (- for standard input), then scenarios to compare'}),
  }
  static override flags = {
    html: Flags.string({required: true, description: 'where to write the report (.html)'}),
    ...runFlags,
    simulate: Flags.boolean({default: true, allowNo: true, description: 'run the simulation (--no-simulate: structure only)'}),
    date: Flags.string({description: 'date shown on the report: YYYY-MM-DD, or `today`; default none (or SOURCE_DATE_EPOCH when set), so the same inputs give the same bytes'}),
    'max-nodes': Flags.integer({min: 10, description: `most units drawn one by one; a larger model is drawn as one node per tier and kind (default ${GRAPH_DEFAULTS.maxNodes})`}),
  }

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Report)
    const lang: Lang = flags.lang ?? defaultLang()
    const files = argv as string[]
    // A sweep's tidy table (loudou sweep --parquet) gets its own page: src/report/render-sweep.ts.
    if (/\.parquet$/i.test(files[0])) {
      const [{renderSweepReport}, {readSweepSummary}] = await Promise.all([import('../report/render-sweep.js'), import('../sweep/cli.js')])
      this.checkOutputs([files[0]], {'--html': flags.html})
      writeAtomic(flags.html, renderSweepReport(await readSweepSummary(files[0]), lang), {flag: '--html', reads: this.reads})
      this.say(t(lang, 'cli.written', {file: flags.html}))
      return
    }
    // Imported here, not above: the report bundle, loaders and simulator load only when the command runs.
    const [{assembleReport}, {GRAPH_SCRIPT, readDefinitions, readGlossary, readGraphScript}, {renderReport}, {loadInput}] = await Promise.all([
      import('../report/assemble.js'), import('../report/assets.js'), import('../report/render.js'), import('../cli/stdin.js'),
    ])
    const graphScript = readGraphScript()
    if (!graphScript) this.say(t(lang, 'cli.noAssets', {file: GRAPH_SCRIPT}))

    const first = await loadInput(files[0], {}, flags.lang ?? defaultLang())
    const baseline = first.baseline ?? first.model
    const loaded = [...(first.scenario ? [first] : []), ...(await Promise.all(files.slice(1).map((f) => loadInput(f, {}, flags.lang ?? defaultLang()))))]
    const notScenario = files.slice(1).find((_f, i) => !loaded[i + (first.scenario ? 1 : 0)].scenario)
    if (notScenario) this.error(t(lang, 'cli.notScenario', {file: notScenario}), {exit: 2})
    for (const w of [first, ...loaded].flatMap((l) => l.warnings)) this.say(formatProblem(w, lang))

    this.checkOutputs([...first.inputs, ...loaded.flatMap((l) => l.inputs)], {'--html': flags.html})
    const models: Model[] = [baseline, ...loaded.map((l) => l.model)]
    const flows = flags.simulate ? await this.simulateAll(models, flags, lang) : []
    const scenarios: ScenarioRun[] = loaded.map((l, i) => ({
      id: l.scenario!.id, name: l.scenario!.name, model: l.model, changes: l.changes, flow: flows[i + 1],
    }))
    const data = assembleReport({
      model: baseline, flow: flows[0], scenarios, definitions: readDefinitions(lang), glossary: readGlossary(lang),
      generated: reportDate(flags.date, lang), graph: flags['max-nodes'] ? {maxNodes: flags['max-nodes']} : {},
    })
    // The model's path as the user gave it, not the absolute path: the same bytes in any checkout.
    data.model.file = first.scenario ? first.scenario.baseFile : files[0]
    writeAtomic(flags.html, renderReport(data, lang, {graphScript}), {flag: '--html', reads: this.reads})
    this.say(t(lang, 'cli.written', {file: flags.html}))
  }

  private async simulateAll(models: Model[], flags: {seed: number; replications?: number; horizon?: string; warmup?: string; workers?: number; 'max-events': number}, lang: Lang): Promise<FlowSummary[]> {
    const [{simulateModel}, {explainRunError}] = await Promise.all([import('../sim/index.js'), import('../cli/run-errors.js')])
    const out: FlowSummary[] = []
    const window = runWindow(flags, models[0].clock, lang)
    // One plan (warm-up, replications) for every model: comparisons stay paired.
    const {plan, compiled} = await planModels(models, window, {seed: flags.seed, replications: flags.replications, workers: flags.workers, maxEvents: flags['max-events']})
    const progress = runsProgress(models.length, {lang, quiet: this.quiet})
    for (const [i, model] of models.entries()) {
      out.push(await simulateModel(model, {seed: flags.seed, workers: flags.workers, horizon: window.horizon, ...plan, compiled: compiled[i], maxEvents: flags['max-events'], series: true, onProgress: progress.forRun(i)}).catch((e: unknown) => {
        throw explainRunError(e, model)
      }))
    }
    progress.done()
    return out
  }
}

/** The report's date: only when asked (--date, or SOURCE_DATE_EPOCH for reproducible builds). */
function reportDate(flag: string | undefined, lang: Lang): string | undefined {
  if (flag === 'today') return new Date().toISOString().slice(0, 10)
  if (flag !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(flag) || Number.isNaN(Date.parse(flag))) {
      throw new Errors.CLIError(lang === 'zh' ? `--date：应为 YYYY-MM-DD 或 today，得到 "${flag}"` : `--date: expected YYYY-MM-DD or today, got "${flag}"`, {exit: 2})
    }
    return flag
  }
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10)
  return undefined
}
