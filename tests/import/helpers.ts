// Workbooks written by exceljs for the import tests, in temporary folders.
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import ExcelJS from 'exceljs'

export type CellInput = string | number | boolean | Date | null | {formula: string; result?: number | string}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'loudou-import-'))
}

/** Writes sheets (name → rows) as an .xlsx; `merges` lists ranges per sheet. */
export async function writeWorkbook(file: string, sheets: Record<string, CellInput[][]>, merges: Record<string, string[]> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name)
    for (const r of rows) ws.addRow(r.map((c) => (c && typeof c === 'object' && 'formula' in c ? {formula: c.formula, result: c.result} : c)) as ExcelJS.CellValue[])
    for (const m of merges[name] ?? []) ws.mergeCells(m)
  }
  await wb.xlsx.writeFile(file)
  return file
}

export function writeText(file: string, text: string | Uint8Array): string {
  writeFileSync(file, text)
  return file
}

/** A small valid district: the units, tasks and demand sheets in Chinese. */
export const DISTRICT: Record<string, CellInput[][]> = {
  单位: [
    ['编号', '名称', '类型', '上级', '层级', '编制/人数', '常住人口', '职权', '领域'],
    ['district', '示范区人民政府', '政府', null, '区', 40, null, null, null],
    [null, '民政局', '部门', '示范区人民政府', '区', 30, null, '社会救助审批', 'civil-affairs'],
    ['east', '东门街道办事处', '街道', 'district', null, 16, null, null, null],
    [null, '东门社区', '社区', 'east', null, 12, 8000, '人民调解', null],
    [null, '西门社区', '社区', 'east', null, 10, 6500, null, null],
  ],
  事项: [
    ['事项名称', '类别', '责任部门', '承接层级', '事项类型', '频次', '次数/年', '工时', '所需职权', '是否一票否决', '是否法定职责'],
    ['低保复核', '民政事务', '民政局', '社区', '常规', '每月', null, 8, null, '否', '是'],
    ['民政工作考核', '民政事务', '民政局', '社区', '检查', null, 2, '2天', null, '是', '否'],
    ['困难群众排查', '民政事务', '民政局', '社区', '统计', '6/y', null, '4小时', '社会救助审批', null, null],
  ],
  诉求: [
    ['诉求名称', '类别', '发生层级', '发生率', '工时', '所需职权'],
    ['邻里纠纷', '矛盾纠纷调解', '社区', '2/1000/mo', '3h', '人民调解'],
  ],
}

/**
 * A minimal .xlsx written without exceljs (which takes a minute for 100,000 rows): one sheet
 * of inline strings, `rows` data rows under the header.
 */
export async function bigWorkbook(file: string, sheet: string, header: string[], row: (i: number) => (string | number)[], rows: number): Promise<string> {
  const {default: JSZip} = await import('jszip')
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const cell = (r: number) => (v: string | number, j: number) => {
    const ref = `${String.fromCharCode(65 + j)}${r}`
    return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`
  }
  const parts: string[] = [`<row r="1">${header.map(cell(1)).join('')}</row>`]
  for (let i = 0; i < rows; i++) parts.push(`<row r="${i + 2}">${row(i).map(cell(i + 2)).join('')}</row>`)
  const zip = new JSZip()
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`)
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join('')}</sheetData></worksheet>`)
  writeFileSync(file, await zip.generateAsync({type: 'nodebuffer', compression: 'DEFLATE'}))
  return file
}
