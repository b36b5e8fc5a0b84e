// Selectors choose sets of units: an exact id, an id glob (`*` within one path segment, `**`
// across segments), a mapping whose every given field must match, or a list (the union).
// Matching goes through an index (ids sorted for glob prefixes, lists per kind/tier/domain/
// label, a depth-first numbering for `within`), so resolving thousands of selectors over
// 100k units stays fast. Results keep the order of the units array.
import type {Tier, Unit} from './types.js'
import {compileGlob, isGlob} from './glob.js'

export interface SelectorMap {
  kind?: string
  tier?: Tier
  domain?: string
  /** An exact id or an id glob. */
  id?: string
  label?: string
  /** Id of a unit whose subtree, itself included, is searched. */
  within?: string
}

export type Selector = string | SelectorMap | readonly (string | SelectorMap)[]

export interface UnitIndex {
  units: readonly Unit[]
  byId: Map<string, number>
  byKind: Map<string, number[]>
  byTier: Map<string, number[]>
  byDomain: Map<string, number[]>
  byLabel: Map<string, number[]>
  /** Unit indices sorted by id, for glob prefix ranges. */
  sorted: number[]
  /** Depth-first numbering: `u` is within `w` when pre[w] <= pre[u] < end[w]. */
  pre: Int32Array
  end: Int32Array
  /** Unit indices in depth-first order (pre[order[k]] === k). */
  order: Int32Array
  cache: Map<string, number[]>
}

export function buildUnitIndex(units: readonly Unit[]): UnitIndex {
  const byId = new Map<string, number>()
  const byKind = new Map<string, number[]>()
  const byTier = new Map<string, number[]>()
  const byDomain = new Map<string, number[]>()
  const byLabel = new Map<string, number[]>()
  const push = (m: Map<string, number[]>, k: string, i: number) => {
    const list = m.get(k)
    if (list) list.push(i)
    else m.set(k, [i])
  }
  units.forEach((u, i) => {
    if (!byId.has(u.id)) byId.set(u.id, i)
    push(byKind, u.kind, i)
    if (u.tier !== undefined) push(byTier, u.tier, i)
    if (u.domain !== undefined) push(byDomain, u.domain, i)
    for (const l of new Set(u.labels)) push(byLabel, l, i)
  })
  const sorted = units.map((_, i) => i).sort((a, b) => compare(units[a].id, units[b].id))
  const {pre, end, order} = number(units, byId)
  return {units, byId, byKind, byTier, byDomain, byLabel, sorted, pre, end, order, cache: new Map()}
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function number(units: readonly Unit[], byId: Map<string, number>) {
  const n = units.length
  const kids: number[][] = Array.from({length: n}, () => [])
  const roots: number[] = []
  units.forEach((u, i) => {
    const p = u.parent === undefined ? undefined : byId.get(u.parent)
    if (p === undefined || p === i) roots.push(i)
    else kids[p].push(i)
  })
  const pre = new Int32Array(n).fill(-1)
  const end = new Int32Array(n).fill(-1)
  const order = new Int32Array(n).fill(-1)
  let next = 0
  // Iterative DFS; units caught in a parent cycle stay unnumbered and are within nothing.
  const stack: number[] = []
  for (let r = roots.length - 1; r >= 0; r--) stack.push(roots[r])
  while (stack.length > 0) {
    const v = stack.pop()!
    if (v < 0) {
      end[~v] = next
      continue
    }
    if (pre[v] >= 0) continue
    pre[v] = next
    order[next++] = v
    stack.push(~v)
    const k = kids[v]
    for (let j = k.length - 1; j >= 0; j--) stack.push(k[j])
  }
  return {pre, end, order: order.subarray(0, next)}
}

const indexCache = new WeakMap<readonly Unit[], UnitIndex>()

/** The index of a units array, built once per array (do not mutate the array afterwards). */
export function unitIndex(units: readonly Unit[]): UnitIndex {
  let ix = indexCache.get(units)
  if (!ix || ix.units.length !== units.length) {
    ix = buildUnitIndex(units)
    indexCache.set(units, ix)
  }
  return ix
}

export function selectUnits(units: readonly Unit[], sel: Selector): Unit[] {
  const ix = unitIndex(units)
  return selectIndices(ix, sel).map((i) => ix.units[i])
}

/** Indices (in unit order) of the units a selector matches. */
export function selectIndices(ix: UnitIndex, sel: Selector): number[] {
  const key = typeof sel === 'string' ? sel : JSON.stringify(sel)
  const hit = ix.cache.get(key)
  if (hit) return hit
  let out: number[]
  if (typeof sel === 'string') out = selectString(ix, sel)
  else if (Array.isArray(sel)) out = union(sel.map((s) => selectIndices(ix, s as string | SelectorMap)))
  else out = selectMap(ix, sel as SelectorMap)
  if (ix.cache.size > 10_000) ix.cache.clear()
  ix.cache.set(key, out)
  return out
}

export {compileGlob, isGlob} from './glob.js'
/** The former name: a matcher with `.test(id)`, linear-time like compileGlob (no regular expression). */
export {compileGlob as globToRegExp} from './glob.js'
export type {GlobMatcher} from './glob.js'

function selectString(ix: UnitIndex, s: string): number[] {
  if (!isGlob(s)) {
    const i = ix.byId.get(s)
    return i === undefined ? [] : [i]
  }
  return globCandidates(ix, s).sort((a, b) => a - b)
}

/** Units whose id matches a glob, found through the sorted ids' literal-prefix range. */
function globCandidates(ix: UnitIndex, glob: string): number[] {
  const re = compileGlob(glob)
  const prefix = glob.slice(0, glob.indexOf('*'))
  const {sorted, units} = ix
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (units[sorted[mid]].id < prefix) lo = mid + 1
    else hi = mid
  }
  const out: number[] = []
  for (let k = lo; k < sorted.length; k++) {
    const id = units[sorted[k]].id
    if (!id.startsWith(prefix)) break
    if (re.test(id)) out.push(sorted[k])
  }
  return out
}

