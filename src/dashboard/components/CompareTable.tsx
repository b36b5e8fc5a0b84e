// A titled table of label / value rows. With a reformed column the two values sit side by
// side under the title's column heads, and the reformed value is green when it is better
// than the baseline and red when worse.
import {Box, Text} from 'ink'
import type {Labels} from '../i18n.js'
import {Cell, Section} from './Section.js'

export interface CompareRow {
  label: string
  base: number
  after?: number
  format: (n: number) => string
  /** Which direction is an improvement; undefined for neutral numbers. */
  better?: 'lower' | 'higher'
}

/** Green when the reformed value is better, red when worse, none when equal or neutral. */
export function tone(row: CompareRow): string | undefined {
  if (row.after === undefined || row.better === undefined) return undefined
  const d = row.after - row.base
  if (Math.abs(d) < 1e-9) return undefined
  return (d < 0) === (row.better === 'lower') ? 'green' : 'red'
}

const VALUE_W = 8

export interface CompareTableProps {
  title: string
  rows: CompareRow[]
  width: number
  labels: Labels
  compare: boolean
}

export function CompareTable({title, rows, width, labels, compare}: CompareTableProps) {
  const values = compare ? 2 : 1
  const labelW = Math.max(4, width - VALUE_W * values)
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Box width={width}>
        <Section title={title} width={compare ? labelW : width} />
        {compare ? (
          <>
            <Cell width={VALUE_W} right dim>
              {labels.before}
            </Cell>
            <Cell width={VALUE_W} right dim>
              {labels.after}
            </Cell>
          </>
        ) : null}
      </Box>
      {rows.map((r) => (
        <Box key={r.label} width={width}>
          <Cell width={labelW}>{r.label}</Cell>
          <Cell width={VALUE_W} right>
            {r.format(r.base)}
          </Cell>
          {compare ? (
            <Cell width={VALUE_W} right bold color={tone(r)}>
              {r.after === undefined ? '—' : r.format(r.after)}
            </Cell>
          ) : null}
        </Box>
      ))}
      {rows.length === 0 ? <Text dimColor>{labels.none}</Text> : null}
    </Box>
  )
}
