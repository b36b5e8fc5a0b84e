// What every reform shares: its result type, the typed error it throws for parameters that
// do not fit the model, id remapping after units are removed or merged, and number wording
// for the change log.
import {isTerritorial} from '../model/routing.js'
import type {ModelIndex} from '../model/routing.js'
import {formatHours, parseDuration} from '../model/duration.js'
import type {Clock, Distribution, Model, Tier, Unit} from '../model/types.js'
import {TIERS} from '../model/types.js'
import {msg} from '../i18n/message.js'
import type {Message, Param} from '../i18n/message.js'

export {msg}
export type {Message}

export interface ReformResult {
  model: Model
  /** One line per change, with counts, worded later in the reader's language (src/i18n). */
  changes: Message[]
}

/**
 * A parameter that is well-formed but does not fit the model (a selector matching nothing, a
 * group mixing tiers). `path` is relative to the reform's parameters, e.g. `['groups', 1, 0]`.
 */
export class ReformError extends Error {
  readonly path: (string | number)[]
  readonly hint?: string

  constructor(path: (string | number)[], message: string, hint?: string) {
    super(message)
    this.name = 'ReformError'
    this.path = path
    this.hint = hint
  }
}

/** A deep copy: reforms never modify the model they are given. */
export function cloneModel(model: Model): Model {
  return structuredClone(model)
}

function dedupe(ids: string[]): string[] {
  return [...new Set(ids)]
}

/**
 * Rewrites every reference to a unit id (parents, relation ends, task issuers and executors)
 * through `map`. Duplicate issuers collapse; relations that become self-loops or duplicates
 * are dropped. Mutates `model` (call it on a clone). Returns the number of relations dropped.
 */
export function remapUnitRefs(model: Model, map: Map<string, string>): number {
  if (map.size === 0) return 0
  const to = (id: string) => map.get(id) ?? id
  for (const u of model.units) if (u.parent !== undefined) u.parent = to(u.parent)
  for (const t of model.tasks) {
    t.issuers = dedupe(t.issuers.map(to))
    // Executors may repeat on purpose (one entry per original target), so they are not deduped.
    if (t.executors) t.executors = t.executors.map(to)
  }
  for (const x of [...model.tasks, ...model.demand]) {
    if (!x.contested) continue
    x.contested.candidates = dedupe(x.contested.candidates.map(to))
    if (x.contested.owner) x.contested.owner = dedupe(x.contested.owner.map(to))
  }
  if (model.rules.hotline) model.rules.hotline.centres = dedupe(model.rules.hotline.centres.map(to))
  const seen = new Set<string>()
  const before = model.relations.length
  model.relations = model.relations.filter((r) => {
    r.from = to(r.from)
    r.to = to(r.to)
    const key = `${r.type}\u0000${r.from}\u0000${r.to}`
    if (r.from === r.to || seen.has(key)) return false
    seen.add(key)
    return true
  })
  return before - model.relations.length
}

/** Territorial units of a tier. */
export function territorialAt(ix: ModelIndex, tier: Tier): Unit[] {
  return ix.model.units.filter((u) => u.tier === tier && isTerritorial(ix, u))
}

/** `1234.5` → `1,234.5`; at most `digits` decimals, no trailing zeros. */
export function num(x: number, digits = 1): string {
  const f = 10 ** digits
  const r = Math.round(x * f) / f
  const [int, frac] = String(Math.abs(r)).split('.')
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${r < 0 ? '-' : ''}${grouped}${frac ? '.' + frac : ''}`
}

/** A tier's name for a change log (`street`, 街道); `parent` when there is none. */
export function tierWord(tier: string | undefined): Param {
  if (tier === undefined) return msg('change.parent')
  return (TIERS as readonly string[]).includes(tier) ? msg(`tierWord.${tier as Tier}`) : tier
}

export function pct(share: number): string {
  return `${num(share * 100, 1)}%`
}

/**
 * Splits `total` over `weights` proportionally. With `whole`, the parts are whole numbers
 * (largest remainder, ties to the earlier entry) so that staff stay whole servers.
 */
export function apportion(total: number, weights: number[], whole: boolean): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (weights.length === 0) return []
  const w = sum > 0 ? weights : weights.map(() => 1)
  const s = sum > 0 ? sum : weights.length
  const exact = w.map((x) => (total * x) / s)
  if (!whole) return exact
  const parts = exact.map((x) => Math.floor(x + 1e-9))
  let left = Math.round(total) - parts.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => ({i, r: x - parts[i]})).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const {i} of order) {
    if (left <= 0) break
    parts[i]++
    left--
  }
  return parts
}

type DurationText = string | number
export type EffortParam =
  | DurationText
  | {dist: 'fixed'; value: DurationText}
  | {dist: 'exp'; mean: DurationText}
  | {dist: 'lognormal'; mean: DurationText; sd: DurationText}
  | {dist: 'triangular'; min: DurationText; mode: DurationText; max: DurationText}

/** Hours of a duration parameter in the model's clock (the schema has checked its syntax). */
export function hours(d: DurationText, clock: Clock): number {
  return parseDuration(d, clock) ?? 0
}

/** An effort parameter (a duration or a distribution of durations) in hours. */
export function toDistribution(e: EffortParam, clock: Clock): Distribution {
  const h = (d: DurationText) => hours(d, clock)
  if (typeof e !== 'object') return {dist: 'fixed', value: h(e)}
  switch (e.dist) {
    case 'fixed':
      return {dist: 'fixed', value: h(e.value)}
    case 'exp':
      return {dist: 'exp', mean: h(e.mean)}
    case 'lognormal':
      return {dist: 'lognormal', mean: h(e.mean), sd: h(e.sd)}
    case 'triangular':
      return {dist: 'triangular', min: h(e.min), mode: h(e.mode), max: h(e.max)}
  }
}

/** `1d`, or `exp, mean 1d`: a distribution as the change log says it. */
export function describeEffort(d: Distribution, clock: Clock): string {
  const h = (x: number) => formatHours(x, clock)
  switch (d.dist) {
    case 'fixed':
      return h(d.value)
    case 'exp':
      return `exp, mean ${h(d.mean)}`
    case 'lognormal':
      return `lognormal, mean ${h(d.mean)}, sd ${h(d.sd)}`
    case 'triangular':
      return `triangular ${h(d.min)}–${h(d.mode)}–${h(d.max)}`
  }
}
