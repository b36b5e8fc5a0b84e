// Plain-text tables that line up in a terminal when cells mix Latin and CJK text: East
// Asian wide and fullwidth characters take two columns, combining marks and zero-width
// characters none, ANSI colour codes none.

// Ranges of East Asian Width W and F (Unicode 15, UAX #11), merged where adjacent.
const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0],
  [0x23f3, 0x23f3], [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f],
  [0x2693, 0x2693], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5],
  [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5],
  [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728],
  [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x17000, 0x18cd5], [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f251],
  [0x1f300, 0x1f320], [0x1f32d, 0x1f335], [0x1f337, 0x1f37c], [0x1f37e, 0x1f393], [0x1f3a0, 0x1f3ca],
  [0x1f3cf, 0x1f3d3], [0x1f3e0, 0x1f3f0], [0x1f3f4, 0x1f3f4], [0x1f3f8, 0x1f43e], [0x1f440, 0x1f440],
  [0x1f442, 0x1f4fc], [0x1f4ff, 0x1f53d], [0x1f54b, 0x1f54e], [0x1f550, 0x1f567], [0x1f57a, 0x1f57a],
  [0x1f595, 0x1f596], [0x1f5a4, 0x1f5a4], [0x1f5fb, 0x1f64f], [0x1f680, 0x1f6c5], [0x1f6cc, 0x1f6cc],
  [0x1f6d0, 0x1f6d2], [0x1f6d5, 0x1f6d7], [0x1f6eb, 0x1f6ec], [0x1f6f4, 0x1f6fc], [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f93a], [0x1f93c, 0x1f945], [0x1f947, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
]

// Combining marks and invisible format characters: zero columns.
const ZERO: [number, number][] = [
  [0x0300, 0x036f], [0x0483, 0x0489], [0x0591, 0x05bd], [0x0610, 0x061a], [0x064b, 0x065f],
  [0x0e31, 0x0e31], [0x0e34, 0x0e3a], [0x0e47, 0x0e4e], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff],
  [0x200b, 0x200f], [0x2028, 0x202e], [0x2060, 0x2064], [0x20d0, 0x20ff], [0x302a, 0x302d],
  [0x3099, 0x309a], [0xfe00, 0xfe0f], [0xfe20, 0xfe2f], [0xfeff, 0xfeff], [0xe0100, 0xe01ef],
]

function inRanges(cp: number, ranges: [number, number][]): boolean {
  let lo = 0
  let hi = ranges.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (cp < ranges[mid][0]) hi = mid - 1
    else if (cp > ranges[mid][1]) lo = mid + 1
    else return true
  }
  return false
}

/** Columns one code point takes in a terminal. */
export function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0
  if (cp < 0x300) return 1
  if (inRanges(cp, ZERO)) return 0
  return inRanges(cp, WIDE) ? 2 : 1
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g

/** Columns a string takes in a terminal (ANSI escape sequences excluded). */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s.replace(ANSI, '')) w += charWidth(ch.codePointAt(0)!)
  return w
}

export type Align = 'left' | 'right'

export interface TableOptions {
  /** Per column; numbers default to right, text to left. */
  align?: Align[]
  /** A line printed above the table. */
  title?: string
  /** Spaces between columns (default 2). */
  gap?: number
  /** Spaces before every line (default 0). */
  indent?: number
  /** Digits after the decimal point for non-integer numbers (default 2). */
  digits?: number
}

/** Thousands separators for integers; `digits` decimals otherwise; '-' for null, NaN and infinities (ASCII: ambiguous-width dashes misalign CJK terminals). */
export function formatNumber(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '-'
  if (Number.isInteger(n)) return n.toLocaleString('en-US')
  return n.toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits})
}

export function pad(s: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)))
  return align === 'right' ? fill + s : s + fill
}

export function renderTable(headers: string[], rows: (string | number | null)[][], options: TableOptions = {}): string {
  const gap = ' '.repeat(options.gap ?? 2)
  const indent = ' '.repeat(options.indent ?? 0)
  const cells = rows.map((r) => headers.map((_h, i) => (typeof r[i] === 'number' || r[i] === null ? formatNumber(r[i] as number | null, options.digits) : String(r[i] ?? ''))))
  const align = headers.map((_h, i) => options.align?.[i] ?? (rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null) ? 'right' : 'left'))
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i]))))
  const line = (cols: string[]): string => indent + cols.map((c, i) => pad(c, widths[i], align[i])).join(gap).trimEnd()
  const out: string[] = []
  if (options.title) out.push(indent + options.title)
  out.push(line(headers))
  out.push(indent + widths.map((w) => '-'.repeat(w)).join(gap))
  for (const c of cells) out.push(line(c))
  return out.join('\n') + '\n'
}
