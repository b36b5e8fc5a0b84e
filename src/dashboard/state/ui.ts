// The dashboard's UI state as a pure reducer: speed, pause, enabled reforms, help. The
// simulation itself lives in the session; the controller applies both together.

/** Simulated days per second the +/- keys step through. */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100] as const
export const DEFAULT_SPEED = 5

export interface UiState {
  /** Simulated days per second of wall time. */
  speed: number
  paused: boolean
  /** One flag per reform of the given scenarios, in order. */
  enabled: boolean[]
  help: boolean
}

export type Action =
  | {type: 'toggle-pause'}
  | {type: 'step'}
  | {type: 'faster'}
  | {type: 'slower'}
  | {type: 'reset'}
  | {type: 'toggle-reform'; index: number}
  | {type: 'toggle-help'}
  | {type: 'close-help'}

export function initialUi(reforms: number, speed: number = DEFAULT_SPEED, paused = false): UiState {
  return {speed: speed > 0 ? speed : DEFAULT_SPEED, paused, enabled: Array.from({length: reforms}, () => false), help: false}
}

/** The next speed on the ladder above (dir 1) or below (dir -1) the current one. */
export function nextSpeed(speed: number, dir: 1 | -1): number {
  if (dir > 0) return SPEEDS.find((s) => s > speed) ?? speed
  return [...SPEEDS].reverse().find((s) => s < speed) ?? speed
}

export function reduceUi(state: UiState, action: Action): UiState {
  switch (action.type) {
    case 'toggle-pause':
      return {...state, paused: !state.paused}
    case 'step':
      // Stepping is for looking closely: it holds the clock.
      return state.paused ? state : {...state, paused: true}
    case 'faster':
      return {...state, speed: nextSpeed(state.speed, 1)}
    case 'slower':
      return {...state, speed: nextSpeed(state.speed, -1)}
    case 'reset':
      return state
    case 'toggle-reform': {
      if (action.index < 0 || action.index >= state.enabled.length) return state
      const enabled = state.enabled.map((on, i) => (i === action.index ? !on : on))
      return {...state, enabled}
    }
    case 'toggle-help':
      return {...state, help: !state.help}
    case 'close-help':
      return state.help ? {...state, help: false} : state
  }
}
