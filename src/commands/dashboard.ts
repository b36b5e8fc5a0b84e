// `loudou dashboard <model>`: the live workshop dashboard. Loads the model and the reforms of
// the given scenarios, then hands over to src/dashboard (live, or one frame when stdout is not
// a terminal or --once is given).
import {Args, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {t} from '../i18n/index.js'
import {terminalStyle} from '../cli/terminal.js'
import type {DashboardRun} from '../dashboard/run.js'
import type {ReformEntry} from '../dashboard/state/session.js'

export default class Dashboard extends LoudouCommand {
  static override summary = 'Live terminal dashboard for workshops: the funnel animates and number keys toggle reforms.'
  static override description =
    'Keys: space pause/resume · s or . step one day · + / - faster/slower · r reset · 1-9 toggle the reforms of the --scenario files · ? help · q quit. ' +
    'When stdout is not a terminal (or TERM=dumb), or with --once, prints one frame (all reforms on) after --days simulated days and exits.'
  static override examples = [
    '<%= config.bin %> dashboard models/classroom.yaml',
    '<%= config.bin %> dashboard models/classroom.yaml --scenario scenarios/classroom/access-catalogue.yaml --lang zh',
    '<%= config.bin %> dashboard models/classroom.yaml --scenario scenarios/classroom/flatten.yaml --scenario scenarios/classroom/whistle.yaml --once --days 60',
  ]
  static override args = {model: Args.string({required: true, description: 'the model YAML file; - reads it from standard input'})}
  static override flags = {
    scenario: Flags.string({char: 's', multiple: true, description: 'scenario file whose reforms keys 1-9 toggle (repeatable)'}),
    seed: Flags.integer({default: 1, min: 0, max: 4294967295, description: 'seed of both the baseline and the reformed run'}),
    speed: Flags.string({default: '5', description: 'simulated days per second at start'}),
    paused: Flags.boolean({description: 'start with the clock stopped (space starts it)'}),
    once: Flags.boolean({description: 'print one frame and exit'}),
    days: Flags.integer({default: 30, min: 0, max: 100_000, description: 'simulated days before the frame of --once'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Dashboard)
    const speed = Number(flags.speed)
    if (!(speed > 0) || !Number.isFinite(speed)) this.error(t(flags.lang ?? defaultLang(), 'usage.speed', {value: flags.speed}), {exit: 2})
    // Imported here, not above: ink, react and the simulator load only when the command runs.
    const [{loadInput}, {applyReforms}, {loadScenario}, {createSimulation}, {renderOnce, runLive}] = await Promise.all([
      import('../cli/stdin.js'), import('../reforms/index.js'), import('../scenario/load.js'), import('../sim/index.js'), import('../dashboard/run.js'),
    ])
    // A scenario given as the model: its base model runs, and its reforms take the first keys.
    const input = await loadInput(args.model, {}, flags.lang ?? defaultLang())
    const model = input.baseline ?? input.model
    const reforms: ReformEntry[] = []
    for (const r of input.scenario?.reforms ?? []) reforms.push({type: r.type, scenario: input.scenario!.name, spec: r})
    for (const file of flags.scenario ?? []) {
      const {scenario} = await loadScenario(file)
      for (const r of scenario.reforms) reforms.push({type: r.type, scenario: scenario.name, spec: r})
    }
    const run: DashboardRun = {
      model,
      reforms,
      applyReforms: (m, enabled) => applyReforms(m, enabled.map((e) => e.spec as {type: string; params?: Record<string, unknown>})).model,
      createSimulation,
      seed: flags.seed,
      speed,
      paused: flags.paused,
      lang: flags.lang ?? defaultLang(),
    }
    const {stdout, stdin} = process
    const style = terminalStyle(stdout)
    // ink colours through chalk, which reads FORCE_COLOR but not NO_COLOR: switch it off here.
    if (!style.color) (await import('chalk')).default.level = 0
    // A model read from standard input leaves no keyboard to drive the live view: one frame.
    if (flags.once || !style.live || !stdin.isTTY) {
      const size = {columns: stdout.columns > 0 ? stdout.columns : 80, rows: stdout.rows > 0 ? stdout.rows : 24}
      stdout.write(renderOnce(run, size, flags.days) + '\n')
      return
    }
    await runLive(run, {stdout, stdin})
  }
}
