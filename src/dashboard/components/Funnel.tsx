// The funnel as an inverted triangle: one row per tier, the widest bar for the top tier
// narrowing to the tip; the fill is the tier's live load, then load % and queue length.
import {Box, Text} from 'ink'
import {barCells, count, loadTone, percent, triangleWidth} from '../format.js'
import {tierName, type Labels} from '../i18n.js'
import type {FunnelRow} from '../state/view.js'
import {Cell, Section} from './Section.js'

export interface FunnelProps {
  rows: FunnelRow[]
  /** Tiers to draw, top to bottom; a tier missing from `rows` shows as a dash (e.g. after flatten). */
  tiers?: string[]
  width: number
  labels: Labels
  title?: string
}

const TIER_W = 10
const UNITS_W = 5
const LOAD_W = 5
const QUEUE_W = 6

export function Funnel({rows, tiers, width, labels, title}: FunnelProps) {
  const order = tiers ?? rows.map((r) => r.tier)
  const zone = Math.max(3, width - TIER_W - UNITS_W - LOAD_W - QUEUE_W - 2)
  const byTier = new Map(rows.map((r) => [r.tier, r]))
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Box width={width}>
        <Box flexGrow={1} flexShrink={1}>
          <Section title={title ?? labels.funnel} width={width - LOAD_W - QUEUE_W} />
        </Box>
        <Cell width={LOAD_W} right dim>
          {labels.load}
        </Cell>
        <Cell width={QUEUE_W} right dim>
          {labels.queue}
        </Cell>
      </Box>
      {order.map((tier, i) => {
        const row = byTier.get(tier)
        const w = triangleWidth(i, order.length, zone)
        const pad = Math.floor((zone - w) / 2)
        const {filled, empty} = barCells(row?.load ?? 0, w)
        return (
          <Box key={tier} width={width}>
            <Cell width={TIER_W}>{tierName(labels, tier)}</Cell>
            <Cell width={UNITS_W} right dim>
              {row ? count(row.units) : '—'}
            </Cell>
            <Text> </Text>
            <Box width={zone} flexShrink={0}>
              <Text>
                {' '.repeat(pad)}
                {row ? (
                  <>
                    <Text color={loadTone(row.load)}>{'█'.repeat(filled)}</Text>
                    <Text dimColor>{'░'.repeat(empty)}</Text>
                  </>
                ) : (
                  <Text dimColor>{'·'.repeat(w)}</Text>
                )}
              </Text>
            </Box>
            <Text> </Text>
            <Cell width={LOAD_W} right color={row ? loadTone(row.load) : undefined}>
              {row ? percent(row.load) : '—'}
            </Cell>
            <Cell width={QUEUE_W} right bold>
              {row ? count(row.queue) : '—'}
            </Cell>
          </Box>
        )
      })}
    </Box>
  )
}
