// The task catalogue (事项清单) in numbers: items per category, per kind and per label,
// counted after `count` expansion, as a community's task list would be counted.
import type {Model} from '../../model/types.js'

export interface CatalogueReport {
  items: number
  categories: {
    /** Distinct categories used by at least one item. */
    count: number
    items: Record<string, number>
    /** Items without a category. */
    uncategorised: number
  }
  byKind: Record<string, number>
  byLabel: Record<string, number>
}

export function catalogue(model: Model): CatalogueReport {
  const cats: Record<string, number> = {}
  const byKind: Record<string, number> = {}
  const byLabel: Record<string, number> = {}
  let uncategorised = 0
  for (const t of model.tasks) {
    if (t.category === undefined) uncategorised++
    else cats[t.category] = (cats[t.category] ?? 0) + 1
    byKind[t.kind] = (byKind[t.kind] ?? 0) + 1
    for (const l of new Set(t.labels)) byLabel[l] = (byLabel[l] ?? 0) + 1
  }
  return {
    items: model.tasks.length,
    categories: {count: Object.keys(cats).length, items: sorted(cats), uncategorised},
    byKind: sorted(byKind),
    byLabel: sorted(byLabel),
  }
}

/** Largest first, then by name: stable output for diffs. */
function sorted(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
}
