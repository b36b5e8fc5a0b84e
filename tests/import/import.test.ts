// `importSpreadsheets` on workbooks written by exceljs: a model that loads, Chinese and English
// headers alike, and every bad cell located in one pass.
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {importSpreadsheets} from '../../src/import/index.js'
import {formatSheetProblem} from '../../src/import/problems.js'
import {templateWorkbook} from '../../src/import/template.js'
import {loadModel} from '../../src/model/load.js'
import {DISTRICT, tempDir, writeText, writeWorkbook} from './helpers.js'

const lines = (r: Awaited<ReturnType<typeof importSpreadsheets>>) => r.problems.map((p) => formatSheetProblem(p).split('\n')[0].replace(/^[^:]*\//, ''))

async function loaded(yaml: string) {
  return loadModel(writeText(join(tempDir(), 'model.yaml'), yaml))
}

describe('loudou import (core)', () => {
  it('makes a model that loads, with the workbook as its source', async () => {
    const file = await writeWorkbook(join(tempDir(), '示范区.xlsx'), DISTRICT)
    const r = await importSpreadsheets([file], {id: 'demo'})
    expect(r.problems).toEqual([])
    const m = await loaded(r.yaml!)
    expect(m.id).toBe('demo')
    expect(m.sources).toEqual([{title: '示范区.xlsx', note: 'imported with loudou import: 单位 (5 rows), 事项 (3 rows), 诉求 (1 row)'}])
    expect(m.units.map((u) => `${u.id} ${u.kind} ${u.tier ?? '-'} ${u.staff}`)).toEqual([
      'district government district 40',
      'district/department-1 department district 30',
      'district/east street street 16',
      'district/east/community-1 community community 12',
      'district/east/community-2 community community 10',
    ])
    expect(m.units[3]).toMatchObject({name: '东门社区', residents: 8000, households: 3200, powers: ['power-2']})
    expect(m.powers).toEqual([{id: 'power-1', name: '社会救助审批'}, {id: 'power-2', name: '人民调解'}])
    expect(m.categories.map((c) => c.name)).toEqual(['民政事务', '矛盾纠纷调解'])
    const [review, check, survey] = m.tasks
    expect(review).toMatchObject({name: '低保复核', issuers: ['district/department-1'], target: 'community', kind: 'routine', effort: {dist: 'fixed', value: 8}, labels: ['statutory']})
    expect(review.arrival).toMatchObject({type: 'periodic', every: 250 * 8 / 12})
    expect(check).toMatchObject({kind: 'inspection', veto: true, effort: {dist: 'fixed', value: 16}, arrival: {type: 'poisson', perHour: 2 / 2000}, labels: ['assisting']})
    expect(survey).toMatchObject({kind: 'statistics', needs: ['power-1'], effort: {dist: 'fixed', value: 4}, arrival: {type: 'poisson', perHour: 6 / 2000}})
    expect(m.demand[0]).toMatchObject({name: '邻里纠纷', at: 'community', perResidentHour: 2 / 1000 / (2000 / 12), needs: ['power-2']})
  })

  it('reads English headers and sheet names to the same model', async () => {
    const en = {
      units: [['id', 'name', 'kind', 'parent', 'tier', 'staff', 'residents', 'powers', 'domain'], ...DISTRICT['单位'].slice(1)],
      tasks: [['name', 'category', 'issuer', 'target', 'kind', 'frequency', 'per year', 'effort', 'needs', 'veto', 'statutory'], ...DISTRICT['事项'].slice(1)],
      requests: [['name', 'category', 'at', 'rate', 'effort', 'needs'], ...DISTRICT['诉求'].slice(1)],
    }
    const zh = await importSpreadsheets([await writeWorkbook(join(tempDir(), 'd.xlsx'), DISTRICT)])
    const r = await importSpreadsheets([await writeWorkbook(join(tempDir(), 'd.xlsx'), en)])
    expect(r.problems).toEqual([])
    expect(r.yaml!.replace(/^.*sources:.*\n.*\n/m, '')).toBe(zh.yaml!.replace(/^.*sources:.*\n.*\n/m, ''))
  })

  it('reports every bad cell at its sheet and cell, all in one pass', async () => {
    const sheets = structuredClone(DISTRICT)
    sheets['事项'][1][5] = '每月两次' // F2
    sheets['事项'][2][7] = '半天' // H3
    sheets['事项'][3][2] = '民正局' // C4
    sheets['单位'][4][2] = '居委' // C5
    sheets['单位'][5][5] = -3 // F6
    sheets['诉求'][1][2] = '小区' // C2
    const r = await importSpreadsheets([await writeWorkbook(join(tempDir(), 'tasks.xlsx'), sheets)])
    expect(r.yaml).toBeUndefined()
    expect(lines(r)).toEqual([
      'tasks.xlsx:单位!C5 — 类型 "居委" is not a kind of unit: write one of 党委 政府 部门 街道 社区 社会组织 网格 业委会 物业 (or party, government, department, street, community, social-org, grid, owners-committee, property-company)',
      'tasks.xlsx:单位!F6 — 编制/人数 -3 is not a number of 0 or more: write a plain number such as 15',
      'tasks.xlsx:事项!F2 — 频次 "每月两次" is not a rate: write 2/mo',
      'tasks.xlsx:事项!H3 — 工时 "半天" is not a duration: write hours as a number (8) or 30m, 6h, 2d, 1w, 4小时, 2天',
      'tasks.xlsx:事项!C4 — 责任部门 "民正局" is not a unit of the units sheet',
      'tasks.xlsx:诉求!C2 — 发生层级 "小区" is not a tier: write one of 市 区 街道 社区 网格 (or city, district, street, community, grid)',
    ])
    expect(r.problems.find((p) => p.cell === 'C4')?.hint).toBe('did you mean 民政局?')
  })

  it('declared categories and powers keep their ids; a name not declared is an error', async () => {
    const sheets = {...structuredClone(DISTRICT), 类别: [['名称'], ['民政事务'], ['矛盾纠纷调解']], 职权: [['编号', '名称'], ['approve.subsidy', '社会救助审批'], ['mediate', '人民调解']]}
    const r = await importSpreadsheets([await writeWorkbook(join(tempDir(), 'v.xlsx'), sheets)])
    expect(r.problems).toEqual([])
    const m = await loaded(r.yaml!)
    expect(m.powers.map((p) => p.id)).toEqual(['approve.subsidy', 'mediate'])
    expect(m.tasks[2].needs).toEqual(['approve.subsidy'])
    sheets['类别'] = [['名称'], ['民政事务']]
    const bad = await importSpreadsheets([await writeWorkbook(join(tempDir(), 'v.xlsx'), sheets)])
    expect(lines(bad)).toEqual(['v.xlsx:诉求!B2 — "矛盾纠纷调解" is not in the 类别 (categories) sheet'])
  })

  it('the template imports as it is, in either language', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const file = writeText(join(tempDir(), 'template.xlsx'), await templateWorkbook(lang))
      const r = await importSpreadsheets([file])
      expect(r.problems).toEqual([])
      const m = await loaded(r.yaml!)
      expect([m.units.length, m.tasks.length, m.demand.length]).toEqual([5, 2, 1])
    }
  })

  it('reads CSV files, named for their table or known by their headers, UTF-8 or GB18030', async () => {
    const dir = tempDir()
    const csv = (rows: unknown[][]) => rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join(',')).join('\n') + '\n'
    const units = writeText(join(dir, '单位.csv'), csv(DISTRICT['单位']))
    const tasks = writeText(join(dir, 'list.csv'), csv(DISTRICT['事项']))
    const r = await importSpreadsheets([units, tasks], {id: 'csv'})
    expect(r.problems).toEqual([])
    expect((await loaded(r.yaml!)).tasks.map((t) => t.name)).toEqual(['低保复核', '民政工作考核', '困难群众排查'])
    // 名称,类型,层级 / 民政局,部门,区 in GB18030, as Excel and WPS in Chinese save CSV
    const gbk = new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc0, 0xe0, 0xd0, 0xcd, 0x2c, 0xb2, 0xe3, 0xbc, 0xb6, 0x0a, 0xc3, 0xf1, 0xd5, 0xfe, 0xbe, 0xd6, 0x2c, 0xb2, 0xbf, 0xc3, 0xc5, 0x2c, 0xc7, 0xf8, 0x0a])
    const g = await importSpreadsheets([writeText(join(dir, 'units.csv'), gbk), writeText(join(dir, 'tasks.csv'), csv([DISTRICT['事项'][0], DISTRICT['事项'][1]]))])
    expect(g.problems).toEqual([expect.objectContaining({severity: 'warning', message: expect.stringContaining('the task reaches no one'), cell: 'D2'})])
    expect(g.model?.units).toEqual([{id: 'department-1', name: '民政局', kind: 'department', tier: 'district'}])
  })
})
