// Ties the pure UI reducer to the live session: every action and clock tick goes through
// here and yields a new immutable frame. No timers inside; the hook's clock calls tick().
import {initialUi, reduceUi, type Action, type UiState} from './ui.js'
import {displayNames} from './names.js'
import type {Session} from './session.js'
import {bottlenecks, sideFrame, type BottleneckRow, type SideFrame} from './view.js'

export interface ReformToggle {
  /** The number key that toggles it. */
  key: string
  type: string
  scenario: string
  enabled: boolean
}

export interface DashboardFrame {
  model: string
  seed: number
  hoursPerDay: number
  /** Simulated working hours since the start. */
  time: number
  speed: number
  paused: boolean
  help: boolean
  /** The clock reached the session's horizon and stopped. */
  ended: boolean
  reforms: ReformToggle[]
  baseline: SideFrame
  reformed?: SideFrame
  bottlenecks: BottleneckRow[]
  /** A reform that could not be applied, shown in the status line. */
  message?: string
}

export interface DashboardOptions {
  session: Session
  modelName: string
  seed: number
  /** Frames per second of the UI clock: each tick advances speed × hoursPerDay / fps hours. */
  fps: number
  speed?: number
  paused?: boolean
  /** Reforms switched on from the start (indices into session.reforms). */
  enabled?: number[]
  /** How many bottlenecks the frame carries; layouts show fewer. */
  bottleneckRows?: number
}

export interface Dashboard {
  readonly fps: number
  frame(): DashboardFrame
  dispatch(action: Action): void
  /** One tick of the UI clock: advances the simulation unless paused. */
  tick(): void
  subscribe(listener: () => void): () => void
}

/** Key 1 … 9 for the first nine reforms. */
const reformKey = (i: number): string => (i < 9 ? String(i + 1) : '')

export function createDashboard(options: DashboardOptions): Dashboard {
  const {session, fps} = options
  const names = displayNames(session.baseline().model.units)
  let ui: UiState = initialUi(session.reforms.length, options.speed, options.paused)
  let message: string | undefined
  for (const i of options.enabled ?? []) ui = reduceUi(ui, {type: 'toggle-reform', index: i})
  if (ui.enabled.some(Boolean)) message = session.setEnabled(ui.enabled)
  const listeners = new Set<() => void>()
  let current = build()

  function build(): DashboardFrame {
    const base = session.baseline()
    const ref = session.reformed()
    if (ref) for (const [id, name] of displayNames(ref.model.units)) if (!names.has(id)) names.set(id, name)
    const ended = session.time >= session.horizon
    return {
      model: options.modelName,
      seed: options.seed,
      hoursPerDay: session.hoursPerDay,
      time: session.time,
      speed: ui.speed,
      paused: ui.paused || ended,
      help: ui.help,
      ended,
      reforms: session.reforms.map((r, i) => ({key: reformKey(i), type: r.type, scenario: r.scenario, enabled: ui.enabled[i]})),
      baseline: sideFrame(base.snapshot, base.backlog.values, base.waiting.values),
      ...(ref ? {reformed: sideFrame(ref.snapshot, ref.backlog.values, ref.waiting.values)} : {}),
      bottlenecks: bottlenecks(base, names, options.bottleneckRows ?? 8, ref),
      ...(message ? {message} : {}),
    }
  }
  const publish = (): void => {
    current = build()
    for (const l of listeners) l()
  }

  return {
    fps,
    frame: () => current,
    dispatch(action) {
      const next = reduceUi(ui, action)
      if (action.type === 'step') session.advance(session.hoursPerDay)
      if (action.type === 'reset') session.reset()
      if (action.type === 'toggle-reform' && next.enabled !== ui.enabled) message = session.setEnabled(next.enabled)
      if (next === ui && action.type !== 'step' && action.type !== 'reset') return
      ui = next
      publish()
    },
    tick() {
      if (ui.paused || session.time >= session.horizon) return
      session.advance((ui.speed * session.hoursPerDay) / fps)
      publish()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
