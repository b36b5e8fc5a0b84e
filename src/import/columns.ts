// The tables `loudou import` reads and the headers it recognises, in Chinese and English. One
// definition serves the reader, the template workbook and docs/import.md (whose mapping table
// a test checks against this file).

export type TableName = 'units' | 'tasks' | 'demand' | 'categories' | 'powers'

/** How a cell is read (src/import/values.ts). */
export type ValueType =
  | 'text' | 'id' | 'list' | 'number' | 'share' | 'bool' | 'kind' | 'tier' | 'taskKind'
  | 'duration' | 'frequency' | 'perYear' | 'demandRate' | 'perThousandYear' | 'count'

export interface Column {
  key: string
  type: ValueType
  /** Headers in Chinese, the first the one the template writes. */
  zh: readonly string[]
  /** Headers in English, the first the one the template writes. */
  en: readonly string[]
  required?: boolean
  /** What the column holds, for the template's notes and the docs. */
  note: string
  /** The note in Chinese (--lang zh: the template's 说明 sheet and the hints of problems). */
  noteZh: string
}

export interface Table {
  name: TableName
  /** Sheet (or CSV file) names, Chinese first. */
  sheets: readonly string[]
  columns: readonly Column[]
}

const ID: Column = {key: 'id', type: 'id', zh: ['编号', '代码', '标识'], en: ['id', 'code'], note: 'optional id (letters, digits, . _ -); made from the row when empty', noteZh: '可选的编号（字母、数字、. _ -）；留空时由该行生成'}

export const UNITS: Table = {
  name: 'units',
  sheets: ['单位', '单位表', '组织', '机构', 'units', 'unit', 'organisations', 'organizations'],
  columns: [
    {...ID},
    {key: 'name', type: 'text', zh: ['名称', '单位名称', '单位'], en: ['name', 'unit'], required: true, note: 'the unit\'s name; other rows and the tasks refer to a unit by 编号 or by name', noteZh: '单位名称；其他行和事项用编号或名称指代单位'},
    {key: 'kind', type: 'kind', zh: ['类型', '单位类型', '性质'], en: ['kind', 'type'], required: true, note: '党委 政府 部门 街道 社区 社会组织 网格 业委会 物业 (or the English kind)', noteZh: '党委 政府 部门 街道 社区 社会组织 网格 业委会 物业（或英文类型）'},
    {key: 'parent', type: 'text', zh: ['上级', '上级单位', '隶属'], en: ['parent'], note: '编号 or name of the unit above (empty at the top)', noteZh: '上级单位的编号或名称（最上层留空）'},
    {key: 'tier', type: 'tier', zh: ['层级', '级别'], en: ['tier', 'level'], note: '市 区 街道 社区 网格; streets, communities and grids default to their own tier', noteZh: '市 区 街道 社区 网格；街道、社区和网格默认为各自的层级'},
    {key: 'staff', type: 'number', zh: ['编制/人数', '编制', '人数', '编制人数', '人员'], en: ['staff', 'fte'], note: 'staff (full-time equivalents), default 1', noteZh: '人员（折合全职人数），默认 1'},
    {key: 'residents', type: 'number', zh: ['常住人口', '人口'], en: ['residents', 'population'], note: 'residents (communities), default 0', noteZh: '常住人口（社区），默认 0'},
    {key: 'households', type: 'number', zh: ['户数'], en: ['households'], note: 'households, default residents / 2.5', noteZh: '户数，默认为常住人口 / 2.5'},
    {key: 'powers', type: 'list', zh: ['职权', '权限', '执法权'], en: ['powers'], note: 'powers held, separated by 、 or commas', noteZh: '拥有的职权，用 、 或逗号分隔'},
    {key: 'domain', type: 'text', zh: ['领域', '条线', '系统'], en: ['domain', 'line'], note: 'a department\'s line (民政, urban-management …): it relays its line\'s tasks', noteZh: '部门所属条线（民政、urban-management …）：它转发本条线的事项'},
    {key: 'labels', type: 'list', zh: ['标签'], en: ['labels', 'tags'], note: 'free labels, separated by 、 or commas', noteZh: '自由标签，用 、 或逗号分隔'},
  ],
}

