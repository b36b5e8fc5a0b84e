// `loudou import --template FILE.xlsx`: a workbook with the units, tasks and demand sheets,
// their headers (Chinese or English), a filled example that imports as it is, and a 说明
// sheet that says what each column holds.
import type ExcelJS from 'exceljs'
import {DEMAND, TABLES, TASKS, UNITS} from './columns.js'
import type {Table} from './columns.js'

type Example = Record<string, string | number>

/** Units that make a small valid district; the same in both languages but for kinds and tiers. */
function examples(lang: 'en' | 'zh'): Record<'units' | 'tasks' | 'demand', Example[]> {
  const w = (zh: string, en: string) => (lang === 'zh' ? zh : en)
  return {
    units: [
      {id: 'district', name: '示范区人民政府', kind: w('政府', 'government'), tier: w('区', 'district'), staff: 40},
      {id: 'civil-affairs', name: '民政局', kind: w('部门', 'department'), parent: 'district', tier: w('区', 'district'), domain: 'civil-affairs', staff: 30, powers: '社会救助审批'},
      {id: 'dongmen', name: '东门街道办事处', kind: w('街道', 'street'), parent: 'district', staff: 16},
      {name: '东门社区', kind: w('社区', 'community'), parent: 'dongmen', staff: 12, residents: 8000, households: 3000},
      {name: '西门社区', kind: w('社区', 'community'), parent: 'dongmen', staff: 10, residents: 6500},
    ],
    tasks: [
      {id: 'subsidy-review', name: '低保复核', category: '民政事务', issuer: '民政局', target: w('社区', 'community'), kind: w('常规', 'routine'), frequency: w('每月', '1mo'), effort: '8h', collects: 'household.income', contacts: 0.1, veto: w('否', 'no'), statutory: w('是', 'yes'), deadline: '5d'},
      {name: '民政工作考核', category: '民政事务', issuer: '民政局', target: w('社区', 'community'), kind: w('检查', 'inspection'), perYear: 2, effort: '2d', veto: w('否', 'no'), statutory: w('否', 'no')},
    ],
    demand: [{id: 'benefits', name: '救助补贴申请', category: '民政事务', at: w('社区', 'community'), rate: '1/1000/mo', effort: '3h', effortSd: '1h', needs: '社会救助审批'}],
  }
}

function addTable(wb: ExcelJS.Workbook, table: Table, rows: Example[], lang: 'en' | 'zh'): void {
  const ws = wb.addWorksheet(lang === 'zh' ? table.sheets[0] : table.sheets.find((s) => /^[a-z]/.test(s))!)
  ws.addRow(table.columns.map((c) => (lang === 'zh' ? c.zh[0] : c.en[0])))
  for (const r of rows) ws.addRow(table.columns.map((c) => r[c.key] ?? null))
  ws.getRow(1).font = {bold: true}
  ws.columns.forEach((col) => (col.width = 14))
  ws.views = [{state: 'frozen', ySplit: 1}]
  // Text columns stay text: Excel must not turn 3-5 or 1/2 into dates.
  table.columns.forEach((c, j) => {
    if (c.type !== 'number' && c.type !== 'count' && c.type !== 'perYear' && c.type !== 'perThousandYear') ws.getColumn(j + 1).numFmt = '@'
  })
}

export async function templateWorkbook(lang: 'en' | 'zh'): Promise<Uint8Array> {
  const {default: excel} = await import('exceljs')
  const wb = new excel.Workbook()
  const ex = examples(lang)
  addTable(wb, UNITS, ex.units, lang)
  addTable(wb, TASKS, ex.tasks, lang)
  addTable(wb, DEMAND, ex.demand, lang)
  const notes = wb.addWorksheet(lang === 'zh' ? '说明' : 'readme')
  notes.addRow(lang === 'zh' ? ['表', '列', '英文列名', '必填', '说明'] : ['sheet', 'column', 'Chinese header', 'required', 'what it holds'])
  for (const t of TABLES) {
    for (const c of t.columns) {
      notes.addRow([lang === 'zh' ? t.sheets[0] : t.name, lang === 'zh' ? c.zh[0] : c.en[0], lang === 'zh' ? c.en[0] : c.zh[0], c.required ? '✓' : '', lang === 'zh' ? c.noteZh : c.note])
    }
  }
  notes.getRow(1).font = {bold: true}
  notes.columns.forEach((col, j) => (col.width = j === 4 ? 90 : 16))
  // A fixed date keeps the file the same from one run to the next.
  wb.created = wb.modified = new Date(Date.UTC(2020, 0, 1))
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
