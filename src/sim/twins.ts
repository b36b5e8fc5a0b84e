// Twin territories: the streets of one district (and the communities of one street) are
// usually copies of each other, laid out alike by `count`, so that unit i of one is unit
// i + shift of the other. Whatever routing.ts's resolutionPlan and dispatchPlan give a unit
// of the twin is then what they give its counterpart in the first one with the counterpart's
// subtree units shifted: compiling a city builds the plans of 16 streets instead of 300.
import type {Model} from '../model/types.js'
import type {UnitScopes} from './unit-scopes.js'

export interface Twins {
  /** Per unit: the highest ancestor-or-self that is a twin (-1: none). */
  anchor: Int32Array
  /** Per twin: the territory it copies (its model, never a twin itself) and the index shift to it. */
  model: Int32Array
  shift: Int32Array
}

/**
 * The twins of a model: a territory is the twin of an earlier sibling when their subtrees
 * are the same up to an index shift, unit by unit in depth-first order: parents, kind, tier,
 * domain, powers and hand-off delay alike, and none of them `special` (named by a summons
 * relation or a hotline, whose ids plans look at).
 */
export function findTwins(model: Model, s: UnitScopes, handoff: Int32Array, special: Uint8Array): Twins {
  const n = model.units.length
  const twin: Twins = {anchor: new Int32Array(n).fill(-1), model: new Int32Array(n).fill(-1), shift: new Int32Array(n)}
  /** Per parent: the territories below it that are no twins, to compare the later ones with. */
  const models = new Map<number, number[]>()
  for (let k = 0; k < n; k++) {
    const u = s.order[k]
    const p = s.parent[u]
    if (p >= 0 && twin.anchor[p] >= 0) {
      twin.anchor[u] = twin.anchor[p]
      continue
    }
    if (p < 0 || s.territorial[u] === 0) continue
    let list = models.get(p)
    if (list === undefined) models.set(p, (list = []))
    const m = list.find((m) => alike(model, s, handoff, special, m, u))
    if (m === undefined) list.push(u)
    else {
      twin.model[u] = m
      twin.shift[u] = u - m
      twin.anchor[u] = u
    }
  }
  return twin
}

/** Whether territory b's subtree is territory a's shifted by b - a, unit by unit. */
function alike(model: Model, s: UnitScopes, handoff: Int32Array, special: Uint8Array, a: number, b: number): boolean {
  const size = s.end[a] - s.place[a]
  if (s.end[b] - s.place[b] !== size) return false
  const shift = b - a
  for (let k = 0; k < size; k++) {
    const x = s.order[s.place[a] + k]
    const y = s.order[s.place[b] + k]
    if (y !== x + shift || special[x] === 1 || special[y] === 1 || handoff[x] !== handoff[y]) return false
    if (k > 0 && s.parent[y] !== s.parent[x] + shift) return false
    const ux = model.units[x]
    const uy = model.units[y]
    if (ux.kind !== uy.kind || ux.tier !== uy.tier || ux.domain !== uy.domain || ux.powers.length !== uy.powers.length) return false
    for (let j = 0; j < ux.powers.length; j++) if (ux.powers[j] !== uy.powers[j]) return false
  }
  return true
}
