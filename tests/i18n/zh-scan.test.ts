// Every command's Chinese output is in Chinese: the words of the English message tables must
// not show up in what `--lang zh` prints (or, for the report, in the page's text). Names and
// ids from the model, identifiers of the model language (kinds, tiers, reform types …), file
// names and flags may stay as written.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {labels} from '../../src/dashboard/i18n.js'
import {METRICS} from '../../src/compare/index.js'
import {TABLES} from '../../src/import/columns.js'
import {en} from '../../src/i18n/en.js'
import {zh} from '../../src/i18n/zh.js'
import {BUILTIN_KINDS, RELATION_TYPES, TASK_KINDS, TIERS} from '../../src/model/types.js'
import {REFORM_TYPES} from '../../src/reforms/index.js'
import {knownMetricIds} from '../../src/sweep/metrics.js'
import {LABELS} from '../../src/sim/render.js'
import {TEXT} from '../../src/views/inspect.js'
import {ROOT, runCommand} from '../helpers/run-command.js'

/** Every string in a nested table of messages (functions are called with sample arguments). */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v]
  if (typeof v === 'function') return [String((v as (...a: unknown[]) => unknown)('X', 1, 2))]
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings)
  return []
}

const words = (texts: string[]): Set<string> => new Set(texts.flatMap((s) => s.match(/[A-Za-z]{4,}/g) ?? []).map((w) => w.toLowerCase()))
/** Words of message templates, placeholders left out. */
const wordsOf = (texts: string[]): Set<string> => words(texts.map((s) => s.replace(/\{[^}]*\}/g, ' ')))

/** Keys of the model language: shown in hints and paths as they are to be typed. */
const MODEL_KEYS = [
  'loudou', 'include', 'clock', 'hoursPerDay', 'daysPerYear', 'powers', 'categories', 'kinds', 'units', 'relations', 'tasks', 'demand',
  'defaults', 'rules', 'parent', 'children', 'domain', 'staff', 'residents', 'households', 'count', 'labels', 'label', 'within', 'issuer',
  'target', 'kind', 'every', 'rate', 'effort', 'needs', 'collects', 'contacts', 'veto', 'deadline', 'contested', 'spread', 'offset',
  'dist', 'mean', 'mode', 'from', 'type', 'responseTime', 'name', 'tier', 'sources', 'base', 'reforms', 'territorial',
]

/** Metric ids, typed as written (compare --metrics, sweep metrics). */
const METRIC_IDS = [...METRICS.map((m) => m.id), ...knownMetricIds()]

const ENGLISH = wordsOf([...strings(en), ...strings(TEXT.en), ...strings(LABELS.en), ...strings(labels('en')), ...METRICS.map((m) => m.en)])
/** Words the Chinese tables use too (Krackhardt, Spearman …) and the model language's own identifiers. */
const ALLOWED = new Set([
  ...wordsOf([...strings(zh), ...strings(TEXT.zh), ...strings(LABELS.zh), ...strings(labels('zh')), ...METRICS.map((m) => m.zh)]),
  ...words([...BUILTIN_KINDS, ...TIERS, ...TASK_KINDS, ...RELATION_TYPES, ...REFORM_TYPES, ...MODEL_KEYS, ...METRIC_IDS]),
  // Names of products and methods, the same in Chinese.
  ...words(['Excel', 'WPS', 'Numbers', 'OpenDocument', 'Morris', 'Sobol']),
])

