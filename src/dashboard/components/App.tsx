// The live dashboard: hooks hold the state (clock, keys, terminal size); Dashboard draws.
import type {Dashboard as DashboardModel} from '../state/controller.js'
import {useDashboard} from '../hooks/useDashboard.js'
import {useKeys} from '../hooks/useKeys.js'
import {useTerminalSize} from '../hooks/useTerminalSize.js'
import {labels as labelsFor, type Lang} from '../i18n.js'
import {Dashboard} from './Dashboard.js'

export interface AppProps {
  dashboard: DashboardModel
  lang: Lang
  /** Fixed size instead of the terminal's (tests, one-frame output). */
  size?: {columns: number; rows: number}
  /** Listen to the keyboard (off when stdin is not a terminal). */
  keys?: boolean
}

export function App({dashboard, lang, size, keys = true}: AppProps) {
  const {frame, dispatch} = useDashboard(dashboard)
  useKeys(dispatch, keys)
  const terminal = useTerminalSize()
  const {columns, rows} = size ?? terminal
  return <Dashboard frame={frame} labels={labelsFor(lang)} lang={lang} columns={columns} rows={rows} />
}
