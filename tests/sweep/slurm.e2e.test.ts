// End to end on a real Slurm (scripts/slurm-up.sh starts a single-node cluster; CI runs it
// before the tests): the emitted job array runs the shards, its afterok merge job combines
// them, and the merged table is the bytes of the same sweep run here in one process.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCommand} from '../helpers/run-command.js'
import {USER_ENV} from '../helpers/cli.js'

const ROOT = join(import.meta.dirname, '..', '..')
const hasSbatch = spawnSync('sbatch', ['--version'], {encoding: 'utf8'}).status === 0
const enabled = hasSbatch || Boolean(process.env.CI)
if (!enabled) console.log('note: the Slurm end-to-end test is skipped: sbatch is not installed and CI is unset (scripts/setup-system.sh and scripts/slurm-up.sh provide it)')

function jobState(id: string): string {
  const r = spawnSync('scontrol', ['show', 'job', id], {encoding: 'utf8'})
  return /JobState=(\w+)/.exec(r.stdout)?.[1] ?? 'UNKNOWN'
}

async function waitFor(id: string, seconds: number): Promise<string> {
  const end = Date.now() + seconds * 1000
  for (;;) {
    const state = jobState(id)
    if (!['PENDING', 'RUNNING', 'CONFIGURING', 'COMPLETING', 'UNKNOWN'].includes(state) || Date.now() > end) return state
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

describe.runIf(enabled)('a sweep on Slurm', () => {
  it('3 array tasks and the merge job give the bytes of one local process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-slurm-'))
    writeFileSync(join(dir, 'sweep.yaml'), [
      'loudou: 1', 'id: slurm-e2e', 'name: shards on Slurm', `base: ${join(ROOT, 'tests', 'sweep', 'fixtures', 'catalogue.yaml')}`,
      'replications: 2', 'horizon: 200', 'metrics: [community.utilisation, unit.meanWait]', 'units: {kind: community}',
      'factors:', '  - {id: leakage, path: "reforms[0].leakage", values: [0, 0.3, 0.6]}', '',
    ].join('\n'))
    const script = join(dir, 'job.sh')
    const emitted = await runCommand(['sweep', join(dir, 'sweep.yaml'), '--emit', 'slurm', '--shards', '3', '--seed', '5', '--out', script])
    expect(emitted.code).toBe(0)
    const local = join(dir, 'local.parquet')
    expect((await runCommand(['sweep', join(dir, 'sweep.yaml'), '--seed', '5', '--workers', '1', '--parquet', local])).code).toBe(0)

    // The user's environment: under NODE_ENV=test the jobs' loudou would load src/ through tsx.
    const env = {...USER_ENV, LOUDOU: `${process.execPath} ${join(ROOT, 'bin', 'run.js')}`, OUT: join(dir, 'out')}
    const submit = spawnSync('bash', [script], {cwd: dir, env, encoding: 'utf8'})
    expect(submit.stderr).toBe('')
    expect(submit.status).toBe(0)
    const [, array, merge] = /submitted job array (\d+) \(3 tasks\) and merge job (\d+)/.exec(submit.stdout) ?? []
    expect(array).toBeTruthy()
    const state = await waitFor(merge, 240)
    if (state !== 'COMPLETED') {
      const logs = ['shard-0.out', 'shard-1.out', 'shard-2.out', 'merge.out'].map((f) => join(dir, 'out', 'logs', f)).filter(existsSync).map((f) => `${f}:\n${readFileSync(f, 'utf8')}`)
      throw new Error(`the merge job ended ${state}\n${logs.join('\n')}`)
    }
    for (const i of [0, 1, 2]) expect(existsSync(join(dir, 'out', `shard-${i}.parquet`))).toBe(true)
    expect(readFileSync(join(dir, 'out', 'sweep.parquet')).equals(readFileSync(local))).toBe(true)
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'))
    expect(summary.cells).toHaveLength(3)
  }, 300_000)
})
