// Coordination density among departments: the share of department pairs joined by a
// `coordinates` relation (in either direction). Low density is the "dispersed functions"
// mechanism of the funnel: every line pushes its own work down alone.
import type {Model} from '../../model/types.js'

export interface CoordinationReport {
  departments: number
  /** Distinct unordered department pairs that coordinate. */
  pairs: number
  /** pairs / (D(D−1)/2); 0 with fewer than two departments. */
  density: number
}

export function coordination(model: Model): CoordinationReport {
  const departments = new Set(model.units.filter((u) => u.kind === 'department').map((u) => u.id))
  const pairs = new Set<string>()
  for (const r of model.relations) {
    if (r.type !== 'coordinates' || r.from === r.to) continue
    if (!departments.has(r.from) || !departments.has(r.to)) continue
    pairs.add(r.from < r.to ? `${r.from}\n${r.to}` : `${r.to}\n${r.from}`)
  }
  const d = departments.size
  const possible = (d * (d - 1)) / 2
  return {departments: d, pairs: pairs.size, density: possible > 0 ? pairs.size / possible : 0}
}
