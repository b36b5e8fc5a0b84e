// `simulate --xlsx` and `compare --xlsx`, read back: one sheet a table, headers by --lang,
// numbers as numbers equal to the JSON output, each CI bound in its own column.
import {existsSync, readdirSync} from 'node:fs'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import ExcelJS from 'exceljs'
import {describe, expect, it} from 'vitest'
import {sheetName} from '../../src/xlsx/sheet.js'
import {runCommand} from '../helpers/run-command.js'

const CLASSROOM = join(import.meta.dirname, '..', '..', 'models', 'classroom.yaml')
const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios', 'classroom')
const RUN = ['--seed', '5', '--replications', '3', '--horizon', '1mo']

async function readBack(file: string): Promise<Map<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const out = new Map<string, unknown[][]>()
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = []
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    out.set(ws.name, rows)
  }
  return out
}

describe('tables as workbooks', () => {
  it('simulate --xlsx: units, bottlenecks and totals in English, equal to --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-xlsx-'))
    const file = join(dir, 'flow.xlsx')
    const r = await runCommand(['simulate', CLASSROOM, ...RUN, '--json', '--xlsx', file])
    expect(r.code).toBe(0)
    const flow = JSON.parse(r.stdout).flow
    const book = await readBack(file)
    expect([...book.keys()]).toEqual(['Units', 'Bottlenecks', 'Totals', 'About'])
    const [head, ...rows] = book.get('Units')!
    expect(head.slice(0, 8)).toEqual(['unit', 'name', 'tier', 'kind', 'staff', 'utilisation', 'utilisation low', 'utilisation high'])
    expect(rows).toHaveLength(flow.units.length)
    const u = flow.units[0]
    expect(rows[0].slice(0, 2)).toEqual([u.id, u.name])
    expect(rows[0].slice(5, 8)).toEqual([u.utilisation.mean, u.utilisation.lo, u.utilisation.hi])
    for (const v of rows[0].slice(4)) expect(typeof v === 'number' || v === undefined).toBe(true)
    const generated = book.get('Totals')!.find((row) => row[1] === 'generated')!
    expect(generated.slice(3)).toEqual([flow.items.generated.mean, flow.items.generated.lo, flow.items.generated.hi])
    expect(readdirSync(dir)).toEqual(['flow.xlsx']) // written atomically: no temporary file left
  }, 120_000)

  it('simulate --xlsx --lang zh: Chinese sheet names, headers and tiers', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'loudou-xlsx-')), '流量.xlsx')
    expect((await runCommand(['simulate', CLASSROOM, ...RUN, '--lang', 'zh', '--xlsx', file])).code).toBe(0)
    const book = await readBack(file)
    expect([...book.keys()]).toEqual(['单位', '瓶颈', '总体', '说明'])
    const [head, ...rows] = book.get('单位')!
    expect(head.slice(0, 8)).toEqual(['单位编号', '名称', '层级', '类型', '人员', '利用率', '利用率下限', '利用率上限'])
    expect(rows.map((row) => row[2])).toContain('社区')
  }, 120_000)

  it('compare --xlsx: a sheet per scenario with the paired CI in two columns, equal to --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-xlsx-'))
    const file = join(dir, 'comparison.xlsx')
    const r = await runCommand(['compare', CLASSROOM, join(SCENARIOS, 'flatten.yaml'), join(SCENARIOS, 'whistle.yaml'), ...RUN, '--json', '--xlsx', file])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    const book = await readBack(file)
    expect([...book.keys()]).toEqual([...json.scenarios.map((s: {id: string}) => s.id), 'About'])
    const [head, ...rows] = book.get(json.scenarios[0].id)!
    expect(head).toEqual(['metric', 'label', 'unit', 'baseline', 'scenario', 'change', 'change low (95% CI)', 'change high (95% CI)', 'significant', 'pairs'])
    const first = json.scenarios[0].rows[0]
    expect(rows[0]).toEqual([first.id, first.en, first.unit, first.baseline, first.scenario, first.change, first.lo ?? undefined, first.hi ?? undefined, first.significant, first.n])
  }, 180_000)

  it('refuses a workbook name without .xlsx before running (usage error)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-xlsx-'))
    for (const cmd of [['simulate', CLASSROOM], ['compare', CLASSROOM, join(SCENARIOS, 'flatten.yaml')]]) {
      const r = await runCommand([...cmd, '--xlsx', join(dir, 'out.csv')])
      expect(r.code).toBe(2)
      expect(existsSync(join(dir, 'out.csv'))).toBe(false)
    }
  })

  it('makes sheet names Excel accepts: 31 characters, no []:*?/\\, unique', () => {
    const taken = new Set<string>()
    expect(sheetName('a/b:c', taken)).toBe('a-b-c')
    expect(sheetName('A/B:C', taken)).toBe('A-B-C~2')
    expect(sheetName('x'.repeat(40), taken)).toBe('x'.repeat(31))
    expect(sheetName('x'.repeat(40), taken)).toBe('x'.repeat(29) + '~2')
  })
})