function selectMap(ix: UnitIndex, m: SelectorMap): number[] {
  const {units, pre, end} = ix
  let within: number | undefined
  if (m.within !== undefined) {
    within = ix.byId.get(m.within)
    if (within === undefined || pre[within] < 0) return []
  }
  // Start from the smallest candidate list, then check every field on each candidate.
  const lists: number[][] = []
  if (m.kind !== undefined) lists.push(ix.byKind.get(m.kind) ?? [])
  if (m.tier !== undefined) lists.push(ix.byTier.get(m.tier) ?? [])
  if (m.domain !== undefined) lists.push(ix.byDomain.get(m.domain) ?? [])
  if (m.label !== undefined) lists.push(ix.byLabel.get(m.label) ?? [])
  if (m.id !== undefined) lists.push(selectString(ix, m.id))
  let candidates: ArrayLike<number>
  if (lists.length > 0) candidates = lists.reduce((a, b) => (b.length < a.length ? b : a))
  else if (within !== undefined) candidates = Array.from(ix.order.subarray(pre[within], end[within])).sort((a, b) => a - b)
  else candidates = units.map((_, i) => i)
  if (within !== undefined && lists.length > 0 && end[within] - pre[within] < candidates.length) {
    candidates = Array.from(ix.order.subarray(pre[within], end[within])).sort((a, b) => a - b)
  }
  const idRe = m.id !== undefined && isGlob(m.id) ? compileGlob(m.id) : undefined
  const out: number[] = []
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]
    const u = units[i]
    if (m.kind !== undefined && u.kind !== m.kind) continue
    if (m.tier !== undefined && u.tier !== m.tier) continue
    if (m.domain !== undefined && u.domain !== m.domain) continue
    if (m.label !== undefined && !u.labels.includes(m.label)) continue
    if (m.id !== undefined && (idRe ? !idRe.test(u.id) : u.id !== m.id)) continue
    if (within !== undefined && !(pre[i] >= pre[within] && pre[i] < end[within])) continue
    out.push(i)
  }
  return out
}

function union(parts: number[][]): number[] {
  if (parts.length === 1) return parts[0]
  const all = parts.flat().sort((a, b) => a - b)
  return all.filter((v, k) => k === 0 || all[k - 1] !== v)
}

/** A short text for messages: `{kind: department, tier: district}`. */
export function describeSelector(sel: Selector): string {
  if (typeof sel === 'string') return sel
  if (Array.isArray(sel)) return `[${sel.map((s) => describeSelector(s as string | SelectorMap)).join(', ')}]`
  const m = sel as SelectorMap
  return `{${Object.entries(m)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')}}`
}

/**
 * A likely meant id for one that names no unit: the same last segment elsewhere in the tree
 * (`dept-urban` vs `district/dept-urban`), or the replicas of a counted unit (`street` →
 * `street-1`).
 */
export function suggestUnitId(ix: UnitIndex, id: string): string | undefined {
  const last = id.slice(id.lastIndexOf('/') + 1)
  const bySegment: string[] = []
  let replica: string | undefined
  for (const u of ix.units) {
    if (u.id === last || u.id.endsWith('/' + last)) bySegment.push(u.id)
    else if (replica === undefined && (u.id === `${id}-1` || u.id.endsWith(`/${last}-1`))) replica = u.id
    if (bySegment.length > 3) break
  }
  if (bySegment.length > 0) return bySegment.slice(0, 3).map((s) => `\`${s}\``).join(' or ')
  return replica === undefined ? undefined : `\`${replica}\` (replicas of \`count\` are numbered)`
}
