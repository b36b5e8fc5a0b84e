// Plain-text tables that line up in a terminal when cells mix Latin and CJK text: East
// Asian wide and fullwidth characters take two columns, combining marks and zero-width
// characters none, ANSI colour codes none (src/views/width.ts).
import {displayWidth} from './width.js'

/** Columns one code point takes in a terminal. */
export function charWidth(cp: number): number {
  return displayWidth(String.fromCodePoint(cp))
}

export {displayWidth}

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
