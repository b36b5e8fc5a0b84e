// Chinese wording of the problems `loudou import` reports. Like the loader's (problems-zh.ts)
// they are written in English where they are found, with sheet names, cells and values filled
// in; under --lang zh each message and hint is matched here, whole, and reworded with its values
// kept. A column's note (a hint) is reworded from its `noteZh`. Text no rule matches falls back
// to the loader's rules (an imported model's own problems), then is shown as written.
import {TABLES} from '../import/columns.js'
import {problemTextZh} from './problems-zh.js'

type Rule = [RegExp, string | ((...groups: string[]) => string)]

const TABLE_ZH: Record<string, string> = {units: '单位', tasks: '事项', demand: '诉求', categories: '类别', powers: '职权'}
const table = (name: string): string => TABLE_ZH[name] ?? name

/** How a cell's value failed to read (src/import/values.ts), as it follows `header "value"`. */
const VALUE: Record<string, string> = {
  'is not a duration': '不是时长',
  'is a bare number': '是不带单位的数字',
  'is not a rate': '不是发生率',
  'is not a rate or a period': '既不是发生率也不是周期',
  'is not a number of times a year': '不是每年次数',
  'is not a rate per 1,000 residents': '不是每千人发生率',
  'is not a number of requests': '不是件数',
  'is not a number of 0 or more': '不是 0 或以上的数',
  'is not a whole number of 1 or more': '不是 1 或以上的整数',
  'is not a share': '不是比例',
  'is not yes or no': '不是“是”或“否”',
  'is not a kind of unit': '不是单位类型',
  'is not a tier': '不是层级',
  'is not a kind of task': '不是事项类型',
}

/** A cell that holds what cannot be read (src/import/workbook.ts). */
const ISSUE: Rule[] = [
  [/^holds a date \((.+)\), not what was typed$/, '是日期（$1），不是原来输入的内容'],
  [/^holds a formula \((=.*)\) without a computed value$/, '是没有计算结果的公式（$1）'],
  [/^holds the error (.+)$/, '是错误值 $1'],
  [/^holds a value loudou cannot read$/, '的值无法读取'],
]

const SAVE_AS = '在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx），或另存为 CSV（UTF-8）'
const FORMATS: Record<string, string> = {
  'an Excel 97-2003 workbook (.xls)': 'Excel 97-2003 工作簿（.xls）',
  'a Numbers document': 'Numbers 文稿',
  'a WPS spreadsheet (.et)': 'WPS 表格文件（.et）',
  'an OpenDocument spreadsheet (.ods)': 'OpenDocument 电子表格（.ods）',
  'a binary Excel workbook (.xlsb)': 'Excel 二进制工作簿（.xlsb）',
}

