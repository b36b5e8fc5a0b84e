// How the community spends its hours: serving residents, administrative tasks, inspections.
// Alone: a bar per share; comparing: the shares before and after.
import {Box, Text} from 'ink'
import {barCells, percent} from '../format.js'
import type {Labels} from '../i18n.js'
import type {Shares} from '../state/view.js'
import {CompareTable} from './CompareTable.js'
import {Cell, Section} from './Section.js'

const COLORS = {service: 'green', admin: 'yellow', inspection: 'red'} as const
const KEYS = ['service', 'admin', 'inspection'] as const
const LABEL_W = 12
const VALUE_W = 5

export function TimeSplit({base, after, width, labels}: {base: Shares; after?: Shares; width: number; labels: Labels}) {
  if (after) {
    const rows = KEYS.map((k) => ({
      label: labels[k],
      base: base[k],
      after: after[k],
      format: percent,
      better: k === 'service' ? ('higher' as const) : ('lower' as const),
    }))
    return <CompareTable title={labels.timeSplit} rows={rows} width={width} labels={labels} compare />
  }
  const bar = Math.max(1, width - LABEL_W - VALUE_W - 1)
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Section title={labels.timeSplit} width={width} />
      {KEYS.map((k) => {
        const {filled, empty} = barCells(base[k], bar)
        return (
          <Box key={k} width={width}>
            <Cell width={LABEL_W}>{labels[k]}</Cell>
            <Text>
              <Text color={COLORS[k]}>{'█'.repeat(filled)}</Text>
              <Text dimColor>{'░'.repeat(empty)}</Text>
            </Text>
            <Cell width={VALUE_W + 1} right bold>
              {percent(base[k])}
            </Cell>
          </Box>
        )
      })}
    </Box>
  )
}
