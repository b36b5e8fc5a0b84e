// Cell values → model values. Each reader returns the value in the model language's own
// notation (durations `6h`, rates `2/mo`), or what is wrong and how to write it.
import {parseDuration, parsePerCapitaRate, parseRate} from '../model/duration.js'
import {BUILTIN_KINDS, DEFAULT_CLOCK, TASK_KINDS, TIERS} from '../model/types.js'
import type {ValueType} from './columns.js'

export type Cell = string | number | boolean
export type Read<T = unknown> = {ok: true; value: T} | {ok: false; message: string; fix: string}

const ok = <T>(value: T): Read<T> => ({ok: true, value})
const bad = (message: string, fix: string): Read<never> => ({ok: false, message, fix})

/** Words for the built-in kinds, tiers and kinds of task; the ids themselves are accepted too. */
export const KIND_WORDS: Record<string, readonly string[]> = {
  party: ['党委', '党组织', '党工委', '党组', '党支部', '党总支'],
  government: ['政府', '人民政府'],
  department: ['部门', '职能部门', '委办局', '局', '派出机构'],
  street: ['街道', '街道办', '街道办事处', '镇', '乡', '乡镇'],
  community: ['社区', '社区工作站', '居委会', '村', '村委会', '社区居委会'],
  'social-org': ['社会组织', '社工机构', '社工站'],
  grid: ['网格'],
  'owners-committee': ['业委会', '业主委员会'],
  'property-company': ['物业', '物业公司', '物业服务企业'],
}
export const TIER_WORDS: Record<string, readonly string[]> = {
  city: ['市', '市级'],
  district: ['区', '区级', '县', '区县', '县级'],
  street: ['街道', '街道级', '镇街', '乡镇'],
  community: ['社区', '社区级', '村居', '村'],
  grid: ['网格'],
}
export const TASK_KIND_WORDS: Record<string, readonly string[]> = {
  routine: ['常规', '日常', '例行', '常规事项', '长期'],
  temporary: ['临时', '临时性', '临时事项'],
  statistics: ['统计', '排查', '报表', '统计调查', '排查统计'],
  inspection: ['检查', '考核', '督查', '迎检', '检查考核', '督查检查'],
  service: ['服务'],
  enforcement: ['执法'],
  mediation: ['调解'],
}
const PERIODS: Record<string, string> = {
  每天: '1d', 每日: '1d', 每周: '1w', 每两周: '2w', 双周: '2w', 每半月: '2w', 每月: '1mo', 每两月: '2mo', 每双月: '2mo',
  每季度: '3mo', 每季: '3mo', 每半年: '6mo', 每年: '1y', 每两年: '2y',
  daily: '1d', weekly: '1w', fortnightly: '2w', monthly: '1mo', quarterly: '3mo', 'half-yearly': '6mo', yearly: '1y', annually: '1y',
}
const UNIT_WORDS: Record<string, string> = {
  分钟: 'm', 分: 'm', 小时: 'h', 时: 'h', 个小时: 'h', 天: 'd', 日: 'd', 工作日: 'd', 周: 'w', 星期: 'w', 个月: 'mo', 月: 'mo', 年: 'y',
}
const PER_WORDS: Record<string, string> = {日: 'd', 天: 'd', 周: 'w', 月: 'mo', 季度: 'mo', 季: 'mo', 年: 'y'}
const NUMERALS: Record<string, number> = {一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10}

function word(table: Record<string, readonly string[]>, text: string): string | undefined {
  const t = text.trim()
  const lower = t.toLowerCase()
  return Object.keys(table).find((k) => k === lower || table[k].includes(t))
}

const text = (c: Cell): string => (typeof c === 'string' ? c.trim() : String(c))
const TRUE = ['是', 'y', 'yes', 'true', '1', '√', '✓', '✔']
const FALSE = ['否', 'n', 'no', 'false', '0', '×', '✗']

/** Splits a list cell on 、，,；; and line breaks. */
export function splitList(c: Cell): string[] {
  return text(c).split(/[、，,；;\n\r]+/).map((s) => s.trim()).filter((s) => s !== '')
}

/** A duration written in the model's notation, from a number (hours) or text such as 4小时. */
export function readDuration(c: Cell): Read<string | number> {
  if (typeof c === 'number') return c >= 0 && Number.isFinite(c) ? ok(c) : bad('is not a duration', 'write a number of hours (8) or 30m, 2d')
  const t = text(c).replace(/\s+/g, '')
  if (parseDuration(t, DEFAULT_CLOCK) !== undefined) return ok(t)
  const m = /^(\d+(?:\.\d+)?)(分钟|分|个小时|小时|时|工作日|天|日|周|星期|个月|月|年)$/.exec(t)
  if (m) return ok(`${m[1]}${UNIT_WORDS[m[2]]}`)
  if (/^\d+(?:\.\d+)?$/.test(t)) return ok(Number(t))
  return bad('is not a duration', 'write hours as a number (8) or 30m, 6h, 2d, 1w, 4小时, 2天')
}

