// Runs the built CLI as a real process (bin/run.js over dist/; `npm test` builds first) in a
// clean English environment and returns its exit code and output. Only for the end-to-end
// tests where a process is the point; command tests use run-command.ts.
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join} from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** A user's environment: without the test runner's NODE_ENV=test, under which oclif loads src/ through tsx. */
export const USER_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')))

export function runCli(args: string[], env: Record<string, string> = {}, input = ''): CliResult {
  if (!existsSync(join(ROOT, 'dist', 'commands'))) throw new Error('run `npm run build` first (npm test does)')
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'run.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: {...USER_ENV, LANG: 'C', LC_ALL: '', LOUDOU_LANG: '', NO_COLOR: '1', ...env},
  })
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}
