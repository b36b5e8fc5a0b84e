// The dashboard's state as plain data for the components: the current frame from the
// controller, re-read whenever it publishes, and the UI clock that drives it.
import {useCallback, useEffect, useSyncExternalStore} from 'react'
import type {Dashboard, DashboardFrame} from '../state/controller.js'
import type {Action} from '../state/ui.js'

/** The only timer of the dashboard: ticks the controller at its frame rate. */
export function useSimulationClock(dashboard: Dashboard): void {
  useEffect(() => {
    const timer = setInterval(() => dashboard.tick(), Math.round(1000 / dashboard.fps))
    return () => clearInterval(timer)
  }, [dashboard])
}

export function useDashboard(dashboard: Dashboard): {frame: DashboardFrame; dispatch: (action: Action) => void} {
  const frame = useSyncExternalStore(dashboard.subscribe, dashboard.frame, dashboard.frame)
  useSimulationClock(dashboard)
  const dispatch = useCallback((action: Action) => dashboard.dispatch(action), [dashboard])
  return {frame, dispatch}
}
