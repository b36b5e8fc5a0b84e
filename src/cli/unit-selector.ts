// The units a `--unit` value names: an id, an id glob (`district/*/community-1`), a unit's
// name as written in the model, or a selector written `tier=community,kind=community`
// (or as YAML, `{tier: community}`), as in the model language.
import {parse} from 'yaml'
import {t, type Lang} from '../i18n/index.js'
import {selectUnits, suggestUnitId, unitIndex} from '../model/selector.js'
import type {Selector, SelectorMap} from '../model/selector.js'
import type {Model} from '../model/types.js'

const KEYS: readonly (keyof SelectorMap)[] = ['kind', 'tier', 'domain', 'id', 'label', 'within']

export type UnitMatch = {ids: string[]} | {error: string}

export function matchUnits(model: Model, text: string, lang: Lang = 'en'): UnitMatch {
  const value = text.trim()
  const sel = parseSelector(value, lang)
  if ('error' in sel) return sel
  let units = selectUnits(model.units, sel.selector)
  if (units.length === 0 && typeof sel.selector === 'string') units = model.units.filter((u) => u.name === value)
  if (units.length > 0) return {ids: units.map((u) => u.id)}
  const meant = typeof sel.selector === 'string' ? suggestUnitId(unitIndex(model.units), value) : undefined
  return {error: meant ? t(lang, 'why.err.noMatch', {value, meant}) : t(lang, 'why.err.noMatchHint', {value})}
}

function parseSelector(value: string, lang: Lang): {selector: Selector} | {error: string} {
  if (/^[{[]/.test(value)) {
    let v: unknown
    try {
      v = parse(value)
    } catch (error) {
      return {error: `--unit ${value}: ${(error as Error).message.split('\n')[0]}`}
    }
    return checkMap(v, value, lang)
  }
  if (/^[\w.-]+=/.test(value)) {
    const m: Record<string, string> = {}
    for (const part of value.split(',')) {
      const eq = part.indexOf('=')
      if (eq < 0) return {error: t(lang, 'why.err.pairs', {value})}
      m[part.slice(0, eq).trim()] = part.slice(eq + 1).trim()
    }
    return checkMap(m, value, lang)
  }
  return {selector: value}
}

function checkMap(v: unknown, value: string, lang: Lang): {selector: Selector} | {error: string} {
  const keys = KEYS.join(', ')
  for (const m of Array.isArray(v) ? v : [v]) {
    if (typeof m === 'string') continue
    if (m === null || typeof m !== 'object') return {error: t(lang, 'why.err.shape', {value, keys})}
    const key = Object.keys(m).find((k) => !(KEYS as readonly string[]).includes(k))
    if (key) return {error: t(lang, 'why.err.key', {value, key, keys})}
    if (Object.values(m).some((x) => typeof x !== 'string')) return {error: t(lang, 'why.err.values', {value})}
  }
  return {selector: v as Selector}
}
