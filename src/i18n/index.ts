// Message lookup for human output in English and Chinese.
import {en, type MessageKey} from './en.js'
import {zh} from './zh.js'

export type Lang = 'en' | 'zh'
export type {MessageKey}

const TABLES: Record<Lang, Record<MessageKey, string>> = {en, zh}

/** The message for `key` in `lang`, with `{param}` placeholders filled in. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params)
}

/** For keys built from data (a kind, a metric): the message if there is one, else `fallback`. */
export function tOr(lang: Lang, key: string, fallback: string, params: Record<string, string | number> = {}): string {
  const table = TABLES[lang] as Record<string, string>
  return key in table ? fill(table[key], params) : fallback
}

export function hasMessage(key: string): key is MessageKey {
  return key in en
}

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}
