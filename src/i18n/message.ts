// Messages built in the pure core (a reform's change log) and worded later, in the language
// the reader asked for: a catalogue key and its parameters. A parameter may itself be a
// message (a tier's name, a reason), or a list of them, worded in the same language.
import {t, tOr, type Lang, type MessageKey} from './index.js'

export interface Message {
  key: MessageKey
  params?: Record<string, Param>
}

export type Param = string | number | Message | readonly Message[]

export function msg(key: MessageKey, params?: Record<string, Param>): Message {
  return params ? {key, params} : {key}
}

/**
 * The message's text. Numbers are grouped (`1,234`); a placeholder `{n|task|tasks}` gives the
 * number with the singular or plural word, `{n#unit|units}` the word alone (English; the Chinese
 * catalogue writes `{n} 项`).
 */
export function word(lang: Lang, m: Message): string {
  const params: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(m.params ?? {})) {
    params[k] = typeof v === 'string' || typeof v === 'number' ? v : isList(v) ? v.map((x) => word(lang, x)).join(lang === 'zh' ? '、' : ', ') : word(lang, v)
  }
  const text = t(lang, m.key, {}).replace(/\{(\w+)([|#])([^|{}]*)\|([^|{}]*)\}/g, (all, name: string, mark: string, one: string, many: string) => {
    const n = params[name]
    if (typeof n !== 'number') return all
    const w = n === 1 ? one : many
    return mark === '#' ? w : `${grouped(n)} ${w}`
  })
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? (typeof params[name] === 'number' ? grouped(params[name] as number) : String(params[name])) : all))
}

function isList(v: Message | readonly Message[]): v is readonly Message[] {
  return Array.isArray(v)
}

function grouped(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n)
}

/** A reform's name for people: in Chinese its policy name with the type, else the type. */
export function reformName(type: string, lang: Lang): string {
  return lang === 'zh' ? `${tOr('zh', `reformName.${type}`, type)}（${type}）` : type
}