const RULES: Rule[] = [
  // files and workbooks
  [/^(.+) cannot be read$/, (what) => `无法读取 ${FORMATS[what] ?? what}`],
  [/^open it in Excel or WPS and save it as an Excel workbook \(\.xlsx\), or as CSV \(UTF-8\)$/, SAVE_AS],
  [/^remove the password, or open it in Excel or WPS .*$/, `去掉密码，或${SAVE_AS}`],
  [/^not a spreadsheet loudou reads \((.+)\)$/, (ext) => `不是可读取的表格文件（${ext === 'no extension' ? '无扩展名' : ext}）`],
  [/^give \.xlsx workbooks or \.csv files$/, '请给出 .xlsx 工作簿或 .csv 文件'],
  [/^not a regular file$/, '不是普通文件'],
  [/^give a spreadsheet file$/, '请给出表格文件'],
  [/^cannot read the file: no such file$/, '无法读取文件：文件不存在'],
  [/^the file is larger than (\S+) MB$/, '文件大于 $1 MB'],
  [/^this is an \.xls workbook or a password-protected one, not an \.xlsx$/, '这是 .xls 工作簿或受密码保护的工作簿，不是 .xlsx'],
  [/^not an \.xlsx workbook \(the file is not a zip archive\)$/, '不是 .xlsx 工作簿（文件不是 zip 压缩包）'],
  [/^not a readable \.xlsx workbook: (.+)$/, '无法读取的 .xlsx 工作簿：$1'],
  [/^the workbook unpacks to more than (\S+) MB$/, '工作簿解压后超过 $1 MB'],
  [/^the sheet has more than (\S+) rows$/, '工作表超过 $1 行'],
  [/^not a readable CSV file: (.+)$/, '无法读取的 CSV 文件：$1'],
  [/^save the sheet again as CSV \(UTF-8\)$/, '把工作表重新另存为 CSV（UTF-8）'],
  [/^more than (\S+) rows$/, '超过 $1 行'],
  [/^the spreadsheets hold (\S+) rows, more than (\S+) in all$/, '表格共 $1 行，超过总上限 $2 行'],
  [/^a model's workbook holds hundreds of rows: split it, or write units with `count` in YAML$/, '一个模型的工作簿通常只有几百行：请拆分，或在 YAML 中用 `count` 编写单位'],
  [/^a model's workbook holds hundreds of rows: remove what it does not need$/, '一个模型的工作簿通常只有几百行：删去不需要的内容'],
  [/^a model's workbook holds hundreds of rows: write large models with `count` and `replicas` in YAML$/, '一个模型的工作簿通常只有几百行：大模型请在 YAML 中用 `count` 和 `replicas` 编写'],
  [/^a model's sheet holds hundreds of rows: delete the empty or formatted rows below the table, or write units with `count` in YAML$/, '一个模型的工作表通常只有几百行：删去表格下方的空行或带格式的行，或在 YAML 中用 `count` 编写单位'],
  [/^a model's table holds hundreds of rows$/, '一个模型的表格通常只有几百行'],
  // sheets and headers
  [/^no units sheet \(单位\)$/, '没有单位表（单位）'],
  [/^add a sheet named 单位 \(or units\) with a row per unit: (.+)$/, '添加名为“单位”（或 units）的工作表，每个单位一行：$1'],
  [/^no tasks sheet \(事项\) and no demand sheet \(诉求\)$/, '既没有事项表（事项），也没有诉求表（诉求）'],
  [/^add a sheet named 事项 \(tasks\) or 诉求 \(demand\)$/, '添加名为“事项”（tasks）或“诉求”（demand）的工作表'],
  [/^not read: neither its name nor its headers are those of a units, tasks or demand table$/, '未读取：表名和表头都不属于单位、事项或诉求表'],
  [/^name the sheet 单位, 事项 or 诉求 \(units, tasks, demand\), or 说明 to keep notes$/, '把工作表命名为单位、事项或诉求（units、tasks、demand），或命名为说明以保存备注'],
  [/^no header row: none of the first (\d+) rows has the headers of a (\w+) table$/, (n, t) => `没有表头行：前 ${n} 行中没有${table(t)}表的表头`],
  [/^put the headers in one row: (.+)$/, '把表头写在同一行：$1'],
  [/^unknown column (".*") in a (\w+) table$/, (h, t) => `${table(t)}表中有未知的列 ${h}`],
  [/^(?:did you mean (.+)\? |the columns of a (\w+) table: (.+); )start the header with # to keep the column out of the import$/,
    (meant, t, cols) => `${meant ? `是否指 ${meant}？` : `${table(t)}表的列有：${cols}；`}表头以 # 开头可使该列不参与导入`],
  [/^(".*") says the same as the column (.+)$/, '$1 与列 $2 含义相同'],
  [/^keep one of the two columns$/, '只保留其中一列'],
  [/^no column (\S+) \((.+)\)$/, '没有 $1 列（$2）'],
  [/^add a column headed (\S+): (.+)$/, (h, note) => `添加表头为 ${h} 的列：${noteZh(note)}`],
  [/^no column 频次 \(frequency\) or 次数\/年 \(per year\)$/, '没有频次（frequency）或次数/年（per year）列'],
  [/^say how often each task arrives$/, '写出每项事项多久下达一次'],
  [/^no column 发生率 \(rate\) or 每千人每年件数$/, '没有发生率（rate）或每千人每年件数列'],
  [/^say how often residents raise each request$/, '写出居民提出每项诉求的频率'],
  [/^merged cells$/, '合并单元格'],
  [/^unmerge them and fill in every cell \(a merged cell holds a value for its first cell only\)$/, '取消合并并填写每个单元格（合并单元格只在第一个格中有值）'],
  // cells
  [/^the header (holds .+)$/, (issue) => `表头${issueZh(issue)}`],
  [/^(.+?) (holds .+)$/, (h, issue) => `${h} ${issueZh(issue)}`],
  [/^Excel turns entries such as 3-5 or 1\/2 into dates: format the column as text \(文本\) and type the value again$/, 'Excel 会把 3-5 或 1/2 这样的输入变成日期：把该列设为文本格式后重新输入'],
  [/^open and save the workbook in Excel or WPS, or paste the values \(选择性粘贴 → 数值\)$/, '在 Excel 或 WPS 中打开并保存工作簿，或粘贴数值（选择性粘贴 → 数值）'],
  [/^correct the cell in Excel or WPS$/, '在 Excel 或 WPS 中改正该单元格'],
  [/^type plain text or a number$/, '输入纯文本或数字'],
  [/^(.+?) ("(?:[^"\\]|\\.)*"|-?[\d.e+-]+|true|false) (is [^:]+): (.+)$/, (h, v, what, fix) => `${h} ${v} ${VALUE[what] ?? what}：${fixZh(fix)}`],
  [/^(.+) is empty$/, '$1 为空'],
  [/^both (.+) and (.+) are given$/, '$1 和 $2 都填了'],
  [/^keep one of them$/, '只保留其中一个'],
  [/^say how often it arrives: 每月, 2\/mo, 6\/y …$/, '写出它多久下达一次：每月、2/mo、6/y …'],
  [/^write a rate such as 3\/1000\/mo$/, '写发生率，如 3/1000/mo'],
  [/^(.+) applies to a period \(每月 …\), not to a rate$/, '$1 只用于周期（每月 …），不用于发生率'],
  [/^write a period in 频次, or leave this cell empty$/, '在频次中写周期，或把此格留空'],
  // rows and references
  [/^编号 (".*") is already used in row (\d+)$/, '编号 $1 已在第 $2 行使用'],
  [/^编号 (".*") is already used$/, '编号 $1 已被使用'],
  [/^编号 (".*") is not an id$/, '编号 $1 不是有效的编号'],
  [/^give each unit its own 编号$/, '给每个单位一个不同的编号'],
  [/^give each row its own 编号$/, '每行写一个不同的编号'],
  [/^an id is made of letters, digits, `\.`, `_` and `-`, once each$/, '编号由字母、数字、`.`、`_` 和 `-` 组成，且互不相同'],
  [/^an id is made of letters, digits, `\.`, `_` and `-`; or leave it empty$/, '编号由字母、数字、`.`、`_` 和 `-` 组成；也可以留空'],
  [/^(.+) (".*") is not a unit of the units sheet$/, '$1 $2 不是单位表中的单位'],
  [/^give the 编号 or the name of a row of the units sheet$/, '写单位表中某一行的编号或名称'],
  [/^上级 (".*") names (\d+) units \(rows (.+)\)$/, '上级 $1 对应 $2 个单位（第 $3 行）'],
  [/^give each of them a 编号 and name the parent by it$/, '给它们各写一个编号，并用编号写上级'],
  [/^a unit cannot be its own 上级$/, '单位不能是自己的上级'],
  [/^name the unit above it$/, '写出它上面的单位'],
  [/^上级 forms a cycle: (.+)$/, '上级形成循环：$1'],
  [/^a unit cannot be above itself: change one of these 上级$/, '单位不能在自己之上：修改其中一个上级'],
  [/^the units are nested more than (\d+) levels deep here$/, '单位在此处嵌套超过 $1 层'],
  [/^check the 上级 column: a governance chain has a handful of levels$/, '检查上级列：一条治理链通常只有几层'],
  [/^(".*") is not in the (\w+) sheet$/, (w, t) => `${w} 不在${table(t)}表中`],
  [/^add it to the (\w+) sheet$/, (t) => `把它加到${table(t)}表中`],
]

/** How to write a value (src/import/values.ts), after the colon. */
const FIX: Rule[] = [
  [/^write a number of hours \(8\) or 30m, 2d$/, '写小时数（8）或 30m、2d'],
  [/^write hours as a number \(8\) or 30m, 6h, 2d, 1w, 4小时, 2天$/, '写小时数（8）或 30m、6h、2d、1w、4小时、2天'],
  [/^write (\S+)\/y \(times a year\) or (\S+)\/mo, or use the column 次数\/年$/, '写 $1/y（每年次数）或 $2/mo，或改用次数/年列'],
  [/^write a period such as 每月 or 1mo \(regular times\) or a rate such as 2\/mo or 6\/y \(random times\)$/, '写周期，如每月或 1mo（定时），或发生率，如 2/mo 或 6/y（随机时刻）'],
  [/^write a number such as (\d+)$/, '写一个数，如 $1'],
  [/^write 3\/1000\/mo, or use the column 每千人每年件数$/, '写 3/1000/mo，或改用每千人每年件数列'],
  [/^write a plain number such as (\d+)$/, '写一个普通数字，如 $1'],
  [/^write 1, 2, 3 …$/, '写 1、2、3 …'],
  [/^write a share between 0 and 1 \(0\.3\) or a percentage \(30%\)$/, '写 0 到 1 之间的比例（0.3）或百分数（30%）'],
  [/^write 是 or 否$/, '写“是”或“否”'],
  [/^write one of (.+) \(or (.+)\)$/, '写以下之一：$1（或 $2）'],
  [/^write (\S+)$/, '应写作 $1'],
]

function apply(rules: Rule[], text: string): string | undefined {
  for (const [re, zh] of rules) {
    const m = re.exec(text)
    if (m) return typeof zh === 'string' ? text.replace(re, zh) : zh(...m.slice(1))
  }
  return undefined
}

let notes: Map<string, string> | undefined
/** A column's note in Chinese, as the template's 说明 sheet gives it. */
function noteZh(note: string): string {
  notes ??= new Map(TABLES.flatMap((t) => t.columns.map((c): [string, string] => [c.note, c.noteZh])))
  return notes.get(note) ?? note
}
const issueZh = (issue: string): string => apply(ISSUE, issue) ?? issue
const fixZh = (fix: string): string => apply(FIX, fix) ?? fix

/** A message or hint of an import problem, in Chinese. */
export function importTextZh(text: string): string {
  const ours = apply(RULES, text)
  if (ours !== undefined) return ours
  const note = noteZh(text)
  if (note !== text) return note
  // The imported model's own problems come as `path: message` (src/import/index.ts).
  const at = /^(\S+): (.+)$/.exec(text)
  if (at && problemTextZh(at[2]) !== at[2]) return `${at[1]}：${problemTextZh(at[2])}`
  return problemTextZh(text)
}
