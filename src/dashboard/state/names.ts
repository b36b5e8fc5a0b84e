// Display names of units: a name shared by several units (replicas: 社区1 in two streets,
// the grids of every community) gets its ancestors' names after it, nearest first, until it
// is unique. The unit's own name leads so that a narrow column still shows it.
import type {Unit} from '../../model/types.js'

const MAX_DEPTH = 3

export function displayNames(units: readonly Unit[]): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]))
  const label = (u: Unit, depth: number): string => {
    let name = u.name
    let cur = u.parent === undefined ? undefined : byId.get(u.parent)
    for (let i = 0; i < depth && cur; i++) {
      name = `${name} · ${cur.name}`
      cur = cur.parent === undefined ? undefined : byId.get(cur.parent)
    }
    return name
  }
  const out = new Map<string, string>()
  let pending = [...units]
  for (let depth = 0; depth <= MAX_DEPTH && pending.length > 0; depth++) {
    const counts = new Map<string, number>()
    for (const u of units) {
      const l = label(u, depth)
      counts.set(l, (counts.get(l) ?? 0) + 1)
    }
    const next: Unit[] = []
    for (const u of pending) {
      const l = label(u, depth)
      if (counts.get(l) === 1 || depth === MAX_DEPTH) out.set(u.id, l)
      else next.push(u)
    }
    pending = next
  }
  return out
}