export const TASKS: Table = {
  name: 'tasks',
  sheets: ['事项', '事项清单', '任务', '工作事项', 'tasks', 'task', 'catalogue'],
  columns: [
    {...ID},
    {key: 'name', type: 'text', zh: ['事项名称', '事项', '名称'], en: ['name', 'task'], required: true, note: 'the task (事项)', noteZh: '事项的名称'},
    {key: 'category', type: 'text', zh: ['类别', '事项类别', '大类'], en: ['category'], note: 'category (大类): a 编号 or name of the 类别 sheet, or any name when there is none', noteZh: '类别（大类）：类别表中的编号或名称；没有类别表时可写任意名称'},
    {key: 'issuer', type: 'list', zh: ['责任部门', '下达单位', '责任单位', '主管部门', '下达部门'], en: ['issuer', 'issued by'], required: true, note: 'the issuing units: 编号 or names of units, separated by 、; a name shared by several units means all of them', noteZh: '下达单位：单位的编号或名称，用 、 分隔；多个单位同名时指全部这些单位'},
    {key: 'target', type: 'tier', zh: ['承接层级', '承办层级', '执行层级', '落实层级'], en: ['target', 'target tier'], required: true, note: 'tier that does the work: 市 区 街道 社区 网格', noteZh: '承办工作的层级：市 区 街道 社区 网格'},
    {key: 'kind', type: 'taskKind', zh: ['事项类型', '类型'], en: ['kind', 'type'], note: '常规 临时 统计 检查 服务 执法 调解 (default 常规)', noteZh: '常规 临时 统计 检查 服务 执法 调解（默认常规）'},
    {key: 'frequency', type: 'frequency', zh: ['频次', '频率', '周期'], en: ['frequency', 'rate', 'every'], note: 'a period (每月, 每季度, 每年, 1mo, 2w: at regular times) or a rate (2/mo, 6/y: at random times)', noteZh: '周期（每月、每季度、每年、1mo、2w：定时）或发生率（2/mo、6/y：随机时刻）'},
    {key: 'perYear', type: 'perYear', zh: ['次数/年', '年次数', '每年次数'], en: ['per year', 'times per year'], note: 'times a year, at random times (instead of 频次)', noteZh: '每年次数，随机时刻（代替频次）'},
    {key: 'effort', type: 'duration', zh: ['工时', '单次工时', '工作量'], en: ['effort', 'hours'], required: true, note: 'working time per unit that does it: 8 (hours), 30m, 2d, 4小时, 2天', noteZh: '每个承办单位的工时：8（小时）、30m、2d、4小时、2天'},
    {key: 'effortSd', type: 'duration', zh: ['工时标准差'], en: ['effort sd'], note: 'spread of the effort: makes it lognormal with this standard deviation', noteZh: '工时的离散程度：工时按此标准差服从对数正态分布'},
    {key: 'needs', type: 'list', zh: ['所需职权', '需要职权'], en: ['needs', 'needs powers'], note: 'powers needed to resolve it (a unit without them escalates)', noteZh: '办结所需的职权（没有这些职权的单位会上报）'},
    {key: 'collects', type: 'list', zh: ['采集字段', '采集信息'], en: ['collects', 'fields'], note: 'data fields collected from households', noteZh: '向住户采集的数据字段'},
    {key: 'contacts', type: 'share', zh: ['入户比例'], en: ['contacts', 'households visited'], note: 'share of households visited, 0–1 or a percentage', noteZh: '入户的住户比例，0–1 或百分数'},
    {key: 'veto', type: 'bool', zh: ['是否一票否决', '一票否决'], en: ['veto'], note: '是/否: one-vote veto (top priority)', noteZh: '是/否：一票否决（最高优先级）'},
    {key: 'statutory', type: 'bool', zh: ['是否法定职责', '法定职责'], en: ['statutory'], note: '是: label statutory (法定职责); 否: label assisting (协助事项)', noteZh: '是：标为法定职责；否：标为协助事项'},
    {key: 'deadline', type: 'duration', zh: ['办结时限', '时限'], en: ['deadline'], note: 'time allowed from issue to done', noteZh: '从下达到办结允许的时间'},
    {key: 'offset', type: 'duration', zh: ['首次时间', '起始'], en: ['offset', 'first'], note: 'with a period: time of the first instance', noteZh: '配合周期使用：第一次的时间'},
    {key: 'count', type: 'count', zh: ['数量', '项数'], en: ['count', 'items'], note: 'the row stands for this many items of the catalogue (ids id-1 … id-N)', noteZh: '该行代表清单中的这么多项事项（编号 id-1 … id-N）'},
    {key: 'labels', type: 'list', zh: ['标签'], en: ['labels', 'tags'], note: 'free labels, separated by 、 or commas', noteZh: '自由标签，用 、 或逗号分隔'},
  ],
}

