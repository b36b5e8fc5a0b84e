// A one-line progress bar on stderr for long simulations: how much simulated time is done,
// the wall time elapsed and an estimate of what is left. Hand-written (a dozen lines of
// drawing) rather than ink or a bar library: it must redraw from inside a synchronous
// simulation loop, where neither React's scheduler nor a timer gets to run.
import {t, type Lang} from '../i18n/index.js'
import {truncateToWidth} from '../views/width.js'
import {terminalStyle} from './terminal.js'

export interface ProgressStream {
  isTTY?: boolean
  columns?: number
  write(text: string): unknown
}

export interface ProgressOptions {
  lang: Lang
  /** Off with --quiet, or when the output is machine-readable on a terminal. */
  quiet?: boolean
  stream?: ProgressStream
  env?: NodeJS.ProcessEnv
  /** Wall clock in milliseconds (tests pass their own). */
  clock?: () => number
}

export interface Progress {
  /** Share of the work done, 0 to 1. Redraws at most every MIN_REDRAW_MS. */
  update(fraction: number): void
  /** Erases the bar, leaving the line as it was. */
  done(): void
}

/** At most ten redraws a second. */
export const MIN_REDRAW_MS = 100
/** Runs shorter than this never show a bar. */
export const FIRST_DRAW_MS = 250
const BAR_WIDTH = 24

const OFF: Progress = {update() {}, done() {}}

export function progressBar(o: ProgressOptions): Progress {
  const stream = o.stream ?? process.stderr
  if (o.quiet || !terminalStyle(stream, o.env ?? process.env).live) return OFF
  const clock = o.clock ?? Date.now
  const start = clock()
  let last = -Infinity
  let shown = ''
  const label = t(o.lang, 'cli.simulating')
  return {
    update(fraction) {
      const now = clock()
      if (now - start < FIRST_DRAW_MS || now - last < MIN_REDRAW_MS) return
      last = now
      // A terminal that reports no size (0 columns) is taken as 80 wide.
      const room = Math.max(10, (stream.columns || 80) - 1)
      const line = truncateToWidth(progressLine(label, Math.min(1, Math.max(0, fraction)), now - start, o.lang), room)
      if (line === shown) return
      shown = line
      stream.write(`\r${line}\x1b[K`)
    },
    done() {
      if (shown) stream.write('\r\x1b[K')
      shown = ''
    },
  }
}

/** `Simulating ▕██████░░░░▏  25%  0:12 · about 0:36 left` (the estimate once 2% is done). */
export function progressLine(label: string, fraction: number, elapsedMs: number, lang: Lang): string {
  const filled = Math.round(fraction * BAR_WIDTH)
  const bar = `▕${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}▏`
  const pct = `${Math.floor(fraction * 100)}%`.padStart(4)
  const elapsed = clockTime(elapsedMs)
  const left = fraction >= 0.02 ? t(lang, 'cli.timeLeft', {time: clockTime((elapsedMs * (1 - fraction)) / fraction)}) : ''
  const parts = [label, bar, pct, ` ${elapsed}`]
  if (left) parts.push(`· ${left}`)
  return parts.join(' ')
}

/** 0:07, 12:30, 1:02:03. */
export function clockTime(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

