// `loudou sweep`, `sweep merge` and `report` on a sweep, in-process through oclif: outputs,
// usage errors (exit 2), emitted cluster jobs, the HTML charts, both languages.
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse, parseAllDocuments} from 'yaml'
import {validate} from '../helpers/json-schema.js'
import {runCommand} from '../helpers/run-command.js'

const FIXTURE = join(import.meta.dirname, 'fixtures', 'leakage.yaml')
const dir = mkdtempSync(join(tmpdir(), 'loudou-sweep-cmd-'))

describe('loudou sweep', () => {
  it('prints a main-effect table per factor, in English and Chinese', async () => {
    const en = await runCommand(['sweep', FIXTURE, '--workers', '1'])
    expect(en.code).toBe(0)
    expect(en.stdout).toContain('full grid, 6 cells × 3 replications, seed 1, horizon 300 h')
    expect(en.stdout).toMatch(/Main effect of leakage[^\n]*\nleakage\s+Community utilisation \(staff-weighted\)\s+Δ\s+Mean wait at community \(h, per job\)\s+Δ\s+Items rejected\s+Δ/)
    // More community staff: lower utilisation, and the paired change excludes zero.
    expect(en.stdout).toMatch(/\n6\s+[\d.]+% \[[\d.]+%–[\d.]+%\]\s+−[\d.]+% \[−[\d.]+%, −[\d.]+%\]/)
    expect(en.stdout).toMatch(/\n0\.25\s+[\d.]+% \[[\d.]+%–[\d.]+%\]/)
    expect(en.stdout).toContain('Main effect of community staff')
    const zh = await runCommand(['sweep', FIXTURE, '--workers', '1', '--lang', 'zh', '--metrics', 'community.utilisation'])
    expect(zh.stdout).toContain('全网格，6 个单元 × 3 次重复')
    expect(zh.stdout).toContain('社区利用率')
  })

  it('writes the tidy table, the per-cell summary and the JSON; report draws it', async () => {
    const parquet = join(dir, 'all.parquet')
    const csv = join(dir, 'all.csv')
    const summary = join(dir, 'cells.csv')
    const r = await runCommand(['sweep', FIXTURE, '--workers', '1', '--parquet', parquet, '--csv', csv, '--summary', summary, '--json'])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.stdout)
    expect(Object.keys(json)).toEqual(['sweep', 'factors', 'metrics', 'cells', 'mainEffects'])
    expect(validate(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'sweep.schema.json'), 'utf8')), json)).toEqual([])
    expect(json.cells).toHaveLength(6)
    expect(json.cells[5].values).toEqual({leakage: 0.5, staff: 6})
    expect(Object.keys(json.cells[0].metrics['community.utilisation'])).toEqual(['mean', 'lo', 'hi', 'sd', 'n'])
    const rows = readFileSync(csv, 'utf8').trim().split('\n')
    expect(rows[0]).toBe('cell,replication,seed,leakage,staff,metric,unit,tier,value')
    expect(rows).toHaveLength(1 + 6 * 3 * 3)
    const cells = readFileSync(summary, 'utf8').trim().split('\n')
    expect(cells[0]).toBe('cell,leakage,staff,metric,unit,tier,mean,lo,hi,sd,n')
    expect(cells[1]).toMatch(/^0,0,4,community\.utilisation,,community,0\.0\d+,/)
    expect(cells).toHaveLength(1 + 6 * 3)
    const html = join(dir, 'sweep.html')
    const rep = await runCommand(['report', parquet, '--html', html])
    expect(rep.code).toBe(0)
    const page = readFileSync(html, 'utf8')
    expect(page.match(/<svg class="sweep-line"/g)).toHaveLength(2 * 3)
    expect(page).toContain('<polygon class="band"')
    expect(page.match(/<svg class="tornado"/g)).toHaveLength(3)
    expect(page).not.toMatch(/<script/)
  })

  it('Morris designs give a tornado chart of μ*', async () => {
    const parquet = join(dir, 'morris.parquet')
    const r = await runCommand(['sweep', FIXTURE, '--workers', '1', '--design', 'morris', '--samples', '3', '--replications', '2', '--metrics', 'community.utilisation,unit.utilisation', '--parquet', parquet])
    expect(r.code).toBe(0)
    const json = await runCommand(['sweep', 'merge', parquet, '--json'])
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'sweep.schema.json'), 'utf8'))
    expect(validate(schema, JSON.parse(json.stdout))).toEqual([])
    expect(JSON.parse(json.stdout).cells[0].units.map((u: {unit: string}) => u.unit)).toEqual(["district", "district/civil", "district/urban", "district/street-1", "district/street-1/community-1", "district/street-1/community-2", "district/street-2", "district/street-2/community-1", "district/street-2/community-2"])
    expect(r.stdout).toMatch(/Morris screening of Community utilisation[^\n]*\nfactor\s+μ\*\s+95% CI\s+μ\s+σ\n[- ]+\nstaff\s/)
    const html = join(dir, 'morris.html')
    expect((await runCommand(['report', parquet, '--html', html, '--lang', 'zh'])).code).toBe(0)
    expect(readFileSync(html, 'utf8')).toContain('哪些因子影响最大')
  })

  it('Latin hypercube and Sobol designs from the command line', async () => {
    const lhs = await runCommand(['sweep', FIXTURE, '--workers', '1', '--design', 'lhs', '--samples', '4', '--replications', '2', '--json'])
    expect(lhs.code).toBe(0)
    const cells = JSON.parse(lhs.stdout).cells as Array<{values: {leakage: number; staff: number}}>
    expect(cells).toHaveLength(4)
    // One point per quarter of the leakage range; staff drawn from its list.
    expect(cells.map((c) => Math.floor((c.values.leakage / 0.5) * 4)).sort()).toEqual([0, 1, 2, 3])
    for (const c of cells) expect([4, 6]).toContain(c.values.staff)
    const text = await runCommand(['sweep', FIXTURE, '--workers', '1', '--design', 'lhs', '--samples', '4', '--replications', '2'])
    expect(text.stdout).toMatch(/Cells \(mean over replications, 95% CI\)\ncell\s+leakage\s+staff/)
    const sobol = await runCommand(['sweep', FIXTURE, '--workers', '1', '--design', 'sobol', '--samples', '4', '--replications', '1', '--metrics', 'community.utilisation'])
    expect(sobol.code).toBe(0)
    expect(sobol.stdout).toContain('16 cells × 1 replications')
    expect(sobol.stdout).toMatch(/Sobol indices of Community utilisation[^\n]*\nfactor\s+S1\s+95% CI\s+ST\s+95% CI/)
  })

  it('bad shard specs and flag combinations are usage errors (exit 2)', async () => {
    for (const spec of ['3/2', '0/0', 'x']) {
      const r = await runCommand(['sweep', FIXTURE, '--shard', spec, '--parquet', join(dir, 'x.parquet')])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('--shard')
    }
    const zh = await runCommand(['sweep', FIXTURE, '--shard', '3/2', '--parquet', join(dir, 'x.parquet'), '--lang', 'zh'])
    expect(zh.code).toBe(2)
    expect(zh.stderr).toContain('分片序号须小于分片数（0…1），收到的是 "3/2"')
    expect((await runCommand(['sweep', FIXTURE, '--shard', '0/2'])).code).toBe(2)
    expect((await runCommand(['sweep', FIXTURE, '--metrics', 'nothing'])).code).toBe(2)
    expect((await runCommand(['sweep', FIXTURE, '--horizon', 'soon'])).code).toBe(2)
    expect(existsSync(join(dir, 'x.parquet'))).toBe(false)
    const over = await runCommand(['sweep', FIXTURE, '--csv', FIXTURE])
    expect(over.code).toBe(2)
    expect(over.stderr).toContain('is one of the inputs')
    expect((await runCommand(['sweep', FIXTURE, '--csv', '/dev/null'])).code).toBe(2)
    expect((await runCommand(['sweep', FIXTURE, '--csv', join(dir, 'same'), '--summary', join(dir, 'same')])).code).toBe(2)
  })

  it('merges shard files from disk and refuses an incomplete set (exit 1)', async () => {
    const files = [0, 1].map((i) => join(dir, `shard-${i}.parquet`))
    for (const [i, f] of files.entries()) expect((await runCommand(['sweep', FIXTURE, '--workers', '1', '--shard', `${i}/2`, '--parquet', f])).code).toBe(0)
    const whole = join(dir, 'whole.parquet')
    const merged = join(dir, 'merged.parquet')
    await runCommand(['sweep', FIXTURE, '--workers', '1', '--parquet', whole])
    const m = await runCommand(['sweep', 'merge', ...files, '--parquet', merged])
    expect(m.code).toBe(0)
    expect(readFileSync(merged).equals(readFileSync(whole))).toBe(true)
    const missing = await runCommand(['sweep', 'merge', files[1]])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('missing shard 0/2')
    const rep = await runCommand(['report', files[1], '--html', join(dir, 'shard.html')])
    expect(rep.code).toBe(1)
    expect(rep.stderr).toContain('combine the shards with `loudou sweep merge` first')
  })

  it('emits a Slurm job array with an afterok merge job, and a Kubernetes Indexed Job', async () => {
    const slurm = await runCommand(['sweep', FIXTURE, '--emit', 'slurm', '--shards', '3', '--seed', '7', '--horizon', '200'])
    expect(slurm.code).toBe(0)
    const s = slurm.stdout
    expect(s).toMatch(/^#!\/usr\/bin\/env bash\n/)
    expect(s).toContain('--array=0-2')
    expect(s).toContain(`sweep ${FIXTURE} --seed 7 --horizon 200 --workers "\${SLURM_CPUS_PER_TASK:-1}" --shard "$SLURM_ARRAY_TASK_ID/3" --parquet "$OUT/shard-$SLURM_ARRAY_TASK_ID.parquet"`)
    expect(s).toContain('--dependency=afterok:"$array"')
    expect(s).toContain('sweep merge "$OUT"/shard-*.parquet --parquet "$OUT/sweep.parquet"')
    expect(slurm.stderr).toContain('slurm: 3 shards of 18 work units')
    const k8s = await runCommand(['sweep', FIXTURE, '--emit', 'k8s', '--shards', '4', '--image', 'registry.example/loudou:1'])
    const [job, merge] = parseAllDocuments(k8s.stdout).map((d) => d.toJS())
    expect(job).toMatchObject({apiVersion: 'batch/v1', kind: 'Job', spec: {completionMode: 'Indexed', completions: 4, parallelism: 4}})
    const c = job.spec.template.spec.containers[0]
    expect(c.image).toBe('registry.example/loudou:1')
    expect(c.args[0]).toContain('--shard "$JOB_COMPLETION_INDEX/4" --parquet "/out/shard-$JOB_COMPLETION_INDEX.parquet"')
    expect(merge.spec.template.spec.containers[0].args[0]).toContain('loudou sweep merge /out/shard-*.parquet')
    expect(parse(k8s.stdout.split('---')[0]).metadata.labels['loudou/stage']).toBe('shards')
  })
})