/** 频次: a period (regular times) or a rate (random times). */
export function readFrequency(c: Cell): Read<{every: string} | {rate: string}> {
  const suggest = 'write a period such as 每月 or 1mo (regular times) or a rate such as 2/mo or 6/y (random times)'
  if (typeof c === 'number') return bad('is a bare number', `write ${c}/y (times a year) or ${c}/mo, or use the column 次数/年`)
  const t = text(c).replace(/\s+/g, '')
  const period = PERIODS[t.toLowerCase()] ?? PERIODS[t]
  if (period) return ok({every: period})
  if (parseDuration(t, DEFAULT_CLOCK) !== undefined) return ok({every: t})
  if (parseRate(t, DEFAULT_CLOCK) !== undefined) return ok({rate: t})
  // 每月两次 / 每年3次 are rates in words: say how to write them.
  const m = /^每(日|天|周|月|季度|季|年)(\d+|[一两二三四五六七八九十])次$/.exec(t)
  if (m) {
    const n = NUMERALS[m[2]] ?? Number(m[2])
    const rate = m[1].startsWith('季') ? `${n}/3mo` : `${n}/${PER_WORDS[m[1]]}`
    return bad('is not a rate', `write ${rate}`)
  }
  return bad('is not a rate or a period', suggest)
}

export function readPerYear(c: Cell): Read<{rate: string}> {
  const n = typeof c === 'number' ? c : Number(text(c))
  return Number.isFinite(n) && n >= 0 ? ok({rate: `${n}/y`}) : bad('is not a number of times a year', 'write a number such as 12')
}

export function readDemandRate(c: Cell): Read<string> {
  const t = text(c).replace(/\s+/g, '')
  if (typeof c !== 'number' && parsePerCapitaRate(t, DEFAULT_CLOCK) !== undefined) return ok(t)
  return bad('is not a rate per 1,000 residents', 'write 3/1000/mo, or use the column 每千人每年件数')
}

export function readPerThousandYear(c: Cell): Read<string> {
  const n = typeof c === 'number' ? c : Number(text(c))
  return Number.isFinite(n) && n >= 0 ? ok(`${n}/1000/y`) : bad('is not a number of requests', 'write a number such as 36')
}

export function readNumber(c: Cell): Read<number> {
  const n = typeof c === 'number' ? c : typeof c === 'string' ? Number(c.trim().replace(/[,，\s]/g, '')) : NaN
  return Number.isFinite(n) && n >= 0 ? ok(n) : bad('is not a number of 0 or more', 'write a plain number such as 15')
}

export function readCount(c: Cell): Read<number> {
  const r = readNumber(c)
  return r.ok && Number.isInteger(r.value) && r.value >= 1 ? r : bad('is not a whole number of 1 or more', 'write 1, 2, 3 …')
}

export function readShare(c: Cell): Read<number> {
  const t = typeof c === 'number' ? '' : text(c)
  const n = typeof c === 'number' ? c : t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t)
  return Number.isFinite(n) && n >= 0 && n <= 1 ? ok(n) : bad('is not a share', 'write a share between 0 and 1 (0.3) or a percentage (30%)')
}

export function readBool(c: Cell): Read<boolean> {
  if (typeof c === 'boolean') return ok(c)
  const t = text(c).toLowerCase()
  if (TRUE.includes(t)) return ok(true)
  if (FALSE.includes(t)) return ok(false)
  return bad('is not yes or no', 'write 是 or 否')
}

const listOf = (table: Record<string, readonly string[]>) =>
  Object.entries(table).map(([id, words]) => words[0] ?? id).join(' ')

/** Reads one cell by the column's type; `list` and `text` never fail. */
export function readCell(type: ValueType, c: Cell): Read {
  switch (type) {
    case 'text':
    case 'id':
      return ok(text(c))
    case 'list':
      return ok(splitList(c))
    case 'number':
      return readNumber(c)
    case 'count':
      return readCount(c)
    case 'share':
      return readShare(c)
    case 'bool':
      return readBool(c)
    case 'kind': {
      const k = word(KIND_WORDS, text(c))
      return k ? ok(k) : bad('is not a kind of unit', `write one of ${listOf(KIND_WORDS)} (or ${BUILTIN_KINDS.join(', ')})`)
    }
    case 'tier': {
      const k = word(TIER_WORDS, text(c))
      return k ? ok(k) : bad('is not a tier', `write one of ${listOf(TIER_WORDS)} (or ${TIERS.join(', ')})`)
    }
    case 'taskKind': {
      const k = word(TASK_KIND_WORDS, text(c))
      return k ? ok(k) : bad('is not a kind of task', `write one of ${listOf(TASK_KIND_WORDS)} (or ${TASK_KINDS.join(', ')})`)
    }
    case 'duration':
      return readDuration(c)
    case 'frequency':
      return readFrequency(c)
    case 'perYear':
      return readPerYear(c)
    case 'demandRate':
      return readDemandRate(c)
    case 'perThousandYear':
      return readPerThousandYear(c)
  }
}
