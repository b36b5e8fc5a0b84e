// The units under most strain: utilisation so far and queue; before → after when comparing.
import {Box, Text} from 'ink'
import {count, loadTone, percent} from '../format.js'
import {tierName, type Labels} from '../i18n.js'
import type {BottleneckRow} from '../state/view.js'
import {Cell, Section} from './Section.js'

export interface BottlenecksProps {
  rows: BottleneckRow[]
  width: number
  labels: Labels
  /** Show the reformed values next to the baseline. */
  compare: boolean
  limit: number
}

export function Bottlenecks({rows, width, labels, compare, limit}: BottlenecksProps) {
  const shown = rows.slice(0, limit)
  const numbers = compare ? 5 + 5 + 6 + 6 : 5 + 6
  const nameW = Math.max(6, width - numbers)
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Section title={labels.bottlenecks} width={width} right={compare ? `${labels.before}→${labels.after}` : undefined} />
      {shown.length === 0 ? <Text dimColor>{labels.none}</Text> : null}
      {shown.map((r) => (
        <Box key={r.id} width={width}>
          <Cell width={nameW}>{compare || !r.tier ? r.name : `${r.name} (${tierName(labels, r.tier)})`}</Cell>
          {compare ? (
            <>
              <Cell width={5} right color={loadTone(r.utilisation)}>
                {percent(r.utilisation)}
              </Cell>
              <Cell width={5} right color={r.after ? loadTone(r.after.utilisation) : undefined}>
                {r.after ? `→${percent(r.after.utilisation)}` : '→—'}
              </Cell>
              <Cell width={6} right>
                {`q${count(r.queue)}`}
              </Cell>
              <Cell width={6} right bold>
                {r.after ? `→${count(r.after.queue)}` : '→—'}
              </Cell>
            </>
          ) : (
            <>
              <Cell width={5} right color={loadTone(r.utilisation)}>
                {percent(r.utilisation)}
              </Cell>
              <Cell width={6} right bold>
                {`q${count(r.queue)}`}
              </Cell>
            </>
          )}
        </Box>
      ))}
    </Box>
  )
}
