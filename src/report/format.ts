// Number formatting for the report, per language. Pure: Intl with a fixed locale.
import type {Lang} from '../i18n/index.js'
import type {Est} from './types.js'

const LOCALE: Record<Lang, string> = {en: 'en-GB', zh: 'zh-CN'}

/** A count or amount: grouped digits, decimals scaled to the magnitude. */
export function num(lang: Lang, x: number | undefined, digits?: number): string {
  if (x === undefined || !Number.isFinite(x)) return '–'
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2)
  return new Intl.NumberFormat(LOCALE[lang], {maximumFractionDigits: d, minimumFractionDigits: 0}).format(x)
}

/** A share 0..1 as a percentage. */
export function pct(lang: Lang, x: number | undefined, digits = 1): string {
  if (x === undefined || !Number.isFinite(x)) return '–'
  return new Intl.NumberFormat(LOCALE[lang], {style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0}).format(x)
}

/** `mean [lo–hi]`, with `fmt` applied to each number. */
export function est(e: Est | undefined, fmt: (x: number) => string): string {
  if (!e) return '–'
  if (e.n < 2 || !Number.isFinite(e.lo) || !Number.isFinite(e.hi)) return fmt(e.mean)
  return `${fmt(e.mean)} [${fmt(e.lo)}–${fmt(e.hi)}]`
}

/** A signed difference: `+1.2` / `−0.4`. */
export function signed(lang: Lang, x: number, fmt: (x: number) => string = (v) => num(lang, v)): string {
  if (!Number.isFinite(x)) return '–'
  if (x === 0) return fmt(0)
  return (x > 0 ? '+' : '−') + fmt(Math.abs(x))
}

/** Coordinates in SVG: short and locale-free. */
export function px(x: number): string {
  return String(Math.round(x * 10) / 10)
}
