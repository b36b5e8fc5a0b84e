// Twin territories: the streets of one district (and the communities of one street) are
// usually copies of each other, laid out alike by `count`, so that unit i of one is unit
// i + shift of the other. Whatever routing.ts's resolutionPlan and dispatchPlan give a unit
// of the twin is then what they give its counterpart in the first one with the counterpart's
// subtree units shifted: compiling a city builds the plans of 16 streets instead of 300.
// Sound because routing.ts sees a unit only through its kind, tier, domain, powers, parent and
// children (ids only where relations and hotlines name them), the compiler through its
// hand-off delay too, and a territory is no actor of those above it: nothing above reaches in.
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
 * domain, powers and hand-off delay (`handoff`, dist indices) alike, and none of them named
 * by a summons relation or a hotline, whose ids plans look at.
 */
export function findTwins(model: Model, s: UnitScopes, handoff: Int32Array, unitIndex: Map<string, number>): Twins {
  const n = model.units.length
  const special = new Uint8Array(n)
  const mark = (id: string) => {
    const i = unitIndex.get(id)
    if (i !== undefined) special[i] = 1
  }
  for (const r of model.relations) {
    if (r.type !== 'summons') continue
    mark(r.from)
    mark(r.to)
  }
  for (const id of model.rules.hotline?.centres ?? []) mark(id)
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
    let m = -1
    for (let j = 0; j < list.length && m < 0; j++) if (alike(model, s, handoff, special, list[j], u)) m = list[j]
    if (m < 0) list.push(u)
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
