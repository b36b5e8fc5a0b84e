// The flags every simulating command shares (simulate, compare, report), their parsing into
// working hours, and the progress bar on stderr over one or several runs.
import {Errors, Flags} from '@oclif/core'
import {parseDuration} from '../model/duration.js'
import type {Clock} from '../model/types.js'
import {t} from '../i18n/index.js'
import {DEFAULT_MAX_EVENTS, MAX_REPLICATIONS} from '../sim/bounds.js'
import type {Lang} from './base.js'
import type {SimProgress} from '../sim/api.js'
import {progressBar, type ProgressOptions} from './progress.js'

export const runFlags = {
  seed: Flags.integer({default: 1, min: 0, max: 4294967295, description: 'seed of the run; replication seeds derive from it, and compared models share them'}),
  replications: Flags.integer({char: 'r', default: 10, min: 1, max: MAX_REPLICATIONS, description: `independent replications (at most ${MAX_REPLICATIONS})`}),
  horizon: Flags.string({description: 'simulated working time, e.g. 1y, 6mo, 2w or 2000 (hours); default 1y'}),
  warmup: Flags.string({description: 'working time excluded from the statistics at the start, or auto: MSER-5 on a pilot of each replication (default auto)'}),
  workers: Flags.integer({min: 1, description: 'worker threads (default: one per core)'}),
  'max-events': Flags.integer({min: 1, default: DEFAULT_MAX_EVENTS, description: 'refuse a run estimated to process more events than this, over all replications (docs/simulation.md, Budgets)'}),
}

/** A duration flag in the model's working hours (a bare number is hours); a usage error (exit 2) if unreadable. */
export function durationFlag(text: string | undefined, flag: string, clock: Clock, lang: Lang): number | undefined {
  if (text === undefined) return undefined
  const h = parseDuration(/^\d+(\.\d+)?$/.test(text) ? Number(text) : text, clock)
  if (h === undefined) throw new Errors.CLIError(t(lang, 'cli.badDuration', {flag, value: text}), {exit: 2})
  return h
}

/** Horizon and warm-up in hours (or 'auto', the default), checked; the horizon defaults to a year. */
export function runWindow(flags: {horizon?: string; warmup?: string}, clock: Clock, lang: Lang): {horizon: number; warmup: number | 'auto'} {
  const horizon = durationFlag(flags.horizon, '--horizon', clock, lang) ?? clock.hoursPerDay * clock.daysPerYear
  const warmup = flags.warmup === undefined || flags.warmup === 'auto' ? 'auto' : durationFlag(flags.warmup, '--warmup', clock, lang)!
  if (!(horizon > 0)) throw new Errors.CLIError(t(lang, 'usage.horizonZero'), {exit: 2})
  if (warmup !== 'auto' && warmup >= horizon) throw new Errors.CLIError(t(lang, 'usage.warmupLong'), {exit: 2})
  return {horizon, warmup}
}

/**
 * One progress bar over `runs` consecutive simulateModel calls (compare and report run several
 * models): `forRun(k)` is the onProgress of run k; `done()` erases the bar.
 */
export function runsProgress(runs: number, o: ProgressOptions): {forRun(k: number): (p: SimProgress) => void; done(): void} {
  const bar = progressBar(o)
  return {
    forRun: (k) => (p) => bar.update((k + p.hoursDone / p.hoursTotal) / runs),
    done: () => bar.done(),
  }
}
