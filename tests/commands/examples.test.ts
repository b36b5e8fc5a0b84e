// Every example in a command's --help and in README.md runs and succeeds, in the order a user
// would follow them (a model is imported before it is validated, a sweep's shards exist before
// they are merged), from a scratch folder that holds the shipped models, scenarios and sweeps;
// what the examples write lands there. A shell pipe or redirect ends the loudou part of a line,
// and `*` expands as a shell would. Runs are cut to two replications of at most two months
// (`shortened`): the examples check that the commands work as written, not what a full run
// says; the first example, `simulate models/classroom.yaml`, keeps the default run length and
// worker threads. The others run on one thread.
import {cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import ExcelJS from 'exceljs'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ROOT, runCommand} from '../helpers/run-command.js'

interface Example {
  where: string
  line: string
}

/** The order of a first tour: write or import a model, check it, look at it, run it, compare, sweep, report. */
const ORDER = ['init', 'import', 'validate', 'inspect', 'export', 'simulate', 'compare', 'sweep', 'sweep merge', 'report', 'dashboard', 'autocomplete', 'help']

function helpExamples(): Example[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'oclif.manifest.json'), 'utf8')) as {commands: Record<string, {examples?: Array<string | {command: string}>}>}
  return Object.entries(manifest.commands).flatMap(([id, c]) =>
    (c.examples ?? []).map((e) => ({where: `loudou ${id.replace(':', ' ')} --help`, line: (typeof e === 'string' ? e : e.command).replace('<%= config.bin %> ', '')})),
  )
}

/** `node bin/run.js …` in the README's shell blocks (also after `&&`), comments dropped. */
function readmeExamples(): Example[] {
  const out: Example[] = []
  let shell = false
  readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').forEach((text, i) => {
    if (text.startsWith('```')) shell = !shell && /^```(sh|bash)/.test(text)
    else if (shell) {
      for (const part of text.replace(/\s#.*$/, '').split('&&')) {
        const m = part.trim().match(/^node bin\/run\.js (.+)$/)
        if (m) out.push({where: `README.md:${i + 1}`, line: m[1]})
      }
    }
  })
  return out
}

function rank(line: string): number {
  const at = ORDER.findIndex((c) => line === c || line.startsWith(`${c} `))
  const merge = line.startsWith('sweep merge') ? ORDER.indexOf('sweep merge') : -1
  return merge >= 0 ? merge : at < 0 ? ORDER.length : at
}

/** Words as a shell splits them (the examples quote nothing), up to a pipe or redirect, with `*` expanded. */
function argv(line: string, cwd: string): string[] {
  const words = line.split(/\s+/)
  const end = words.findIndex((w) => w === '|' || w.startsWith('>'))
  return (end < 0 ? words : words.slice(0, end)).flatMap((w) => {
    if (!w.includes('*')) return [w]
    const dir = dirname(w)
    const pattern = new RegExp(`^${w.slice(dir.length + 1).replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
    return readdirSync(join(cwd, dir)).filter((f) => pattern.test(f)).sort().map((f) => join(dir, f))
  })
}

/** Hours a duration flag stands for, near enough to compare lengths. */
function hours(value: string): number {
  const m = value.match(/^(\d+(?:\.\d+)?)(y|mo|w|d|h)?$/)
  if (!m) throw new Error(`unexpected duration in an example: ${value}`)
  return Number(m[1]) * {y: 2000, mo: 167, w: 40, d: 8, h: 1}[m[2] ?? 'h']!
}

const DEFAULT_RUN = 'simulate models/classroom.yaml'
const RUNS = new Set(['simulate', 'compare', 'report'])
const SHORT = {replications: 2, horizon: '2mo'}

/** The example's words with its simulation shortened (at most two replications of two months; sweeps on one worker). */
function shortened(line: string, args: string[]): string[] {
  // A sweep runs on one thread: a worker per core loads the simulator once more each, to run a
  // handful of one-month points.
  if (args[0] === 'sweep' && args[1] !== 'merge' && !args.includes('--workers')) return [...args, '--workers', '1']
  if (line === DEFAULT_RUN || !RUNS.has(args[0]) || args.includes('--no-simulate') || args.some((a) => a.endsWith('.parquet'))) return args
  // One thread, as for sweeps: two worker threads would each load the simulator again for two
  // short replications (the first example keeps the default, worker threads included).
  const out = args.includes('--workers') ? [...args] : [...args, '--workers', '1']
  const r = out.findIndex((a) => a === '-r' || a === '--replications')
  if (r < 0) out.push('-r', String(SHORT.replications))
  else out[r + 1] = String(Math.min(SHORT.replications, Number(out[r + 1])))
  const h = out.indexOf('--horizon')
  if (h < 0) out.push('--horizon', SHORT.horizon)
  else if (hours(out[h + 1]) > hours(SHORT.horizon)) out[h + 1] = SHORT.horizon
  return out
}

/** What a user has before some examples: CSV files saved from the template; every shard of a sharded sweep. */
async function prepare(line: string, cwd: string): Promise<void> {
  if (line.startsWith('import units.csv tasks.csv')) {
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(join(cwd, 'district.xlsx'))
    const [units, tasks] = [book.worksheets[0], book.worksheets[1]]
    await book.csv.writeFile(join(cwd, 'units.csv'), {sheetId: units.id})
    await book.csv.writeFile(join(cwd, 'tasks.csv'), {sheetId: tasks.id})
  }
  if (line.startsWith('sweep merge') && readdirSync(join(cwd, 'out')).length < 8) {
    for (let i = 0; i < 8; i++) {
      const r = await runCommand(['sweep', 'sweeps/classroom-staff.yaml', '--shard', `${i}/8`, '--parquet', `out/shard-${i}.parquet`, '--workers', '1', '--quiet'])
      expect(r.code, r.stderr).toBe(0)
    }
  }
}

/** Each line once (the README repeats some help examples), in tour order. */
const examples = [...readmeExamples(), ...helpExamples()]
  .filter((e, i, all) => all.findIndex((x) => x.line === e.line) === i)
  .sort((a, b) => rank(a.line) - rank(b.line))
const sandbox = mkdtempSync(join(tmpdir(), 'loudou-examples-'))
const home = process.cwd()

beforeAll(() => {
  // Copies, not links: `init .` writes into scenarios/.
  for (const d of ['models', 'scenarios', 'sweeps']) cpSync(join(ROOT, d), join(sandbox, d), {recursive: true})
  mkdirSync(join(sandbox, 'out'))
  process.chdir(sandbox)
})

afterAll(() => process.chdir(home))

describe('every example in --help and README.md', () => {
  it('finds the examples of every command and of the README', () => {
    const where = new Set(examples.map((e) => e.where.split(':')[0]))
    for (const c of ['compare', 'dashboard', 'export', 'import', 'init', 'inspect', 'report', 'simulate', 'sweep', 'sweep merge', 'validate']) expect(where).toContain(`loudou ${c} --help`)
    expect(examples.filter((e) => e.where.startsWith('README.md')).length).toBeGreaterThanOrEqual(10)
    expect(examples.map((e) => e.line)).toContain(DEFAULT_RUN)
  })

  for (const e of examples) {
    it(`${e.where}: loudou ${e.line}`, async () => {
      await prepare(e.line, sandbox)
      const r = await runCommand(shortened(e.line, argv(e.line, sandbox)))
      expect(r.code, r.stderr).toBe(0)
    })
  }
})
