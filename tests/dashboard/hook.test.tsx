// The state hook's frame sequence, driven by a fake UI clock over the real engine, the real
// classroom model and the reforms of a real scenario file.
import {afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest'
import {Text} from 'ink'
import {cleanup, render} from 'ink-testing-library'
import {loadModel} from '../../src/model/load.js'
import type {Model} from '../../src/model/types.js'
import {applyReforms} from '../../src/reforms/index.js'
import {loadScenario} from '../../src/scenario/load.js'
import {createSimulation} from '../../src/sim/index.js'
import {App} from '../../src/dashboard/components/App.js'
import {useDashboard} from '../../src/dashboard/hooks/useDashboard.js'
import {buildDashboard, FPS, type DashboardRun} from '../../src/dashboard/run.js'
import type {Dashboard} from '../../src/dashboard/state/controller.js'
import type {ReformEntry} from '../../src/dashboard/state/session.js'
import type {Action} from '../../src/dashboard/state/ui.js'
import type {SideFrame} from '../../src/dashboard/state/view.js'

const MODEL = 'models/classroom.yaml'
const SCENARIO = 'tests/fixtures/dashboard/workshop.yaml'
let model: Model
let reforms: ReformEntry[]

beforeAll(async () => {
  model = await loadModel(MODEL)
  const {scenario} = await loadScenario(SCENARIO)
  reforms = scenario.reforms.map((r) => ({type: r.type, scenario: scenario.name, spec: r}))
})

const run = (): DashboardRun => ({
  model,
  reforms,
  applyReforms: (m, enabled) => applyReforms(m, enabled.map((e) => e.spec as {type: string})).model,
  createSimulation,
  seed: 1,
  speed: 5,
  lang: 'en',
})

// Only the UI clock's interval is faked; ink's own input handling keeps real timers.
beforeEach(() => {
  vi.useFakeTimers({toFake: ['setInterval', 'clearInterval']})
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const inspection = (s?: SideFrame): string => (s ? s.timeSplit.inspection.toFixed(3) : '-')

/** Prints the frame as one parseable line and hands out dispatch. */
function Probe({dashboard, grab}: {dashboard: Dashboard; grab: (d: (a: Action) => void) => void}) {
  const {frame, dispatch} = useDashboard(dashboard)
  grab(dispatch)
  return <Text>{`t=${frame.time} paused=${frame.paused} sides=${frame.reformed ? 2 : 1} insp=${inspection(frame.baseline)}|${inspection(frame.reformed)}`}</Text>
}

const times = (frames: string[]): number[] => frames.map((f) => Number(/t=([\d.]+)/.exec(f)?.[1]))

// React applies effects and store updates asynchronously: let it settle (real timers).
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 5))
/** Lets the UI clock fire `n` times, one frame at a time. */
async function frames(n: number): Promise<void> {
  await flush()
  for (let i = 0; i < n; i++) {
    vi.advanceTimersByTime(1000 / FPS)
    await flush()
  }
}

describe('useDashboard frame sequence', () => {
  it('advances speed × hoursPerDay / fps simulated hours per frame at the capped frame rate', async () => {
    let dispatch!: (a: Action) => void
    const ui = render(<Probe dashboard={buildDashboard(run())} grab={(d) => (dispatch = d)} />)
    expect(ui.lastFrame()).toContain('t=0 ')
    await frames(10)
    const ts = [...new Set(times(ui.frames))]
    // 5 days/s × 8 h/day at 10 frames/s: 4 simulated hours per frame, 10 frames per second.
    expect(ts).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40])
    dispatch({type: 'faster'})
    await frames(1)
    expect(ui.lastFrame()).toContain('t=48 ')
  })

  it('stops while paused, steps exactly one day, resumes', async () => {
    let dispatch!: (a: Action) => void
    const ui = render(<Probe dashboard={buildDashboard(run())} grab={(d) => (dispatch = d)} />)
    await frames(3)
    dispatch({type: 'toggle-pause'})
    await flush()
    const before = ui.frames.length
    await frames(20)
    expect(ui.frames.length).toBe(before)
    expect(ui.lastFrame()).toContain('t=12 paused=true')
    dispatch({type: 'step'})
    await flush()
    expect(ui.lastFrame()).toContain('t=20 paused=true')
    dispatch({type: 'toggle-pause'})
    await frames(1)
    expect(ui.lastFrame()).toContain('t=24 paused=false')
  })

  it('a reform toggle gives a side-by-side frame at the same time whose reformed numbers differ', async () => {
    let dispatch!: (a: Action) => void
    const ui = render(<Probe dashboard={buildDashboard(run())} grab={(d) => (dispatch = d)} />)
    await frames(60) // 30 simulated days
    expect(ui.lastFrame()).toMatch(/^t=240 .*sides=1 insp=[\d.]+\|-$/)
    dispatch({type: 'toggle-reform', index: 1}) // the inspection cap
    await flush()
    const m = /^t=240 .*sides=2 insp=([\d.]+)\|([\d.]+)$/.exec(ui.lastFrame() ?? '')
    expect(m).not.toBeNull()
    expect(Number(m![1])).toBeGreaterThan(Number(m![2]))
    await frames(1)
    expect(ui.lastFrame()).toMatch(/^t=244 .*sides=2/)
    dispatch({type: 'toggle-reform', index: 1})
    await flush()
    expect(ui.lastFrame()).toMatch(/sides=1/)
  })
})

describe('App keys', () => {
  const plain = (s: string | undefined): string => (s ?? '').replace(/\u001B\[[0-9;]*m/g, '')
  const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 20))

  it('toggles a reform, pauses and quits from the keyboard', async () => {
    const ui = render(<App dashboard={buildDashboard(run())} lang="en" size={{columns: 80, rows: 24}} />)
    await frames(5)
    expect(plain(ui.lastFrame())).toContain('day 2.5')
    ui.stdin.write('1')
    await settle()
    expect(plain(ui.lastFrame())).toMatch(/Funnel · baseline .* reformed/)
    expect(plain(ui.lastFrame())).toContain('[1]✓access-catalogue')
    ui.stdin.write(' ')
    await settle()
    expect(plain(ui.lastFrame())).toContain('■ paused')
    ui.stdin.write('+?') // two keys in one chunk
    await settle()
    expect(plain(ui.lastFrame())).toContain('10 d/s')
    expect(plain(ui.lastFrame())).toContain('Keys and panels')
    ui.stdin.write('q')
    await settle()
    const n = ui.frames.length
    await frames(10)
    expect(ui.frames.length).toBe(n)
  })
})