const MODELS = ['sweeps/classroom-staff.yaml', 'models/classroom.yaml', 'models/lib/vocabulary.yaml', 'models/lib/categories.yaml', 'tests/helpers/fixtures/funnel.yaml', 'scenarios/classroom/beijing.yaml', 'scenarios/classroom/flatten.yaml', 'scenarios/classroom/access-catalogue.yaml']
/** Words written in the model and scenario files: ids, names and labels are shown as written. */
const MODEL_TEXT = MODELS.map((f) => readFileSync(join(ROOT, f), 'utf8').replace(/#.*$/gm, ''))
const MODEL_WORDS = words(MODEL_TEXT)
const METRIC_WORDS = new Set(METRIC_IDS.flatMap((id) => id.split('.')))
const MODEL_WORDS_RAW = new Set(MODEL_TEXT.flatMap((s) => s.match(/[A-Za-z]+/g) ?? []))

/**
 * The English catalogue words left in a Chinese text, once ids, paths, flags and code are set
 * aside; `english` adds words of the same command's English output (messages written inline,
 * such as the import's and the parser's, are in no catalogue).
 */
export function untranslated(text: string, english: ReadonlySet<string> = new Set()): string[] {
  const prose = text
    .replace(/`[^`\n]*`/g, ' ')
    // An English term glossed after its Chinese name: 结构指标（Structural metrics）.
    .replace(/（[A-Za-z][^（）\u4e00-\u9fff]*）/g, ' ')
    // Commands and flags as typed: `loudou sweep merge`, --replications (also after a colon).
    .replace(/loudou [a-z]+(?: merge)?/g, ' ')
    .replace(/(^|[\s：（(，,“"])--?[\w-]+/g, ' ')
    .replace(/[\w.-]*[/\\.:[][\w./\\:[\]-]+/g, ' ')
  const found = new Set<string>()
  // A camelCase key (contestedItems) is a label nobody translated.
  for (const w of prose.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []) if (!MODEL_WORDS_RAW.has(w) && !MODEL_KEYS.includes(w) && !METRIC_WORDS.has(w)) found.add(w)
  for (const w of prose.match(/[A-Za-z]{4,}/g) ?? []) {
    const k = w.toLowerCase()
    if ((ENGLISH.has(k) || english.has(k)) && !ALLOWED.has(k) && !MODEL_WORDS.has(k)) found.add(w)
  }
  return [...found]
}

/** The text a reader sees in an HTML page: no markup, scripts, styles or attributes. */
function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<(code|pre)>[\s\S]*?<\/\1>/g, ' ')
    // Works cited keep their titles.
    .replace(/<h\d>参考文献[\s\S]*?(?=<h\d>|<\/section>)/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
}

const zhRun = (args: string[]) => runCommand([...args, '--lang', 'zh'])
const RUN = ['--replications', '2', '--horizon', '1mo', '--seed', '3']

describe('Chinese output has no untranslated English', () => {
  it('finds what it looks for (the scan can fail)', () => {
    expect(untranslated('社区 nominal load 83%')).toEqual(['nominal', 'load'])
    expect(untranslated('社区 `nominal` district/street-1 --json Krackhardt 连通度')).toEqual([])
    expect(untranslated('诉求 contestedItems 3')).toEqual(['contestedItems'])
    // Words of the command's English run count too; flags and commands as typed do not.
    expect(untranslated('单位.csv:A1 — merged cells', words(['merged cells']))).toEqual(['merged', 'cells'])
    expect(untranslated('错误：--replications 应为整数；运行 loudou report --help', words(['replications report']))).toEqual([])
  })

  it.each([
    ['validate', ['validate', 'models/classroom.yaml']],
    ['validate, problems', ['validate', 'tests/fixtures/model/invalid/crossref-errors.yaml']],
    ['validate, schema problems', ['validate', 'tests/fixtures/model/invalid/schema-errors.yaml']],
    ['validate, suggestions', ['validate', 'tests/fixtures/model/invalid/suggestions.yaml']],
    ['validate, warnings', ['validate', 'tests/fixtures/model/valid/warnings.yaml']],
    ['inspect', ['inspect', 'models/classroom.yaml']],
    ['inspect a scenario', ['inspect', 'scenarios/classroom/beijing.yaml']],
    ['inspect --unit', ['inspect', 'models/classroom.yaml', '--unit', 'district/street-1/community-1']],
    ['inspect --unit, a selector', ['inspect', 'tests/helpers/fixtures/funnel.yaml', '--unit', 'tier=street']],
    ['inspect, a missing file', ['inspect', 'nowhere.yaml']],
    ['simulate', ['simulate', 'scenarios/classroom/flatten.yaml', ...RUN]],
    ['simulate --unit', ['simulate', 'models/classroom.yaml', '--unit', 'tier=street', ...RUN]],
    ['compare', ['compare', 'models/classroom.yaml', 'scenarios/classroom/access-catalogue.yaml', ...RUN]],
    ['init', ['init', join(mkdtempSync(join(tmpdir(), 'loudou-zh-')), 'district')]],
    ['dashboard --once', ['dashboard', 'models/classroom.yaml', '--once', '--days', '5', '--scenario', 'scenarios/classroom/access-catalogue.yaml']],
  ])('%s', async (_name, args) => {
    const r = await zhRun(args)
    expect(r.stdout + r.stderr).not.toBe('')
    expect(untranslated(r.stdout)).toEqual([])
    expect(untranslated(r.stderr)).toEqual([])
  })

  // Spreadsheets with a mistake of each kind the import reports, and a workbook it cannot read.
  const sheets = mkdtempSync(join(tmpdir(), 'loudou-zh-import-'))
  writeFileSync(join(sheets, 'units.csv'), '编号,名称,类型,上级,编制\nd,区政府,政府,,10\ns,街道,街道,d,5\ns,社区A,社区,s,x\nc2,社区B,foo,nowhere,4\n')
  writeFileSync(join(sheets, 'tasks.csv'), '事项名称,责任部门,承接层级,频次,工时,备用列,是否一票否决,入户比例\n报表,区政府,社区,每月两次,abc,1,也许,2\n,区政府,社区,每月,8,,否,\n检查,区政府,乡,3,2h,,是,\n')
  writeFileSync(join(sheets, 'only-units.csv'), '名称,类型\n区政府,政府\n')
  writeFileSync(join(sheets, 'old.xls'), 'not a workbook')
  writeFileSync(join(sheets, 'bad.xlsx'), 'not a zip')
  const templateFile = join(sheets, 'template.xlsx')

  // Commands whose messages are written inline: their English run's words count as English too.
  it.each([
    ['import, problems of every kind', ['import', join(sheets, 'units.csv'), join(sheets, 'tasks.csv')]],
    ['import, no tasks sheet', ['import', join(sheets, 'only-units.csv')]],
    ['import, an .xls workbook', ['import', join(sheets, 'old.xls')]],
    ['import, not an .xlsx', ['import', join(sheets, 'bad.xlsx')]],
    ['import --template', ['import', '--template', templateFile]],
    ['import, no files', ['import']],
    ['export', ['export', 'models/classroom.yaml', '--format', 'dot']],
    ['sweep', ['sweep', 'sweeps/classroom-staff.yaml', '--samples', '2', '--replications', '1', '--horizon', '1w', '--workers', '1']],
    ['usage: a mistyped command', ['simulat', 'models/classroom.yaml']],
    ['usage: an unknown flag', ['simulate', 'models/classroom.yaml', '--bogus']],
    ['usage: --xlsx not a workbook (compare)', ['compare', 'models/classroom.yaml', 'scenarios/classroom/beijing.yaml', '--xlsx', 'table.txt']],
    ['usage: a missing argument', ['simulate']],
    ['usage: a missing required flag', ['report', 'models/classroom.yaml']],
    ['usage: not an integer', ['simulate', 'models/classroom.yaml', '--replications', 'abc']],
    ['usage: flags that exclude each other', ['simulate', 'models/classroom.yaml', '--json', '--csv']],
    ['usage: --xlsx not a workbook', ['simulate', 'models/classroom.yaml', '--xlsx', 'flow.txt']],
    ['usage: a zero horizon', ['simulate', 'models/classroom.yaml', '--horizon', '0']],
    ['usage: an unknown metric', ['compare', 'models/classroom.yaml', 'scenarios/classroom/beijing.yaml', '--metrics', 'foo']],
    ['usage: --shard without --parquet', ['sweep', 'sweeps/classroom-staff.yaml', '--shard', '1/2']],
  ])('%s', async (_name, args) => {
    const english = await runCommand([...args, '--lang', 'en'])
    const r = await zhRun(args)
    expect(r.code).toBe(english.code)
    expect(r.stdout + r.stderr).not.toBe('')
    // Words of the English run, less what the command echoes from its arguments and sheets.
    const echoed = words([...args, ...args.filter((a) => a.endsWith('.csv')).map((f) => readFileSync(f, 'utf8'))])
    const inline = new Set([...wordsOf([english.stdout, english.stderr])].filter((w) => !echoed.has(w)))
    // export writes a graph format to stdout: data, not prose.
    if (args[0] !== 'export') expect(untranslated(r.stdout, inline)).toEqual([])
    expect(untranslated(r.stderr, inline)).toEqual([])
    // Usage errors: the message in Chinese and a pointer to --help, not oclif's English help.
    if (r.code === 2) expect(r.stderr).toMatch(/^错误：[\s\S]*\S/)
  })

  it("the template's 说明 sheet says what each column holds in Chinese", async () => {
    expect((await zhRun(['import', '--template', templateFile])).code).toBe(0)
    const {default: excel} = await import('exceljs')
    const wb = new excel.Workbook()
    await wb.xlsx.readFile(templateFile)
    const notes: string[] = []
    wb.getWorksheet('说明')!.eachRow((row, n) => {
      if (n > 1) notes.push(String(row.getCell(5).value))
    })
    expect(notes.length).toBeGreaterThan(30)
    const english = wordsOf(TABLES.flatMap((t) => t.columns.map((c) => c.note)))
    expect(untranslated(notes.join('\n'), english)).toEqual([])
  })

  describe('report', () => {
    let html = ''
    beforeAll(async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'loudou-zh-')), 'r.html')
      const r = await zhRun(['report', 'models/classroom.yaml', 'scenarios/classroom/beijing.yaml', ...RUN, '--html', file])
      expect(r.code).toBe(0)
      expect(untranslated(r.stderr)).toEqual([])
      html = readFileSync(file, 'utf8')
    })

    it('reads in Chinese, definitions included', () => {
      expect(untranslated(pageText(html))).toEqual([])
    })
  })
})
