// Cluster jobs for a sweep (docs/sweeps.md, "On a cluster"): a Slurm job array with one shard
// per array task and a merge job that waits for all of them (`--dependency=afterok`), or a
// Kubernetes Indexed Job with one shard per completion index and a merge Job. The text names
// the sweep file as given and no absolute path, so it can be committed beside the sweep.
import {stringify} from 'yaml'
import type {SweepPlan} from './plan.js'
import {workUnits} from './plan.js'

export interface EmitOptions {
  /** The sweep file as the user gave it (relative to where jobs start). */
  file: string
  /** Flags that change the plan, passed on to every shard so that all run the same sweep. */
  args: string[]
  shards: number
  /** Container image for Kubernetes. */
  image?: string
}

/** Single-quoted for POSIX shells. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=,+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

function header(plan: SweepPlan, o: EmitOptions, comment: string): string[] {
  const units = workUnits(plan)
  return [
    `${comment} loudou sweep ${plan.id}: ${plan.name.replace(/\n/g, ' ')}`,
    `${comment} ${plan.cells.length} cells × ${plan.replications} replications = ${units} work units in ${o.shards} shards.`,
  ]
}

export function slurmScript(plan: SweepPlan, o: EmitOptions): string {
  const n = o.shards
  const sweep = ['sweep', shellQuote(o.file), ...o.args.map(shellQuote)].join(' ')
  const lines = [
    '#!/usr/bin/env bash',
    ...header(plan, o, '#'),
    '# A Slurm job array runs one shard per array task; the merge job starts when every task has',
    '# succeeded (--dependency=afterok) and writes the tidy table, the summary and the JSON.',
    '#',
    '# Submit from the folder the sweep file path is relative to:  bash <this file>',
    '#   LOUDOU  the command that runs loudou (default: loudou)',
    `#   OUT     the folder for shards, logs and results (default: sweep-${plan.id})`,
    '#   SBATCH_PARTITION, SBATCH_TIMELIMIT, … are read by sbatch as usual.',
    'set -euo pipefail',
    'export LOUDOU="${LOUDOU:-loudou}"',
    `export OUT="\${OUT:-sweep-${plan.id}}"`,
    'mkdir -p "$OUT/logs"',
    '',
    `array=$(sbatch --parsable --job-name=loudou-${plan.id} --array=0-${n - 1} --cpus-per-task=1 --output="$OUT/logs/shard-%a.out" <<'BATCH'`,
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    `exec $LOUDOU ${sweep} --workers "\${SLURM_CPUS_PER_TASK:-1}" --shard "$SLURM_ARRAY_TASK_ID/${n}" --parquet "$OUT/shard-$SLURM_ARRAY_TASK_ID.parquet"`,
    'BATCH',
    ')',
    'array="${array%%;*}"',
    '',
    `merge=$(sbatch --parsable --job-name=loudou-${plan.id}-merge --dependency=afterok:"$array" --output="$OUT/logs/merge.out" <<'BATCH'`,
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    'exec $LOUDOU sweep merge "$OUT"/shard-*.parquet --parquet "$OUT/sweep.parquet" --csv "$OUT/sweep.csv" --summary "$OUT/summary.csv" --json --out "$OUT/summary.json"',
    'BATCH',
    ')',
    'merge="${merge%%;*}"',
    `echo "submitted job array $array (${n} tasks) and merge job $merge; results in $OUT"`,
    '',
  ]
  return lines.join('\n')
}

export function k8sManifest(plan: SweepPlan, o: EmitOptions): string {
  const n = o.shards
  const name = `loudou-sweep-${plan.id}`.slice(0, 63).replace(/-+$/, '')
  const image = o.image ?? 'loudou:latest'
  const sweep = ['loudou', 'sweep', shellQuote(o.file), ...o.args.map(shellQuote)].join(' ')
  const pod = (container: Record<string, unknown>) => ({
    restartPolicy: 'Never',
    containers: [{image, workingDir: '/work', ...container, volumeMounts: [{name: 'out', mountPath: '/out'}]}],
    volumes: [{name: 'out', persistentVolumeClaim: {claimName: 'loudou-sweep'}}],
  })
  const labels = (stage: string) => ({'app.kubernetes.io/part-of': 'loudou', 'loudou/sweep': plan.id, 'loudou/stage': stage})
  const shards = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {name, labels: labels('shards')},
    spec: {
      completionMode: 'Indexed',
      completions: n,
      parallelism: n,
      backoffLimit: Math.max(6, n),
      template: {
        metadata: {labels: labels('shards')},
        spec: pod({
          name: 'shard',
          command: ['sh', '-c'],
          // JOB_COMPLETION_INDEX is set by Kubernetes in every pod of an Indexed Job.
          args: [`exec ${sweep} --workers 1 --shard "$JOB_COMPLETION_INDEX/${n}" --parquet "/out/shard-$JOB_COMPLETION_INDEX.parquet"`],
          resources: {requests: {cpu: '1'}},
        }),
      },
    },
  }
  const merge = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {name: `${name.slice(0, 57)}-merge`, labels: labels('merge')},
    spec: {
      backoffLimit: 2,
      template: {
        metadata: {labels: labels('merge')},
        spec: pod({
          name: 'merge',
          command: ['sh', '-c'],
          args: ['exec loudou sweep merge /out/shard-*.parquet --parquet /out/sweep.parquet --csv /out/sweep.csv --summary /out/summary.csv --json --out /out/summary.json'],
        }),
      },
    },
  }
  const lines = [
    ...header(plan, o, '#'),
    '# An Indexed Job runs one shard per completion index; the merge Job combines the shards.',
    `# The image (${image}) must hold loudou and the sweep's files under /work; the volume claim`,
    '# loudou-sweep (ReadWriteMany) collects the shards and the results.',
    '#   kubectl apply -f <this file> -l loudou/stage=shards',
    `#   kubectl wait --for=condition=complete --timeout=24h job/${name}`,
    '#   kubectl apply -f <this file> -l loudou/stage=merge',
  ]
  return `${lines.join('\n')}\n${stringify(shards, {lineWidth: 0})}---\n${stringify(merge, {lineWidth: 0})}`
}

/** The flags of a command line that change the plan, as given, for every shard to repeat. */
export function planFlags(argv: readonly string[]): string[] {
  const plan = new Set(['--design', '--samples', '--levels', '--metrics', '--seed', '--replications', '-r', '--horizon', '--warmup'])
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a
    if (!plan.has(name)) continue
    if (a.includes('=')) out.push(a)
    else if (i + 1 < argv.length) out.push(a, argv[++i])
  }
  return out
}