export const DEMAND: Table = {
  name: 'demand',
  sheets: ['诉求', '居民诉求', 'demand', 'requests'],
  columns: [
    {...ID},
    {key: 'name', type: 'text', zh: ['诉求名称', '诉求', '名称'], en: ['name', 'request'], required: true, note: 'the residents\' request (诉求)', noteZh: '居民诉求的名称'},
    {key: 'category', type: 'text', zh: ['类别', '大类'], en: ['category'], note: 'category, as for tasks', noteZh: '类别，同事项'},
    {key: 'at', type: 'tier', zh: ['发生层级', '受理层级'], en: ['at', 'raised at'], required: true, note: 'tier where residents raise it: 社区 or 网格', noteZh: '居民提出诉求的层级：社区或网格'},
    {key: 'rate', type: 'demandRate', zh: ['发生率'], en: ['rate'], note: 'per 1,000 residents: 3/1000/mo', noteZh: '每千名居民的发生率：3/1000/mo'},
    {key: 'perThousandYear', type: 'perThousandYear', zh: ['每千人每年件数'], en: ['per 1000 residents per year'], note: 'requests a year per 1,000 residents (instead of 发生率)', noteZh: '每千名居民每年的件数（代替发生率）'},
    {key: 'effort', type: 'duration', zh: ['工时', '单次工时'], en: ['effort', 'hours'], required: true, note: 'working time per request', noteZh: '每件诉求的工时'},
    {key: 'effortSd', type: 'duration', zh: ['工时标准差'], en: ['effort sd'], note: 'standard deviation: makes the effort lognormal', noteZh: '标准差：工时服从对数正态分布'},
    {key: 'needs', type: 'list', zh: ['所需职权', '需要职权'], en: ['needs', 'needs powers'], note: 'powers needed to resolve it', noteZh: '办结所需的职权'},
  ],
}

const vocab = (name: 'categories' | 'powers', sheets: readonly string[], zhName: string): Table => ({
  name,
  sheets,
  columns: [
    ID,
    {key: 'name', type: 'text', zh: ['名称', zhName], en: ['name'], required: true, note: `the ${name === 'powers' ? 'power' : 'category'}'s name`, noteZh: `${name === 'powers' ? '职权' : '类别'}名称`},
  ],
})

export const CATEGORIES = vocab('categories', ['类别', '事项类别', 'categories'], '类别名称')
export const POWERS = vocab('powers', ['职权', '权力', 'powers'], '职权名称')

export const TABLES: readonly Table[] = [UNITS, TASKS, DEMAND, CATEGORIES, POWERS]

/** Header text as compared: no spaces, `*` or notes in brackets, lower case, full-width folded. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*_]/g, '')
    .toLowerCase()
}

/** Columns kept out of the import: 序号, notes (备注) and any header starting with `#`. */
export function isIgnoredHeader(text: string): boolean {
  const h = normaliseHeader(text)
  return text.trim().startsWith('#') || ['序号', 'no.', 'no', '备注', '说明', 'note', 'notes', 'remarks', 'comment', 'comments'].includes(h)
}

export function columnFor(table: Table, header: string): Column | undefined {
  const h = normaliseHeader(header)
  return table.columns.find((c) => [...c.zh, ...c.en].some((w) => normaliseHeader(w) === h))
}

/** The table a sheet or CSV file name names, if any. */
export function tableNamed(name: string): Table | undefined {
  const n = normaliseHeader(name.replace(/\.csv$/i, ''))
  return TABLES.find((t) => t.sheets.some((s) => normaliseHeader(s) === n))
}

/** Sheets that document the workbook (the template's 说明) and are never read. */
export function isReadmeSheet(name: string): boolean {
  return ['说明', '填写说明', 'readme', 'notes', 'help'].includes(normaliseHeader(name))
}
