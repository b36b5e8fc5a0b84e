// Colours shared by the static drawing, the interactive graph and the legends.

const KIND_COLOURS: Record<string, string> = {
  party: '#c0392b',
  government: '#8e44ad',
  department: '#2e86c1',
  street: '#d68910',
  community: '#239b56',
  grid: '#7dcea0',
  'social-org': '#af7ac5',
  'owners-committee': '#5d6d7e',
  'property-company': '#a04000',
}
const EXTRA = ['#17a589', '#b7950b', '#cb4335', '#2874a6', '#7d3c98', '#616a6b']

const EDGE_COLOURS: Record<string, string> = {
  administers: '#9aa5b1',
  parent: '#9aa5b1',
  inspects: '#c0392b',
  task: '#e67e22',
  tasks: '#e67e22',
  leads: '#7d3c98',
  coordinates: '#2e86c1',
  contracts: '#239b56',
  'shares-data': '#5d6d7e',
  summons: '#17a589',
}

/** A colour per kind; kinds without one get the extra colours in order of first use. */
export function kindColours(kinds: string[]): Map<string, string> {
  const out = new Map<string, string>()
  let extra = 0
  for (const k of kinds) {
    if (out.has(k)) continue
    out.set(k, KIND_COLOURS[k] ?? EXTRA[extra++ % EXTRA.length])
  }
  return out
}

export function edgeColour(type: string): string {
  return EDGE_COLOURS[type] ?? '#b0b7bf'
}

/** Load 0 → green, 1 → amber, ≥1.5 → deep red: the funnel's heat colour. */
export function loadColour(load: number): string {
  const x = Math.max(0, Math.min(1.5, Number.isFinite(load) ? load : 0)) / 1.5
  const stops: Array<[number, number, number]> = [
    [214, 234, 204],
    [250, 215, 120],
    [231, 120, 80],
    [170, 40, 40],
  ]
  const pos = x * (stops.length - 1)
  const i = Math.min(stops.length - 2, Math.floor(pos))
  const f = pos - i
  const c = stops[i].map((a, j) => Math.round(a + (stops[i + 1][j] - a) * f))
  return `rgb(${c[0]},${c[1]},${c[2]})`
}
