// Number and bar formatting shared by the panels. Plain strings of single-width characters.

/** A count in at most five columns: 987, 9876, 12.3k, 456k, 1.2M. */
export function count(n: number): string {
  const v = Math.round(n)
  if (Math.abs(v) < 10_000) return String(v)
  if (Math.abs(v) < 100_000) return `${(v / 1000).toFixed(1)}k`
  if (Math.abs(v) < 1_000_000) return `${Math.round(v / 1000)}k`
  return `${(v / 1_000_000).toFixed(1)}M`
}

export function percent(share: number): string {
  return `${Math.round(Math.max(0, share) * 100)}%`
}

/** Cells of a bar `width` long of which `share` is filled. */
export function barCells(share: number, width: number): {filled: number; empty: number} {
  const w = Math.max(0, Math.floor(width))
  const filled = Math.max(0, Math.min(w, Math.round(Math.max(0, Math.min(1, share)) * w)))
  return {filled, empty: w - filled}
}

export type Tone = 'green' | 'yellow' | 'red'

/** Colour of a load or utilisation: calm, busy, saturated. */
export function loadTone(load: number): Tone {
  if (load >= 0.85) return 'red'
  if (load >= 0.6) return 'yellow'
  return 'green'
}

const SPARKS = '▁▂▃▄▅▆▇█'

/** The newest `width` values as sparkline characters scaled to 0 … max. */
export function sparkline(values: readonly number[], width: number, max?: number): string {
  const shown = values.slice(Math.max(0, values.length - Math.max(0, width)))
  const top = max ?? Math.max(0, ...shown)
  return shown
    .map((v) => (top > 0 ? SPARKS[Math.min(7, Math.max(0, Math.round((v / top) * 7)))] : SPARKS[0]))
    .join('')
}

/** Width of a bar in the inverted triangle: the top tier widest, narrowing to the tip. */
export function triangleWidth(index: number, tiers: number, zone: number): number {
  if (tiers <= 1) return zone
  const min = Math.min(zone, 3)
  return Math.max(min, Math.round((zone * (tiers - index)) / tiers))
}

export function day(hours: number, hoursPerDay: number): string {
  return (hours / hoursPerDay).toFixed(1)
}
