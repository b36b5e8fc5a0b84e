// The conventions of a command-line tool, in-process through oclif: -h/--help, -v/--version,
// `help <command>`, a did-you-mean for a mistyped command (shell completion: tests/e2e).
import {describe, expect, it} from 'vitest'
import {runCommand} from '../helpers/run-command.js'

const COMMANDS = ['compare', 'dashboard', 'export', 'init', 'inspect', 'report', 'simulate', 'sweep', 'validate']

describe('command-line conventions', () => {
  it('prints the version with --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await runCommand([flag])
      expect(r.code, flag).toBe(0)
      expect(r.stdout, flag).toMatch(/^loudou\/\d+\.\d+\.\d+ \S+ node-v\d+/)
    }
  })

  it('lists every command with --help, -h and help', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = await runCommand(args)
      expect(r.code, args.join(' ')).toBe(0)
      for (const c of COMMANDS) expect(r.stdout, `${args} lists ${c}`).toMatch(new RegExp(`^  ${c} `, 'm'))
    }
  })

  it('prints a command\'s help with `help <command>`, <command> -h and <command> --help', async () => {
    const outputs = []
    for (const args of [['help', 'export'], ['export', '-h'], ['export', '--help']]) outputs.push(await runCommand(args))
    for (const r of outputs) {
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('$ loudou export MODEL --format graphml|gexf|dot|json')
      expect(r.stdout).toContain('EXAMPLES')
    }
    expect(outputs[1].stdout).toBe(outputs[0].stdout)
  })

  it('names the nearest command for a mistyped one, as a usage error (exit 2)', async () => {
    const r = await runCommand(['simualte', 'models/classroom.yaml'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('`simualte` is not a loudou command. Did you mean `simulate`?')
    const far = await runCommand(['xyzzy'])
    expect(far.code).toBe(2)
    expect(far.stderr).not.toContain('Did you mean')
  })
})

describe('--quiet', () => {
  it('leaves only errors on stderr', async () => {
    const ok = await runCommand(['validate', 'tests/fixtures/model/valid/warnings.yaml', '--quiet'])
    expect([ok.code, ok.stderr]).toEqual([0, ''])
    const bad = await runCommand(['validate', 'tests/fixtures/model/invalid/schema-errors.yaml', '-q'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('schema-errors.yaml:2:5 id: ')
    expect(bad.stderr.trimEnd().split('\n').at(-1)).toBe('12 problems found.')
  })

  it('keeps machine output on stdout', async () => {
    const r = await runCommand(['export', 'models/classroom.yaml', '--format', 'json', '--quiet'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout).nodes.length).toBeGreaterThan(0)
  })
})
