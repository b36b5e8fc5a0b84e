// Which panels fit and how wide they are, from the terminal size: 80×24 gets a compact
// two-column layout, wider screens more columns, taller screens longer lists. Every frame
// stays at least one row shorter than the terminal so ink never has to clear the screen.

export type PanelId = 'bottlenecks' | 'requests' | 'timeSplit' | 'duplicates' | 'items'

export interface Layout {
  width: number
  /** Panels per grid row. */
  columns: number
  panelWidth: number
  panels: PanelId[]
  bottlenecks: number
  duplicates: number
  trends: boolean
  /** Wide screens without a comparison: the funnel is capped and the trends sit beside it. */
  trendsBeside: boolean
  funnelWidth: number
  /** Lines the frame takes. */
  height: number
}

export interface LayoutContent {
  tiers: number
  compare: boolean
  duplicates: number
}

const GAP = 1

function panelRows(p: PanelId, l: Pick<Layout, 'bottlenecks' | 'duplicates'>, c: LayoutContent): number {
  switch (p) {
    case 'bottlenecks':
      return l.bottlenecks
    case 'requests':
      return 4
    case 'timeSplit':
      return 3
    case 'duplicates':
      return Math.max(1, Math.min(l.duplicates, c.duplicates))
    case 'items':
      return 5
  }
}

function heightOf(l: Omit<Layout, 'height'>, c: LayoutContent): number {
  let grid = 0
  for (let i = 0; i < l.panels.length; i += l.columns) {
    const row = l.panels.slice(i, i + l.columns)
    grid += 1 + Math.max(...row.map((p) => panelRows(p, l, c)))
  }
  const top = l.trends && l.trendsBeside ? Math.max(1 + c.tiers, 3) : 1 + c.tiers + (l.trends ? 3 : 0)
  // status + funnel (title + tiers) and trends + grid + reforms + keys
  return 1 + top + grid + 2
}

export function layoutFor(size: {columns: number; rows: number}, content: LayoutContent): Layout {
  const width = Math.max(40, size.columns - 1)
  const budget = Math.max(10, size.rows - 1)
  const columns = size.columns >= 160 ? 4 : size.columns >= 120 ? 3 : 2
  const panelWidth = Math.floor((width - GAP * (columns - 1)) / columns)
  const trendsBeside = size.columns >= 120 && !content.compare
  const funnelWidth = trendsBeside ? Math.min(100, Math.floor(width * 0.6)) : width
  let l: Omit<Layout, 'height'> = {
    width,
    columns,
    panelWidth,
    panels: ['bottlenecks', 'requests', 'timeSplit', 'duplicates'],
    bottlenecks: 3,
    duplicates: 4,
    trends: true,
    trendsBeside,
    funnelWidth,
  }
  const fits = (x: Omit<Layout, 'height'>): boolean => heightOf(x, content) <= budget
  // Shrink until it fits: trends first, then the lower panels, then the lists.
  const shrink: Array<(x: Omit<Layout, 'height'>) => Omit<Layout, 'height'>> = [
    (x) => ({...x, trends: false}),
    (x) => ({...x, duplicates: 2}),
    (x) => ({...x, panels: ['bottlenecks', 'requests']}),
    (x) => ({...x, bottlenecks: 2}),
    (x) => ({...x, panels: ['bottlenecks']}),
  ]
  for (const step of shrink) {
    if (fits(l)) break
    l = step(l)
  }
  // Grow into spare room: the items panel, then longer lists.
  if (l.panels.length === 4 && fits({...l, panels: [...l.panels, 'items']})) l = {...l, panels: [...l.panels, 'items']}
  while (l.duplicates < 8 && content.duplicates > l.duplicates && fits({...l, duplicates: l.duplicates + 1})) {
    l = {...l, duplicates: l.duplicates + 1}
  }
  while (l.bottlenecks < 10 && fits({...l, bottlenecks: l.bottlenecks + 1})) l = {...l, bottlenecks: l.bottlenecks + 1}
  return {...l, height: heightOf(l, content)}
}
