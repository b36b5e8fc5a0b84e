// Labels of the dashboard in English and Chinese. Model and unit names are shown as written.
export type Lang = 'en' | 'zh'

export interface Labels {
  title: string
  day: string
  speed: string
  running: string
  paused: string
  seed: string
  funnel: string
  units: string
  load: string
  queue: string
  bottlenecks: string
  util: string
  requests: string
  raised: string
  resolved: string
  waiting: string
  rate: string
  timeSplit: string
  service: string
  admin: string
  inspection: string
  duplicates: string
  items: string
  generated: string
  completed: string
  rejected: string
  unresolved: string
  open: string
  trends: string
  backlog: string
  baseline: string
  reformed: string
  /** Short column heads of a comparison. */
  before: string
  after: string
  reforms: string
  noReforms: string
  none: string
  tiers: Record<string, string>
  reformNames: Record<string, string>
  duplicateNames: Record<string, string>
  keyHints: string
  help: {title: string; keys: Array<[string, string]>; panels: Array<[string, string]>; close: string}
}

const en: Labels = {
  title: 'loudou',
  day: 'day',
  speed: 'd/s',
  running: '▶ running',
  paused: '■ paused',
  seed: 'seed',
  funnel: 'Funnel',
  units: 'units',
  load: 'load',
  queue: 'queue',
  bottlenecks: 'Bottlenecks',
  util: 'util',
  requests: 'Resident requests',
  raised: 'raised',
  resolved: 'resolved',
  waiting: 'waiting',
  rate: 'resolution',
  timeSplit: 'Community time',
  service: 'service',
  admin: 'admin',
  inspection: 'inspections',
  duplicates: 'Duplicated handling',
  items: 'Items',
  generated: 'generated',
  completed: 'completed',
  rejected: 'rejected',
  unresolved: 'unresolved',
  open: 'open',
  trends: 'Backlog over time',
  backlog: 'backlog',
  baseline: 'baseline',
  reformed: 'reformed',
  before: 'before',
  after: 'after',
  reforms: 'Reforms',
  noReforms: 'no scenario given (--scenario)',
  none: 'none yet',
  tiers: {city: 'city', district: 'district', street: 'street', community: 'community', grid: 'grid'},
  reformNames: {},
  duplicateNames: {
    duplicateContacts: 'repeat household visits',
    householdContacts: 'household visits',
    redundantInspections: 'redundant inspections',
    multiUnitItems: 'items at >1 unit',
    relayHopsPerItem: 'relay hops per item',
    escalations: 'escalations',
    summons: 'summons (whistle)',
    returned: 'returned to departments',
  },
  keyHints: 'space pause · s step · +/- speed · r reset · 1-9 reforms · ? help · q quit',
  help: {
    title: 'Keys and panels',
    keys: [
      ['space', 'pause / resume'],
      ['s  .', 'step one simulated day (pauses)'],
      ['+  -', 'faster / slower (simulated days per second)'],
      ['r', 'reset to day 0 (same seed)'],
      ['1 … 9', 'toggle a reform of the scenarios: before | after side by side'],
      ['?', 'show / hide this help'],
      ['q', 'quit'],
    ],
    panels: [
      ['Funnel', 'each tier: units, live load (busy staff / staff), items queued'],
      ['Bottlenecks', 'units with the highest utilisation so far, and their queues'],
      ['Requests', 'requests raised by residents: resolved and still waiting'],
      ['Community time', 'share of community hours: residents, admin tasks, inspections'],
      ['Duplicated', 'repeat visits, redundant inspections, relays and escalations'],
      ['Backlog', 'items queued and requests waiting, one point per simulated day'],
    ],
    close: 'press ? to close',
  },
}

const zh: Labels = {
  title: '漏斗 loudou',
  day: '第',
  speed: '天/秒',
  running: '▶ 运行',
  paused: '■ 暂停',
  seed: '种子',
  funnel: '倒三角漏斗',
  units: '单位',
  load: '负荷',
  queue: '排队',
  bottlenecks: '瓶颈',
  util: '利用率',
  requests: '居民诉求',
  raised: '提出',
  resolved: '已解决',
  waiting: '等待中',
  rate: '解决率',
  timeSplit: '社区时间分配',
  service: '服务居民',
  admin: '行政事务',
  inspection: '迎检',
  duplicates: '重复处理',
  items: '事项',
  generated: '产生',
  completed: '完成',
  rejected: '拒收',  // refused by an access catalogue and not sent back; 退回部门 is the returned count
  unresolved: '未解决',
  open: '在办',
  trends: '积压趋势',
  backlog: '积压',
  baseline: '改革前',
  reformed: '改革后',
  before: '改革前',
  after: '改革后',
  reforms: '改革',
  noReforms: '未给出情景 (--scenario)',
  none: '暂无',
  tiers: {city: '市', district: '区', street: '街道', community: '社区', grid: '网格'},
  reformNames: {
    flatten: '扁平化',
    merge: '大社区',
    'access-catalogue': '准入清单',
    'responsibility-split': '主管+属地',
    whistle: '吹哨报到',
    'data-sharing': '信息共享',
    'grid-merge': '多网合一',
    'purchase-services': '购买服务',
    'inspection-cap': '督查精简',
    'sink-staff': '力量下沉',
  },
  duplicateNames: {
    duplicateContacts: '重复上门',
    householdContacts: '入户次数',
    redundantInspections: '重复检查',
    multiUnitItems: '多单位经手',
    relayHopsPerItem: '每项转手次数',
    escalations: '层层上报',
    summons: '吹哨报到',
    returned: '退回部门',
  },
  keyHints: '空格 暂停 · s 单步 · +/- 速度 · r 重置 · 1-9 改革 · ? 帮助 · q 退出',
  help: {
    title: '按键与面板',
    keys: [
      ['空格', '暂停 / 继续'],
      ['s  .', '前进一个模拟日（并暂停）'],
      ['+  -', '加快 / 减慢（每秒模拟天数）'],
      ['r', '重置到第 0 天（同一种子）'],
      ['1 … 9', '开关情景中的一项改革：改革前 | 改革后 并排显示'],
      ['?', '显示 / 隐藏帮助'],
      ['q', '退出'],
    ],
    panels: [
      ['漏斗', '每一层级：单位数、实时负荷（在忙人员/人员）、排队事项'],
      ['瓶颈', '至今利用率最高的单位及其排队'],
      ['居民诉求', '居民提出的诉求：已解决与等待中'],
      ['社区时间', '社区工时占比：服务居民、行政事务、迎检'],
      ['重复处理', '重复上门、重复检查、转手与上报'],
      ['积压趋势', '排队事项与等待诉求，每个模拟日一个点'],
    ],
    close: '按 ? 关闭',
  },
}

export function labels(lang: Lang): Labels {
  return lang === 'zh' ? zh : en
}

export function tierName(l: Labels, tier: string | undefined): string {
  if (tier === undefined) return '—'
  return l.tiers[tier] ?? tier
}

export function reformName(l: Labels, type: string): string {
  return l.reformNames[type] ?? type
}

/** Engine counters are camelCase keys; unknown ones are shown as words. */
export function duplicateName(l: Labels, key: string): string {
  return l.duplicateNames[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

export function dayLabel(l: Labels, day: string, lang: Lang): string {
  return lang === 'zh' ? `第 ${day} 天` : `${l.day} ${day}`
}
