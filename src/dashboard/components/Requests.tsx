// Resident requests (诉求): raised, resolved and still waiting; resolution share.
import {count, percent} from '../format.js'
import type {Labels} from '../i18n.js'
import type {SideFrame} from '../state/view.js'
import {CompareTable, type CompareRow} from './CompareTable.js'

type Req = SideFrame['requests']

const rate = (r: Req): number => (r.raised > 0 ? r.resolved / r.raised : 0)

export function Requests({base, after, width, labels}: {base: Req; after?: Req; width: number; labels: Labels}) {
  const rows: CompareRow[] = [
    {label: labels.raised, base: base.raised, after: after?.raised, format: count},
    {label: labels.resolved, base: base.resolved, after: after?.resolved, format: count, better: 'higher'},
    {label: labels.waiting, base: base.waiting, after: after?.waiting, format: count, better: 'lower'},
    {label: labels.rate, base: rate(base), after: after ? rate(after) : undefined, format: percent, better: 'higher'},
  ]
  return <CompareTable title={labels.requests} rows={rows} width={width} labels={labels} compare={after !== undefined} />
}
