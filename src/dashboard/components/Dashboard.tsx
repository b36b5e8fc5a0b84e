// The whole screen, drawn from one frame and the terminal size. Baseline alone, or baseline |
// reformed side by side when a reform is on.
import {Box} from 'ink'
import {count} from '../format.js'
import type {Labels, Lang} from '../i18n.js'
import {layoutFor, type Layout, type PanelId} from '../layout.js'
import type {DashboardFrame} from '../state/controller.js'
import type {SideFrame} from '../state/view.js'
import {Bottlenecks} from './Bottlenecks.js'
import {CompareTable} from './CompareTable.js'
import {Duplicates} from './Duplicates.js'
import {Funnel} from './Funnel.js'
import {Help} from './Help.js'
import {Requests} from './Requests.js'
import {KeyBar, ReformBar, StatusBar} from './StatusBar.js'
import {TimeSplit} from './TimeSplit.js'
import {Trends} from './Trends.js'

export interface DashboardProps {
  frame: DashboardFrame
  labels: Labels
  lang: Lang
  columns: number
  rows: number
}

function unionTiers(a: SideFrame, b?: SideFrame): string[] {
  const tiers = a.funnel.map((r) => r.tier)
  for (const r of b?.funnel ?? []) if (!tiers.includes(r.tier)) tiers.push(r.tier)
  return tiers
}

function Panel({id, frame, layout, labels}: {id: PanelId; frame: DashboardFrame; layout: Layout; labels: Labels}) {
  const {baseline: base, reformed: after} = frame
  const width = layout.panelWidth
  switch (id) {
    case 'bottlenecks':
      return <Bottlenecks rows={frame.bottlenecks} width={width} labels={labels} compare={after !== undefined} limit={layout.bottlenecks} />
    case 'requests':
      return <Requests base={base.requests} after={after?.requests} width={width} labels={labels} />
    case 'timeSplit':
      return <TimeSplit base={base.timeSplit} after={after?.timeSplit} width={width} labels={labels} />
    case 'duplicates':
      return <Duplicates base={base.duplicates} after={after?.duplicates} width={width} labels={labels} limit={layout.duplicates} />
    case 'items': {
      const keys = ['generated', 'completed', 'rejected', 'unresolved', 'open'] as const
      const rows = keys.map((k) => ({
        label: labels[k],
        base: base.items[k],
        after: after?.items[k],
        format: count,
        better: k === 'completed' ? ('higher' as const) : k === 'generated' ? undefined : ('lower' as const),
      }))
      return <CompareTable title={labels.items} rows={rows} width={width} labels={labels} compare={after !== undefined} />
    }
  }
}

export function Dashboard({frame, labels, lang, columns, rows}: DashboardProps) {
  const {baseline: base, reformed: after} = frame
  const tiers = unionTiers(base, after)
  const layout = layoutFor({columns, rows}, {tiers: tiers.length, compare: after !== undefined, duplicates: base.duplicates.length})
  const {width} = layout
  const half = Math.floor((width - 1) / 2)
  const grid: PanelId[][] = []
  for (let i = 0; i < layout.panels.length; i += layout.columns) grid.push(layout.panels.slice(i, i + layout.columns))
  return (
    <Box flexDirection="column" width={width}>
      <StatusBar
        model={frame.model}
        time={frame.time}
        hoursPerDay={frame.hoursPerDay}
        speed={frame.speed}
        paused={frame.paused}
        seed={frame.seed}
        width={width}
        labels={labels}
        lang={lang}
        message={frame.message}
      />
      {frame.help ? (
        <Help labels={labels} width={width} />
      ) : (
        <>
          {after ? (
            <Box width={width}>
              <Funnel rows={base.funnel} tiers={tiers} width={half} labels={labels} title={`${labels.funnel} · ${labels.baseline}`} />
              <Box marginLeft={1}>
                <Funnel rows={after.funnel} tiers={tiers} width={half} labels={labels} title={labels.reformed} />
              </Box>
            </Box>
          ) : (
            <Box width={width}>
              <Funnel rows={base.funnel} tiers={tiers} width={layout.funnelWidth} labels={labels} />
              {layout.trends && layout.trendsBeside ? (
                <Box marginLeft={1}>
                  <Trends base={base} width={width - layout.funnelWidth - 1} labels={labels} />
                </Box>
              ) : null}
            </Box>
          )}
          {grid.map((row, i) => (
            <Box key={i} width={width}>
              {row.map((id, j) => (
                <Box key={id} marginLeft={j > 0 ? 1 : 0}>
                  <Panel id={id} frame={frame} layout={layout} labels={labels} />
                </Box>
              ))}
            </Box>
          ))}
          {layout.trends && !layout.trendsBeside ? <Trends base={base} after={after} width={width} labels={labels} /> : null}
        </>
      )}
      <ReformBar reforms={frame.reforms} width={width} labels={labels} />
      <KeyBar width={width} labels={labels} />
    </Box>
  )
}
