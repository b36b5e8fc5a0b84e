// Starting the dashboard: live in a terminal (alternate screen, keys, UI clock), or one frame
// printed after a number of simulated days when stdout is not a terminal or --once is given.
import {render, renderToString} from 'ink'
import type {Model} from '../model/types.js'
import {App} from './components/App.js'
import {Dashboard} from './components/Dashboard.js'
import {labels, type Lang} from './i18n.js'
import {createDashboard, type Dashboard as DashboardModel} from './state/controller.js'
import {createSession, type ApplyReforms, type CreateSimulation, type ReformEntry} from './state/session.js'

export const FPS = 10
const ENTER_ALT = '\u001B[?1049h'
const LEAVE_ALT = '\u001B[?1049l'
const SHOW_CURSOR = '\u001B[?25h'

export interface DashboardRun {
  model: Model
  reforms: ReformEntry[]
  applyReforms: ApplyReforms
  createSimulation: CreateSimulation
  seed: number
  speed?: number
  /** Start with the clock stopped. */
  paused?: boolean
  lang: Lang
}

export function buildDashboard(run: DashboardRun, options: {enabled?: number[]; paused?: boolean} = {}): DashboardModel {
  const session = createSession({
    model: run.model,
    seed: run.seed,
    createSimulation: run.createSimulation,
    reforms: run.reforms,
    applyReforms: run.applyReforms,
  })
  return createDashboard({session, modelName: run.model.name, seed: run.seed, fps: FPS, speed: run.speed, paused: run.paused, ...options})
}

/**
 * One frame as text: the simulation advanced `days` days, every reform (up to nine) on so the
 * frame shows before and after side by side.
 */
export function renderOnce(run: DashboardRun, size: {columns: number; rows: number}, days: number): string {
  const enabled = run.reforms.slice(0, 9).map((_, i) => i)
  const dashboard = buildDashboard(run, {enabled, paused: true})
  for (let d = 0; d < days; d++) dashboard.dispatch({type: 'step'})
  const frame = dashboard.frame()
  return renderToString(<Dashboard frame={frame} labels={labels(run.lang)} lang={run.lang} columns={size.columns} rows={size.rows} />, {
    columns: size.columns,
  })
}

/** Runs until `q` or Ctrl-C; the terminal is left as it was found. */
export async function runLive(run: DashboardRun, io: {stdout: NodeJS.WriteStream; stdin: NodeJS.ReadStream}): Promise<void> {
  const dashboard = buildDashboard(run)
  const {stdout, stdin} = io
  let restored = false
  const restore = (): void => {
    if (restored) return
    restored = true
    stdout.write(LEAVE_ALT + SHOW_CURSOR)
  }
  stdout.write(ENTER_ALT)
  // Leave the alternate screen however the process ends.
  process.once('exit', restore)
  try {
    const app = render(<App dashboard={dashboard} lang={run.lang} keys={stdin.isTTY === true} />, {
      stdout,
      stdin,
      exitOnCtrlC: true,
      maxFps: 2 * FPS,
    })
    await app.waitUntilExit()
  } finally {
    restore()
    process.off('exit', restore)
  }
}
