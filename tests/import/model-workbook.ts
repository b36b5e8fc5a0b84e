// Writes a loaded model as a workbook in `loudou import`'s format (full ids as 编号, every
// value exact: durations in hours, rates per hour), for round trips.
import ExcelJS from 'exceljs'
import type {Distribution, Model} from '../../src/model/types.js'

const num = (x: number): string => (String(x).includes('e') ? x.toFixed(15).replace(/0+$/, '') : String(x))
const list = (xs: readonly string[]) => (xs.length > 0 ? xs.join('、') : null)

function effort(d: Distribution): [string, string | null] {
  if (d.dist === 'fixed') return [`${num(d.value)}h`, null]
  if (d.dist === 'lognormal') return [`${num(d.mean)}h`, `${num(d.sd)}h`]
  throw new Error(`a ${d.dist} effort has no column in the workbook`)
}

export async function modelWorkbook(model: Model, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const sheet = (name: string, rows: unknown[][]) => {
    const ws = wb.addWorksheet(name)
    for (const r of rows) ws.addRow(r as ExcelJS.CellValue[])
  }
  sheet('职权', [['编号', '名称'], ...model.powers.map((p) => [p.id, p.name])])
  sheet('类别', [['编号', '名称'], ...model.categories.map((c) => [c.id, c.name])])
  sheet('单位', [
    ['编号', '名称', '类型', '上级', '层级', '编制/人数', '常住人口', '户数', '职权', '领域', '标签'],
    ...model.units.map((u) => [u.id, u.name, u.kind, u.parent ?? null, u.tier ?? null, u.staff, u.residents, u.households, list(u.powers), u.domain ?? null, list(u.labels)]),
  ])
  sheet('事项', [
    ['编号', '事项名称', '类别', '责任部门', '承接层级', '事项类型', '频次', '首次时间', '工时', '工时标准差', '所需职权', '采集字段', '入户比例', '是否一票否决', '办结时限', '标签'],
    ...model.tasks.map((t) => {
      const freq = t.arrival.type === 'periodic' ? `${num(t.arrival.every)}h` : `${num(t.arrival.perHour)}/h`
      const offset = t.arrival.type === 'periodic' && t.arrival.offset !== undefined ? `${num(t.arrival.offset)}h` : null
      return [t.id, t.name, t.category ?? null, t.issuers.join('、'), t.target, t.kind, freq, offset, ...effort(t.effort), list(t.needs), list(t.collects), t.contacts || null, t.veto ? '是' : '否', t.deadline === undefined ? null : `${num(t.deadline)}h`, list(t.labels)]
    }),
  ])
  sheet('诉求', [
    ['编号', '诉求名称', '类别', '发生层级', '发生率', '工时', '工时标准差', '所需职权'],
    ...model.demand.map((d) => [d.id, d.name, d.category ?? null, d.at, `${num(d.perResidentHour * 1000)}/1000/h`, ...effort(d.effort), list(d.needs)]),
  ])
  await wb.xlsx.writeFile(file)
}
