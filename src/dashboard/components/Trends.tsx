// Backlog over time: items queued and requests waiting, one point per simulated day; before
// and after share one scale so their heights compare.
import {Box} from 'ink'
import {count} from '../format.js'
import type {Labels} from '../i18n.js'
import type {SideFrame} from '../state/view.js'
import {Cell, Section} from './Section.js'
import {Sparkline} from './Sparkline.js'

type Series = 'backlog' | 'waiting'
const LABEL_W = 9
const VALUE_W = 7

function Line({label, values, width, max, color}: {label: string; values: number[]; width: number; max: number; color: string}) {
  const spark = Math.max(1, width - LABEL_W - VALUE_W)
  return (
    <Box width={width} flexShrink={0}>
      <Cell width={LABEL_W} dim>
        {label}
      </Cell>
      <Box width={spark} flexShrink={0}>
        <Sparkline values={values} width={spark} max={max} color={color} />
      </Box>
      <Cell width={VALUE_W} right bold>
        {count(values.at(-1) ?? 0)}
      </Cell>
    </Box>
  )
}

export function Trends({base, after, width, labels}: {base: SideFrame; after?: SideFrame; width: number; labels: Labels}) {
  const half = after ? Math.floor((width - 1) / 2) : width
  const series: Array<[Series, string, string]> = [
    ['backlog', labels.backlog, 'magenta'],
    ['waiting', labels.waiting, 'blue'],
  ]
  const scale = (s: Series): number => {
    const shown = (f: SideFrame): number[] => f[s].slice(-Math.max(1, half - LABEL_W - VALUE_W))
    return Math.max(0, ...shown(base), ...(after ? shown(after) : []))
  }
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Section title={labels.trends} width={width} right={after ? `${labels.before} | ${labels.after}` : undefined} />
      {series.map(([s, label, color]) => (
        <Box key={s} width={width}>
          <Line label={label} values={base[s]} width={half} max={scale(s)} color={color} />
          {after ? (
            <Box marginLeft={1}>
              <Line label={label} values={after[s]} width={half} max={scale(s)} color={color} />
            </Box>
          ) : null}
        </Box>
      ))}
    </Box>
  )
}
