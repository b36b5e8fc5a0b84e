// `loudou validate` with more problems than a pipe buffer holds: nothing may be cut off before
// the process exits. The first case is a real process writing to a pipe (the point of the
// test); the JSON case runs in-process (`npm test` builds dist/ first).
import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {USER_ENV} from '../helpers/cli.js'
import {runCommand} from '../helpers/run-command.js'

const ROOT = join(import.meta.dirname, '..', '..')

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'run.js'), 'validate', ...args], {
    encoding: 'utf8',
    env: {...USER_ENV, LOUDOU_LANG: 'en', NO_COLOR: '1'},
    maxBuffer: 64 * 1024 * 1024,
  })
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

/** A unit with `n` unknown keys: n problems, two lines each. */
function manyProblems(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'loudou-validate-'))
  const file = join(dir, 'model.yaml')
  const keys = Array.from({length: n}, (_, i) => `    junk${i}: 1`).join('\n')
  writeFileSync(file, `loudou: 1\nid: t\nunits:\n  - id: a\n    kind: government\n${keys}\n`)
  return file
}

describe('loudou validate with a long problem list', () => {
  const file = manyProblems(1500)

  it('prints the first 100 problems, how many more, and the summary to stderr before exiting 1', () => {
    const r = run(file)
    expect(r.code).toBe(1)
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(2 * 100 + 2)
    expect(lines[0]).toBe(`${file}:6:5 units[0].junk0: unknown key \`junk0\``)
    expect(lines.at(-4)).toBe(`${file}:105:5 units[0].junk99: unknown key \`junk99\``)
    expect(lines.at(-2)).toBe(`${file}: … and 1400 more (--json lists them all)`)
    expect(lines.at(-1)).toBe('1500 problems found.')
  })

  it('prints complete JSON with --json', async () => {
    const r = await runCommand(['validate', file, '--json'])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as {valid: boolean; problems: {line: number}[]; counts: unknown}
    expect(out.valid).toBe(false)
    expect(out.counts).toBeNull()
    expect(out.problems).toHaveLength(1500)
    expect(out.problems.at(-1)!.line).toBe(1505)
  })
})
