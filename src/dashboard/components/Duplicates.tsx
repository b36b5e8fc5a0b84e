// Duplicated handling counters from the engine (repeat visits, redundant inspections, …).
import {count} from '../format.js'
import {duplicateName, type Labels} from '../i18n.js'
import {CompareTable, type CompareRow} from './CompareTable.js'

export interface DuplicatesProps {
  base: Array<[string, number]>
  after?: Array<[string, number]>
  width: number
  labels: Labels
  limit: number
}

export function Duplicates({base, after, width, labels, limit}: DuplicatesProps) {
  const reformed = after ? new Map(after) : undefined
  const rows: CompareRow[] = base.slice(0, limit).map(([key, value]) => ({
    label: duplicateName(labels, key),
    base: value,
    after: reformed ? (reformed.get(key) ?? 0) : undefined,
    format: count,
    better: 'lower',
  }))
  return <CompareTable title={labels.duplicates} rows={rows} width={width} labels={labels} compare={after !== undefined} />
}
