// Tables → .xlsx bytes (exceljs): bold frozen headers, column widths, number formats.
import type {SheetTable} from './sheet.js'

export async function workbookBytes(tables: readonly SheetTable[]): Promise<Uint8Array> {
  // Loaded here, not at start-up: only --xlsx needs it.
  const {default: excel} = await import('exceljs')
  const wb = new excel.Workbook()
  // A fixed date: the same run writes the same workbook properties.
  wb.created = wb.modified = new Date(Date.UTC(2020, 0, 1))
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, {views: [{state: 'frozen', ySplit: 1}]})
    ws.columns = t.columns.map((c) => ({header: c.header, width: c.width ?? Math.max(12, Math.min(40, c.header.length + 4)), ...(c.format && {style: {numFmt: c.format}})}))
    ws.getRow(1).font = {bold: true}
    for (const r of t.rows) ws.addRow(r)
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
